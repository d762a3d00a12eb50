/**
 * Peer Modeling's reads and writes (issue 11 item 1, ADR 0016): plans, people invited to one meeting, visit
 * notes and the team's recorded successes. Every query is filtered by the district (ADR 0003).
 */
import { and, asc, eq, ilike, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { PeerModelingPlan } from '#contracts/meeting';
import type { InviteeRole, SavePlanRequest } from '#contracts/peer-modeling';
import type { DbOrTx } from '../db/client';
import { activeMembers } from '../groups/queries';
import { loadTeamLogs } from '../meetings/store';
import {
  meetingInvitees,
  meetingPlans,
  meetings,
  schoolRoles,
  schools,
  users,
  visitNotes,
} from '../db/schema';

export type PlanRow = typeof meetingPlans.$inferSelect;
export type InviteeRow = typeof meetingInvitees.$inferSelect;
export type VisitNoteRow = typeof visitNotes.$inferSelect;

export async function plansOf(db: DbOrTx, districtId: string, meetingId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(meetingPlans)
    .where(and(eq(meetingPlans.districtId, districtId), eq(meetingPlans.meetingId, meetingId)))
    .orderBy(asc(meetingPlans.part));
}

export async function savePlan(
  db: DbOrTx,
  key: { districtId: string; meetingId: string; part: number; updatedBy: string },
  plan: SavePlanRequest,
  fromTitle: string | null,
): Promise<void> {
  const values = {
    curiosity: plan.curiosity,
    practice: plan.practice,
    modelId: plan.modelId,
    mode: plan.mode,
    modelingAt: plan.modelingAt ? new Date(plan.modelingAt) : null,
    videoUrl: plan.videoUrl,
    fromMeetingId: plan.fromSuccess?.meetingId ?? null,
    fromPart: plan.fromSuccess?.part ?? null,
    fromTitle,
    updatedBy: key.updatedBy,
    updatedAt: new Date(),
  };
  await db
    .insert(meetingPlans)
    .values({ districtId: key.districtId, meetingId: key.meetingId, part: key.part, ...values })
    .onConflictDoUpdate({ target: [meetingPlans.meetingId, meetingPlans.part], set: values });
}

/** PM-PLAN-3: a stored plan as the log's snapshot has it (null when a stored value no longer passes). */
export function planSnapshot(row: PlanRow): PeerModelingPlan | null {
  const fromSuccess =
    row.fromMeetingId && row.fromPart !== null && row.fromTitle
      ? { meetingId: row.fromMeetingId, part: row.fromPart, title: row.fromTitle }
      : null;
  const parsed = PeerModelingPlan.safeParse({
    part: row.part,
    curiosity: row.curiosity,
    practice: row.practice,
    modelId: row.modelId,
    mode: row.mode,
    modelingAt: row.modelingAt?.toISOString() ?? null,
    videoUrl: row.mode === 'classroom-video' ? row.videoUrl : null,
    fromSuccess,
  });
  return parsed.success ? parsed.data : null;
}

export async function inviteesOf(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
): Promise<(InviteeRow & { name: string })[]> {
  const rows = await db
    .select({ invitee: meetingInvitees, name: users.name })
    .from(meetingInvitees)
    .innerJoin(
      users,
      and(eq(users.id, meetingInvitees.userId), eq(users.districtId, meetingInvitees.districtId)),
    )
    .where(
      and(
        eq(meetingInvitees.districtId, districtId),
        eq(meetingInvitees.meetingId, meetingId),
        // A deactivated person's invitation stands but lets nobody in.
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(meetingInvitees.invitedAt));
  return rows.map((r) => ({ ...r.invitee, name: r.name }));
}

/** Adds the invitation; false when the person was already invited (the role is then updated). */
export async function upsertInvitee(
  db: DbOrTx,
  row: { districtId: string; meetingId: string; userId: string; role: InviteeRole; invitedBy: string },
): Promise<boolean> {
  const [existing] = await db
    .select({ userId: meetingInvitees.userId })
    .from(meetingInvitees)
    .where(
      and(
        eq(meetingInvitees.districtId, row.districtId),
        eq(meetingInvitees.meetingId, row.meetingId),
        eq(meetingInvitees.userId, row.userId),
      ),
    );
  await db
    .insert(meetingInvitees)
    .values(row)
    .onConflictDoUpdate({
      target: [meetingInvitees.meetingId, meetingInvitees.userId],
      set: { role: row.role },
    });
  return !existing;
}

export async function deleteInvitee(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  userId: string,
): Promise<boolean> {
  const gone = await db
    .delete(meetingInvitees)
    .where(
      and(
        eq(meetingInvitees.districtId, districtId),
        eq(meetingInvitees.meetingId, meetingId),
        eq(meetingInvitees.userId, userId),
      ),
    )
    .returning({ userId: meetingInvitees.userId });
  // A plan naming them as its model no longer does.
  await db
    .update(meetingPlans)
    .set({ modelId: null })
    .where(
      and(
        eq(meetingPlans.districtId, districtId),
        eq(meetingPlans.meetingId, meetingId),
        eq(meetingPlans.modelId, userId),
      ),
    );
  return gone.length > 0;
}

/** The team's active members with their names, by name. */
export async function teamPeople(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<{ id: string; name: string }[]> {
  return (await activeMembers(db, districtId, groupId)).map(({ id, name }) => ({ id, name }));
}

/** An active person of the district, or null. */
export async function activePerson(db: DbOrTx, districtId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.districtId, districtId), eq(users.id, userId), isNull(users.deactivatedAt)));
  return row ?? null;
}

/**
 * PM-GUEST-4: people of the district whose name (any word's start) or whole address matches, who are active
 * and not on the team: at most 10, with their schools' names; never their addresses.
 */
export async function searchCandidates(
  db: DbOrTx,
  districtId: string,
  groupId: string,
  q: string,
): Promise<{ id: string; name: string; schools: string[] }[]> {
  const pattern = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const team = await teamPeople(db, districtId, groupId);
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.districtId, districtId),
        isNull(users.deactivatedAt),
        team.length
          ? notInArray(
              users.id,
              team.map((p) => p.id),
            )
          : sql`true`,
        or(
          ilike(users.name, `${pattern}%`),
          ilike(users.name, `% ${pattern}%`),
          eq(users.email, q.toLowerCase()),
        ),
      ),
    )
    .orderBy(asc(users.name))
    .limit(10);
  if (!rows.length) return [];
  const where = await db
    .select({ userId: schoolRoles.userId, name: schools.name })
    .from(schoolRoles)
    .innerJoin(
      schools,
      and(eq(schools.id, schoolRoles.schoolId), eq(schools.districtId, schoolRoles.districtId)),
    )
    .where(
      and(
        eq(schoolRoles.districtId, districtId),
        inArray(
          schoolRoles.userId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(schools.name));
  return rows.map((r) => ({
    ...r,
    schools: where.filter((w) => w.userId === r.id).map((w) => w.name),
  }));
}

/** PM-GUEST-5: the meetings a person is invited to (not ended, or ended in the last 30 days), soonest first. */
export async function invitedMeetingsOf(db: DbOrTx, districtId: string, userId: string) {
  return db
    .select({ meeting: meetings })
    .from(meetingInvitees)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingInvitees.meetingId), eq(meetings.districtId, meetingInvitees.districtId)),
    )
    .where(
      and(
        eq(meetingInvitees.districtId, districtId),
        eq(meetingInvitees.userId, userId),
        or(sql`${meetings.status} <> 'ended'`, sql`${meetings.endedAt} > now() - interval '30 days'`),
      ),
    )
    .orderBy(sql`${meetings.scheduledFor} asc nulls last`, asc(meetings.createdAt))
    .limit(50);
}

export async function visitNoteOf(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  authorId: string,
): Promise<VisitNoteRow | null> {
  const [row] = await db
    .select()
    .from(visitNotes)
    .where(
      and(
        eq(visitNotes.districtId, districtId),
        eq(visitNotes.meetingId, meetingId),
        eq(visitNotes.authorId, authorId),
      ),
    );
  return row ?? null;
}

export async function saveVisitNote(
  db: DbOrTx,
  key: { districtId: string; meetingId: string; authorId: string },
  text: string,
): Promise<VisitNoteRow> {
  const [row] = await db
    .insert(visitNotes)
    .values({ ...key, text })
    .onConflictDoUpdate({
      target: [visitNotes.meetingId, visitNotes.authorId],
      set: { text, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/**
 * PM-PLAN-2: the events a success projection needs from the team's ended meetings (presenters and records),
 * each parsed with the contract; a row that does not parse is left out rather than trusted.
 */
export async function teamSuccessLogs(db: DbOrTx, districtId: string, groupId: string) {
  return loadTeamLogs(db, districtId, groupId, {
    types: ['roles.assigned', 'meeting.started', 'presentation.recorded'],
    endedOnly: true,
  });
}
