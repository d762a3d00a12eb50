/** How a book study's days and times read (BOOK-WEB-*): calendar days and wall times of the group's zone, as they are. */
import { localDate, wallTime } from '../schedule/format';
import { dateTimeFormat } from '../ui/dates';

/** "Monday, March 8, 2027" for "2027-03-08" (a calendar day: no time zone arithmetic). */
export function readByDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The date and the time of a session `YYYY-MM-DDTHH:MM`, as written (it is the group's wall-clock time). */
export function sessionWords(sessionAt: string, language: string): { date: string; time: string } {
  return {
    date: localDate(sessionAt.slice(0, 10), language),
    time: wallTime(sessionAt.slice(11, 16), language),
  };
}
