import type { StepRun, TimerStatus } from './state';

/** The parts of a meeting the timer needs; both the full state and a viewer's view have them. */
export interface TimerSource {
  readonly currentStepIndex: number | null;
  readonly steps: readonly StepRun[];
}

export interface StepTimer {
  readonly stepId: string;
  readonly status: TimerStatus;
  readonly plannedMs: number;
  readonly extensionsMs: number;
  readonly elapsedMs: number;
  /** Never negative: when time is up it stays at 0 and `overrunMs` grows instead. */
  readonly remainingMs: number;
  readonly overrunMs: number;
  readonly runningSince: number | null;
}

/**
 * The timer of one step at server time `now`. Invariant: elapsed + remaining − overrun = planned + extensions,
 * with overrun > 0 only when remaining is 0. A `now` before `runningSince` (a client clock behind the server)
 * counts as no time run, so elapsed never goes below what was already accumulated.
 */
export function stepTimer(run: StepRun, now: number): StepTimer {
  const running = run.runningSince === null ? 0 : Math.max(0, now - run.runningSince);
  const elapsedMs = run.elapsedMs + running;
  const totalMs = run.plannedMs + run.extensionsMs;
  return {
    stepId: run.stepId,
    status: run.timer,
    plannedMs: run.plannedMs,
    extensionsMs: run.extensionsMs,
    elapsedMs,
    remainingMs: Math.max(0, totalMs - elapsedMs),
    overrunMs: Math.max(0, elapsedMs - totalMs),
    runningSince: run.runningSince,
  };
}

/** The current step's timer, or null outside the running phase. */
export function currentTimer(state: TimerSource, now: number): StepTimer | null {
  const run = state.currentStepIndex === null ? undefined : state.steps[state.currentStepIndex];
  return run ? stepTimer(run, now) : null;
}

/** Remaining ms of the current step (0 when no step is current). */
export function remainingMs(state: TimerSource, now: number): number {
  return currentTimer(state, now)?.remainingMs ?? 0;
}

export function elapsedMs(state: TimerSource, now: number): number {
  return currentTimer(state, now)?.elapsedMs ?? 0;
}

export function overrunMs(state: TimerSource, now: number): number {
  return currentTimer(state, now)?.overrunMs ?? 0;
}
