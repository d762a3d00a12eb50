import type { EfficacySource, RoutineRef, RoutineStep } from '../../contracts/routine';
import { EFFICACY_SOURCES } from '../../contracts/routine';
import type { ActionItem, MeetingPhase, Presentation, Roles, SharedReflection, StepOutcome } from './state';
import { MS_PER_MINUTE, type MeetingState } from './state';
import { stepTimer } from './timer';

export interface MinutesStep {
  readonly stepId: string;
  readonly title: string;
  readonly kind: RoutineStep['kind'];
  readonly plannedMinutes: number;
  readonly extensionMinutes: number;
  /** Minutes the step's timer actually ran, to one decimal. */
  readonly actualMinutes: number;
  readonly outcome: StepOutcome;
  readonly note: string;
}

export interface MinutesQuestion {
  readonly stepId: string;
  readonly kind: 'clarifying' | 'probing';
  readonly text: string;
  readonly authorId: string;
  readonly flagged: boolean;
  readonly flagReason: string | null;
}

export interface MinutesSourceTag {
  readonly source: EfficacySource;
  readonly why: string;
  readonly taggedBy: string;
}

/** The meeting summary a team keeps. Built only from shared content: private reflections are never in it. */
export interface MeetingMinutes {
  readonly meetingId: string | null;
  readonly routine: {
    readonly id: string;
    readonly version: number;
    readonly name: string;
    readonly basedOn: RoutineRef | null;
  } | null;
  readonly phase: MeetingPhase;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly roles: Roles;
  readonly steps: readonly MinutesStep[];
  readonly presentation: Presentation | null;
  readonly questions: readonly MinutesQuestion[];
  readonly sharedReflections: readonly SharedReflection[];
  /** The shared note of the final discussion: what the team learned. */
  readonly learned: string;
  readonly actionItems: readonly ActionItem[];
  readonly sourceTags: readonly MinutesSourceTag[];
  /** Sources the team tagged at least once, in the canonical order. */
  readonly sourcesSeen: readonly EfficacySource[];
}

const toMinutes = (ms: number) => Math.round((ms / MS_PER_MINUTE) * 10) / 10;

/** Minutes of the meeting; a step still running is measured at `now` (default: the last event's time). */
export function minutesOf(state: MeetingState, now: number = state.clock): MeetingMinutes {
  const routine = state.routine;
  const steps = state.steps.map((run, i): MinutesStep => {
    const step = routine?.steps[i];
    return {
      stepId: run.stepId,
      title: step?.title ?? run.stepId,
      kind: step?.kind ?? 'discussion',
      plannedMinutes: toMinutes(run.plannedMs),
      extensionMinutes: toMinutes(run.extensionsMs),
      actualMinutes: toMinutes(stepTimer(run, now).elapsedMs),
      outcome: run.outcome,
      note: run.note,
    };
  });
  const tagged = new Set(state.sourceTags.map((t) => t.source));
  return {
    meetingId: state.meetingId,
    routine: routine && {
      id: routine.id,
      version: routine.version,
      name: routine.name,
      basedOn: routine.basedOn ?? null,
    },
    phase: state.phase,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    roles: state.roles,
    steps,
    presentation: state.presentation,
    questions: state.questions.map(({ stepId, kind, text, authorId, flagged, flagReason }) => ({
      stepId,
      kind,
      text,
      authorId,
      flagged,
      flagReason,
    })),
    sharedReflections: state.sharedReflections,
    learned: steps.find((s) => s.kind === 'final')?.note ?? '',
    actionItems: state.actionItems,
    sourceTags: state.sourceTags.map(({ source, why, taggedBy }) => ({ source, why, taggedBy })),
    sourcesSeen: EFFICACY_SOURCES.filter((s) => tagged.has(s)),
  };
}
