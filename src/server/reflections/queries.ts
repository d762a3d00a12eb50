/**
 * My reflections' reads (DAY-REFL-1, DAY-REFL-2): every query is filtered by the caller's district, and the
 * reflection events by the caller as their actor, so another person's private text is never even read.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { MeetingEvent } from '#contracts/meeting';
import type { DbOrTx } from '../db/client';
import { groups, meetingEvents, meetings } from '../db/schema';
import type { GroupRow } from '../groups/queries';
import type { MeetingRow } from '../meetings/queries';
import { eventColumns, parseStoredEvent } from '../meetings/store';

/** The author's most recent reflection events read at most (DAY-REFL-1). */
export const MY_REFLECTION_EVENTS_MAX = 5_000;

const REFLECTION_TYPES = ['reflection.written', 'reflection.shared'];
/** What the projection needs of each meeting besides the author's own events: its steps and its end. */
const MEETING_TYPES = ['meeting.created', 'meeting.ended'];

export interface MeetingWithLog {
  meeting: MeetingRow;
  group: GroupRow;
  /** The meeting's snapshot and end, and the author's reflection events, parsed with the contract. */
  log: MeetingEvent[];
}

export interface MyReflectionsFilter {
  districtId: string;
  userId: string;
  groupId?: string | undefined;
  meetingId?: string | undefined;
}

/**
 * The meetings in which `userId` wrote private reflections (optionally of one team, or one meeting), each with
 * the events the projection needs. Bounded: the author's newest `MY_REFLECTION_EVENTS_MAX` reflection events.
 */
export async function loadMyReflectionLogs(db: DbOrTx, f: MyReflectionsFilter): Promise<MeetingWithLog[]> {
  const own = await db
    .select(eventColumns)
    .from(meetingEvents)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingEvents.meetingId), eq(meetings.districtId, meetingEvents.districtId)),
    )
    .where(
      and(
        eq(meetingEvents.districtId, f.districtId),
        eq(meetingEvents.actorId, f.userId),
        inArray(meetingEvents.type, REFLECTION_TYPES),
        f.groupId ? eq(meetings.groupId, f.groupId) : undefined,
        f.meetingId ? eq(meetingEvents.meetingId, f.meetingId) : undefined,
      ),
    )
    .orderBy(desc(meetingEvents.at))
    .limit(MY_REFLECTION_EVENTS_MAX);
  const meetingIds = [...new Set(own.map((e) => e.meetingId))];
  if (!meetingIds.length) return [];
  const [rows, context] = await Promise.all([
    db
      .select({ meeting: meetings, group: groups })
      .from(meetings)
      .innerJoin(groups, and(eq(groups.id, meetings.groupId), eq(groups.districtId, meetings.districtId)))
      .where(and(eq(meetings.districtId, f.districtId), inArray(meetings.id, meetingIds))),
    db
      .select(eventColumns)
      .from(meetingEvents)
      .where(
        and(
          eq(meetingEvents.districtId, f.districtId),
          inArray(meetingEvents.meetingId, meetingIds),
          inArray(meetingEvents.type, MEETING_TYPES),
        ),
      ),
  ]);
  const logs = new Map<string, MeetingEvent[]>();
  for (const row of [...context, ...own]) {
    const event = parseStoredEvent(row);
    if (!event) continue;
    const log = logs.get(row.meetingId) ?? [];
    log.push(event);
    logs.set(row.meetingId, log);
  }
  return rows.map(({ meeting, group }) => ({ meeting, group, log: logs.get(meeting.id) ?? [] }));
}

/**
 * The meeting in which `userId` wrote the reflection `reflectionId` (null when they wrote none with that id, in
 * this district: someone else's reflection is not found either, DAY-REFL-2).
 */
export async function meetingOfMyReflection(
  db: DbOrTx,
  districtId: string,
  userId: string,
  reflectionId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ meetingId: meetingEvents.meetingId })
    .from(meetingEvents)
    .where(
      and(
        eq(meetingEvents.districtId, districtId),
        eq(meetingEvents.actorId, userId),
        eq(meetingEvents.type, 'reflection.written'),
        sql`${meetingEvents.payload}->>'reflectionId' = ${reflectionId}`,
      ),
    )
    .limit(1);
  return row?.meetingId ?? null;
}
