/** Meeting pulses' reads and writes (ADR 0029), every one filtered by `district_id`; no answer is read with a person. */
import { and, asc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { meetingPulseParticipation, meetingPulseResponses, meetings } from '../db/schema';

export async function hasAnswered(db: DbOrTx, districtId: string, meetingId: string, userId: string) {
  const [row] = await db
    .select({ userId: meetingPulseParticipation.userId })
    .from(meetingPulseParticipation)
    .where(
      and(
        eq(meetingPulseParticipation.districtId, districtId),
        eq(meetingPulseParticipation.meetingId, meetingId),
        eq(meetingPulseParticipation.userId, userId),
      ),
    );
  return row !== undefined;
}

/** MEASURE-PULSE-2: marks the person as having answered; false when they already had. */
export async function claimAnswer(db: DbOrTx, districtId: string, meetingId: string, userId: string) {
  const rows = await db
    .insert(meetingPulseParticipation)
    .values({ districtId, meetingId, userId })
    .onConflictDoNothing()
    .returning({ meetingId: meetingPulseParticipation.meetingId });
  return rows.length === 1;
}

export async function insertPulseAnswer(
  db: DbOrTx,
  row: { districtId: string; groupId: string; meetingId: string; instrument: string; answers: number[] },
) {
  await db.insert(meetingPulseResponses).values(row);
}

/**
 * MEASURE-PULSE-3: a team's ended meetings whose pulse has closed (ended before `closedBefore`), oldest first,
 * with their answers (values only, in no particular order within a meeting).
 */
export async function closedPulsesOf(db: DbOrTx, districtId: string, groupId: string, closedBefore: Date) {
  const ended = await db
    .select({ id: meetings.id, endedAt: meetings.endedAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, groupId),
        eq(meetings.status, 'ended'),
        isNotNull(meetings.endedAt),
        lt(meetings.endedAt, closedBefore),
      ),
    )
    .orderBy(asc(meetings.endedAt), asc(meetings.id));
  const answers = await db
    .select({ meetingId: meetingPulseResponses.meetingId, answers: meetingPulseResponses.answers })
    .from(meetingPulseResponses)
    .where(and(eq(meetingPulseResponses.districtId, districtId), eq(meetingPulseResponses.groupId, groupId)));
  return { ended, answers };
}

/** How many of the team's meetings ended since `since` (their pulses are still open). */
export async function openPulseCount(db: DbOrTx, districtId: string, groupId: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, groupId),
        eq(meetings.status, 'ended'),
        gt(meetings.endedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** MEASURE-PULSE-4: who answered a pulse is forgotten once it closes (every district: the job's round). */
export async function forgetClosedPulseParticipation(db: DbOrTx, closedBefore: Date): Promise<number> {
  const rows = await db
    .delete(meetingPulseParticipation)
    .where(
      sql`exists (select 1 from ${meetings} m where m.id = ${meetingPulseParticipation.meetingId} and m.district_id = ${meetingPulseParticipation.districtId} and m.ended_at < ${closedBefore.toISOString()}::timestamptz)`,
    )
    .returning({ meetingId: meetingPulseParticipation.meetingId });
  return rows.length;
}
