import { and, asc, eq, gt } from 'drizzle-orm';
import type { MeetingEvent } from '#contracts/meeting';
import type { DbOrTx } from '../db/client';
import { meetingEvents, meetings } from '../db/schema';

/** PostgreSQL's unique_violation: another writer took this seq, or this idempotency key already landed. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown; cause?: { code?: unknown } }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  return code === '23505';
}

function toEvent(row: typeof meetingEvents.$inferSelect): MeetingEvent {
  // Rows were checked against the contract when they were written (decide/createMeeting output).
  return { seq: row.seq, type: row.type, v: row.v, at: row.at, actorId: row.actorId, idempotencyKey: row.idempotencyKey, payload: row.payload } as MeetingEvent;
}

export async function loadEvents(db: DbOrTx, districtId: string, meetingId: string, afterSeq = 0): Promise<MeetingEvent[]> {
  const rows = await db
    .select()
    .from(meetingEvents)
    .where(and(eq(meetingEvents.districtId, districtId), eq(meetingEvents.meetingId, meetingId), gt(meetingEvents.seq, afterSeq)))
    .orderBy(asc(meetingEvents.seq));
  return rows.map(toEvent);
}

/**
 * Appends events in one transaction and moves the meeting's index row along. Throws a unique violation when
 * another node appended first (same seq) or the idempotency key already landed: the caller reloads and decides again.
 */
export async function appendEvents(db: DbOrTx, districtId: string, meetingId: string, events: readonly MeetingEvent[]): Promise<void> {
  if (!events.length) return;
  const last = events[events.length - 1] as MeetingEvent;
  await db.transaction(async (tx) => {
    await tx.insert(meetingEvents).values(
      events.map((e) => ({
        districtId,
        meetingId,
        seq: e.seq,
        type: e.type,
        v: e.v,
        at: e.at,
        actorId: e.actorId,
        idempotencyKey: e.idempotencyKey,
        payload: e.payload,
      })),
    );
    const started = events.some((e) => e.type === 'meeting.created');
    const ended = events.find((e) => e.type === 'meeting.ended');
    await tx
      .update(meetings)
      .set({
        lastSeq: last.seq,
        ...(started ? { status: 'live' as const, startedAt: new Date(last.at) } : {}),
        ...(ended ? { status: 'ended' as const, endedAt: new Date(ended.at) } : {}),
      })
      .where(and(eq(meetings.districtId, districtId), eq(meetings.id, meetingId)));
  });
}
