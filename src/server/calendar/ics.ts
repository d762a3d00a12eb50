/**
 * Meetings as iCalendar (RFC 5545) with ical-generator (CAL-ICS). A weekly series is one VEVENT with RRULE
 * (FREQ=WEEKLY, INTERVAL, BYDAY, UNTIL) and EXDATE for its skipped dates, in local times with TZID and the zone's
 * VTIMEZONE from timezones-ical-library; an occurrence that differs from the rule (moved, renamed, another
 * agenda, cancelled) is an override VEVENT with the same UID and a RECURRENCE-ID; a one-off meeting is a plain
 * VEVENT. Times go in as zoned luxon DateTimes: a plain Date with a TZID would be written in the host's wall
 * clock (upcoming-facts §3). ical-generator folds lines by octets, never inside a character.
 */
import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalCalendar,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { seriesDates, zonedDateTime } from '#core/schedule/index';
import { addBookStudyEvents, type BookStudyCalendar } from '../book-study/calendar';
import type { Language } from '#contracts/auth';
import { plainText, vtimezoneOf } from './ical-text';
import { calendarWords, type CalendarWords } from './words';

export interface CalendarSeries {
  id: string;
  title: string;
  teamName: string;
  agendaName: string;
  totalMinutes: number;
  weekday: number;
  localTime: string;
  intervalWeeks: number;
  firstDate: string;
  lastDate: string;
  skipDates: readonly string[];
  timeZone: string;
  sequence: number;
  updatedAt: Date;
  /** The team's page. */
  url: string;
}

export interface CalendarMeeting {
  id: string;
  title: string;
  teamName: string;
  agendaName: string;
  totalMinutes: number;
  scheduledFor: Date;
  status: 'scheduled' | 'live' | 'ended' | 'cancelled';
  sequence: number;
  updatedAt: Date;
  /** The meeting's page. */
  url: string;
  /** The zone its team meets in (its series' zone for a series meeting). */
  timeZone: string;
  series: { id: string; occurrenceDate: string } | null;
}

const WEEKDAYS: readonly ICalWeekday[] = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

/** Short meetings still show as a block a calendar can display. */
const MIN_MINUTES = 15;

export { plainText, vtimezoneOf } from './ical-text';

const uidOf = (kind: 'series' | 'meeting', id: string) => `${kind}-${id}@ensemble`;

function description(
  w: CalendarWords,
  agendaName: string,
  minutes: number,
  teamName: string,
  url: string | null,
): string {
  return plainText(
    [w.meetingLine({ team: teamName, agenda: agendaName, minutes }), ...(url ? [w.open(url)] : [])].join(
      '\n',
    ),
  );
}

/** The zone's TZID for the feed (the VTIMEZONE's), or null to write UTC times for an unknown zone. */
function tzidFor(zone: string): string | null {
  return vtimezoneOf(zone)?.tzid ?? null;
}

function zoned(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

/** CAL-ITEMS-2: an open next step of the feed's owner with a due day, shown on that day in their own feed only. */
export interface CalendarDueStep {
  meetingId: string;
  itemId: string;
  text: string;
  /** `YYYY-MM-DD`. */
  due: string;
  teamName: string;
  meetingTitle: string;
  /** The meeting's page, where it was agreed. */
  url: string;
  /** Its last change (added or followed up): DTSTAMP and LAST-MODIFIED. */
  updatedAt: Date;
}

export interface CalendarInput {
  name: string;
  /** The calendar's default zone (X-WR-TIMEZONE): the team's, or null for a feed across teams. */
  timeZone: string | null;
  series: readonly CalendarSeries[];
  meetings: readonly CalendarMeeting[];
  /** CAL-ITEMS-1: the book studies of the feed's teams (read-by days; sessions not yet scheduled as meetings). */
  bookStudies?: readonly BookStudyCalendar[];
  /** CAL-ITEMS-2: a personal feed's owner's due next steps. */
  dueSteps?: readonly CalendarDueStep[];
  /** I18N-CAL-1: the language of the feed's own words (default English); people's words stay as written. */
  language?: Language;
}

/** CAL-ICS-1: the calendar text. Deterministic for the same input (DTSTAMP is each item's last change). */
export function renderCalendar(input: CalendarInput): string {
  const w = calendarWords(input.language);
  const cal = ical({
    name: plainText(input.name).replace(/\n/g, ' '),
    prodId: { company: 'Ensemble', product: 'Meetings', language: w.prodIdLanguage },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-level zone name: ical-generator would then write DTSTAMP and UNTIL without their `Z`
    // (floating, against RFC 5545). The generator still adds the VTIMEZONE of every zone the events use.
    timezone: { name: null, generator: (tzid) => tzlib_get_ical_block(tzid)[0] ?? null },
    ttl: 60 * 60,
  });
  const calendarZone = input.timeZone ? tzidFor(input.timeZone) : null;
  if (calendarZone) cal.x([{ key: 'X-WR-TIMEZONE', value: calendarZone }]);
  const seriesById = new Map(input.series.map((s) => [s.id, s]));
  for (const s of input.series) addSeries(cal, w, s);
  for (const m of input.meetings) {
    const series = m.series ? seriesById.get(m.series.id) : undefined;
    if (m.series && series) addOccurrence(cal, w, series, m, m.series.occurrenceDate);
    else addOneOff(cal, w, m);
  }
  for (const study of input.bookStudies ?? [])
    addBookStudyEvents(cal, study, { sessions: 'unscheduled', words: w });
  for (const step of input.dueSteps ?? []) addDueStep(cal, w, step);
  return cal.toString();
}

function addSeries(cal: ICalCalendar, w: CalendarWords, s: CalendarSeries) {
  const url = s.url;
  const dates = seriesDates(s);
  const first = dates[0];
  const last = dates.at(-1);
  if (!first || !last) return;
  const tzid = tzidFor(s.timeZone);
  const start = zonedDateTime(first.date, s.localTime, s.timeZone);
  const minutes = Math.max(s.totalMinutes, MIN_MINUTES);
  cal.createEvent({
    id: uidOf('series', s.id),
    sequence: s.sequence,
    stamp: s.updatedAt,
    lastModified: s.updatedAt,
    start,
    end: start.plus({ minutes }),
    timezone: tzid,
    summary: plainText(s.title),
    description: description(w, s.agendaName, s.totalMinutes, s.teamName, url),
    url,
    status: ICalEventStatus.CONFIRMED,
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      interval: s.intervalWeeks,
      byDay: [WEEKDAYS[s.weekday - 1] ?? ICalWeekday.MO],
      // RFC 5545: with a TZID start, UNTIL is in UTC; the last date's start is included.
      until: zonedDateTime(last.date, s.localTime, s.timeZone).toUTC().toJSDate(),
      ...(dates.some((d) => d.skipped)
        ? {
            exclude: dates
              .filter((d) => d.skipped)
              .map((d) => zonedDateTime(d.date, s.localTime, s.timeZone)),
          }
        : {}),
    },
  });
}

/** An occurrence of a series: nothing when it follows the rule; an override (RECURRENCE-ID) when it differs. */
function addOccurrence(
  cal: ICalCalendar,
  w: CalendarWords,
  s: CalendarSeries,
  m: CalendarMeeting,
  date: string,
) {
  const ruleStart = zonedDateTime(date, s.localTime, s.timeZone);
  const same =
    m.status !== 'cancelled' &&
    m.scheduledFor.getTime() === ruleStart.toMillis() &&
    m.title === s.title &&
    m.agendaName === s.agendaName &&
    m.totalMinutes === s.totalMinutes;
  if (same) return;
  const start = zoned(m.scheduledFor, s.timeZone);
  cal.createEvent({
    id: uidOf('series', s.id),
    recurrenceId: ruleStart,
    // Grows with the series' changes and with this meeting's own.
    sequence: s.sequence + m.sequence,
    stamp: laterOf(s.updatedAt, m.updatedAt),
    lastModified: laterOf(s.updatedAt, m.updatedAt),
    start,
    end: start.plus({ minutes: Math.max(m.totalMinutes, MIN_MINUTES) }),
    timezone: tzidFor(s.timeZone),
    summary: plainText(m.title),
    description: description(w, m.agendaName, m.totalMinutes, m.teamName, m.url),
    url: m.url,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

function addOneOff(cal: ICalCalendar, w: CalendarWords, m: CalendarMeeting) {
  const tzid = tzidFor(m.timeZone);
  const start = tzid ? zoned(m.scheduledFor, m.timeZone) : m.scheduledFor;
  cal.createEvent({
    id: uidOf('meeting', m.id),
    sequence: m.sequence,
    stamp: m.updatedAt,
    lastModified: m.updatedAt,
    start,
    end: DateTime.fromJSDate(m.scheduledFor, { zone: tzid ? m.timeZone : 'utc' }).plus({
      minutes: Math.max(m.totalMinutes, MIN_MINUTES),
    }),
    ...(tzid ? { timezone: tzid } : {}),
    summary: plainText(m.title),
    description: description(w, m.agendaName, m.totalMinutes, m.teamName, m.url),
    url: m.url,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** CAL-ITEMS-2: an all-day event on the due day; its UID is the step's (meeting and item), stable for good. */
function addDueStep(cal: ICalCalendar, w: CalendarWords, step: CalendarDueStep) {
  const day = DateTime.fromISO(step.due, { zone: 'utc' });
  if (!day.isValid) return;
  cal.createEvent({
    id: `next-step-${step.meetingId}-${step.itemId}@ensemble`,
    stamp: step.updatedAt,
    lastModified: step.updatedAt,
    allDay: true,
    start: day,
    end: day.plus({ days: 1 }),
    summary: plainText(w.due(step.text)),
    description: plainText(
      [w.agreedIn({ team: step.teamName, meeting: step.meetingTitle }), w.open(step.url)].join('\n'),
    ),
    url: step.url,
    status: ICalEventStatus.CONFIRMED,
  });
}

const laterOf = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
