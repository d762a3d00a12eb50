/**
 * The team home's reads (HOME-*, EXPORT-*): every query is filtered by the caller's district and the team, and runs
 * only after the route has authorized the caller as an active member of that team.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { MeetingEvent } from '#contracts/meeting';
import type { MeetingLog } from '#core/journey/index';
import type { Database, Db, DbOrTx } from '../db/client';
import { preparedPerDatabase } from '../db/prepared';
import { groupMembers, meetingEvents, meetings, memoryRecords, users } from '../db/schema';

/** HOME-1: the most ended meetings the journey and the chart read (the newest). */
export const HOME_MEETINGS_MAX = 500;
/** HOME-3: a visit lasts while the page is read again within this gap; after it, the next read is a new visit. */
export const VISIT_GAP_MS = 30 * 60_000;
/** HOME-3: the most items of each kind listed under "Since your last visit". */
export const SINCE_ITEMS_MAX = 10;

/** What the journey and the chart read of a meeting's log. */
const HOME_EVENT_TYPES = [
  'meeting.created',
  'meeting.started',
  'roles.assigned',
  'source.tagged',
  'source.untagged',
  'meeting.ended',
] as const;

type EventRow = Pick<
  typeof meetingEvents.$inferSelect,
  'meetingId' | 'seq' | 'type' | 'v' | 'at' | 'actorId' | 'idempotencyKey' | 'payload'
>;
const eventColumns = {
  meetingId: meetingEvents.meetingId,
  seq: meetingEvents.seq,
  type: meetingEvents.type,
  v: meetingEvents.v,
  at: meetingEvents.at,
  actorId: meetingEvents.actorId,
  idempotencyKey: meetingEvents.idempotencyKey,
  payload: meetingEvents.payload,
};

/** Rows grouped by meeting, each parsed with the contract; a row this version cannot read is left out. */
function logsOf(rows: readonly EventRow[], order: readonly string[]): MeetingLog[] {
  const byMeeting = new Map<string, MeetingEvent[]>(order.map((id) => [id, []]));
  for (const { meetingId, ...raw } of rows) {
    const parsed = MeetingEvent.safeParse(raw);
    if (parsed.success) byMeeting.get(meetingId)?.push(parsed.data);
  }
  return [...byMeeting].map(([meetingId, events]) => ({ meetingId, events }));
}

/** HOME-1: the team's ended meetings (newest `HOME_MEETINGS_MAX`), with the events the journey and chart need. */
export async function endedMeetingLogs(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<MeetingLog[]> {
  const ended = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(eq(meetings.districtId, districtId), eq(meetings.groupId, groupId), eq(meetings.status, 'ended')),
    )
    .orderBy(desc(meetings.endedAt))
    .limit(HOME_MEETINGS_MAX);
  const ids = ended.map((m) => m.id);
  if (!ids.length) return [];
  const rows = await db
    .select(eventColumns)
    .from(meetingEvents)
    .where(
      and(
        eq(meetingEvents.districtId, districtId),
        inArray(meetingEvents.meetingId, ids),
        inArray(meetingEvents.type, [...HOME_EVENT_TYPES]),
      ),
    )
    .orderBy(asc(meetingEvents.meetingId), asc(meetingEvents.seq));
  return logsOf(rows, ids);
}

/** HOME-4: the next steps of the team's meetings that have a completion after `since`, with their additions. */
export async function nextStepLogsSince(
  db: DbOrTx,
  districtId: string,
  groupId: string,
  since: Date,
): Promise<MeetingLog[]> {
  const completed = await db
    .selectDistinct({ meetingId: meetingEvents.meetingId })
    .from(meetingEvents)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingEvents.meetingId), eq(meetings.districtId, meetingEvents.districtId)),
    )
    .where(
      and(
        eq(meetingEvents.districtId, districtId),
        eq(meetings.groupId, groupId),
        eq(meetingEvents.type, 'action-item.completed'),
        gt(meetingEvents.at, since.getTime()),
      ),
    )
    .limit(HOME_MEETINGS_MAX);
  const ids = completed.map((m) => m.meetingId);
  if (!ids.length) return [];
  const rows = await db
    .select(eventColumns)
    .from(meetingEvents)
    .where(
      and(
        eq(meetingEvents.districtId, districtId),
        inArray(meetingEvents.meetingId, ids),
        inArray(meetingEvents.type, ['action-item.added', 'action-item.completed']),
      ),
    )
    .orderBy(asc(meetingEvents.meetingId), asc(meetingEvents.seq));
  return logsOf(rows, ids);
}

export type NextMeetingRow = typeof meetings.$inferSelect;

/**
 * HOME-2: the team's next meeting: a live one (the latest started), else the first scheduled one that is undated
 * or planned no earlier than 12 hours ago (one planned this morning and not yet opened is still next).
 */
/**
 * CAP-API-7: the team's live and scheduled meetings (what the next one is picked from), in one prepared statement;
 * kept with the team's past, since only the time decides between them afterwards.
 */
export async function upcomingMeetings(
  db: Db,
  districtId: string,
  groupId: string,
): Promise<NextMeetingRow[]> {
  return upcomingQuery(db).execute({ districtId, groupId });
}

const upcomingQuery = preparedPerDatabase((db: Db) =>
  db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, sql.placeholder('districtId')),
        eq(meetings.groupId, sql.placeholder('groupId')),
        inArray(meetings.status, ['live', 'scheduled']),
      ),
    )
    .limit(UPCOMING_MAX)
    .prepare('ensemble-upcoming-meetings'),
);

/** More scheduled meetings than a team plans ahead (a weekly series for two years). */
const UPCOMING_MAX = 200;

/**
 * HOME-2: the live one that started last, else the first scheduled one that is undated or planned no earlier than
 * 12 hours ago (one planned this morning and not yet opened is still next), by date, undated last, then by
 * creation.
 */
export function pickNextMeeting(rows: readonly NextMeetingRow[], now: Date): NextMeetingRow | null {
  const from = now.getTime() - 12 * 3_600_000;
  let live: NextMeetingRow | null = null;
  let next: NextMeetingRow | null = null;
  const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  for (const m of rows) {
    if (m.status === 'live') {
      if (!live || (m.startedAt?.getTime() ?? 0) > (live.startedAt?.getTime() ?? 0)) live = m;
    } else if (m.status === 'scheduled' && (m.scheduledFor === null || m.scheduledFor.getTime() > from)) {
      const earlier =
        !next ||
        time(m.scheduledFor) < time(next.scheduledFor) ||
        (time(m.scheduledFor) === time(next.scheduledFor) &&
          m.createdAt.getTime() < next.createdAt.getTime());
      if (earlier) next = m;
    }
  }
  return live ?? next;
}

/** The team's dilemmas marked resolved (JOURNEY-5). */
export async function resolvedDilemmaCount(db: DbOrTx, districtId: string, groupId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memoryRecords)
    .where(
      and(
        eq(memoryRecords.districtId, districtId),
        eq(memoryRecords.groupId, groupId),
        eq(memoryRecords.kind, 'dilemma'),
        eq(memoryRecords.status, 'resolved'),
      ),
    );
  return row?.n ?? 0;
}

/** CAP-API-6: a read within this long of the recorded one does not write (the time is kept to the minute). */
export const VISIT_WRITE_AFTER_MS = 60_000;

/**
 * HOME-3: records this visit and answers what it compares against: the end of the previous visit, or null on the
 * first one. A read within `VISIT_GAP_MS` of the last is the same visit (it keeps its `since`).
 * CAP-API-6: one statement, and no write (no lock, no commit to wait for) when the recorded time is under a
 * minute old, so a page read again and again by a whole team stays a read.
 */
export async function recordVisit(
  pool: Database['pool'],
  who: { districtId: string; groupId: string; userId: string },
  now: Date,
): Promise<{ since: Date | null; seenAt: Date }> {
  const result = await pool.query<{ since_ms: number | null; seen_ms: number }>({
    name: 'ensemble-team-visit',
    text: RECORD_VISIT,
    values: [who.districtId, who.groupId, who.userId, now, VISIT_WRITE_AFTER_MS / 1000, VISIT_GAP_MS / 1000],
  });
  const row = result.rows[0];
  const since = row?.since_ms;
  return {
    since: since === null || since === undefined ? null : new Date(Math.round(since)),
    seenAt: new Date(Math.round(row?.seen_ms ?? now.getTime())),
  };
}

/** HOME-3, CAP-API-6: $1 district, $2 group, $3 person, $4 now, $5 seconds without a write, $6 the visit gap. */
const RECORD_VISIT = `
  WITH cur AS (
    SELECT seen_at, since FROM team_visits WHERE district_id = $1 AND group_id = $2 AND user_id = $3
  ), up AS (
    INSERT INTO team_visits AS v (district_id, group_id, user_id, seen_at, since)
    SELECT $1, $2, $3, $4, NULL
     WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.seen_at > $4::timestamptz - make_interval(secs => $5))
    ON CONFLICT (group_id, user_id) DO UPDATE SET
      since = CASE WHEN excluded.seen_at - v.seen_at > make_interval(secs => $6) THEN v.seen_at ELSE v.since END,
      seen_at = excluded.seen_at
     WHERE v.district_id = excluded.district_id
    RETURNING v.since
  )
  SELECT (extract(epoch FROM coalesce((SELECT since FROM up), (SELECT since FROM cur))) * 1000)::float8 AS since_ms,
    (extract(epoch FROM CASE WHEN EXISTS (SELECT 1 FROM up) THEN $4::timestamptz ELSE (SELECT seen_at FROM cur) END) * 1000)::float8 AS seen_ms`;

/** HOME-3: meetings of the team that ended after `since`, newest first. */
export async function meetingsEndedSince(db: DbOrTx, districtId: string, groupId: string, since: Date) {
  return db
    .select({ id: meetings.id, title: meetings.title, at: meetings.endedAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, groupId),
        eq(meetings.status, 'ended'),
        gt(meetings.endedAt, since),
      ),
    )
    .orderBy(desc(meetings.endedAt))
    .limit(SINCE_ITEMS_MAX);
}

/** HOME-3: successes recorded since (`created_at`), and dilemmas resolved since (`resolved_at`), newest first. */
export async function memorySince(db: DbOrTx, districtId: string, groupId: string, since: Date) {
  const scope = and(eq(memoryRecords.districtId, districtId), eq(memoryRecords.groupId, groupId));
  const [successes, resolved] = await Promise.all([
    db
      .select({ id: memoryRecords.id, title: memoryRecords.title, at: memoryRecords.createdAt })
      .from(memoryRecords)
      .where(and(scope, eq(memoryRecords.kind, 'success'), gt(memoryRecords.createdAt, since)))
      .orderBy(desc(memoryRecords.createdAt))
      .limit(SINCE_ITEMS_MAX),
    db
      .select({ id: memoryRecords.id, title: memoryRecords.title, at: memoryRecords.resolvedAt })
      .from(memoryRecords)
      .where(
        and(
          scope,
          eq(memoryRecords.kind, 'dilemma'),
          isNotNull(memoryRecords.resolvedAt),
          gt(memoryRecords.resolvedAt, since),
        ),
      )
      .orderBy(desc(memoryRecords.resolvedAt))
      .limit(SINCE_ITEMS_MAX),
  ]);
  return { successes, resolved };
}

/** HOME-3: active people who joined the team since, other than the caller, newest first. */
export async function membersJoinedSince(
  db: DbOrTx,
  who: { districtId: string; groupId: string; userId: string },
  since: Date,
) {
  return db
    .select({ id: users.id, name: users.name, at: groupMembers.joinedAt })
    .from(groupMembers)
    .innerJoin(users, and(eq(users.id, groupMembers.userId), eq(users.districtId, groupMembers.districtId)))
    .where(
      and(
        eq(groupMembers.districtId, who.districtId),
        eq(groupMembers.groupId, who.groupId),
        ne(groupMembers.userId, who.userId),
        isNull(users.deactivatedAt),
        gt(groupMembers.joinedAt, since),
      ),
    )
    .orderBy(desc(groupMembers.joinedAt))
    .limit(SINCE_ITEMS_MAX);
}

export type MemoryRecordRow = typeof memoryRecords.$inferSelect;

/** EXPORT-1: the most records one export carries. */
export const EXPORT_RECORDS_MAX = 10_000;

/** EXPORT-1: the team's memory records, oldest first (kind order is the presenter's). */
export async function teamMemoryRecords(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<MemoryRecordRow[]> {
  return db
    .select()
    .from(memoryRecords)
    .where(and(eq(memoryRecords.districtId, districtId), eq(memoryRecords.groupId, groupId)))
    .orderBy(asc(memoryRecords.occurredAt), asc(memoryRecords.createdAt))
    .limit(EXPORT_RECORDS_MAX);
}

/** Names of people of the district, by id (for authors and owners named in records). */
export async function namesOf(
  db: DbOrTx,
  districtId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
