/**
 * Next steps' reads (NEXT-*): every query is filtered by district, and by the teams the caller may read.
 * Only the event types the projection needs are read (items added, completed, followed up), parsed with the
 * contract: never a cast of a payload.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { MeetingEvent } from '#contracts/meeting';
import { FOLLOW_UPS_MAX, type FollowUpItem } from '#contracts/meeting';
import { followUpsFor, nextStepsOf, type NextStep } from '#core/next-steps/index';
import type { DbOrTx } from '../db/client';
import { groupMembers, groups, meetingEvents, meetings, users } from '../db/schema';
import type { GroupRow } from '../groups/queries';
import type { MeetingRow } from '../meetings/queries';

/** The event types `nextStepsOf` reads. */
export const NEXT_STEP_EVENT_TYPES = ['action-item.added', 'action-item.completed', 'next-step.followed-up'];

export interface TeamNextSteps {
  groups: ReadonlyMap<string, GroupRow>;
  meetings: ReadonlyMap<string, MeetingRow>;
  steps: NextStep[];
}

/**
 * Every next step of these teams' meetings (NEXT-PROJ-1), with the teams and meetings they belong to. The
 * caller has already decided which teams it may read.
 */
export async function loadNextSteps(
  db: DbOrTx,
  districtId: string,
  groupIds: readonly string[],
): Promise<TeamNextSteps> {
  if (!groupIds.length) return { groups: new Map(), meetings: new Map(), steps: [] };
  const [groupRows, meetingRows, eventRows] = await Promise.all([
    db
      .select()
      .from(groups)
      .where(and(eq(groups.districtId, districtId), inArray(groups.id, [...groupIds]))),
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.districtId, districtId), inArray(meetings.groupId, [...groupIds]))),
    db
      .select({
        meetingId: meetingEvents.meetingId,
        seq: meetingEvents.seq,
        type: meetingEvents.type,
        v: meetingEvents.v,
        at: meetingEvents.at,
        actorId: meetingEvents.actorId,
        idempotencyKey: meetingEvents.idempotencyKey,
        payload: meetingEvents.payload,
      })
      .from(meetingEvents)
      .innerJoin(
        meetings,
        and(eq(meetings.id, meetingEvents.meetingId), eq(meetings.districtId, meetingEvents.districtId)),
      )
      .where(
        and(
          eq(meetingEvents.districtId, districtId),
          inArray(meetings.groupId, [...groupIds]),
          inArray(meetingEvents.type, NEXT_STEP_EVENT_TYPES),
        ),
      )
      .orderBy(asc(meetingEvents.meetingId), asc(meetingEvents.seq)),
  ]);
  const logs = new Map<string, MeetingEvent[]>();
  for (const { meetingId, ...row } of eventRows) {
    // A row this version cannot read is left out rather than trusted.
    const parsed = MeetingEvent.safeParse(row);
    if (!parsed.success) continue;
    logs.set(meetingId, [...(logs.get(meetingId) ?? []), parsed.data]);
  }
  const byStart = (m: MeetingRow) => (m.startedAt ?? m.scheduledFor ?? m.createdAt).getTime();
  const ordered = [...meetingRows].sort((a, b) => byStart(a) - byStart(b));
  const steps = nextStepsOf(
    ordered.map((m) => ({
      meetingId: m.id,
      title: m.title,
      groupId: m.groupId,
      endedAt: m.endedAt?.getTime() ?? null,
      events: logs.get(m.id) ?? [],
    })),
  );
  return {
    groups: new Map(groupRows.map((g) => [g.id, g])),
    meetings: new Map(meetingRows.map((m) => [m.id, m])),
    steps,
  };
}

/**
 * FOLLOW-OPEN-1: the team's open next steps (for the open path's snapshot and the team home), oldest first.
 */
export async function openNextStepsOfTeam(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<NextStep[]> {
  const { steps } = await loadNextSteps(db, districtId, [groupId]);
  return steps.filter((s) => s.status === 'open').sort((a, b) => a.addedAt - b.addedAt);
}

/** FOLLOW-OPEN-1: the snapshot `meeting.created` carries when `meetingId` of the team opens. */
export async function followUpsForOpening(
  db: DbOrTx,
  districtId: string,
  groupId: string,
  meetingId: string,
): Promise<FollowUpItem[]> {
  return followUpsFor(await openNextStepsOfTeam(db, districtId, groupId), meetingId, FOLLOW_UPS_MAX);
}

/** The teams `userId` is an active member of (their account active), by name. */
export async function activeTeamsOf(db: DbOrTx, districtId: string, userId: string): Promise<GroupRow[]> {
  const rows = await db
    .select({ group: groups })
    .from(groupMembers)
    .innerJoin(
      groups,
      and(eq(groups.id, groupMembers.groupId), eq(groups.districtId, groupMembers.districtId)),
    )
    .innerJoin(users, and(eq(users.id, groupMembers.userId), eq(users.districtId, groupMembers.districtId)))
    .where(
      and(
        eq(groupMembers.districtId, districtId),
        eq(groupMembers.userId, userId),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(groups.name));
  return rows.map((r) => r.group);
}

/** Names of these people of the district (people gone from it are absent). */
export async function namesOf(
  db: DbOrTx,
  districtId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
