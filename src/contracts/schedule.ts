/**
 * Weekly series, moving and cancelling meetings, time zones and calendar feeds (issue 11, SERIES-*, CAL-*).
 * Dates are local calendar dates (`YYYY-MM-DD`) and times local wall-clock times (`HH:MM`) in a named IANA
 * time zone: a series is "Tuesdays at 15:30 in America/Chicago", whatever the offset that day.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { AgendaChoice } from './meetings-api';
import { AGENDA_ROUTINES_MAX } from './meeting';
import { TimeZone } from './time-zone';

export { TimeZone };

/** At most this many dates in one series, skipped ones included (about a school year and a half weekly). */
export const SERIES_DATES_MAX = 60;
/** At most this many holiday skips in one series. */
export const SERIES_SKIPS_MAX = 60;
export const SERIES_INTERVAL_MAX = 4;

/** `YYYY-MM-DD`, a real calendar date in years 2000-2199. */
export const LocalDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-01-31'),
  z.refine((v) => {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y < 2200 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Not a real date'),
);

/** `HH:MM`, 24-hour. */
export const LocalTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 15:30 (24-hour)'));

/** ISO weekday: 1 Monday … 7 Sunday. */
export const Weekday = z.number().check(z.int(), z.gte(1), z.lte(7));

const Title = z.string().check(z.trim(), z.minLength(1, 'Give the meeting a title'), z.maxLength(160));

const Agenda = z
  .array(AgendaChoice)
  .check(
    z.minLength(1, 'Choose at least one routine'),
    z.maxLength(AGENDA_ROUTINES_MAX, `An agenda has at most ${AGENDA_ROUTINES_MAX} routines`),
  );

const SkipDates = z
  .array(LocalDate)
  .check(z.maxLength(SERIES_SKIPS_MAX, `At most ${SERIES_SKIPS_MAX} skipped dates`));

export const CreateSeriesRequest = z.strictObject({
  title: Title,
  agenda: Agenda,
  weekday: Weekday,
  time: LocalTime,
  intervalWeeks: z.number().check(z.int(), z.gte(1), z.lte(SERIES_INTERVAL_MAX)),
  /** The series starts on the first `weekday` on or after this date. */
  firstDate: LocalDate,
  /** The end of the term or school year: required, so a series never runs forever. */
  lastDate: LocalDate,
  /** Holidays: dates of the series on which the team does not meet. */
  skipDates: z.optional(SkipDates),
});
export type CreateSeriesRequest = z.infer<typeof CreateSeriesRequest>;

/** Changes to a series: its holidays and its end (SERIES-EDIT). The rule itself (weekday, time) stays. */
export const UpdateSeriesRequest = z.strictObject({
  lastDate: z.optional(LocalDate),
  skipDates: z.optional(SkipDates),
});
export type UpdateSeriesRequest = z.infer<typeof UpdateSeriesRequest>;

export const SeriesSummary = z.object({
  id: Id,
  groupId: Id,
  title: z.string(),
  weekday: Weekday,
  time: LocalTime,
  intervalWeeks: z.number(),
  firstDate: LocalDate,
  lastDate: LocalDate,
  skipDates: z.array(LocalDate),
  timeZone: z.string(),
  totalMinutes: z.number(),
  cancelled: z.boolean(),
  /** The next occurrence that is still to come (scheduled), if any. */
  nextAt: z.nullable(IsoDateTime),
  canRun: z.boolean(),
});
export type SeriesSummary = z.infer<typeof SeriesSummary>;

export const SeriesList = z.object({
  items: z.array(SeriesSummary),
  /** The team's time zone: its school's, else the district's (SERIES-TZ-2). */
  timeZone: z.string(),
});

/** SERIES-MOVE-1: change a scheduled meeting (each change bumps its SEQUENCE for calendars). */
export const UpdateMeetingRequest = z.strictObject({
  title: z.optional(Title),
  scheduledFor: z.optional(z.nullable(IsoDateTime)),
  agenda: z.optional(Agenda),
});
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

/** The state of a person's (or a team's) calendar link: the secret itself is never shown again. */
export const CalendarFeedStatus = z.object({
  exists: z.boolean(),
  createdAt: z.nullable(IsoDateTime),
});

/** A new secret link, shown once (CAL-FEED-2). */
export const CalendarFeedLink = z.object({
  url: z.string(),
  webcalUrl: z.string(),
  createdAt: IsoDateTime,
});
export type CalendarFeedLink = z.infer<typeof CalendarFeedLink>;

/** PWA-UPCOMING-1: a meeting of one of my teams coming up (or live now), as the offline list shows it. */
export const UpcomingMeeting = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  title: z.string(),
  /** Null: scheduled without a date yet. */
  scheduledFor: z.nullable(IsoDateTime),
  /** The team's time zone, in which the time is shown (SERIES-TZ-2). */
  timeZone: TimeZone,
  status: z.enum(['scheduled', 'live']),
  totalMinutes: z.number().check(z.int()),
});
export type UpcomingMeeting = z.infer<typeof UpcomingMeeting>;
/** How far ahead the list looks, and how long it may be. */
export const UPCOMING_DAYS = 14;
export const UPCOMING_MAX = 20;
