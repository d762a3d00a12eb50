import type { EventOf, MeetingEvent } from '../../contracts/meeting';
import { runStepId } from '../meeting/state';

/** One private reflection as its author rereads it after the meeting (DAY-REFL-1). */
export interface MyReflection {
  readonly reflectionId: string;
  readonly stepId: string;
  /** The step's title in the routine snapshot of the meeting (the step id when the snapshot is missing). */
  readonly stepTitle: string;
  /** The routine the step belongs to (empty when the snapshot is missing). */
  readonly routineName: string;
  /** The latest text: an edit (same reflectionId) replaces the earlier one. */
  readonly text: string;
  /** Server ms of the latest edit. */
  readonly writtenAt: number;
  /** Server ms of the first version (the order it was written in). */
  readonly firstWrittenAt: number;
  /**
   * The last share of it, if any: when, whether it showed the latest text, and whether it came after the
   * meeting's end (shared later from My reflections, DAY-REFL-4).
   */
  readonly shared: { readonly at: number; readonly upToDate: boolean; readonly afterMeeting: boolean } | null;
}

interface StepInfo {
  readonly title: string;
  readonly routineName: string;
}

/** Every step of the meeting's agenda by its meeting-unique id, as `evolve` numbers them. */
function stepsOf(created: EventOf<'meeting.created'> | undefined): Map<string, StepInfo> {
  const steps = new Map<string, StepInfo>();
  if (!created) return steps;
  const routines = [created.payload.routine, ...(created.payload.followedBy ?? [])];
  routines.forEach((routine, partIndex) => {
    for (const step of routine.steps)
      steps.set(runStepId(partIndex, step.id, routines.length), {
        title: step.title,
        routineName: routine.name,
      });
  });
  return steps;
}

/**
 * The private reflections `personId` wrote in one meeting, in the order first written, each with its latest
 * text. `log` is the meeting's events, whole or filtered (its `meeting.created`, `meeting.ended` and reflection
 * events are enough), in any order; events of anyone else are ignored, so the result is only ever the person's own
 * (DAY-REFL-2). A share by the author marks the reflection shared; a share is a snapshot, so it is up to date
 * only while no later edit exists.
 */
export function myReflectionsOf(log: readonly MeetingEvent[], personId: string): MyReflection[] {
  const events = [...log].sort((a, b) => a.seq - b.seq);
  const steps = stepsOf(events.find((e) => e.type === 'meeting.created'));
  const endedAt = events.find((e) => e.type === 'meeting.ended')?.at ?? null;
  const byId = new Map<string, Draft>();
  for (const e of events) {
    if (e.actorId !== personId) continue;
    if (e.type === 'reflection.written') {
      const { reflectionId, stepId, text } = e.payload;
      const before = byId.get(reflectionId);
      byId.set(reflectionId, {
        reflectionId,
        stepId,
        text,
        writtenAt: e.at,
        firstSeq: before?.firstSeq ?? e.seq,
        firstWrittenAt: before?.firstWrittenAt ?? e.at,
        share: before?.share ?? null,
      });
    } else if (e.type === 'reflection.shared') {
      const before = byId.get(e.payload.reflectionId);
      // A share names a reflection of the author's own (core `decide` checks); one whose written event is not
      // in this log has no text to show, so it is left out.
      if (before) byId.set(before.reflectionId, { ...before, share: { at: e.at, text: e.payload.text } });
    }
  }
  return [...byId.values()]
    .sort((a, b) => a.firstSeq - b.firstSeq)
    .map(({ firstSeq: _seq, share, ...r }) => {
      const step = steps.get(r.stepId);
      return {
        ...r,
        stepTitle: step?.title ?? r.stepId,
        routineName: step?.routineName ?? '',
        shared: share
          ? {
              at: share.at,
              upToDate: share.text === r.text,
              afterMeeting: endedAt !== null && share.at > endedAt,
            }
          : null,
      };
    });
}

interface Draft {
  readonly reflectionId: string;
  readonly stepId: string;
  readonly text: string;
  readonly writtenAt: number;
  readonly firstSeq: number;
  readonly firstWrittenAt: number;
  readonly share: { readonly at: number; readonly text: string } | null;
}
