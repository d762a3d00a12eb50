/** Words for series rules and local dates, in the reader's language (no time zone arithmetic here). */
import { dateTimeFormat } from '../ui/dates';

const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** "Tuesday" for ISO weekday 2. 2024-01-01 was a Monday. */
export function weekdayName(weekday: number, language: string): string {
  return dateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** "3:30 PM" (or "15:30") for "15:30". */
export function wallTime(time: string, language: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return dateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, h, m)),
  );
}

/** "Tue, Mar 9, 2027" for "2027-03-09". */
export function localDate(date: string, language: string): string {
  return dateTimeFormat(language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(date));
}

/** Today's date in the browser, `YYYY-MM-DD`. */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The browser's IANA time zone when the server will accept it (`UTC` is `Etc/UTC` there), else undefined. */
export function browserTimeZone(known: ReadonlySet<string>): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const name = zone === 'UTC' ? 'Etc/UTC' : zone;
  return known.has(name) ? name : undefined;
}
