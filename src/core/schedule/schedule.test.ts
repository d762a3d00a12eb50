import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  firstOnOrAfter,
  instantToLocal,
  localToInstant,
  occurrencesOf,
  ruleIssues,
  seriesDates,
  weekdayOf,
  type ZonedRule,
} from './index';

const ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Europe/London',
  'Europe/Madrid',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Pacific/Chatham',
  'Etc/UTC',
];

const dateArb = fc
  .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2040-12-31') })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
/** School hours: no zone in the list changes its offset between 06:00 and 23:00. */
const timeArb = fc
  .tuple(fc.integer({ min: 6, max: 22 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const ruleArb: fc.Arbitrary<ZonedRule> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    intervalWeeks: fc.integer({ min: 1, max: 4 }),
    firstDate: dateArb,
    spanDays: fc.integer({ min: 0, max: 420 }),
    time: timeArb,
    timeZone: fc.constantFrom(...ZONES),
    skipPicks: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map((r) => {
    const lastDate = addDays(r.firstDate, r.spanDays);
    const base = { ...r, lastDate, skipDates: [] as string[] };
    const all = seriesDates(base);
    const skipDates = all.length ? [...new Set(r.skipPicks.map((i) => all[i % all.length]!.date))] : [];
    return {
      weekday: r.weekday,
      intervalWeeks: r.intervalWeeks,
      firstDate: r.firstDate,
      lastDate,
      time: r.time,
      timeZone: r.timeZone,
      skipDates,
    };
  });

describe('weekly series dates and instants (SERIES-RULE)', () => {
  it('SERIES-RULE-1: every occurrence falls on the weekday at the wall time in the series zone, whatever the host zone', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        for (const o of occurrencesOf(rule)) {
          const local = DateTime.fromJSDate(o.startsAt, { zone: rule.timeZone });
          expect(local.weekday).toBe(rule.weekday);
          expect(local.toFormat('HH:mm')).toBe(rule.time);
          expect(local.toISODate()).toBe(o.date);
          expect(instantToLocal(o.startsAt, rule.timeZone)).toEqual({
            date: o.date,
            time: rule.time,
            weekday: rule.weekday,
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('SERIES-RULE-1: dates are N weeks apart, start on the first weekday on or after the first date, end by the last date, and skipped dates are marked and only they', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const dates = seriesDates(rule);
        const skips = new Set(rule.skipDates);
        dates.forEach((d, i) => {
          expect(weekdayOf(d.date)).toBe(rule.weekday);
          expect(d.skipped).toBe(skips.has(d.date));
          if (i > 0) expect(dayNumber(d.date) - dayNumber(dates[i - 1]!.date)).toBe(7 * rule.intervalWeeks);
        });
        const first = dates[0];
        if (first) {
          expect(first.date).toBe(firstOnOrAfter(rule.firstDate, rule.weekday));
          expect(dayNumber(first.date) - dayNumber(rule.firstDate)).toBeLessThan(7);
          const last = dates.at(-1)!;
          expect(last.date <= rule.lastDate).toBe(true);
          expect(dayNumber(rule.lastDate) - dayNumber(last.date)).toBeLessThan(7 * rule.intervalWeeks);
        } else {
          expect(dayNumber(firstOnOrAfter(rule.firstDate, rule.weekday))).toBeGreaterThan(
            dayNumber(rule.lastDate),
          );
        }
        // Held occurrences are never on a skipped date.
        expect(dates.filter((d) => !d.skipped).some((d) => skips.has(d.date))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('SERIES-RULE-1: instants are N weeks apart give or take the zone’s offset change (at most an hour here)', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const occ = occurrencesOf(rule);
        for (let i = 1; i < occ.length; i++) {
          const gap = occ[i]!.startsAt.getTime() - occ[i - 1]!.startsAt.getTime();
          expect(Math.abs(gap - 7 * rule.intervalWeeks * 86_400_000)).toBeLessThanOrEqual(3_600_000);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('SERIES-RULE-1: a Tuesday 15:30 series in Chicago keeps 15:30 across the March and November changes', () => {
    const rule: ZonedRule = {
      weekday: 2,
      intervalWeeks: 1,
      firstDate: '2027-03-01',
      lastDate: '2027-11-16',
      time: '15:30',
      timeZone: 'America/Chicago',
      skipDates: [],
    };
    const byDate = new Map(occurrencesOf(rule).map((o) => [o.date, o.startsAt.toISOString()]));
    expect(byDate.get('2027-03-09')).toBe('2027-03-09T21:30:00.000Z'); // CST, UTC-6
    expect(byDate.get('2027-03-16')).toBe('2027-03-16T20:30:00.000Z'); // CDT, UTC-5 (DST began 14 March)
    expect(byDate.get('2027-11-02')).toBe('2027-11-02T20:30:00.000Z'); // CDT
    expect(byDate.get('2027-11-09')).toBe('2027-11-09T21:30:00.000Z'); // CST again (DST ended 7 November)
    expect(byDate.size).toBe(38);
  });

  it('SERIES-RULE-1: a wall time inside the spring-forward gap moves forward by the gap (RFC 5545)', () => {
    expect(localToInstant('2027-03-14', '02:30', 'America/Chicago').toISOString()).toBe(
      '2027-03-14T08:30:00.000Z',
    );
  });

  it('SERIES-RULE-2: a last date before the first meeting, too many dates and a skip that is not a series date are named by field', () => {
    const base = {
      weekday: 2,
      intervalWeeks: 1,
      firstDate: '2027-01-05',
      lastDate: '2027-01-04',
      skipDates: [],
    };
    expect(ruleIssues(base, 60).map((i) => [i.path, i.code])).toEqual([['lastDate', 'before_first']]);
    expect(ruleIssues({ ...base, lastDate: '2029-01-01' }, 60).map((i) => [i.path, i.code])).toEqual([
      ['lastDate', 'too_many'],
    ]);
    expect(
      ruleIssues({ ...base, lastDate: '2027-02-01', skipDates: ['2027-01-12', '2027-01-13'] }, 60).map(
        (i) => [i.path, i.code],
      ),
    ).toEqual([['skipDates.1', 'not_in_series']]);
    // Exactly the cap is fine: 60 Tuesdays.
    expect(ruleIssues({ ...base, lastDate: addDays('2027-01-05', 59 * 7) }, 60)).toEqual([]);
    expect(ruleIssues({ ...base, lastDate: addDays('2027-01-05', 60 * 7) }, 60)).toHaveLength(1);
  });

  it('SERIES-RULE-1: weekdays of known dates', () => {
    expect(weekdayOf('2027-03-09')).toBe(2);
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(firstOnOrAfter('2026-12-02', 2)).toBe('2026-12-08');
    expect(firstOnOrAfter('2026-12-08', 2)).toBe('2026-12-08');
  });
});
