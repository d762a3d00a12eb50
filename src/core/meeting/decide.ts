import {
  MEETING_EVENT_VERSION,
  SYSTEM_ACTOR,
  type CommandOf,
  type EventOf,
  type MeetingCommand,
  type MeetingErrorCode,
  type MeetingEvent,
  type MeetingEventType,
  type MeetingRejection,
} from '../../contracts/meeting';
import { appendParagraph, evolve } from './evolve';
import { COMMAND_POLICY, hasRole, isMember } from './policy';
import {
  currentAgendaPart,
  currentRoutineStep,
  currentRun,
  appliedSeq,
  keyOf,
  MS_PER_MINUTE,
  own,
  routineStepOf,
  type MeetingState,
} from './state';

export interface DecideContext {
  /** Server time in ms. Events are stamped max(now, state.clock), so the log's time never runs backwards. */
  readonly now: number;
  /** Id for whatever the command creates (question, item, ...); the server passes a fresh UUID. Default `n<seq>`. */
  readonly newId?: string;
}

export type Decision = { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection };

/** Per-meeting limits: a live meeting is small, and these keep one noisy client from growing it without end. */
export const LIMITS = {
  extensionMinutesPerStep: 60,
  suggestions: 500,
  questions: 500,
  /** Per person, well below the meeting's caps, so one person cannot use them up for everyone (TRUST-RT-CAP-1). */
  suggestionsPerPerson: 40,
  questionsPerPerson: 40,
  reflectionsPerAuthor: 50,
  actionItems: 200,
  sourceTags: 100,
  noteLength: 10_000,
} as const;

type Draft = { [T in MeetingEventType]: { type: T; payload: EventOf<T>['payload'] } }[MeetingEventType];
type Outcome = { ok: true; draft: Draft } | { ok: false; error: MeetingRejection };

const reject = (code: MeetingErrorCode, message: string): { ok: false; error: MeetingRejection } => ({
  ok: false,
  error: { code, message },
});
const emit = (draft: Draft): Outcome => ({ ok: true, draft });

/**
 * Decides what a command does to the meeting: the events to append, or why it is refused.
 * Pure: a refused command changes nothing, and the caller appends the events and folds them with `evolve`.
 * A command whose idempotency key this actor already used is answered `ok` with no events.
 * The command is trusted to match the contract schema (the server parses it first).
 */
export function decide(state: MeetingState, command: MeetingCommand, ctx: DecideContext): Decision {
  if (appliedSeq(state.appliedKeys, keyOf(command.actorId, command.idempotencyKey)) !== undefined)
    return { ok: true, events: [] };
  if (state.phase === 'empty') return reject('NO_MEETING', 'This meeting does not exist yet');
  if (!isMember(state, command.actorId))
    return reject('NOT_A_MEMBER', 'Only members of this meeting can take part');

  const rule = COMMAND_POLICY[command.type];
  if (!rule.phases.includes(state.phase)) return reject('WRONG_PHASE', phaseMessage(state));
  if (!hasRole(state, command.actorId, rule.who)) return reject('NOT_ALLOWED', roleMessage(rule.who));

  const seq = state.seq + 1;
  const outcome = handle(state, command, ctx.newId ?? `n${seq}`);
  if (!outcome.ok) return outcome;
  const event = {
    seq,
    v: MEETING_EVENT_VERSION,
    at: Math.max(ctx.now, state.clock),
    actorId: command.actorId,
    idempotencyKey: command.idempotencyKey,
    ...outcome.draft,
  } satisfies MeetingEvent;
  return { ok: true, events: [event, ...autoStart(state, event)] };
}

/** The commands that land the meeting on a step: with auto-start on, that step's timer starts with them. */
const LANDS_ON_STEP: ReadonlySet<MeetingEventType> = new Set([
  'meeting.started',
  'step.advanced',
  'step.skipped',
  'step.returned',
]);

/**
 * DAY-TIMER-1: when the meeting's auto-start is on, a move to a step (or the start, on the first step) is
 * followed in the log by the timer's own event at the same time: `timer.started` for a step not yet run,
 * `timer.resumed` for one the team comes back to. No key: the move carries the command's key, and a retried
 * move yields neither event again.
 */
function autoStart(state: MeetingState, move: MeetingEvent): MeetingEvent[] {
  if (!state.autoStartTimer || !LANDS_ON_STEP.has(move.type)) return [];
  const run = currentRun(evolve(state, move));
  if (!run || run.timer === 'running') return [];
  const head: Omit<EventOf<'timer.started'>, 'type' | 'payload'> = {
    seq: move.seq + 1,
    v: MEETING_EVENT_VERSION,
    at: move.at,
    actorId: move.actorId,
    idempotencyKey: null,
  };
  const payload = { stepId: run.stepId };
  return [
    run.timer === 'idle'
      ? { ...head, type: 'timer.started', payload }
      : { ...head, type: 'timer.resumed', payload },
  ];
}

function phaseMessage(state: MeetingState): string {
  if (state.phase === 'lobby') return 'The meeting has not started yet';
  if (state.phase === 'ended') return 'The meeting has ended';
  return 'Not possible while the meeting is running';
}

function roleMessage(who: keyof typeof ROLE_WORDS): string {
  return `Only ${ROLE_WORDS[who]} can do that`;
}

const ROLE_WORDS = {
  facilitator: 'the facilitator',
  timekeeper: 'the facilitator or the timekeeper',
  'note-taker': 'the note-taker',
  'presenter-or-notes': 'the presenter, the facilitator or the note-taker',
  member: 'members',
} as const;

function handle(s: MeetingState, c: MeetingCommand, newId: string): Outcome {
  switch (c.type) {
    case 'startMeeting': {
      // DAY-DEVICE-1: a routine never runs without a presenter; nobody chosen means the facilitator.
      const facilitator = s.roles.facilitator;
      const missing = s.agenda.some((p) => p.presenter === null);
      return emit({
        type: 'meeting.started',
        payload: missing && facilitator !== null ? { defaultPresenter: facilitator } : {},
      });
    }
    case 'startTimer':
    case 'pauseTimer':
    case 'resumeTimer':
      return timerCommand(s, c);
    case 'extendStep': {
      const run = currentRun(s);
      if (!run) return reject('WRONG_PHASE', phaseMessage(s));
      if (run.extensionsMs + c.minutes * MS_PER_MINUTE > LIMITS.extensionMinutesPerStep * MS_PER_MINUTE)
        return reject('LIMIT', `A step can be extended by at most ${LIMITS.extensionMinutesPerStep} minutes`);
      return emit({ type: 'step.extended', payload: { stepId: run.stepId, minutes: c.minutes } });
    }
    case 'setStepMinutes': {
      const step = routineStepOf(s, c.stepId);
      if (!step) return reject('NOT_FOUND', `No step "${c.stepId}"`);
      if (step.variable !== true)
        return reject('INVALID', 'Only a variable-length step can be resized; extend it instead');
      return emit({ type: 'step.resized', payload: { stepId: c.stepId, minutes: c.minutes } });
    }
    case 'nextStep':
    case 'skipStep':
    case 'previousStep':
      return navigate(s, c);
    case 'assignRoles': {
      const named = [c.presenter, c.timekeeper, c.noteTaker];
      if (named.every((x) => x === undefined)) return reject('INVALID', 'Name at least one role to assign');
      if (named.some((x) => typeof x === 'string' && !isMember(s, x)))
        return reject('NOT_A_MEMBER', 'Roles go to members of this meeting');
      const part = c.part ?? s.currentPart;
      if (part >= s.agenda.length) return reject('NOT_FOUND', `The agenda has no part ${part + 1}`);
      if (c.part !== undefined && c.presenter === undefined)
        return reject('INVALID', 'Only the presenter is chosen per part of the agenda');
      const payload = {
        ...(c.presenter !== undefined && { presenter: c.presenter, part }),
        ...(c.timekeeper !== undefined && { timekeeper: c.timekeeper }),
        ...(c.noteTaker !== undefined && { noteTaker: c.noteTaker }),
      };
      return emit({ type: 'roles.assigned', payload });
    }
    case 'handOverFacilitation': {
      if (!isMember(s, c.toId))
        return reject('NOT_A_MEMBER', 'Facilitation goes to a member of this meeting');
      if (c.toId === c.actorId) return reject('INVALID', 'You already facilitate this meeting');
      // A guest takes part in this one meeting and answers to no team: facilitation stays with the team.
      if (own(s.guests, c.toId) !== undefined) return reject('INVALID', 'A guest cannot facilitate');
      // PM-GUEST-2: nor does a person invited to this meeting only.
      if (s.invitees.includes(c.toId))
        return reject('INVALID', 'A person invited to this meeting only cannot facilitate');
      return emit({ type: 'facilitation.handed-over', payload: { fromId: c.actorId, toId: c.toId } });
    }
    case 'writeNote':
      if (!hasStep(s, c.stepId)) return reject('NOT_FOUND', `No step "${c.stepId}"`);
      return emit({ type: 'note.written', payload: { stepId: c.stepId, text: c.text } });
    case 'suggestNote':
      if (!hasStep(s, c.stepId)) return reject('NOT_FOUND', `No step "${c.stepId}"`);
      if (s.suggestions.length >= LIMITS.suggestions)
        return reject('LIMIT', 'This meeting has reached its limit of note suggestions');
      if (s.suggestions.filter((x) => x.authorId === c.actorId).length >= LIMITS.suggestionsPerPerson)
        return reject(
          'LIMIT',
          `You have made ${LIMITS.suggestionsPerPerson} note suggestions in this meeting, the most one person can`,
        );
      return emit({
        type: 'note.suggested',
        payload: { suggestionId: newId, stepId: c.stepId, text: c.text },
      });
    case 'acceptSuggestion':
    case 'dismissSuggestion':
      return resolveSuggestion(s, c);
    case 'submitQuestion': {
      const run = currentRun(s);
      if (!run) return reject('WRONG_PHASE', phaseMessage(s));
      if (s.roles.presenter === c.actorId)
        return reject('NOT_ALLOWED', 'The presenter answers questions rather than asking them');
      if (s.questions.length >= LIMITS.questions)
        return reject('LIMIT', 'This meeting has reached its limit of question cards');
      if (s.questions.filter((x) => x.authorId === c.actorId).length >= LIMITS.questionsPerPerson)
        return reject(
          'LIMIT',
          `You have asked ${LIMITS.questionsPerPerson} questions in this meeting, the most one person can`,
        );
      return emit({
        type: 'question.submitted',
        payload: { questionId: newId, stepId: run.stepId, kind: c.kind, text: c.text },
      });
    }
    case 'flagQuestion': {
      const q = s.questions.find((x) => x.id === c.questionId);
      if (!q) return reject('NOT_FOUND', 'No such question card');
      if (c.flagged && q.kind !== 'probing')
        return reject('INVALID', 'Only probing questions are flagged for offering a solution');
      const reason = c.flagged && c.reason !== undefined && c.reason !== '' ? c.reason : null;
      return emit({ type: 'question.flagged', payload: { questionId: q.id, flagged: c.flagged, reason } });
    }
    case 'writeReflection':
      return writeReflection(s, c, newId);
    case 'shareReflection': {
      const mine = own(s.privateReflections, c.actorId) ?? [];
      const r = mine.find((x) => x.id === c.reflectionId);
      // Someone else's reflection answers "not found" too, so its existence does not leak.
      if (!r) return reject('NOT_FOUND', 'No such reflection of yours');
      return emit({
        type: 'reflection.shared',
        payload: { reflectionId: r.id, stepId: r.stepId, text: r.text },
      });
    }
    case 'addActionItem':
      if (!isMember(s, c.ownerId))
        return reject('NOT_A_MEMBER', 'An action item belongs to a member of this meeting');
      if (s.actionItems.length >= LIMITS.actionItems)
        return reject('LIMIT', 'This meeting has reached its limit of action items');
      return emit({
        type: 'action-item.added',
        payload: { itemId: newId, text: c.text, ownerId: c.ownerId, due: c.due },
      });
    case 'completeActionItem': {
      const item = s.actionItems.find((x) => x.id === c.itemId);
      if (!item) return reject('NOT_FOUND', 'No such action item');
      if (![item.ownerId, item.createdBy, s.roles.facilitator].includes(c.actorId))
        return reject(
          'NOT_ALLOWED',
          'Only the owner, the person who added it or the facilitator can complete an action item',
        );
      if (item.completedAt !== null) return reject('INVALID', 'This action item is already complete');
      // NEXT-DONE-1: what happened travels with the event (left out when nobody wrote it).
      const outcome = c.outcome?.trim() ?? '';
      return emit({
        type: 'action-item.completed',
        payload: { itemId: item.id, ...(outcome !== '' && { outcome }) },
      });
    }
    case 'followUpNextStep': {
      const item = s.followUps.find((f) => f.meetingId === c.meetingId && f.itemId === c.itemId);
      if (!item) return reject('NOT_FOUND', 'No such next step to follow up in this meeting');
      // FOLLOW-CMD-2: the person who owns it, or the facilitator for the team.
      if (c.actorId !== item.ownerId && c.actorId !== s.roles.facilitator)
        return reject('NOT_ALLOWED', 'Only the owner of the next step or the facilitator can follow it up');
      return emit({
        type: 'next-step.followed-up',
        payload: { meetingId: item.meetingId, itemId: item.itemId, status: c.status, note: c.note ?? '' },
      });
    }
    case 'recordPresentation': {
      const part = currentAgendaPart(s);
      const kind = part?.routine.focus ?? 'success';
      if (c.mode !== undefined && kind !== 'observed-practice')
        return reject('INVALID', 'Only an observed practice has an observation mode');
      // MEM-REC-5: evidence of student growth belongs to a success.
      if (c.evidence !== undefined && kind !== 'success')
        return reject('INVALID', 'Only a success has evidence of student growth');
      // PM-PLAN-4: the planned mode unless the record names another.
      const mode = c.mode ?? part?.plan?.mode ?? null;
      return emit({
        type: 'presentation.recorded',
        payload: {
          part: s.currentPart,
          kind,
          title: c.title,
          summary: c.summary,
          mode,
          ...(c.evidence !== undefined && { evidence: c.evidence }),
        },
      });
    }
    case 'tagSource':
      if (currentRoutineStep(s)?.kind !== 'final')
        return reject('WRONG_PHASE', 'Sources of efficacy are tagged in the final discussion');
      if (s.sourceTags.length >= LIMITS.sourceTags)
        return reject('LIMIT', 'This meeting has reached its limit of source tags');
      return emit({
        type: 'source.tagged',
        payload: { tagId: newId, source: c.source, why: c.why, part: s.currentPart },
      });
    case 'untagSource': {
      if (currentRoutineStep(s)?.kind !== 'final')
        return reject('WRONG_PHASE', 'Sources of efficacy are tagged in the final discussion');
      const tag = s.sourceTags.find((t) => t.id === c.tagId);
      if (!tag) return reject('NOT_FOUND', 'No such source tag');
      if (tag.taggedBy !== c.actorId && s.roles.facilitator !== c.actorId)
        return reject('NOT_ALLOWED', 'Only the person who tagged it or the facilitator can remove a tag');
      return emit({ type: 'source.untagged', payload: { tagId: tag.id } });
    }
    case 'setAutoAdvance':
      return emit(
        c.enabled
          ? { type: 'auto-advance.enabled', payload: {} }
          : { type: 'auto-advance.disabled', payload: {} },
      );
    case 'setAutoStartTimer':
      return emit(
        c.enabled
          ? { type: 'auto-start.enabled', payload: {} }
          : { type: 'auto-start.disabled', payload: {} },
      );
    case 'endMeeting':
      return emit({ type: 'meeting.ended', payload: {} });
  }
}

const hasStep = (s: MeetingState, stepId: string) => s.steps.some((r) => r.stepId === stepId);

function timerCommand(s: MeetingState, c: CommandOf<'startTimer' | 'pauseTimer' | 'resumeTimer'>): Outcome {
  const run = currentRun(s);
  if (!run) return reject('WRONG_PHASE', phaseMessage(s));
  const stepId = run.stepId;
  switch (c.type) {
    case 'startTimer':
      if (run.timer === 'running') return reject('TIMER_STATE', 'The timer is already running');
      if (run.timer === 'paused') return reject('TIMER_STATE', 'The timer is paused; resume it');
      return emit({ type: 'timer.started', payload: { stepId } });
    case 'pauseTimer':
      if (run.timer !== 'running') return reject('TIMER_STATE', 'The timer is not running');
      return emit({ type: 'timer.paused', payload: { stepId } });
    case 'resumeTimer':
      if (run.timer !== 'paused')
        return reject(
          'TIMER_STATE',
          run.timer === 'idle' ? 'The timer has not started; start it' : 'The timer is already running',
        );
      return emit({ type: 'timer.resumed', payload: { stepId } });
  }
}

function navigate(s: MeetingState, c: CommandOf<'nextStep' | 'skipStep' | 'previousStep'>): Outcome {
  const i = s.currentStepIndex;
  const run = currentRun(s);
  if (i === null || !run) return reject('WRONG_PHASE', phaseMessage(s));
  if (c.fromStepId !== run.stepId)
    return reject('STALE_STEP', 'The meeting has already moved to another step');
  const fromStepId = run.stepId;
  if (c.type === 'previousStep') {
    const to = s.steps[i - 1];
    if (!to) return reject('NO_PREVIOUS_STEP', 'This is the first step');
    return emit({ type: 'step.returned', payload: { fromStepId, toStepId: to.stepId } });
  }
  const to = s.steps[i + 1];
  if (!to) return reject('NO_NEXT_STEP', 'This is the last step; end the meeting instead');
  return emit({
    type: c.type === 'nextStep' ? 'step.advanced' : 'step.skipped',
    payload: { fromStepId, toStepId: to.stepId },
  });
}

function resolveSuggestion(s: MeetingState, c: CommandOf<'acceptSuggestion' | 'dismissSuggestion'>): Outcome {
  const suggestion = s.suggestions.find((x) => x.id === c.suggestionId);
  if (!suggestion) return reject('NOT_FOUND', 'No such suggestion');
  if (suggestion.status !== 'open')
    return reject('INVALID', `This suggestion was already ${suggestion.status}`);
  if (c.type === 'dismissSuggestion')
    return emit({ type: 'suggestion.dismissed', payload: { suggestionId: suggestion.id } });
  const note = s.steps.find((r) => r.stepId === suggestion.stepId)?.note ?? '';
  if (appendParagraph(note, suggestion.text).length > LIMITS.noteLength)
    return reject('LIMIT', 'The note would grow past its length limit');
  return emit({ type: 'suggestion.accepted', payload: { suggestionId: suggestion.id } });
}

function writeReflection(s: MeetingState, c: CommandOf<'writeReflection'>, newId: string): Outcome {
  if (!hasStep(s, c.stepId)) return reject('NOT_FOUND', `No step "${c.stepId}"`);
  const mine = own(s.privateReflections, c.actorId) ?? [];
  if (c.reflectionId !== undefined) {
    if (!mine.some((r) => r.id === c.reflectionId)) return reject('NOT_FOUND', 'No such reflection of yours');
    return emit({
      type: 'reflection.written',
      payload: { reflectionId: c.reflectionId, stepId: c.stepId, text: c.text },
    });
  }
  if (mine.length >= LIMITS.reflectionsPerAuthor)
    return reject('LIMIT', 'You have reached the limit of reflections in this meeting');
  return emit({
    type: 'reflection.written',
    payload: { reflectionId: newId, stepId: c.stepId, text: c.text },
  });
}

/**
 * The server's own decision when a person leaves or is removed from the team while a meeting is live or
 * pending (TRUST-REVOKE-6): one `roster.removed` event, or none when they are not on the roster. When they
 * facilitate, facilitation passes to the first other person on the roster (null when nobody is left).
 */
export function removeFromRoster(state: MeetingState, memberId: string, now: number): MeetingEvent[] {
  if (state.phase === 'empty' || !isMember(state, memberId)) return [];
  // Facilitation passes to a team member, never to a meeting guest (ADR 0013).
  const others = state.memberIds.filter(
    (id) => id !== memberId && own(state.guests, id) === undefined && !state.invitees.includes(id),
  );
  const facilitatorId = state.roles.facilitator === memberId ? (others[0] ?? null) : state.roles.facilitator;
  return [
    {
      seq: state.seq + 1,
      type: 'roster.removed',
      v: MEETING_EVENT_VERSION,
      at: Math.max(now, state.clock),
      actorId: SYSTEM_ACTOR,
      idempotencyKey: null,
      payload: { memberId, facilitatorId },
    },
  ];
}
