import { and, asc, eq, gt } from 'drizzle-orm';
import type { MeetingEvent } from '#contracts/meeting';
import type { DbOrTx } from '../db/client';
import { meetingEvents } from '../db/schema';

/** PostgreSQL's unique_violation: another writer took this seq, or this idempotency key already landed. */
export function isUniqueViolation(err: unknown): boolean {
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } }).code ??
    (err as { cause?: { code?: unknown } }).cause?.code;
  return code === '23505';
}

/** PostgreSQL's data exceptions (class 22: e.g. `\u0000` cannot be converted to text): the input, not the server. */
export function isDataError(err: unknown): boolean {
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } }).code ??
    (err as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && code.startsWith('22');
}

function toEvent(row: typeof meetingEvents.$inferSelect): MeetingEvent {
  // Rows were checked against the contract when they were written (decide/createMeeting output).
  return {
    seq: row.seq,
    type: row.type,
    v: row.v,
    at: row.at,
    actorId: row.actorId,
    idempotencyKey: row.idempotencyKey,
    payload: row.payload,
  } as MeetingEvent;
}

export async function loadEvents(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  afterSeq = 0,
): Promise<MeetingEvent[]> {
  const rows = await db
    .select()
    .from(meetingEvents)
    .where(
      and(
        eq(meetingEvents.districtId, districtId),
        eq(meetingEvents.meetingId, meetingId),
        gt(meetingEvents.seq, afterSeq),
      ),
    )
    .orderBy(asc(meetingEvents.seq));
  return rows.map(toEvent);
}
