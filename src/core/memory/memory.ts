/**
 * MEM-REC: what an ended meeting leaves in its team's memory. A pure projection over the meeting's log (events
 * parsed with the `MeetingEvent` schema), in the style of `minutesOf`: one draft per part of the agenda that has
 * something recorded, shaped by the part's routine focus. Only shared content is read: private reflections never
 * reach a draft (MEM-REC-8).
 */
import type { MeetingEvent } from '../../contracts/meeting';
import type { MemoryContent, MemoryKind, ChosenNextStep } from '../../contracts/memory';
import type { RoutineFocus } from '../../contracts/routine';
import { evolve } from '../meeting/evolve';
import { initialMeetingState, routineStepAt, type MeetingState } from '../meeting/state';

export interface MemoryMeta {
  meetingId: string;
  /** The meeting's title (used when a part has no recorded presentation). */
  title: string;
  /** When the meeting ended (ms): the records' `occurredAt`. */
  endedAt: number;
}

/** A record as the projection draws it; the server stores it under (meetingId, part). */
export interface MemoryDraft {
  meetingId: string;
  part: number;
  kind: MemoryKind;
  title: string;
  /** The part's presenter (the model of a Peer Modeling part); null when nobody presented. */
  authorId: string | null;
  occurredAt: number;
  content: MemoryContent;
}

/** MEM-REC-1: the kind of record a routine's focus leaves. */
export const KIND_OF_FOCUS: Record<RoutineFocus, MemoryKind> = {
  success: 'success',
  dilemma: 'dilemma',
  'observed-practice': 'observation',
};

const join = (notes: readonly string[]) =>
  notes
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .join('\n\n');

/**
 * MEM-REC-1..4: the drafts of a meeting's log, one per part of the agenda with content (a presentation, a
 * step's note or a shared observation), in agenda order.
 */
export function memoryOf(events: readonly MeetingEvent[], meta: MemoryMeta): MemoryDraft[] {
  // MEM-REC-3: replay in order, noting which part the meeting was in when each next step was added.
  let state: MeetingState = initialMeetingState;
  const itemPart = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.type === 'action-item.added') itemPart.set(e.payload.itemId, state.currentPart);
    state = evolve(state, e);
  }
  return state.agenda.flatMap((part, index): MemoryDraft[] => {
    const runs = state.steps.flatMap((run, i) => {
      const step = routineStepAt(state, i);
      return run.partIndex === index && step ? [{ run, step }] : [];
    });
    const notesOf = (match: (s: (typeof runs)[number]['step']) => boolean) =>
      join(runs.filter((r) => match(r.step)).map((r) => r.run.note));
    const discussion = notesOf((s) => s.kind === 'discussion');
    const insight = notesOf((s) => s.kind === 'reflect' && s.speaker === 'presenter');
    const learned = notesOf((s) => s.kind === 'final');
    const presentation = part.presentation;
    const observations = state.sharedObservations.filter((o) => o.part === index);
    const anyNote = runs.some((r) => r.run.note.trim() !== '');
    // MEM-REC-7: a part with nothing recorded leaves no record.
    if (!presentation && !anyNote && observations.length === 0) return [];
    const kind = KIND_OF_FOCUS[part.routine.focus];
    const title = presentation?.title ?? `${part.routine.name}: ${meta.title}`;
    const story = presentation?.summary ?? '';
    let content: MemoryContent;
    if (kind === 'success') {
      content = {
        kind,
        story,
        evidence: presentation?.evidence ?? '',
        whatWorked: discussion,
        insight,
        learned,
      };
    } else if (kind === 'dilemma') {
      const nextSteps: ChosenNextStep[] = state.actionItems
        .filter((item) => itemPart.get(item.id) === index)
        .map((item) => ({
          meetingId: meta.meetingId,
          itemId: item.id,
          text: item.text,
          ownerId: item.ownerId,
          due: item.due,
        }));
      content = { kind, story, suggestedActions: discussion, insight, learned, nextSteps };
    } else {
      const stepIds = new Set(runs.map((r) => r.run.stepId));
      const plan = part.plan;
      content = {
        kind,
        // MEM-REC-4: the plan's practice when there is one, else the record of the practice.
        practice: plan?.practice ?? (presentation ? presentation.summary || presentation.title : ''),
        curiosity: plan?.curiosity ?? '',
        modelId: plan?.modelId ?? part.presenter,
        mode: plan?.mode ?? presentation?.mode ?? null,
        notes: observations.map((o) => ({ authorId: o.authorId, text: o.text })),
        questions: state.questions
          .filter((q) => stepIds.has(q.stepId))
          .map((q) => ({ kind: q.kind, text: q.text })),
        learned,
      };
    }
    return [
      {
        meetingId: meta.meetingId,
        part: index,
        kind,
        title,
        authorId: part.presenter,
        occurredAt: meta.endedAt,
        content,
      },
    ];
  });
}
