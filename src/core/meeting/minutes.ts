import { EFFICACY_SOURCES } from '../../contracts/routine';
import type { MeetingMinutes, MinutesPart, MinutesStep } from '../../contracts/minutes';
import { MS_PER_MINUTE, routineStepAt, type MeetingState } from './state';
import { stepTimer } from './timer';
import { formatActual } from './duration';

export type { MeetingMinutes, MinutesPart, MinutesStep };

const toMinutes = (ms: number) => Math.round((ms / MS_PER_MINUTE) * 10) / 10;

/**
 * The meeting summary a team keeps, one section per routine of the agenda. Built only from shared content:
 * private reflections are never in it. A step still running is measured at `now` (default: the last event).
 */
export function minutesOf(state: MeetingState, now: number = state.clock): MeetingMinutes {
  const steps = state.steps.map((run, i) => {
    const step = routineStepAt(state, i);
    // DAY-TIMER-4: the time the timer really ran (pauses excluded), measured at `now` while it still runs.
    const actualMs = stepTimer(run, now).elapsedMs;
    const timed = run.timer !== 'idle';
    return {
      part: run.partIndex,
      step: {
        stepId: run.stepId,
        title: step?.title ?? run.stepId,
        kind: step?.kind ?? 'discussion',
        plannedMinutes: toMinutes(run.plannedMs),
        extensionMinutes: toMinutes(run.extensionsMs),
        actualMinutes: toMinutes(actualMs),
        actualMs,
        timed,
        actualText: formatActual(actualMs, timed),
        outcome: run.outcome,
        note: run.note,
      } satisfies MinutesStep,
    };
  });
  const parts = state.agenda.map((part, index): MinutesPart => {
    const own = steps.filter((s) => s.part === index).map((s) => s.step);
    const tags = state.sourceTags.filter((t) => t.part === index);
    const tagged = new Set(tags.map((t) => t.source));
    const { routine, plan } = part;
    return {
      index,
      routine: {
        id: routine.id,
        version: routine.version,
        name: routine.name,
        focus: routine.focus,
        basedOn: routine.basedOn ?? null,
      },
      presenterId: part.presenter,
      presentation: part.presentation,
      steps: own,
      learned: own.find((s) => s.kind === 'final')?.note ?? '',
      sourceTags: tags.map(({ source, why, taggedBy }) => ({ source, why, taggedBy })),
      sourcesSeen: EFFICACY_SOURCES.filter((s) => tagged.has(s)),
      // PM-MIN-1: the plan as it stood when the meeting opened.
      plan: plan && {
        curiosity: plan.curiosity,
        practice: plan.practice,
        modelId: plan.modelId,
        modelInvited: plan.modelId !== null && state.invitees.includes(plan.modelId),
        mode: plan.mode,
        modelingAt: plan.modelingAt,
        videoUrl: plan.videoUrl,
        fromSuccess: plan.fromSuccess,
      },
      // PM-MIN-2: the visit notes shared into this part, in the order they were (last) shared.
      observations: state.sharedObservations
        .filter((o) => o.part === index)
        .map(({ observationId, authorId, text, at }) => ({ observationId, authorId, text, at })),
    };
  });
  const { facilitator, timekeeper, noteTaker } = state.roles;
  return {
    meetingId: state.meetingId,
    phase: state.phase,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    roles: { facilitator, timekeeper, noteTaker },
    parts,
    questions: state.questions.map(({ stepId, kind, text, authorId, flagged, flagReason }) => ({
      stepId,
      kind,
      text,
      authorId,
      flagged,
      flagReason,
    })),
    sharedReflections: state.sharedReflections.map(({ reflectionId, authorId, stepId, text, at }) => ({
      reflectionId,
      authorId,
      stepId,
      text,
      at,
      // Shared later, from My reflections (DAY-REFL-4).
      afterMeeting: state.endedAt !== null && at > state.endedAt,
    })),
    actionItems: [...state.actionItems],
    // FOLLOW-MIN-1: what the team said of earlier meetings' next steps, in the order they were carried in.
    followUps: state.followUps.map((f) => ({ ...f })),
    // Meeting guests (ADR 0013) are listed by name, so the team can invite them later.
    guests: Object.entries(state.guests).map(([id, name]) => ({ id, name })),
    invitees: [...state.invitees],
  };
}
