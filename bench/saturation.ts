/**
 * The step search of `bench:live --saturate` (docs/SPEC.md, CAP-LIVE-2), pure so that it is tested on its own
 * (test/bench-saturation.test.ts): the rule a step must meet to count as held, the clients' send interval for an
 * offered rate, and which rate to offer next.
 */

/** A step holds only while the receivers' p99 stays within this (ms). */
export const P99_LIMIT_MS = 50;

/** `--saturate` offers at most this many commands per client and second (the app allows 5/s per socket). */
export const MAX_COMMANDS_PER_CLIENT_S = 4;

/** What the rule reads of a step's figures (bench/fleet.ts FleetResult). */
export interface StepFigures {
  p99Ms: number;
  lost: number;
  duplicated: number;
  failed: number;
  skipped: number;
  disconnects: number;
  rejected: Readonly<Record<string, number>>;
}

/**
 * Why a step did not hold (empty: it held): p99 over 50 ms (or no sample at all), an event lost or duplicated,
 * an ack later than 30 s, a turn skipped for 4 unanswered commands (the server fell behind), a disconnect, or a
 * command refused for load (`rate_limited`, `unavailable`). The core's own refusals of the mix (NOT_ALLOWED at
 * some steps of the routine, in the fixed mode too) do not count.
 */
export function judge(step: StepFigures): string[] {
  const why: string[] = [];
  if (!(step.p99Ms <= P99_LIMIT_MS)) why.push(`p99 ${step.p99Ms} ms > ${P99_LIMIT_MS}`);
  if (step.lost > 0) why.push(`${step.lost} lost`);
  if (step.duplicated > 0) why.push(`${step.duplicated} duplicated`);
  if (step.failed > 0) why.push(`${step.failed} acks timed out`);
  if (step.skipped > 0) why.push(`${step.skipped} turns skipped (4 commands unanswered)`);
  if (step.disconnects > 0) why.push(`${step.disconnects} disconnects`);
  for (const code of ['rate_limited', 'unavailable'])
    if (step.rejected[code]) why.push(`${step.rejected[code]} commands refused ${code}`);
  return why;
}

/** A client's send interval (ms, uniform) for an offered rate: the fixed mode's spread (2-4 s around 3 s), scaled. */
export function intervalFor(clients: number, ratePerS: number): [number, number] {
  const mean = (clients / ratePerS) * 1000;
  return [Math.round((mean * 2) / 3), Math.round((mean * 4) / 3)];
}

export interface SearchOptions {
  startRate: number;
  stepFactor: number;
  /** Geometric steps at most (the one step between comes on top). */
  maxSteps: number;
  /** The highest rate the clients may offer. */
  maxRate: number;
}

/**
 * The next rate to offer after `done` (in order), or null when the search is over: geometric steps from
 * `startRate` (x `stepFactor`, capped at `maxRate`) while they hold; after the first that fails, once the
 * geometric mean of the last that held and that one; nothing after that, after `maxRate` held, or after
 * `maxSteps` geometric steps.
 */
export function nextRate(
  done: readonly { rate: number; held: boolean }[],
  opts: SearchOptions,
): number | null {
  const last = done.at(-1);
  if (!last) return Math.min(opts.startRate, opts.maxRate);
  const failed = done.findIndex((s) => !s.held);
  if (failed >= 0) {
    if (failed !== done.length - 1) return null; // the step between has run
    const held = done[failed - 1];
    if (!held) return null; // the first step failed: nothing to refine
    const between = Math.round(Math.sqrt(held.rate * last.rate));
    return between > held.rate && between < last.rate ? between : null;
  }
  if (done.length >= opts.maxSteps || last.rate >= opts.maxRate) return null;
  return Math.min(Math.round(last.rate * opts.stepFactor), opts.maxRate);
}
