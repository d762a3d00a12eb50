import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { MeetingEvent } from '#contracts/meeting';
import type { DbOrTx } from '../db/client';
import { meetingEvents, meetings } from '../db/schema';

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

/** The meeting's events after `afterSeq` in seq order: all of them, or the first `limit` (one catch-up page). */
export async function loadEvents(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  afterSeq = 0,
  limit?: number,
): Promise<MeetingEvent[]> {
  const query = db
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
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map(toEvent);
}

/** The columns of a stored event that the contract's `MeetingEvent` names, with the meeting they belong to. */
export const eventColumns = {
  meetingId: meetingEvents.meetingId,
  seq: meetingEvents.seq,
  type: meetingEvents.type,
  v: meetingEvents.v,
  at: meetingEvents.at,
  actorId: meetingEvents.actorId,
  idempotencyKey: meetingEvents.idempotencyKey,
  payload: meetingEvents.payload,
};
export type StoredEventRow = Pick<
  typeof meetingEvents.$inferSelect,
  'meetingId' | 'seq' | 'type' | 'v' | 'at' | 'actorId' | 'idempotencyKey' | 'payload'
>;

/**
 * A stored row as a contract event, for read models: parsed with its schema (never a cast of its payload); a row
 * this version cannot read is left out (null) rather than trusted.
 */
export function parseStoredEvent(row: StoredEventRow): MeetingEvent | null {
  const { meetingId: _meeting, ...event } = row;
  const parsed = MeetingEvent.safeParse(event);
  return parsed.success ? parsed.data : null;
}

/** One meeting of a team with the events a read model asked for, parsed, in seq order. */
export interface TeamMeetingLog {
  meetingId: string;
  title: string;
  events: MeetingEvent[];
}

/**
 * The logs of a team's meetings for a read model over them (district-scoped): only the event `types` it reads,
 * only ended meetings when `endedOnly`, at most `limit` events in all. Meetings come in the order of their ids'
 * first event; each meeting's events in seq order.
 */
export async function loadTeamLogs(
  db: DbOrTx,
  districtId: string,
  groupId: string,
  opts: { types: readonly MeetingEvent['type'][]; endedOnly?: boolean; limit?: number },
): Promise<TeamMeetingLog[]> {
  const rows = await db
    .select({ ...eventColumns, title: meetings.title })
    .from(meetingEvents)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingEvents.meetingId), eq(meetings.districtId, meetingEvents.districtId)),
    )
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, groupId),
        opts.endedOnly ? eq(meetings.status, 'ended') : undefined,
        inArray(meetingEvents.type, [...opts.types]),
      ),
    )
    .orderBy(asc(meetingEvents.meetingId), asc(meetingEvents.seq))
    .limit(opts.limit ?? 20_000);
  const byMeeting = new Map<string, TeamMeetingLog>();
  for (const { title, ...row } of rows) {
    const event = parseStoredEvent(row);
    if (!event) continue;
    const entry = byMeeting.get(row.meetingId) ?? { meetingId: row.meetingId, title, events: [] };
    entry.events.push(event);
    byMeeting.set(row.meetingId, entry);
  }
  return [...byMeeting.values()];
}
