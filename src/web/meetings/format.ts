import type { MeetingState } from '../../core/meeting/index';
import type { RoutineStep } from '../../contracts/routine';

/** "4:00", "0:59", "12:05". Rounds up, so a fresh 4-minute step shows 4:00 and 0:00 means time is really up. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Whole minutes left, counted up ("3 minutes left" until 2:00 is reached); 0 only when time is up. */
export function wholeMinutesLeft(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 60_000);
}

export interface CurrentStep {
  readonly index: number;
  readonly step: RoutineStep;
  readonly total: number;
}

export function currentStepOf(state: MeetingState): CurrentStep | null {
  const index = state.currentStepIndex;
  const step = index === null ? undefined : state.routine?.steps[index];
  return index === null || !step || !state.routine
    ? null
    : { index, step, total: state.routine.steps.length };
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

export function formatTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(ms));
}

export function formatDay(msOrIso: number | string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(msOrIso));
}

/** A due date (YYYY-MM-DD) shown as a calendar date, not shifted by the reader's time zone. */
export function formatDueDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(
    new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1),
  );
}
