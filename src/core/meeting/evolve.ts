import type { EventOf, MeetingEvent } from '../../contracts/meeting';
import {
  keyOf,
  MS_PER_MINUTE,
  runStepId,
  type AgendaPart,
  type MeetingState,
  type StepOutcome,
  type StepRun,
  withAppliedKey,
} from './state';
import { initialMeetingState } from './state';

/** Thrown when a log has a gap: folding on would build a state nobody decided. */
export class MeetingLogGapError extends Error {
  constructor(expected: number, got: number) {
    super(`Meeting log gap: expected event seq ${expected}, got ${got}`);
    this.name = 'MeetingLogGapError';
  }
}

/**
 * Folds one event into the state, returning a new state (the input is never changed).
 * Events at or below `state.seq` are ignored, so a client that receives an event twice (a reconnect
 * overlapping a push) stays correct; a gap throws.
 */
export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.seq <= state.seq) return state;
  if (event.seq !== state.seq + 1) throw new MeetingLogGapError(state.seq + 1, event.seq);

  const base: MeetingState = {
    ...state,
    seq: event.seq,
    clock: Math.max(state.clock, event.at),
    appliedKeys:
      event.idempotencyKey === null
        ? state.appliedKeys
        : withAppliedKey(state.appliedKeys, keyOf(event.actorId, event.idempotencyKey), event.seq),
  };
  return apply(base, event);
}

/** Folds a whole log, oldest first, from the empty meeting. */
export function replay(events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(evolve, initialMeetingState);
}

function apply(s: MeetingState, e: MeetingEvent): MeetingState {
  switch (e.type) {
    case 'meeting.created':
      return created(s, e);
    case 'meeting.started': {
      const fallback = e.payload.defaultPresenter ?? null;
      const agenda = s.agenda.map((p) => (p.presenter === null ? { ...p, presenter: fallback } : p));
      const presenter = agenda[0]?.presenter ?? null;
      return {
        ...s,
        agenda,
        roles: { ...s.roles, presenter },
        phase: 'running',
        currentStepIndex: 0,
        startedAt: e.at,
      };
    }
    case 'timer.started':
    case 'timer.resumed':
      return updateCurrent(s, (run) => ({ ...run, timer: 'running', runningSince: e.at }));
    case 'timer.paused':
      return updateCurrent(s, (run) => stopTimer(run, e.at));
    case 'step.extended':
      return updateStep(s, e.payload.stepId, (run) => ({
        ...run,
        extensionsMs: run.extensionsMs + e.payload.minutes * MS_PER_MINUTE,
      }));
    case 'step.resized':
      return updateStep(s, e.payload.stepId, (run) => ({
        ...run,
        plannedMs: e.payload.minutes * MS_PER_MINUTE,
      }));
    case 'step.advanced':
      return move(s, e, 'done', false);
    case 'step.skipped':
      return move(s, e, 'skipped', false);
    case 'step.returned':
      return move(s, e, null, false);
    case 'step.auto-advanced':
      // The team asked for a flowing meeting, so the next step's clock starts at once.
      return move(s, e, 'done', true);
    case 'roles.assigned': {
      const { presenter, timekeeper, noteTaker } = e.payload;
      const part = e.payload.part ?? 0;
      const withPresenter = presenter === undefined ? s : updatePart(s, part, (p) => ({ ...p, presenter }));
      return {
        ...withPresenter,
        roles: {
          ...s.roles,
          ...(presenter !== undefined && part === s.currentPart && { presenter }),
          ...(timekeeper !== undefined && { timekeeper }),
          ...(noteTaker !== undefined && { noteTaker }),
        },
      };
    }
    case 'facilitation.handed-over':
      return { ...s, roles: { ...s.roles, facilitator: e.payload.toId } };
    case 'roster.removed':
      return removeMember(s, e);
    case 'roster.guest-admitted':
      return {
        ...s,
        memberIds: s.memberIds.includes(e.payload.guestId)
          ? s.memberIds
          : [...s.memberIds, e.payload.guestId],
        guests: { ...s.guests, [e.payload.guestId]: e.payload.name },
      };
    case 'roster.added':
      return addMember(s, e);
    case 'observation.shared': {
      const { observationId, part, text } = e.payload;
      const shared = { observationId, authorId: e.actorId, part, text, at: e.at };
      // Sharing again replaces the earlier snapshot, so each note appears once.
      const others = s.sharedObservations.filter((o) => o.observationId !== observationId);
      return { ...s, sharedObservations: [...others, shared] };
    }
    case 'note.written':
      return updateStep(s, e.payload.stepId, (run) => ({ ...run, note: e.payload.text }));
    case 'note.suggested':
      return {
        ...s,
        suggestions: [
          ...s.suggestions,
          {
            id: e.payload.suggestionId,
            stepId: e.payload.stepId,
            text: e.payload.text,
            authorId: e.actorId,
            at: e.at,
            status: 'open',
          },
        ],
      };
    case 'suggestion.accepted': {
      const suggestion = s.suggestions.find((x) => x.id === e.payload.suggestionId);
      if (!suggestion) return s;
      const withNote = updateStep(s, suggestion.stepId, (run) => ({
        ...run,
        note: appendParagraph(run.note, suggestion.text),
      }));
      return {
        ...withNote,
        suggestions: s.suggestions.map((x) => (x.id === suggestion.id ? { ...x, status: 'accepted' } : x)),
      };
    }
    case 'suggestion.dismissed':
      return {
        ...s,
        suggestions: s.suggestions.map((x) =>
          x.id === e.payload.suggestionId ? { ...x, status: 'dismissed' } : x,
        ),
      };
    case 'question.submitted':
      return {
        ...s,
        questions: [
          ...s.questions,
          {
            id: e.payload.questionId,
            stepId: e.payload.stepId,
            kind: e.payload.kind,
            text: e.payload.text,
            authorId: e.actorId,
            at: e.at,
            flagged: false,
            flagReason: null,
          },
        ],
      };
    case 'question.flagged':
      return {
        ...s,
        questions: s.questions.map((q) =>
          q.id === e.payload.questionId
            ? { ...q, flagged: e.payload.flagged, flagReason: e.payload.flagged ? e.payload.reason : null }
            : q,
        ),
      };
    case 'reflection.written':
      return writeReflection(s, e);
    case 'reflection.shared': {
      const { reflectionId, stepId, text } = e.payload;
      const shared = { reflectionId, authorId: e.actorId, stepId, text, at: e.at };
      // Sharing again replaces the earlier snapshot, so each reflection appears once.
      const others = s.sharedReflections.filter((r) => r.reflectionId !== reflectionId);
      return { ...s, sharedReflections: [...others, shared] };
    }
    case 'action-item.added': {
      const { itemId, text, ownerId, due } = e.payload;
      return {
        ...s,
        actionItems: [
          ...s.actionItems,
          {
            id: itemId,
            text,
            ownerId,
            due,
            createdBy: e.actorId,
            at: e.at,
            completedAt: null,
            completedBy: null,
            outcome: null,
          },
        ],
      };
    }
    case 'action-item.completed':
      return {
        ...s,
        actionItems: s.actionItems.map((i) =>
          i.id === e.payload.itemId
            ? { ...i, completedAt: e.at, completedBy: e.actorId, outcome: e.payload.outcome || null }
            : i,
        ),
      };
    case 'next-step.followed-up': {
      // FOLLOW-CMD-1: the last answer for an item counts.
      const { meetingId, itemId, status, note } = e.payload;
      return {
        ...s,
        followUps: s.followUps.map((f) =>
          f.meetingId === meetingId && f.itemId === itemId
            ? { ...f, status, note: note === '' ? null : note, by: e.actorId, at: e.at }
            : f,
        ),
      };
    }
    case 'presentation.recorded': {
      const { part = 0, evidence = '', ...record } = e.payload;
      return updatePart(s, part, (p) => ({
        ...p,
        presentation: { ...record, evidence, recordedBy: e.actorId, at: e.at },
      }));
    }
    case 'source.tagged':
      return {
        ...s,
        sourceTags: [
          ...s.sourceTags,
          {
            id: e.payload.tagId,
            part: e.payload.part ?? 0,
            source: e.payload.source,
            why: e.payload.why,
            taggedBy: e.actorId,
            at: e.at,
          },
        ],
      };
    case 'source.untagged':
      return { ...s, sourceTags: s.sourceTags.filter((t) => t.id !== e.payload.tagId) };
    case 'auto-advance.enabled':
      return { ...s, autoAdvance: true };
    case 'auto-advance.disabled':
      return { ...s, autoAdvance: false };
    case 'auto-start.enabled':
      return { ...s, autoStartTimer: true };
    case 'auto-start.disabled':
      return { ...s, autoStartTimer: false };
    case 'meeting.ended': {
      // The step in progress counts as done (possibly cut short); later steps stay pending ("not reached").
      const ended = updateCurrent(s, (run) => ({ ...stopTimer(run, e.at), outcome: 'done' }));
      return { ...ended, phase: 'ended', currentStepIndex: null, endedAt: e.at };
    }
    case 'event.redacted':
      return s;
  }
}

function created(s: MeetingState, e: EventOf<'meeting.created'>): MeetingState {
  const {
    meetingId,
    routine,
    followedBy = [],
    memberIds,
    facilitatorId,
    autoStartTimer = false,
    plans = [],
    invitedIds = [],
    followUps = [],
  } = e.payload;
  const routines = [routine, ...followedBy];
  const agenda: AgendaPart[] = [];
  const steps: StepRun[] = [];
  routines.forEach((r, partIndex) => {
    const plan = plans.find((p) => p.part === partIndex) ?? null;
    // PM-PLAN-3: the planned model presents their part unless the facilitator picks someone else.
    const presenter = plan?.modelId != null && memberIds.includes(plan.modelId) ? plan.modelId : null;
    agenda.push({ routine: r, firstStepIndex: steps.length, presenter, presentation: null, plan });
    for (const step of r.steps)
      steps.push({
        stepId: runStepId(partIndex, step.id, routines.length),
        partIndex,
        plannedMs: step.minutes * MS_PER_MINUTE,
        extensionsMs: 0,
        elapsedMs: 0,
        runningSince: null,
        timer: 'idle',
        outcome: 'pending',
        note: '',
      });
  });
  return {
    ...s,
    phase: 'lobby',
    meetingId,
    agenda,
    memberIds,
    invitees: invitedIds,
    roles: {
      facilitator: facilitatorId,
      presenter: agenda[0]?.presenter ?? null,
      timekeeper: null,
      noteTaker: null,
    },
    steps,
    currentPart: 0,
    autoStartTimer,
    followUps: followUps.map((f) => ({ ...f, status: null, note: null, by: null, at: null })),
  };
}

/**
 * PM-ROSTER-1: on the roster (once); an invited person is marked so. The planned model of a part that has no
 * presenter yet becomes its presenter when they arrive.
 */
function addMember(s: MeetingState, e: EventOf<'roster.added'>): MeetingState {
  const { memberId, invited } = e.payload;
  const agenda = s.agenda.map((p) =>
    p.presenter === null && p.plan?.modelId === memberId ? { ...p, presenter: memberId } : p,
  );
  return {
    ...s,
    memberIds: s.memberIds.includes(memberId) ? s.memberIds : [...s.memberIds, memberId],
    invitees: invited && !s.invitees.includes(memberId) ? [...s.invitees, memberId] : s.invitees,
    agenda,
    roles: { ...s.roles, presenter: agenda[s.currentPart]?.presenter ?? null },
  };
}

/** Off the roster, out of every role; facilitation passes on as the event says. Their contributions stay. */
function removeMember(s: MeetingState, e: EventOf<'roster.removed'>): MeetingState {
  const gone = e.payload.memberId;
  const clear = (id: string | null) => (id === gone ? null : id);
  return {
    ...s,
    memberIds: s.memberIds.filter((id) => id !== gone),
    agenda: s.agenda.map((p) => (p.presenter === gone ? { ...p, presenter: null } : p)),
    roles: {
      facilitator: s.roles.facilitator === gone ? e.payload.facilitatorId : s.roles.facilitator,
      presenter: clear(s.roles.presenter),
      timekeeper: clear(s.roles.timekeeper),
      noteTaker: clear(s.roles.noteTaker),
    },
  };
}

function updatePart(s: MeetingState, index: number, f: (part: AgendaPart) => AgendaPart): MeetingState {
  const part = s.agenda[index];
  return part ? { ...s, agenda: s.agenda.with(index, f(part)) } : s;
}

/** Banks the time run so far; a timer that ran and stopped is `paused`, one that never ran stays `idle`. */
function stopTimer(run: StepRun, at: number): StepRun {
  if (run.runningSince === null) return run;
  return {
    ...run,
    elapsedMs: run.elapsedMs + Math.max(0, at - run.runningSince),
    runningSince: null,
    timer: 'paused',
  };
}

type StepMove = EventOf<'step.advanced' | 'step.skipped' | 'step.returned' | 'step.auto-advanced'>;

/** Leaves the current step (stopping its timer, setting its outcome unless null) and enters the target. */
function move(s: MeetingState, e: StepMove, leftAs: StepOutcome | null, startTarget: boolean): MeetingState {
  const target = s.steps.findIndex((r) => r.stepId === e.payload.toStepId);
  if (target < 0) return s;
  const left = updateCurrent(s, (run) => ({
    ...stopTimer(run, e.at),
    ...(leftAs !== null && { outcome: leftAs }),
  }));
  const partIndex = s.steps[target]?.partIndex ?? left.currentPart;
  // Entering another routine of the agenda brings its own presenter to the floor.
  const entered: MeetingState = {
    ...left,
    currentStepIndex: target,
    currentPart: partIndex,
    roles: { ...left.roles, presenter: left.agenda[partIndex]?.presenter ?? null },
  };
  return startTarget
    ? updateCurrent(entered, (run) => ({ ...run, timer: 'running', runningSince: e.at }))
    : entered;
}

function updateCurrent(s: MeetingState, f: (run: StepRun) => StepRun): MeetingState {
  const i = s.currentStepIndex;
  const run = i === null ? undefined : s.steps[i];
  return i === null || !run ? s : { ...s, steps: s.steps.with(i, f(run)) };
}

function updateStep(s: MeetingState, stepId: string, f: (run: StepRun) => StepRun): MeetingState {
  const i = s.steps.findIndex((r) => r.stepId === stepId);
  const run = s.steps[i];
  return run ? { ...s, steps: s.steps.with(i, f(run)) } : s;
}

export function appendParagraph(note: string, text: string): string {
  return note.trim() === '' ? text : `${note}\n\n${text}`;
}

function writeReflection(s: MeetingState, e: EventOf<'reflection.written'>): MeetingState {
  const { reflectionId, stepId, text } = e.payload;
  const mine = Object.hasOwn(s.privateReflections, e.actorId) ? (s.privateReflections[e.actorId] ?? []) : [];
  const next = { id: reflectionId, stepId, text, at: e.at };
  const exists = mine.some((r) => r.id === reflectionId);
  const updated = exists ? mine.map((r) => (r.id === reflectionId ? next : r)) : [...mine, next];
  return { ...s, privateReflections: { ...s.privateReflections, [e.actorId]: updated } };
}
