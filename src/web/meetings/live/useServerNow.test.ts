import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextTickDelay, runningEndsAt, TICK_MS } from './useServerNow';
import { formatClock } from '../format';
import { ANA, cmd, MIN, started } from '#core/meeting/testing';

describe('redrawing the timer', () => {
  it('DAY-TIMER-6: the end of a running step comes from the events alone (the same on every screen)', () => {
    const s = started();
    expect(runningEndsAt(s.state)).toBeNull();
    s.must(cmd('startTimer', ANA));
    const start = s.now;
    s.wait(MIN);
    s.must(cmd('pauseTimer', ANA));
    expect(runningEndsAt(s.state)).toBeNull();
    s.wait(5 * MIN);
    s.must(cmd('resumeTimer', ANA));
    s.must(cmd('extendStep', ANA, { minutes: 2 }));
    // 10 planned + 2 added, one already run, resumed 6 minutes after the start.
    expect(runningEndsAt(s.state)).toBe(start + 6 * MIN + 11 * MIN);
  });

  it('DAY-TIMER-6: the next redraw is never later than TICK_MS and lands on the change of the shown second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.integer({ min: -5_000, max: 5_000 }),
        (remaining, offset) => {
          const endsAt = 1_800_000_000_000;
          const clientNow = endsAt - remaining - offset;
          const delay = nextTickDelay(endsAt, clientNow, offset);
          expect(delay).toBeGreaterThan(0);
          expect(delay).toBeLessThanOrEqual(TICK_MS);
          const show = (ms: number) => (ms > 0 ? formatClock(ms) : `-${formatClock(-ms)}`);
          // Nothing shown changes before the redraw...
          for (const before of [1, Math.floor(delay / 2), delay - 1].filter((d) => d > 0 && d < delay))
            expect(show(remaining - before)).toBe(show(remaining));
          // ...and a redraw sooner than TICK_MS is the moment it changes.
          if (delay < TICK_MS) expect(show(remaining - delay)).not.toBe(show(remaining));
        },
      ),
    );
  });
});
