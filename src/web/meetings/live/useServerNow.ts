import { useEffect, useState } from 'react';

/** Redraws four times a second: smooth enough for a seconds display, and each second flips on time. */
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
