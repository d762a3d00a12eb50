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

const vtimezoneCache = new Map<string, { tzid: string; block: string } | null>();
/**
 * The VTIMEZONE of an IANA zone and the TZID it carries: timezones-ical-library knows current rules (the npm
 * alternative still has DST in Mexico City), and names a link (`Asia/Calcutta`) by its canonical zone.
 */
export function vtimezoneOf(zone: string): { tzid: string; block: string } | null {
  if (!vtimezoneCache.has(zone)) {
    const [block] = tzlib_get_ical_block(zone);
    const tzid = block ? /^TZID:(.+)$/m.exec(block)?.[1]?.trim() : undefined;
    vtimezoneCache.set(zone, block && tzid ? { tzid, block } : null);
  }
  return vtimezoneCache.get(zone) ?? null;
}

/**
 * TRUST-HTTP-10: people's text in a calendar is text: control characters other than line breaks are dropped (a
 * lone CR would end the line for some parsers) and a lone surrogate becomes U+FFFD; ical-generator then escapes
 * backslash, semicolon, comma and line breaks, and folds by octets.
 */
export function plainText(s: string): string {
  return (
    s
      .replace(/\r\n|\r/g, '\n')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

const uidOf = (kind: 'series' | 'meeting', id: string) => `${kind}-${id}@ensemble`;

function description(agendaName: string, minutes: number, teamName: string, url: string | null): string {
  return plainText(
    [`${teamName} · ${agendaName} (${minutes} min)`, ...(url ? [`Open: ${url}`] : [])].join('\n'),
  );
}

/** The zone's TZID for the feed (the VTIMEZONE's), or null to write UTC times for an unknown zone. */
function tzidFor(zone: string): string | null {
  return vtimezoneOf(zone)?.tzid ?? null;
}

function zoned(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

export interface CalendarInput {
  name: string;
  /** The calendar's default zone (X-WR-TIMEZONE): the team's, or null for a feed across teams. */
  timeZone: string | null;
  series: readonly CalendarSeries[];
  meetings: readonly CalendarMeeting[];
}

/** CAL-ICS-1: the calendar text. Deterministic for the same input (DTSTAMP is each item's last change). */
export function renderCalendar(input: CalendarInput): string {
  const cal = ical({
    name: plainText(input.name).replace(/\n/g, ' '),
    prodId: { company: 'Ensemble', product: 'Meetings', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-level zone name: ical-generator would then write DTSTAMP and UNTIL without their `Z`
    // (floating, against RFC 5545). The generator still adds the VTIMEZONE of every zone the events use.
    timezone: { name: null, generator: (tzid) => tzlib_get_ical_block(tzid)[0] ?? null },
    ttl: 60 * 60,
  });
  const calendarZone = input.timeZone ? tzidFor(input.timeZone) : null;
  if (calendarZone) cal.x([{ key: 'X-WR-TIMEZONE', value: calendarZone }]);
  const seriesById = new Map(input.series.map((s) => [s.id, s]));
  for (const s of input.series) addSeries(cal, s);
  for (const m of input.meetings) {
    const series = m.series ? seriesById.get(m.series.id) : undefined;
    if (m.series && series) addOccurrence(cal, series, m, m.series.occurrenceDate);
    else addOneOff(cal, m);
  }
  return cal.toString();
}

function addSeries(cal: ICalCalendar, s: CalendarSeries) {
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
    description: description(s.agendaName, s.totalMinutes, s.teamName, url),
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
function addOccurrence(cal: ICalCalendar, s: CalendarSeries, m: CalendarMeeting, date: string) {
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
    description: description(m.agendaName, m.totalMinutes, m.teamName, m.url),
    url: m.url,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

function addOneOff(cal: ICalCalendar, m: CalendarMeeting) {
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
    description: description(m.agendaName, m.totalMinutes, m.teamName, m.url),
    url: m.url,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const laterOf = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
