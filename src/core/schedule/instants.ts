/**
 * From a local date and wall time in a named time zone to an instant, and back (SERIES-TZ). luxon carries the
 * zone rules (the runtime's ICU data), so a Tuesday 15:30 series stays at 15:30 on both sides of a change to or
 * from daylight-saving time. A wall time that does not exist that day (inside a spring-forward gap) moves
 * forward by the gap, as RFC 5545 reads such a time.
 */
import { DateTime } from 'luxon';
import { seriesDates, type SeriesDate, type WeeklyRule } from './dates';

export interface ZonedRule extends WeeklyRule {
  /** `HH:MM`. */
  time: string;
  timeZone: string;
}

export interface Occurrence extends SeriesDate {
  /** The instant it starts. */
  startsAt: Date;
}

/** The zoned luxon DateTime of a local date and `HH:MM` wall time in `timeZone`. */
export function zonedDateTime(date: string, time: string, timeZone: string): DateTime {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone: timeZone });
  if (!dt.isValid) throw new Error(`Invalid local time ${date} ${time} in ${timeZone}`);
  return dt;
}

export function localToInstant(date: string, time: string, timeZone: string): Date {
  return zonedDateTime(date, time, timeZone).toJSDate();
}

/** The local date and wall time of an instant in `timeZone`. */
export function instantToLocal(at: Date, timeZone: string): { date: string; time: string; weekday: number } {
  const dt = DateTime.fromJSDate(at, { zone: timeZone });
  return { date: dt.toISODate() ?? '', time: dt.toFormat('HH:mm'), weekday: dt.weekday };
}

/** Every date of the rule with the instant it starts (skipped dates included, marked). */
export function occurrencesOf(rule: ZonedRule, max?: number): Occurrence[] {
  return seriesDates(rule, max).map((d) => ({
    ...d,
    startsAt: localToInstant(d.date, rule.time, rule.timeZone),
  }));
}

export function isKnownZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}
