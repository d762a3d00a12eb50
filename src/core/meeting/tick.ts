import { MEETING_EVENT_VERSION, SYSTEM_ACTOR, type MeetingEvent } from '../../contracts/meeting';
import { currentRun, type MeetingState } from './state';
import { stepTimer } from './timer';

/**
 * The server's clock decision, called on a timer: when the team opted into auto-advance and the current
 * step's running timer has reached 0, move on to the next step (whose timer starts at once).
 * Without the opt-in, or on the last step, or while paused, time running out only shows as overrun.
 */
export function tick(state: MeetingState, now: number): MeetingEvent[] {
  const run = currentRun(state);
  const next = nextRun(state);
  if (!awaitsTick(state) || !run || !next) return [];
  const at = Math.max(now, state.clock);
  if (stepTimer(run, at).remainingMs > 0) return [];
  return [
    {
      seq: state.seq + 1,
      type: 'step.auto-advanced',
      v: MEETING_EVENT_VERSION,
      at,
      actorId: SYSTEM_ACTOR,
      idempotencyKey: null,
      payload: { fromStepId: run.stepId, toStepId: next.stepId },
    },
  ];
}

const nextRun = (state: MeetingState) =>
  state.currentStepIndex === null ? undefined : state.steps[state.currentStepIndex + 1];

/**
 * MEET-TIMER-11: whether `tick` will move the meeting on by itself once the current step's time is up (the team
 * opted in, the timer runs, and a step follows). A node keeps such a meeting in memory however long nobody acts
 * (CAP-LIVE-15); any other meeting waits for someone to act.
 */
export function awaitsTick(state: MeetingState): boolean {
  return (
    state.phase === 'running' &&
    state.autoAdvance &&
    currentRun(state)?.timer === 'running' &&
    nextRun(state) !== undefined
  );
}
