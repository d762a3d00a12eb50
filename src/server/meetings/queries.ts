/**
 * The meetings feature's reads, scoped to a district: what the live socket and the REST routes load before
 * `authorize(actor, 'take-part', meetingSubject(...))`. The socket adapter never queries the database itself.
 */
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { TOUCH_AFTER_MS } from '../auth/sessions';
import type { Db, DbOrTx } from '../db/client';
import { groupMembers, groups, meetingInvitees, meetings, sessions, users } from '../db/schema';
import { groupSubject, loadGroup, type GroupRow } from '../groups/queries';
import { notFound } from '../http/errors';
import type { Actor } from '../policy/actor';
import type { MeetingSubject } from '../policy/policy';
import type { GroupRole } from '#contracts/org';

export type MeetingRow = typeof meetings.$inferSelect;

/** `inviteeIds`: the people invited to this meeting only (PM-GUEST-3); none known means none let in. */
export function meetingSubject(
  m: MeetingRow,
  group: GroupRow,
  rosterIds: readonly string[],
  inviteeIds: readonly string[] = [],
): MeetingSubject {
  return {
    kind: 'meeting',
    id: m.id,
    districtId: m.districtId,
    group: groupSubject(group),
    rosterIds,
    live: m.status === 'live',
    inviteeIds,
  };
}

/** PM-GUEST-3: the people invited to a meeting of the district (ids only, for the policy). */
export async function inviteeIdsOf(db: DbOrTx, districtId: string, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: meetingInvitees.userId })
    .from(meetingInvitees)
    .where(and(eq(meetingInvitees.districtId, districtId), eq(meetingInvitees.meetingId, meetingId)));
  return rows.map((r) => r.userId);
}

/**
 * A meeting of the caller's district with its group (another district's is not found). The caller still
 * authorizes what they ask of it.
 */
export async function loadMeeting(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<{ meeting: MeetingRow; group: GroupRow }> {
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.districtId, actor.districtId)));
  if (!m) throw notFound('That meeting');
  return { meeting: m, group: await loadGroup(db, actor, m.groupId) };
}

/**
 * A meeting of the district with its group, and the person's role in that group as the database has it now
 * (a socket's actor was resolved at connect time; joining must not trust a stale membership). Null: no such
 * meeting in this district.
 */
export async function loadMeetingForPerson(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  userId: string,
): Promise<{
  meeting: MeetingRow;
  group: GroupRow;
  groupRole: GroupRole | null;
  /** PM-GUEST-3: invited to this meeting only. */
  invited: boolean;
} | null> {
  const [row] = await db
    .select({
      meeting: meetings,
      group: groups,
      groupRole: groupMembers.role,
      invitedId: meetingInvitees.userId,
    })
    .from(meetings)
    .innerJoin(groups, and(eq(groups.id, meetings.groupId), eq(groups.districtId, meetings.districtId)))
    .leftJoin(
      groupMembers,
      and(
        eq(groupMembers.districtId, meetings.districtId),
        eq(groupMembers.groupId, meetings.groupId),
        eq(groupMembers.userId, userId),
      ),
    )
    .leftJoin(
      meetingInvitees,
      and(
        eq(meetingInvitees.districtId, meetings.districtId),
        eq(meetingInvitees.meetingId, meetings.id),
        eq(meetingInvitees.userId, userId),
      ),
    )
    .where(and(eq(meetings.id, meetingId), eq(meetings.districtId, districtId)))
    .limit(1);
  if (!row) return null;
  const { invitedId, ...rest } = row;
  return { ...rest, invited: invitedId !== null };
}

/** The meetings of a group that are open (their log exists and may still change): rosters to keep current. */
export async function openMeetingIdsOfGroup(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(eq(meetings.districtId, districtId), eq(meetings.groupId, groupId), eq(meetings.status, 'live')),
    );
  return rows.map((r) => r.id);
}

/**
 * Of these session ids (sha256 hashes), those still valid: not expired, their person active, and (for a
 * shared-device session) not idle longer than `idleMs`. `touch` are sessions whose sockets were used since the
 * last check: being in a live meeting is activity, so their idle clock restarts first. One statement each,
 * for every socket of this node (TRUST-REVOKE-7).
 */
export async function liveSessionIds(
  db: Db,
  ids: readonly string[],
  touch: readonly string[],
  idleMs: number,
): Promise<Set<string>> {
  if (touch.length) {
    // As often as a request touches them (auth/sessions.ts), not at every sweep: rewriting every live person's
    // row every 30 s was a burst of WAL that held up the meetings' commits (CAP-LIVE-9).
    const now = Date.now();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(
        and(
          inArray(sessions.id, [...touch]),
          lt(
            sessions.lastSeenAt,
            sql`CASE WHEN ${sessions.persistent} THEN ${new Date(now - TOUCH_AFTER_MS.persistent)}::timestamptz ELSE ${new Date(now - TOUCH_AFTER_MS.shared)}::timestamptz END`,
          ),
        ),
      );
  }
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.districtId, sessions.districtId)))
    .where(
      and(
        inArray(sessions.id, [...ids]),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.deactivatedAt),
        or(eq(sessions.persistent, true), gt(sessions.lastSeenAt, new Date(Date.now() - idleMs))),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * DAY-TEAM-1: a group of the district and the person's role in it as the database has it now (the socket's
 * actor dates from its connection), for watching the team's meetings. Null: no such group in this district.
 */
export async function loadGroupForPerson(
  db: DbOrTx,
  districtId: string,
  groupId: string,
  userId: string,
): Promise<{ group: GroupRow; groupRole: GroupRole | null } | null> {
  const [row] = await db
    .select({ group: groups, groupRole: groupMembers.role })
    .from(groups)
    .leftJoin(
      groupMembers,
      and(
        eq(groupMembers.districtId, groups.districtId),
        eq(groupMembers.groupId, groups.id),
        eq(groupMembers.userId, userId),
      ),
    )
    .where(and(eq(groups.id, groupId), eq(groups.districtId, districtId)))
    .limit(1);
  return row ?? null;
}

/** DAY-TEAM-1: the group a meeting of the district belongs to (to tell the team's pages it changed). */
export async function groupIdOfMeeting(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ groupId: meetings.groupId })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.districtId, districtId)))
    .limit(1);
  return row?.groupId ?? null;
}
