import { routineStepAt, type MeetingState } from '#core/meeting/index';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { RoutineStep } from '#contracts/routine';
import { dateTimeFormat } from '../ui/dates';

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
  /** Index in the whole agenda's steps (`state.steps`). */
  readonly index: number;
  /** Steps in the whole agenda. */
  readonly total: number;
  /** The step's id in this meeting (prefixed in an agenda, see `runStepId`): commands name steps by it. */
  readonly stepId: string;
  readonly step: RoutineStep;
  /** The agenda part (0-based) and how many there are. */
  readonly part: number;
  readonly partCount: number;
  readonly routineName: string;
  /** 1-based place of the step within its routine, and that routine's number of steps. */
  readonly numberInPart: number;
  readonly stepsInPart: number;
}

export function currentStepOf(state: MeetingState): CurrentStep | null {
  const index = state.currentStepIndex;
  const step = index === null ? undefined : routineStepAt(state, index);
  const part = state.agenda[state.currentPart];
  const run = index === null ? undefined : state.steps[index];
  if (index === null || !step || !part || !run) return null;
  return {
    index,
    stepId: run.stepId,
    total: state.steps.length,
    step,
    part: state.currentPart,
    partCount: state.agenda.length,
    routineName: part.routine.name,
    numberInPart: index - part.firstStepIndex + 1,
    stepsInPart: part.routine.steps.length,
  };
}

/** "Share Successes" or "Share Successes + Problem-Solve Collaboratively". */
export function agendaName(summary: Pick<MeetingSummary, 'agenda'>): string {
  return summary.agenda.map((a) => a.routineName).join(' + ');
}

/**
 * A date and time in the reader's zone; with `timeZone` (the team's, SERIES-TZ-3), in that zone instead, named
 * when it is not the reader's own ("3:30 PM EST"), so a list never mixes a series' "3:30 PM" with "8:30 PM".
 */
export function formatDateTime(iso: string, language: string, timeZone?: string | null): string {
  if (!timeZone || timeZone === readerTimeZone()) {
    return dateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
  }
  const date = new Date(iso);
  const day = dateTimeFormat(language, { dateStyle: 'full', timeZone }).format(date);
  const time = dateTimeFormat(language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  return `${day}, ${time.format(date)}`;
}

let readerZone: string | undefined;
/** The browser's own IANA zone. */
export function readerTimeZone(): string {
  readerZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return readerZone;
}

export function formatTime(ms: number, language: string): string {
  return dateTimeFormat(language, { timeStyle: 'short' }).format(new Date(ms));
}

export function formatDay(msOrIso: number | string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'long' }).format(new Date(msOrIso));
}

/** A due date (YYYY-MM-DD) shown as a calendar date, not shifted by the reader's time zone. */
export function formatDueDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return dateTimeFormat(language, { dateStyle: 'medium' }).format(
    new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1),
  );
}
