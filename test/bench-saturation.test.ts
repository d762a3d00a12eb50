/**
 * The step search of `bench:live --saturate` (bench/saturation.ts): the rule a step must meet and the order of
 * the rates it offers. The benchmark itself is run by hand (`npm run bench:live -- --saturate`).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { intervalFor, judge, MIN_RATE, nextRate, type StepFigures } from '../bench/saturation';

const clean: StepFigures = {
  p99Ms: 20,
  lost: 0,
  duplicated: 0,
  failed: 0,
  skipped: 0,
  disconnects: 0,
  rejected: { NOT_ALLOWED: 3 },
};

/** Runs the search against a server that holds exactly the rates up to `capacity`. */
function search(
  capacity: number,
  opts = { startRate: 1_000, stepFactor: 1.5, maxSteps: 8, maxRate: 12_000 },
) {
  const done: { rate: number; held: boolean }[] = [];
  for (let rate = nextRate(done, opts); rate !== null; rate = nextRate(done, opts))
    done.push({ rate, held: rate <= capacity });
  return done;
}

describe('CAP-LIVE-2: the saturation search', () => {
  test('CAP-LIVE-2 a step holds with p99 within 50 ms and nothing lost, duplicated, late, skipped or refused for load', () => {
    expect(judge(clean)).toEqual([]);
    expect(judge({ ...clean, p99Ms: 50 })).toEqual([]);
    expect(judge({ ...clean, p99Ms: 50.01 })).toEqual(['p99 50.01 ms > 50']);
    expect(judge({ ...clean, p99Ms: Number.NaN })).toHaveLength(1); // no sample at all is no proof
    expect(judge({ ...clean, lost: 1 })).toEqual(['1 lost']);
    expect(judge({ ...clean, duplicated: 2 })).toEqual(['2 duplicated']);
    expect(judge({ ...clean, failed: 1 })).toEqual(['1 acks timed out']);
    expect(judge({ ...clean, skipped: 4 })).toEqual(['4 turns skipped (4 commands unanswered)']);
    expect(judge({ ...clean, disconnects: 1 })).toEqual(['1 disconnects']);
    expect(judge({ ...clean, rejected: { rate_limited: 5, unavailable: 1 } })).toEqual([
      '5 commands refused rate_limited',
      '1 commands refused unavailable',
    ]);
  });

  test('CAP-LIVE-2 the interval keeps the fixed mode spread: 3,000 clients at 1,000/s send every 2-4 s', () => {
    expect(intervalFor(3_000, 1_000)).toEqual([2_000, 4_000]);
    expect(intervalFor(3_000, 6_000)).toEqual([333, 667]);
  });

  test('CAP-LIVE-2 geometric steps up while they hold (down while they fail), then once between', () => {
    expect(search(4_000)).toEqual([
      { rate: 1_000, held: true },
      { rate: 1_500, held: true },
      { rate: 2_250, held: true },
      { rate: 3_375, held: true },
      { rate: 5_063, held: false },
      { rate: 4_134, held: false },
    ]);
    // The first step fails: down until one holds, then once between.
    expect(search(500)).toEqual([
      { rate: 1_000, held: false },
      { rate: 667, held: false },
      { rate: 445, held: true },
      { rate: 545, held: false },
    ]);
    // Nothing holds: down to the floor, then over.
    expect(search(10).map((s) => s.rate)).toEqual([1_000, 667, 445, 297, 198, 132, 88, 59]);
    // Never past the clients' limit, and no further once it held there.
    expect(search(1e9).at(-1)).toEqual({ rate: 12_000, held: true });
    expect(search(1e9).length).toBeLessThanOrEqual(8);
  });

  test('CAP-LIVE-2 property: the search ends, moves one way until it turns, and the best held rate is within one step of capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (capacity) => {
        const opts = { startRate: 1_000, stepFactor: 1.5, maxSteps: 8, maxRate: 12_000 };
        const done = search(capacity, opts);
        expect(done.length).toBeLessThanOrEqual(opts.maxSteps + 1);
        // Up while the steps hold, down while they fail, until the first turn.
        const turn = done.findIndex((s) => s.held !== done[0]?.held);
        const geometric = turn < 0 ? done : done.slice(0, turn + 1);
        for (let i = 1; i < geometric.length; i++)
          if (done[0]?.held) expect(geometric[i]?.rate ?? 0).toBeGreaterThan(geometric[i - 1]?.rate ?? 0);
          else expect(geometric[i]?.rate ?? 0).toBeLessThan(geometric[i - 1]?.rate ?? 0);
        const best = Math.max(0, ...done.filter((s) => s.held).map((s) => s.rate));
        expect(best).toBeLessThanOrEqual(capacity);
        const ceiling = Math.min(capacity, opts.maxRate, 1_000 * 1.5 ** (opts.maxSteps - 1));
        const floor = 1_000 / 1.5 ** (opts.maxSteps - 1);
        // Within one step of the capacity, wherever the search could reach it.
        if (capacity >= Math.max(floor, MIN_RATE)) expect(best).toBeGreaterThan(ceiling / opts.stepFactor);
      }),
    );
  });
});
