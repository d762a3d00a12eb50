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

/** Below this the search stops going down (a server that cannot hold it holds nothing worth a figure). */
export const MIN_RATE = 50;

/**
 * The next rate to offer after `done` (in order), or null when the search is over. Geometric steps from
 * `startRate`: up (x `stepFactor`, capped at `maxRate`) while they hold, or down (/ `stepFactor`, not below
 * MIN_RATE) while they fail; after the first step that turns the other way, once the geometric mean of the highest
 * rate that held and the lowest above it that failed; nothing after that, after `maxRate` held, or after
 * `maxSteps` geometric steps.
 */
export function nextRate(
  done: readonly { rate: number; held: boolean }[],
  opts: SearchOptions,
): number | null {
  const first = done[0];
  const last = done.at(-1);
  if (!first || !last) return Math.min(opts.startRate, opts.maxRate);
  const turn = done.findIndex((s) => s.held !== first.held);
  if (turn < 0) {
    if (done.length >= opts.maxSteps) return null;
    if (first.held)
      return last.rate >= opts.maxRate
        ? null
        : Math.min(Math.round(last.rate * opts.stepFactor), opts.maxRate);
    const lower = Math.round(last.rate / opts.stepFactor);
    return lower >= MIN_RATE ? lower : null;
  }
  if (turn !== done.length - 1) return null; // the step between has run
  const held = Math.max(...done.filter((s) => s.held).map((s) => s.rate));
  const failed = Math.min(...done.filter((s) => !s.held && s.rate > held).map((s) => s.rate));
  const between = Math.round(Math.sqrt(held * failed));
  return between > held && between < failed ? between : null;
}
