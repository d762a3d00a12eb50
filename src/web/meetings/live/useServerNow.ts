import { useEffect, useState } from 'react';
import type { TimerSource } from '#core/meeting/index';

/** Redraws at least four times a second: smooth enough for a seconds display. */
export const TICK_MS = 250;

/**
 * The client's clock (ms), refreshed every TICK_MS while `ticking`; the caller adds the server offset.
 * A paused or idle timer does not change, so it does not tick.
 */
export function useClientNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => {
      setNow(Date.now());
    };
    // Catch up at once (the timer may just have been resumed), then keep ticking. A stale `now` is only ever
    // earlier than the truth, which the core reads as "no time run yet", never as time lost.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking]);
  return now;
}

/**
 * Server ms at which the current step's time runs out, while its timer runs (null otherwise). The same on every
 * screen: it comes from the events alone (start time, planned, extensions, time banked before a pause).
 */
export function runningEndsAt(state: TimerSource): number | null {
  const run = state.currentStepIndex === null ? undefined : state.steps[state.currentStepIndex];
  if (!run || run.runningSince === null) return null;
  return run.runningSince + run.plannedMs + run.extensionsMs - run.elapsedMs;
}

/**
 * DAY-TIMER-6: ms until the next redraw: at most TICK_MS, and exactly when the shown second changes (the clock
 * rounds remaining time up, the overrun too), so every screen flips its second at the same instant, give or
 * take the difference of their clock offsets, rather than up to TICK_MS apart.
 */
export function nextTickDelay(endsAt: number, clientNow: number, offsetMs: number): number {
  const remaining = endsAt - (clientNow + offsetMs);
  const intoSecond = ((remaining % 1000) + 1000) % 1000;
  // Counting down, ceil(remaining / 1000) drops when remaining reaches a whole second; counting the overrun
  // up, ceil(overrun / 1000) grows just after it passes one.
  const untilFlip = remaining > 0 ? intoSecond || 1000 : intoSecond + 1;
  return Math.min(TICK_MS, untilFlip);
}

/**
 * The client clock for a step's timer (DAY-TIMER-6): redrawn at least every TICK_MS while it runs and exactly at
 * each change of the shown second; still while it is paused or idle.
 */
export function useTimerClock(state: TimerSource, offsetMs: number): number {
  const endsAt = runningEndsAt(state);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return;
    let handle: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      handle = setTimeout(tick, nextTickDelay(endsAt, t, offsetMs));
    };
    // Catch up at once (the timer may just have started); a stale `now` only ever reads as less time run.
    handle = setTimeout(tick, 0);
    return () => {
      clearTimeout(handle);
    };
  }, [endsAt, offsetMs]);
  return now;
}
