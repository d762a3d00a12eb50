/** TEST-ORDER-1 (docs/SPEC.md): test files start longest first; unknown files count as the median. */
import { describe, expect, it } from 'vitest';
import config from '../vitest.config';
import { LongestFirstSequencer, longestFirst, readTimings } from './sequencer';

describe('TEST-ORDER-1 longest-first order', () => {
  it('TEST-ORDER-1: the run uses it: Vitest takes the sequencer from the root config, never from a project', () => {
    expect(config.test?.sequence?.sequencer).toBe(LongestFirstSequencer);
  });

  it('TEST-ORDER-1: longest first, ties in their given order, an unknown file as the median', () => {
    const timings = { 'unit:a': 1, 'unit:b': 85, 'unit:c': 10, 'unit:d': 10, 'unit:e': 30 };
    const order = longestFirst(
      ['unit:a', 'unit:new', 'unit:d', 'unit:c', 'unit:b', 'unit:e'],
      (f) => f,
      timings,
    );
    expect(order).toEqual(['unit:b', 'unit:e', 'unit:new', 'unit:d', 'unit:c', 'unit:a']);
  });

  it('TEST-ORDER-1: the checked-in timings name files that exist, with the slow one-test files among the longest', async () => {
    const { existsSync } = await import('node:fs');
    const timings = readTimings();
    const keys = Object.keys(timings);
    expect(keys.length).toBeGreaterThan(100);
    const missing = keys.filter(
      (k) => !existsSync(new URL(`../${k.slice(k.indexOf(':') + 1)}`, import.meta.url)),
    );
    // A renamed or removed file is only a stale entry (it then sorts as nothing), but the list should be renewed.
    expect(missing.length, `stale entries, run npm run test:timings: ${missing.join(', ')}`).toBeLessThan(10);
    const unit = longestFirst(
      keys.filter((k) => k.startsWith('unit:')),
      (k) => k,
      timings,
    );
    expect(unit.slice(0, 5)).toContain('unit:test/meeting-crash.test.ts');
  });
});
