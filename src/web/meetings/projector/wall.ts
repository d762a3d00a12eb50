import type { EfficacySource, QuestionKind } from '#contracts/routine';
import type { MeetingState, Presentation } from '#core/meeting/index';

/** Items of a list shown on the wall; the rest are counted ("and 3 earlier"), never scrolled. */
export const WALL_LIST_MAX = 4;

export interface WallList<T> {
  /** Newest first. */
  readonly shown: readonly T[];
  readonly more: number;
}

/**
 * What the projector shows of the team's shared work in the current step (DAY-PROJ-2): only what every
 * member sees on their device (questions, the step's shared note, the presentation, next steps, source
 * tags). Built from the shared parts of the state alone: private reflections, even the projector's own
 * person's, are never read here (and never sent to a projector, DAY-PROJ-3). Shared reflections stay on the
 * devices: their authors shared them with the team, not with the room.
 */
export interface WallWork {
  readonly questions: WallList<{ id: string; kind: QuestionKind; text: string }> | null;
  readonly presentation: Pick<Presentation, 'title' | 'summary'> | null;
  readonly note: string;
  readonly nextSteps: WallList<{ id: string; text: string; ownerId: string }> | null;
  readonly sources: WallList<{ id: string; source: EfficacySource; why: string }> | null;
}

function newestFirst<T>(items: readonly T[]): WallList<T> {
  const reversed = [...items].reverse();
  return { shown: reversed.slice(0, WALL_LIST_MAX), more: Math.max(0, reversed.length - WALL_LIST_MAX) };
}

export function wallWorkOf(
  state: Pick<MeetingState, 'questions' | 'steps' | 'agenda' | 'actionItems' | 'sourceTags'>,
  stepId: string,
  kind: string,
  part: number,
): WallWork {
  const note = state.steps.find((r) => r.stepId === stepId)?.note.trim() ?? '';
  const presentation = state.agenda[part]?.presentation ?? null;
  const showsCase = kind === 'present' || kind === 'observe' || kind === 'questions' || kind === 'discussion';
  return {
    questions:
      kind === 'questions'
        ? newestFirst(
            state.questions
              .filter((q) => q.stepId === stepId)
              .map(({ id, kind: k, text }) => ({ id, kind: k, text })),
          )
        : null,
    presentation:
      showsCase && presentation ? { title: presentation.title, summary: presentation.summary } : null,
    note,
    nextSteps:
      kind === 'final'
        ? newestFirst(state.actionItems.map(({ id, text, ownerId }) => ({ id, text, ownerId })))
        : null,
    sources:
      kind === 'final'
        ? newestFirst(
            state.sourceTags
              .filter((t) => t.part === part)
              .map(({ id, source, why }) => ({ id, source, why })),
          )
        : null,
  };
}

/** Whether there is anything to show yet (the wall keeps the prompts large until there is). */
export function hasWallWork(work: WallWork): boolean {
  return (
    (work.questions?.shown.length ?? 0) > 0 ||
    work.presentation !== null ||
    work.note !== '' ||
    (work.nextSteps?.shown.length ?? 0) > 0 ||
    (work.sources?.shown.length ?? 0) > 0
  );
}
