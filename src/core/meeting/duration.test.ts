import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { durationParts, formatActual, formatDuration } from './duration';

const MIN = 60_000;

describe('durations in the minutes', () => {
  it('DAY-TIMER-5: "0 min", "under 1 min", whole minutes to the nearest, hours from 60 minutes on', () => {
    const cases: [number, string][] = [
      [0, '0 min'],
      [-5, '0 min'],
      [1, 'under 1 min'],
      [12_000, 'under 1 min'], // was "0.2 min"
      [MIN - 1, 'under 1 min'],
      [MIN, '1 min'],
      [89_999, '1 min'],
      [90_000, '2 min'],
      [4 * MIN + 10_000, '4 min'],
      [59 * MIN + 29_999, '59 min'],
      [59 * MIN + 30_000, '1 h'],
      [60 * MIN, '1 h'],
      [65 * MIN, '1 h 5 min'],
      [125 * MIN + 40_000, '2 h 6 min'],
    ];
    for (const [ms, text] of cases) expect([ms, formatDuration(ms)]).toEqual([ms, text]);
    expect(formatActual(0, false)).toBe('not timed');
    expect(formatActual(0, true)).toBe('0 min');
    expect(formatActual(3 * MIN, true)).toBe('3 min');
  });

  it('DAY-TIMER-5: never a decimal, and the parts add back up to the rounded minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 * MIN }), (ms) => {
        expect(formatDuration(ms)).toMatch(/^(0 min|under 1 min|\d+ min|\d+ h|\d+ h \d+ min)$/);
        const d = durationParts(ms);
        if (d.kind === 'minutes') {
          expect(d.minutes).toBeLessThan(60);
          expect(d.hours * 60 + d.minutes).toBe(Math.round(ms / MIN));
        }
      }),
    );
  });
});
