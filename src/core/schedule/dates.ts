/**
 * The dates of a weekly series, as calendar dates (SERIES-RULE). Pure date arithmetic on `YYYY-MM-DD`
 * strings, with no time zone: which day a meeting falls on does not depend on offsets. The browser's preview
 * uses this file alone; turning a date and a wall time into an instant is `instants.ts` (luxon).
 */

export interface WeeklyRule {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  /** 1-4. */
  intervalWeeks: number;
  /** The series starts on the first `weekday` on or after this date. */
  firstDate: string;
  /** Inclusive: no occurrence after this date. */
  lastDate: string;
  /** Dates of the rule on which the team does not meet (holidays). */
  skipDates: readonly string[];
}

export interface SeriesDate {
  date: string;
  skipped: boolean;
}

export type RuleIssue =
  | { path: 'lastDate'; code: 'before_first'; message: string }
  | { path: 'lastDate'; code: 'too_many'; message: string; max: number }
  | { path: `skipDates.${number}`; code: 'not_in_series'; message: string };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 Monday … 7 Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The first date on or after `from` that falls on `weekday`. */
export function firstOnOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

/**
 * Every date of the rule from its first to its last, each marked skipped or not; at most `max + 1` dates
 * are computed, so a rule that would make too many stops early (and `ruleIssues` says so).
 */
export function seriesDates(rule: WeeklyRule, max = Number.POSITIVE_INFINITY): SeriesDate[] {
  const skips = new Set(rule.skipDates);
  const out: SeriesDate[] = [];
  const last = dayNumber(rule.lastDate);
  const step = 7 * rule.intervalWeeks;
  for (let day = dayNumber(firstOnOrAfter(rule.firstDate, rule.weekday)); day <= last; day += step) {
    const date = dateOfDayNumber(day);
    out.push({ date, skipped: skips.has(date) });
    if (out.length > max) break;
  }
  return out;
}

/** The first and last dates the rule actually meets on (null when every date is skipped or none exist). */
export function heldRange(dates: readonly SeriesDate[]): { first: string; last: string } | null {
  const held = dates.filter((d) => !d.skipped);
  const first = held[0];
  const last = held.at(-1);
  return first && last ? { first: first.date, last: last.date } : null;
}

/**
 * What is wrong with a rule, field by field (SERIES-RULE-2): a last date before the first occurrence, more
 * than `max` dates, a skipped date that is not one of the series' dates.
 */
export function ruleIssues(rule: WeeklyRule, max: number): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const dates = seriesDates(rule, max);
  if (dates.length === 0)
    issues.push({
      path: 'lastDate',
      code: 'before_first',
      message: 'The last date comes before the first meeting of the series',
    });
  if (dates.length > max)
    issues.push({
      path: 'lastDate',
      code: 'too_many',
      message: `A series has at most ${max} dates: choose an earlier last date`,
      max,
    });
  const inSeries = new Set(dates.map((d) => d.date));
  rule.skipDates.forEach((date, i) => {
    if (!inSeries.has(date))
      issues.push({
        path: `skipDates.${i}`,
        code: 'not_in_series',
        message: `${date} is not one of the series' dates`,
      });
  });
  return issues;
}
