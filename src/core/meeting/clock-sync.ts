import { remainingMs, type TimerSource } from './timer';

/** One ping: client time when sent, server time in the answer, client time when the answer arrived. */
export interface ClockSample {
  readonly clientSent: number;
  readonly serverTime: number;
  readonly clientReceived: number;
}

/**
 * Offset to add to the client clock to get server time (NTP-style): takes the sample with the shortest
 * round trip, because its server time is the least blurred by network delay, and assumes the answer
 * was stamped half-way through it. Samples with a negative or non-finite round trip are ignored.
 * Returns 0 (trust the client clock) when no sample is usable.
 */
export function estimateOffset(samples: readonly ClockSample[]): number {
  let best: { rtt: number; offset: number } | null = null;
  for (const s of samples) {
    const rtt = s.clientReceived - s.clientSent;
    if (!Number.isFinite(rtt) || !Number.isFinite(s.serverTime) || rtt < 0) continue;
    const offset = s.serverTime - (s.clientSent + s.clientReceived) / 2;
    if (best === null || rtt < best.rtt) best = { rtt, offset };
  }
  return best?.offset ?? 0;
}

/** What a client shows: the current step's remaining ms, with its own clock corrected by `offsetMs`. */
export function remainingForClient(state: TimerSource, clientNow: number, offsetMs: number): number {
  return remainingMs(state, clientNow + offsetMs);
}
