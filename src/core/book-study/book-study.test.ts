import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, weekdayOf } from '../schedule/dates';
import {
  isbn10CheckDigit,
  isbn13CheckDigit,
  isbnProblem,
  isValidIsbn,
  normalizeIsbn,
  proposeReadingSchedule,
  scheduleIssues,
} from './index';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const validIsbn10 = digits(9).map((d) => d + isbn10CheckDigit(d));
const validIsbn13 = fc
  .tuple(fc.constantFrom('978', '979'), digits(9))
  .map(([prefix, d]) => prefix + d + isbn13CheckDigit(prefix + d));

/** The ISBN with the character at `at` replaced by another digit (or X, the last of an ISBN-10). */
function changeOne(isbn: string, at: number, pick: number): string {
  const choices = [
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    ...(isbn.length === 10 && at === 9 ? ['X'] : []),
  ].filter((c) => c !== isbn[at]);
  const other = choices[pick % choices.length] ?? '0';
  return isbn.slice(0, at) + other + isbn.slice(at + 1);
}

describe('ISBN check digits (BOOK-ISBN)', () => {
  it('BOOK-ISBN-1: known ISBNs are accepted, with hyphens and spaces, an X check digit included', () => {
    expect(isValidIsbn('978-0-306-40615-7')).toBe(true);
    expect(isValidIsbn('0-306-40615-2')).toBe(true);
    expect(isValidIsbn('0 8044 2957 x')).toBe(true);
    expect(isValidIsbn('979-10-90636-07-1')).toBe(true);
    expect(normalizeIsbn(' 0-8044-2957-x ')).toBe('080442957X');
  });

  it('BOOK-ISBN-1: the wrong length, letters, an X inside or a 13-digit number not starting 978/979 are refused as a format problem', () => {
    for (const bad of [
      '',
      '12345',
      '978030640615',
      '97803064061577',
      '0X06406152',
      'ABCDEFGHIJ',
      '1234567890123',
    ])
      expect(isbnProblem(normalizeIsbn(bad)), bad).toBe('format');
    expect(isbnProblem('9780306406158')).toBe('check_digit');
  });

  it('BOOK-ISBN-2: every valid ISBN-10 and ISBN-13 is accepted, and changing any one digit of it is refused', () => {
    fc.assert(
      fc.property(fc.oneof(validIsbn10, validIsbn13), fc.nat(), fc.nat(), (isbn, at, pick) => {
        expect(isValidIsbn(isbn)).toBe(true);
        const changed = changeOne(isbn, at % isbn.length, pick);
        expect(changed).not.toBe(isbn);
        expect(isValidIsbn(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

const localDate = fc
  .integer({ min: dayNumber('2000-01-01'), max: dayNumber('2150-12-31') })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('reading schedule (BOOK-SCHED)', () => {
  it('BOOK-SCHED-1: sections fall every `cadence` weeks on the same weekday, exactly 7 x cadence calendar days apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        localDate,
        fc.integer({ min: 1, max: 8 }),
        (sections, firstReadBy, cadenceWeeks) => {
          const days = proposeReadingSchedule({ sections, firstReadBy, cadenceWeeks });
          expect(days).toHaveLength(sections);
          if (sections) expect(days[0]).toBe(firstReadBy);
          for (const [i, day] of days.entries()) {
            expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(weekdayOf(day)).toBe(weekdayOf(firstReadBy));
            if (i > 0) expect(dayNumber(day) - dayNumber(days[i - 1] ?? '')).toBe(7 * cadenceWeeks);
          }
        },
      ),
    );
  });

  it('BOOK-SCHED-1: across daylight-saving changes and year ends the days stay calendar days (no 23- or 25-hour drift)', () => {
    // US spring forward 2027-03-14, fall back 2027-11-07; Europe 2027-03-28 and 2027-10-31; the new year.
    expect(proposeReadingSchedule({ sections: 4, firstReadBy: '2027-03-07', cadenceWeeks: 1 })).toEqual([
      '2027-03-07',
      '2027-03-14',
      '2027-03-21',
      '2027-03-28',
    ]);
    expect(proposeReadingSchedule({ sections: 3, firstReadBy: '2027-10-24', cadenceWeeks: 2 })).toEqual([
      '2027-10-24',
      '2027-11-07',
      '2027-11-21',
    ]);
    expect(proposeReadingSchedule({ sections: 3, firstReadBy: '2027-12-17', cadenceWeeks: 1 })).toEqual([
      '2027-12-17',
      '2027-12-24',
      '2027-12-31',
    ]);
    expect(proposeReadingSchedule({ sections: 2, firstReadBy: '2028-02-22', cadenceWeeks: 1 })).toEqual([
      '2028-02-22',
      '2028-02-29',
    ]);
  });

  it('BOOK-SCHED-1: a cadence outside 1-8 weeks or a negative count is refused', () => {
    expect(() =>
      proposeReadingSchedule({ sections: 2, firstReadBy: '2027-01-01', cadenceWeeks: 0 }),
    ).toThrow();
    expect(() =>
      proposeReadingSchedule({ sections: 2, firstReadBy: '2027-01-01', cadenceWeeks: 9 }),
    ).toThrow();
    expect(() =>
      proposeReadingSchedule({ sections: -1, firstReadBy: '2027-01-01', cadenceWeeks: 1 }),
    ).toThrow();
  });

  it('BOOK-SCHED-2: a read-by day before the previous one, and a routine without a session, are named by path', () => {
    expect(
      scheduleIssues([
        { readBy: '2027-01-10', sessionAt: '2027-01-11T16:00', routineId: 'problem-solve' },
        { readBy: '2027-01-10', sessionAt: null, routineId: null },
        { readBy: '2027-01-03', sessionAt: null, routineId: 'share-successes' },
      ]),
    ).toEqual([
      { path: 'sections.2.readBy', message: "Read-by day is before the previous section's (2027-01-10)" },
      { path: 'sections.2.routineId', message: 'Give the section a session time for its routine' },
    ]);
    fc.assert(
      fc.property(
        localDate,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        (first, n, cadence) => {
          const sections = proposeReadingSchedule({
            sections: n,
            firstReadBy: first,
            cadenceWeeks: cadence,
          }).map((readBy) => ({ readBy, sessionAt: null, routineId: null }));
          expect(scheduleIssues(sections)).toEqual([]);
        },
      ),
    );
  });
});
