/**
 * Weekly series and changes to scheduled meetings (SERIES), scoped to a district. A series is a rule plus one
 * `meetings` row per date that is not skipped; editing its holidays or last date adds or removes the rows that
 * were never opened, and refuses to drop a meeting that has been held.
 */
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { MeetingAgendaItem } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import {
  SERIES_DATES_MAX,
  UPCOMING_DAYS,
  UPCOMING_MAX,
  type CreateSeriesRequest,
  type UpdateSeriesRequest,
} from '#contracts/schedule';
import { occurrencesOf, ruleIssues, seriesDates, type ZonedRule } from '#core/schedule/index';
import { agendaOf } from '#core/routines/index';
import { newJoinCode } from '../auth/tokens';
import type { DbOrTx } from '../db/client';
import { districts, groups, meetings, meetingSeries, schools } from '../db/schema';
import type { GroupRow } from '../groups/queries';
import { loadGroup } from '../groups/queries';
import { badRequest, conflict, notFound, type FieldProblem } from '../http/errors';
import type { Actor } from '../policy/actor';
import { isUniqueViolation } from '../meetings/store';

export type SeriesRow = typeof meetingSeries.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

/** SERIES-TZ-2: a team meets in its school's time zone, else its district's (leadership teams have no school). */
export async function teamTimeZone(db: DbOrTx, group: GroupRow): Promise<string> {
  if (group.schoolId) {
    const [school] = await db
      .select({ timeZone: schools.timeZone })
      .from(schools)
      .where(and(eq(schools.districtId, group.districtId), eq(schools.id, group.schoolId)));
    if (school?.timeZone) return school.timeZone;
  }
  const [district] = await db
    .select({ timeZone: districts.timeZone })
    .from(districts)
    .where(eq(districts.id, group.districtId));
  if (!district) throw notFound('That district');
  return district.timeZone;
}

export async function loadSeries(db: DbOrTx, actor: Actor, seriesId: string) {
  const [series] = await db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.id, seriesId), eq(meetingSeries.districtId, actor.districtId)));
  if (!series) throw notFound('That series');
  const group = await loadGroup(db, actor, series.groupId);
  return { series, group };
}

export async function listSeriesOf(db: DbOrTx, group: GroupRow): Promise<SeriesRow[]> {
  return db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.districtId, group.districtId), eq(meetingSeries.groupId, group.id)))
    .orderBy(asc(meetingSeries.createdAt));
}

/** The next scheduled meeting of each series, from `now`. */
export async function nextOfSeries(
  db: DbOrTx,
  districtId: string,
  seriesIds: readonly string[],
  now: Date,
): Promise<Map<string, Date>> {
  if (!seriesIds.length) return new Map();
  const rows = await db
    .select({ seriesId: meetings.seriesId, next: sql<Date>`min(${meetings.scheduledFor})` })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        inArray(meetings.seriesId, [...seriesIds]),
        eq(meetings.status, 'scheduled'),
        gte(meetings.scheduledFor, now),
      ),
    )
    .groupBy(meetings.seriesId);
  return new Map(rows.flatMap((r) => (r.seriesId ? [[r.seriesId, new Date(r.next)] as const] : [])));
}

export const agendaMinutes = (agenda: readonly MeetingAgendaItem[]) =>
  agenda.reduce((sum, a) => sum + a.minutes, 0);

export function ruleOf(s: SeriesRow): ZonedRule {
  return {
    weekday: s.weekday,
    intervalWeeks: s.intervalWeeks,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    skipDates: s.skipDates,
    time: s.localTime,
    timeZone: s.timeZone,
  };
}

/** SERIES-RULE-2: the rule's problems as a 400 naming each field. */
function assertRule(rule: ZonedRule): void {
  const issues = ruleIssues(rule, SERIES_DATES_MAX);
  if (issues.length)
    throw badRequest(
      'Check the dates of the series.',
      issues.map((i): FieldProblem => ({ path: i.path, message: i.message })),
    );
}

/** Meeting rows for these dates of a series (scheduled, each with its own join code). */
async function insertOccurrences(
  tx: DbOrTx,
  series: SeriesRow,
  dates: ReadonlySet<string>,
  createdBy: string,
): Promise<void> {
  const rows = occurrencesOf(ruleOf(series))
    .filter((o) => !o.skipped && dates.has(o.date))
    .map((o) => ({
      districtId: series.districtId,
      groupId: series.groupId,
      title: series.title,
      scheduledFor: o.startsAt,
      agenda: series.agenda,
      totalMinutes: series.totalMinutes,
      joinCode: newJoinCode().slice(0, 6),
      createdBy,
      seriesId: series.id,
      occurrenceDate: o.date,
    }));
  if (rows.length) await tx.insert(meetings).values(rows);
}

/** Runs `work` in a transaction, again (with fresh join codes) when one of its codes collided. */
export async function withJoinCodeRetry<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 4) throw err;
    }
  }
}

/** SERIES-CREATE-1: the series and one meeting per date that is not skipped, in one transaction. */
export async function createSeries(
  db: DbOrTx,
  actor: Actor,
  group: GroupRow,
  body: CreateSeriesRequest,
  routines: readonly Routine[],
): Promise<SeriesRow> {
  const timeZone = await teamTimeZone(db, group);
  const skipDates = [...new Set(body.skipDates ?? [])].sort();
  const rule: ZonedRule = { ...body, skipDates, timeZone };
  assertRule(rule);
  return withJoinCodeRetry(db, (tx) =>
    insertSeries(tx, {
      districtId: actor.districtId,
      groupId: group.id,
      title: body.title,
      agenda: agendaOf(routines),
      rule,
      createdBy: actor.userId,
    }),
  );
}

/** Writes a checked rule as a series and its meetings (also the demo district's seed). */
export async function insertSeries(
  tx: DbOrTx,
  s: {
    districtId: string;
    groupId: string;
    title: string;
    agenda: MeetingAgendaItem[];
    rule: ZonedRule;
    createdBy: string;
  },
): Promise<SeriesRow> {
  const [series] = await tx
    .insert(meetingSeries)
    .values({
      districtId: s.districtId,
      groupId: s.groupId,
      title: s.title,
      agenda: s.agenda,
      totalMinutes: agendaMinutes(s.agenda),
      weekday: s.rule.weekday,
      localTime: s.rule.time,
      intervalWeeks: s.rule.intervalWeeks,
      firstDate: s.rule.firstDate,
      lastDate: s.rule.lastDate,
      skipDates: [...s.rule.skipDates],
      timeZone: s.rule.timeZone,
      createdBy: s.createdBy,
    })
    .returning();
  if (!series) throw new Error('insert returned no row');
  await insertOccurrences(tx, series, new Set(seriesDates(s.rule).map((d) => d.date)), s.createdBy);
  return series;
}

/** A meeting that was opened (live or ended) has a log: it is never removed by an edit of its series. */
const held = (m: MeetingRow) => m.status === 'live' || m.status === 'ended' || m.lastSeq > 0;

/**
 * SERIES-EDIT-1: new holidays or a new last date. Dates that leave the series lose their meeting (never opened:
 * nothing is lost); dates that join it get one; a held meeting cannot leave (400 naming the field). The series'
 * SEQUENCE grows, so calendars take the new rule.
 */
export async function updateSeries(
  db: DbOrTx,
  actor: Actor,
  series: SeriesRow,
  change: UpdateSeriesRequest,
): Promise<SeriesRow> {
  if (series.cancelledAt) throw conflict('This series was cancelled; schedule a new one instead.');
  const skipDates = change.skipDates ? [...new Set(change.skipDates)].sort() : series.skipDates;
  const next: SeriesRow = { ...series, skipDates, lastDate: change.lastDate ?? series.lastDate };
  const rule = ruleOf(next);
  assertRule(rule);
  const wanted = new Set(
    occurrencesOf(rule)
      .filter((o) => !o.skipped)
      .map((o) => o.date),
  );
  return withJoinCodeRetry(db, async (tx) => {
    const existing = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.districtId, series.districtId), eq(meetings.seriesId, series.id)))
      .for('update');
    const leaving = existing.filter((m) => m.occurrenceDate && !wanted.has(m.occurrenceDate));
    const heldLeaving = leaving.filter(held);
    if (heldLeaving.length) {
      const fields = heldLeaving.map((m): FieldProblem => {
        const i = skipDates.indexOf(m.occurrenceDate ?? '');
        return i >= 0
          ? { path: `skipDates.${i}`, message: `The meeting of ${m.occurrenceDate} has already been held` }
          : { path: 'lastDate', message: `The meeting of ${m.occurrenceDate} has already been held` };
      });
      throw badRequest('A meeting that has been held stays in its series.', fields);
    }
    if (leaving.length)
      await tx.delete(meetings).where(
        and(
          eq(meetings.districtId, series.districtId),
          inArray(
            meetings.id,
            leaving.map((m) => m.id),
          ),
          eq(meetings.lastSeq, 0),
        ),
      );
    const have = new Set(existing.map((m) => m.occurrenceDate));
    await insertOccurrences(tx, next, new Set([...wanted].filter((d) => !have.has(d))), actor.userId);
    const [row] = await tx
      .update(meetingSeries)
      .set({
        skipDates,
        lastDate: next.lastDate,
        sequence: sql`${meetingSeries.sequence} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetingSeries.id, series.id), eq(meetingSeries.districtId, series.districtId)))
      .returning();
    if (!row) throw notFound('That series');
    return row;
  });
}

/**
 * SERIES-CANCEL-1: the rest of the series is cancelled: every meeting still to come (never opened) becomes
 * `cancelled` (kept, shown struck through; calendars show each as cancelled); held ones stay as they are.
 */
export async function cancelSeries(db: DbOrTx, series: SeriesRow): Promise<SeriesRow> {
  if (series.cancelledAt) return series;
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(meetings)
      .set({ status: 'cancelled', sequence: sql`${meetings.sequence} + 1`, updatedAt: now })
      .where(
        and(
          eq(meetings.districtId, series.districtId),
          eq(meetings.seriesId, series.id),
          eq(meetings.status, 'scheduled'),
          eq(meetings.lastSeq, 0),
        ),
      );
    const [row] = await tx
      .update(meetingSeries)
      .set({ cancelledAt: now, sequence: sql`${meetingSeries.sequence} + 1`, updatedAt: now })
      .where(and(eq(meetingSeries.id, series.id), eq(meetingSeries.districtId, series.districtId)))
      .returning();
    if (!row) throw notFound('That series');
    return row;
  });
}

/** Only a meeting nobody has opened can be moved or cancelled. */
function assertChangeable(m: MeetingRow): void {
  if (m.status === 'cancelled') throw conflict('This meeting was cancelled.');
  if (m.status !== 'scheduled' || m.lastSeq > 0)
    throw conflict('This meeting has already been opened; only a scheduled meeting can be changed.');
}

/**
 * SERIES-MOVE-1: moves, renames or changes the agenda of a scheduled meeting; the change bumps its SEQUENCE and
 * `updated_at` so a subscribed calendar updates it. A series meeting keeps a date and time.
 */
export async function updateScheduledMeeting(
  db: DbOrTx,
  m: MeetingRow,
  change: { title?: string; scheduledFor?: string | null; agenda?: MeetingAgendaItem[] },
): Promise<MeetingRow> {
  assertChangeable(m);
  if (change.scheduledFor === null && m.seriesId)
    throw badRequest('A meeting of a series needs a date and time.', [
      { path: 'scheduledFor', message: 'Choose a date and time' },
    ]);
  const patch: Partial<typeof meetings.$inferInsert> = {};
  if (change.title !== undefined) patch.title = change.title;
  if (change.scheduledFor !== undefined)
    patch.scheduledFor = change.scheduledFor === null ? null : new Date(change.scheduledFor);
  if (change.agenda !== undefined) {
    patch.agenda = change.agenda;
    patch.totalMinutes = agendaMinutes(change.agenda);
  }
  if (!Object.keys(patch).length) return m;
  const [row] = await db
    .update(meetings)
    .set({ ...patch, sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(meetings.id, m.id),
        eq(meetings.districtId, m.districtId),
        eq(meetings.status, 'scheduled'),
        eq(meetings.lastSeq, 0),
      ),
    )
    .returning();
  if (!row) throw conflict('This meeting was opened or cancelled meanwhile. Reload and try again.');
  return row;
}

/** SERIES-MOVE-2: cancels a scheduled meeting: kept, shown as cancelled, never opened. */
export async function cancelScheduledMeeting(db: DbOrTx, m: MeetingRow): Promise<MeetingRow> {
  if (m.status === 'cancelled') return m;
  assertChangeable(m);
  const [row] = await db
    .update(meetings)
    .set({ status: 'cancelled', sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(meetings.id, m.id),
        eq(meetings.districtId, m.districtId),
        eq(meetings.status, 'scheduled'),
        eq(meetings.lastSeq, 0),
      ),
    )
    .returning();
  if (!row) throw conflict('This meeting was opened meanwhile. Reload and try again.');
  return row;
}

/**
 * PWA-UPCOMING-1: the meetings of the teams I belong to that are live, or scheduled from 12 hours ago (one planned
 * this morning and not yet opened is still coming) to `UPCOMING_DAYS` ahead; live first, then soonest first.
 * Each with its team's time zone (SERIES-TZ-2: the school's, else the district's).
 */
export async function upcomingMeetingsOf(db: DbOrTx, actor: Actor, now: Date) {
  const mine = [...actor.groupRoles.keys()];
  if (mine.length === 0) return [];
  const from = new Date(now.getTime() - 12 * 3_600_000);
  const to = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000);
  return db
    .select({
      id: meetings.id,
      groupId: meetings.groupId,
      groupName: groups.name,
      title: meetings.title,
      scheduledFor: meetings.scheduledFor,
      status: meetings.status,
      totalMinutes: meetings.totalMinutes,
      timeZone: sql<string>`coalesce(${schools.timeZone}, ${districts.timeZone})`,
    })
    .from(meetings)
    .innerJoin(groups, and(eq(groups.districtId, meetings.districtId), eq(groups.id, meetings.groupId)))
    .innerJoin(districts, eq(districts.id, meetings.districtId))
    .leftJoin(schools, and(eq(schools.districtId, groups.districtId), eq(schools.id, groups.schoolId)))
    .where(
      and(
        eq(meetings.districtId, actor.districtId),
        inArray(meetings.groupId, mine),
        or(
          eq(meetings.status, 'live'),
          and(
            eq(meetings.status, 'scheduled'),
            gte(meetings.scheduledFor, from),
            lt(meetings.scheduledFor, to),
          ),
        ),
      ),
    )
    .orderBy(
      sql`${meetings.status} = 'live' desc`,
      sql`${meetings.scheduledFor} asc nulls last`,
      asc(meetings.id),
    )
    .limit(UPCOMING_MAX);
}
