/**
 * A book study's schedule as iCalendar (BOOK-6): each section's read-by day is an all-day event (VALUE=DATE, a
 * calendar day wherever the reader is), and each session a timed event in the group's time zone: a zoned luxon
 * DateTime with the zone's TZID and its VTIMEZONE (timezones-ical-library), never a plain Date, whose wall clock
 * would be the host's (upcoming-facts §3). People's text goes through `plainText` and ical-generator escapes and
 * folds it by octets (TRUST-HTTP-10).
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { zonedDateTime } from '#core/schedule/index';
import type { Language } from '#contracts/auth';
import { plainText, vtimezoneOf } from '../calendar/ical-text';
import { calendarWords, type CalendarWords } from '../calendar/words';

export interface CalendarSection {
  id: string;
  title: string;
  pages: string;
  readBy: string;
  /** `YYYY-MM-DDTHH:MM` in the study's zone. */
  sessionAt: string | null;
  /** The session's routine name and minutes, when it has one. */
  routine: { name: string; minutes: number } | null;
  prompts: readonly string[];
  /** True once the session is scheduled as a meeting (that meeting is then the team feed's event). */
  hasMeeting: boolean;
}

export interface BookStudyCalendar {
  title: string;
  authors: readonly string[];
  groupName: string;
  timeZone: string;
  sequence: number;
  updatedAt: Date;
  /** Where the study is read in Ensemble. */
  url: string;
  sections: readonly CalendarSection[];
}

/** A session without a routine still shows as an hour. */
const SESSION_MINUTES = 60;
const MIN_MINUTES = 15;

const uidOf = (sectionId: string, part: 'read-by' | 'session') => `book-${part}-${sectionId}@ensemble`;

function describe(w: CalendarWords, s: CalendarSection, study: BookStudyCalendar): string {
  return plainText(
    [
      `${study.title} (${study.authors.join(', ')}) · ${study.groupName}`,
      ...(s.pages ? [s.pages] : []),
      ...(s.prompts.length ? ['', w.discussionPrompts, ...s.prompts.map((p) => `- ${p}`)] : []),
      '',
      w.open(study.url),
    ].join('\n'),
  );
}

/** BOOK-6: the calendar text. Deterministic for the same input (DTSTAMP is the study's last change). */
export function renderBookStudyCalendar(study: BookStudyCalendar, language?: Language): string {
  const w = calendarWords(language);
  const tzid = vtimezoneOf(study.timeZone)?.tzid ?? null;
  const cal = ical({
    name: plainText(`${study.title}: ${study.groupName}`).replace(/\n/g, ' '),
    prodId: { company: 'Ensemble', product: 'Book study', language: w.prodIdLanguage },
    method: ICalCalendarMethod.PUBLISH,
    // As in calendar/ics.ts: no calendar-level zone name (DTSTAMP keeps its Z); each zone used gets its VTIMEZONE.
    timezone: { name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null },
    ttl: 60 * 60,
  });
  if (tzid) cal.x([{ key: 'X-WR-TIMEZONE', value: tzid }]);
  addBookStudyEvents(cal, study, { sessions: 'all', words: w });
  return cal.toString();
}

/**
 * BOOK-6, CAL-ITEMS-1: a study's events into `cal`: each section's read-by day (all day) and its session. In a
 * team or person feed (`sessions: 'unscheduled'`) a session already scheduled as a meeting is left to that
 * meeting's own event, so it shows once. UIDs are the section's, so a calendar updates rather than duplicates.
 */
export function addBookStudyEvents(
  cal: ICalCalendar,
  study: BookStudyCalendar,
  opts: { sessions: 'all' | 'unscheduled'; words?: CalendarWords },
): void {
  const w = opts.words ?? calendarWords('en');
  const tzid = vtimezoneOf(study.timeZone)?.tzid ?? null;
  for (const s of study.sections) {
    const day = zonedDateTime(s.readBy, '00:00', study.timeZone);
    cal.createEvent({
      id: uidOf(s.id, 'read-by'),
      sequence: study.sequence,
      stamp: study.updatedAt,
      lastModified: study.updatedAt,
      allDay: true,
      start: day,
      end: day.plus({ days: 1 }),
      summary: plainText(w.readBy(s.title)),
      description: describe(w, s, study),
      url: study.url,
      status: ICalEventStatus.CONFIRMED,
    });
    if (!s.sessionAt || (opts.sessions === 'unscheduled' && s.hasMeeting)) continue;
    const start = zonedDateTime(s.sessionAt.slice(0, 10), s.sessionAt.slice(11, 16), study.timeZone);
    const minutes = s.routine ? Math.max(s.routine.minutes, MIN_MINUTES) : SESSION_MINUTES;
    cal.createEvent({
      id: uidOf(s.id, 'session'),
      sequence: study.sequence,
      stamp: study.updatedAt,
      lastModified: study.updatedAt,
      // A zone the VTIMEZONE library does not know is written in UTC rather than under a TZID nobody can read.
      start: tzid ? start : start.toUTC(),
      end: (tzid ? start : start.toUTC()).plus({ minutes }),
      ...(tzid ? { timezone: tzid } : {}),
      summary: plainText(`${study.title}: ${s.title}${s.routine ? ` (${s.routine.name})` : ''}`),
      description: describe(w, s, study),
      url: study.url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
}
