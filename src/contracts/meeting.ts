/**
 * The live meeting's wire format, shared by server and web: commands clients send, events the server appends
 * to the meeting's log (and pushes to clients), and the rejection shape.
 * Rules about who may do what, and when, live in src/core/meeting (policy.ts) and docs/SPEC.md.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { EfficacySource, ObservationMode, QuestionKind, Routine, RoutineFocus, Slug } from './routine';

/** Client-generated, unique per command; the server stores it per actor so a retry applies once. */
export const IdempotencyKey = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * Id of something created inside a meeting (note suggestion, question, reflection, action item, source tag).
 * The server passes a fresh UUID into `decide`; without one the core derives `n<seq>` from the event's seq.
 */
export const EntityId = z.string().check(z.minLength(1), z.maxLength(64));

/** Who caused an event: a person, or the server's clock (auto-advance). */
export const SYSTEM_ACTOR = 'system';
export const ActorId = z.union([Id, z.literal(SYSTEM_ACTOR)]);
export type ActorId = z.infer<typeof ActorId>;

export const MeetingRole = z.enum(['facilitator', 'presenter', 'timekeeper', 'note-taker']);
export type MeetingRole = z.infer<typeof MeetingRole>;

export const EXTEND_MINUTES_MAX = 10;
/** A meeting's agenda runs one to this many routines back to back (e.g. share a success, then a dilemma). */
export const AGENDA_ROUTINES_MAX = 4;
/** Which routine of the agenda (0-based) a presenter, record or source tag belongs to. */
export const AgendaPartIndex = z.number().check(z.int(), z.gte(0), z.lte(AGENDA_ROUTINES_MAX - 1));
/** MEM-REC-5: the longest evidence of student growth a presenter records. */
export const PRESENTATION_EVIDENCE_MAX = 2_000;
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * PM-URL-1: a video link is an absolute https address without credentials, kept in the URL parser's own form
 * (so it holds no space, quote, `<` or `>`, and can be written into Markdown and HTML safely).
 */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === '' &&
      url.href === value
    );
  } catch {
    return false;
  }
}
export const VIDEO_URL_MAX = 2_000;
export const HttpsUrl = z
  .string()
  .check(z.maxLength(VIDEO_URL_MAX), z.refine(isHttpsUrl, 'Use a link that starts with https://'));

/** PM-PLAN-2: the success a Peer Modeling plan came from (a Share Successes presentation of the team). */
export const SuccessRef = z.strictObject({ meetingId: Id, part: AgendaPartIndex, title: text(200) });
export type SuccessRef = z.infer<typeof SuccessRef>;

/**
 * PM-PLAN-1: the plan of one Peer Modeling part of the agenda (a routine whose focus is `observed-practice`),
 * written before the meeting and snapshotted into `meeting.created` when it opens.
 */
export const PeerModelingPlan = z.strictObject({
  part: AgendaPartIndex,
  /** What the team wants to learn. */
  curiosity: text(1_000),
  /** The practice the model shows. */
  practice: text(1_000),
  /** Who models: a team member or a person invited to this meeting; null while undecided. */
  modelId: z.nullable(Id),
  mode: ObservationMode,
  /** When the modeling happens: a classroom visit before the meeting, a video or a demonstration in it. */
  modelingAt: z.nullable(IsoDateTime),
  /** Only for `classroom-video`. */
  videoUrl: z.nullable(HttpsUrl),
  fromSuccess: z.nullable(SuccessRef),
});
export type PeerModelingPlan = z.infer<typeof PeerModelingPlan>;

/** NEXT-DONE-1: what happened, written when a next step (an action item) is marked done. */
export const NEXT_STEP_OUTCOME_MAX = 500;
export const NextStepOutcome = z.string().check(z.trim(), z.maxLength(NEXT_STEP_OUTCOME_MAX));

/**
 * FOLLOW-OPEN-1: an open next step of an earlier meeting of the team, snapshotted into `meeting.created` so the
 * next meeting opens with its follow-up.
 */
export const FollowUpItem = z.strictObject({
  /** The earlier meeting the next step was chosen in. */
  meetingId: Id,
  itemId: EntityId,
  text: text(500),
  ownerId: Id,
  due: z.nullable(z.iso.date()),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;
/** At most this many open next steps are carried into a meeting (the oldest beyond it wait for the next one). */
export const FOLLOW_UPS_MAX = 100;
/** FOLLOW-CMD-1: what the team says of a next step at the follow-up. */
export const FollowUpStatus = z.enum(['done', 'carry-on', 'drop']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

// ---------------------------------------------------------------------------------------------------------
// Commands. The server overwrites `actorId` with the signed-in user before parsing; clients never choose it.

const command = <T extends string, S extends z.core.$ZodShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), actorId: Id, idempotencyKey: IdempotencyKey, ...shape });

/** Navigation names the step the client is looking at, so a double click or a stale screen cannot skip two steps. */
const fromStep = { fromStepId: Slug };

export const MeetingCommand = z.discriminatedUnion('type', [
  command('startMeeting', {}),
  command('startTimer', {}),
  command('pauseTimer', {}),
  command('resumeTimer', {}),
  command('extendStep', { minutes: z.number().check(z.int(), z.gte(1), z.lte(EXTEND_MINUTES_MAX)) }),
  command('setStepMinutes', { stepId: Slug, minutes: z.number().check(z.int(), z.gte(1), z.lte(120)) }),
  command('nextStep', fromStep),
  command('previousStep', fromStep),
  command('skipStep', fromStep),
  command('assignRoles', {
    presenter: z.optional(z.nullable(Id)),
    /** The agenda part the presenter is chosen for; default the current one (the first before the start). */
    part: z.optional(AgendaPartIndex),
    timekeeper: z.optional(z.nullable(Id)),
    noteTaker: z.optional(z.nullable(Id)),
  }),
  command('handOverFacilitation', { toId: Id }),
  /** Replaces the step's shared note; an empty text clears it. */
  command('writeNote', { stepId: Slug, text: z.string().check(z.maxLength(10_000)) }),
  command('suggestNote', { stepId: Slug, text: text(2_000) }),
  command('acceptSuggestion', { suggestionId: EntityId }),
  command('dismissSuggestion', { suggestionId: EntityId }),
  command('submitQuestion', { kind: QuestionKind, text: text(500) }),
  /** The facilitator marks a probing card that slips into advice; `flagged: false` lifts the flag. */
  command('flagQuestion', {
    questionId: EntityId,
    flagged: z.boolean(),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  }),
  /** Without reflectionId: a new private reflection. With one: edits the author's own reflection. */
  command('writeReflection', { reflectionId: z.optional(EntityId), stepId: Slug, text: text(5_000) }),
  command('shareReflection', { reflectionId: EntityId }),
  command('addActionItem', { text: text(500), ownerId: Id, due: z.nullable(z.iso.date()) }),
  /** NEXT-DONE-1: `outcome` says what happened (optional, at most 500 characters). */
  command('completeActionItem', { itemId: EntityId, outcome: z.optional(NextStepOutcome) }),
  /**
   * FOLLOW-CMD-1: at the start of a meeting, what became of an open next step of an earlier meeting (one of
   * `meeting.created`'s `followUps`): `meetingId` names that earlier meeting.
   */
  command('followUpNextStep', {
    meetingId: Id,
    itemId: EntityId,
    status: FollowUpStatus,
    note: z.optional(NextStepOutcome),
  }),
  /** The presenter's success story, dilemma or observed practice (the routine's focus decides which). */
  command('recordPresentation', {
    title: text(200),
    summary: z.string().check(z.trim(), z.maxLength(5_000)),
    mode: z.optional(ObservationMode),
    /** MEM-REC-5: a success's evidence of student growth (Share Successes only). */
    evidence: z.optional(z.string().check(z.trim(), z.maxLength(PRESENTATION_EVIDENCE_MAX))),
  }),
  command('tagSource', { source: EfficacySource, why: text(280) }),
  command('untagSource', { tagId: EntityId }),
  command('setAutoAdvance', { enabled: z.boolean() }),
  /** DAY-TIMER-2: whether a step's timer starts by itself when the facilitator moves to it (this meeting only). */
  command('setAutoStartTimer', { enabled: z.boolean() }),
  command('endMeeting', {}),
]);
export type MeetingCommand = z.infer<typeof MeetingCommand>;
export type MeetingCommandType = MeetingCommand['type'];
export type CommandOf<T extends MeetingCommandType> = Extract<MeetingCommand, { type: T }>;
/** What a client sends: a command without the actor, which the server fills in from the session. */
export type ClientMeetingCommand = MeetingCommand extends infer C
  ? C extends MeetingCommand
    ? Omit<C, 'actorId'>
    : never
  : never;
/** A command as a person means it: no actor, no idempotency key (the sender adds the key). */
export type MeetingCommandBody = ClientMeetingCommand extends infer C
  ? C extends ClientMeetingCommand
    ? Omit<C, 'idempotencyKey'>
    : never
  : never;

// ---------------------------------------------------------------------------------------------------------
// Rejections

export const MeetingErrorCode = z.enum([
  'NO_MEETING', // the meeting has not been created
  'NOT_A_MEMBER', // the actor (or a person named in the command) is not on the meeting's roster
  'NOT_ALLOWED', // the actor's role does not allow this command
  'WRONG_PHASE', // not possible before the start, after the end, or outside the step it belongs to
  'STALE_STEP', // the client named a step that is no longer the current one
  'NO_NEXT_STEP',
  'NO_PREVIOUS_STEP',
  'TIMER_STATE', // e.g. pausing a timer that is not running
  'NOT_FOUND', // no such step, suggestion, question, item or tag (or it is someone else's private reflection)
  'INVALID', // the command is well-formed but breaks a rule (e.g. resizing a fixed-length step)
  'LIMIT', // a per-meeting limit is reached
]);
export type MeetingErrorCode = z.infer<typeof MeetingErrorCode>;

export const MeetingRejection = z.object({ code: MeetingErrorCode, message: z.string() });
export type MeetingRejection = z.infer<typeof MeetingRejection>;

// ---------------------------------------------------------------------------------------------------------
// Events: `<feature>.<past-verb>`, append-only, each with a payload version `v`.

export const MEETING_EVENT_VERSION = 1;

const event = <T extends string, P extends z.core.$ZodShape>(type: T, payload: P) =>
  z.strictObject({
    seq: z.number().check(z.int(), z.gte(1)),
    type: z.literal(type),
    v: z.literal(MEETING_EVENT_VERSION),
    /** Server time in ms; never earlier than the previous event's. */
    at: z.number().check(z.int(), z.gte(0)),
    actorId: ActorId,
    /** The command's idempotency key; null for events the server makes on its own. */
    idempotencyKey: z.nullable(IdempotencyKey),
    payload: z.strictObject(payload),
  });

const stepMove = { fromStepId: Slug, toStepId: Slug };

export const MeetingEvent = z.discriminatedUnion('type', [
  event('meeting.created', {
    meetingId: Id,
    /** The agenda's first routine (a one-routine meeting has only this). */
    routine: Routine,
    /** The routines that follow it, in order. */
    followedBy: z.optional(z.array(Routine).check(z.minLength(1), z.maxLength(AGENDA_ROUTINES_MAX - 1))),
    memberIds: z.array(Id).check(z.minLength(1), z.maxLength(100)),
    facilitatorId: Id,
    /**
     * DAY-TIMER-1: the team's setting when the meeting was opened: each step's timer starts when the meeting
     * moves to it. Absent in older logs, which keep the timer waiting for a click.
     */
    autoStartTimer: z.optional(z.boolean()),
    /** PM-PLAN-3: the Peer Modeling plans as they stood when the meeting opened (absent in older logs). */
    plans: z.optional(z.array(PeerModelingPlan).check(z.maxLength(AGENDA_ROUTINES_MAX))),
    /** PM-GUEST-1: people of the district invited to this meeting only (on `memberIds` too; never facilitate). */
    invitedIds: z.optional(z.array(Id).check(z.maxLength(100))),
    /** FOLLOW-OPEN-1: the team's open next steps of earlier meetings when it opened (absent in older logs). */
    followUps: z.optional(z.array(FollowUpItem).check(z.maxLength(FOLLOW_UPS_MAX))),
  }),
  event('meeting.started', {
    /**
     * DAY-DEVICE-1: who presents each routine of the agenda that had no presenter at the start (the
     * facilitator). Absent when every routine had one, and in older logs.
     */
    defaultPresenter: z.optional(Id),
  }),
  event('timer.started', { stepId: Slug }),
  event('timer.paused', { stepId: Slug }),
  event('timer.resumed', { stepId: Slug }),
  event('step.extended', {
    stepId: Slug,
    minutes: z.number().check(z.int(), z.gte(1), z.lte(EXTEND_MINUTES_MAX)),
  }),
  event('step.resized', { stepId: Slug, minutes: z.number().check(z.int(), z.gte(1), z.lte(120)) }),
  event('step.advanced', stepMove),
  event('step.returned', stepMove),
  event('step.skipped', stepMove),
  event('step.auto-advanced', stepMove),
  event('roles.assigned', {
    presenter: z.optional(z.nullable(Id)),
    /** The agenda part of `presenter`; absent means the first (logs of one-routine meetings). */
    part: z.optional(AgendaPartIndex),
    timekeeper: z.optional(z.nullable(Id)),
    noteTaker: z.optional(z.nullable(Id)),
  }),
  event('facilitation.handed-over', { fromId: Id, toId: Id }),
  /**
   * Server-made when a person leaves or is removed from the team during a live meeting (TRUST-REVOKE-6): they
   * are off the roster and lose their roles; facilitation passes to `facilitatorId` when they held it.
   */
  event('roster.removed', { memberId: Id, facilitatorId: z.nullable(Id) }),
  /**
   * A meeting guest (no account, ADR 0013) let in by the facilitator (the event's actor): on the roster of this
   * meeting only, under a display name. Guests never facilitate; privacy rules apply to them as to anyone.
   */
  event('roster.guest-admitted', {
    guestId: Id,
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  }),
  /**
   * PM-ROSTER-1: server-made when a person joins the roster of an open meeting: a person invited to it
   * (`invited`), or someone added to the team while it runs.
   */
  event('roster.added', { memberId: Id, invited: z.boolean() }),
  event('note.written', { stepId: Slug, text: z.string().check(z.maxLength(10_000)) }),
  event('note.suggested', { suggestionId: EntityId, stepId: Slug, text: text(2_000) }),
  event('suggestion.accepted', { suggestionId: EntityId }),
  event('suggestion.dismissed', { suggestionId: EntityId }),
  event('question.submitted', { questionId: EntityId, stepId: Slug, kind: QuestionKind, text: text(500) }),
  event('question.flagged', {
    questionId: EntityId,
    flagged: z.boolean(),
    reason: z.nullable(z.string().check(z.maxLength(200))),
  }),
  /** Private: only its author may receive it (see `redactEventFor` in core). */
  event('reflection.written', { reflectionId: EntityId, stepId: Slug, text: text(5_000) }),
  /** Publishes a snapshot of the reflection's text at the time of sharing. */
  event('reflection.shared', { reflectionId: EntityId, stepId: Slug, text: text(5_000) }),
  /**
   * PM-NOTE-3: the author (the event's actor) shares their visit note into the meeting: a snapshot of its text
   * at that time, for the Peer Modeling part `part`. The note itself lives outside the log.
   */
  event('observation.shared', { observationId: Id, part: AgendaPartIndex, text: text(10_000) }),
  event('action-item.added', {
    itemId: EntityId,
    text: text(500),
    ownerId: Id,
    due: z.nullable(z.iso.date()),
  }),
  /** NEXT-DONE-1: `outcome` is absent in older logs and when nobody wrote what happened. */
  event('action-item.completed', {
    itemId: EntityId,
    outcome: z.optional(z.string().check(z.maxLength(NEXT_STEP_OUTCOME_MAX))),
  }),
  /** FOLLOW-CMD-1: the follow-up of an earlier meeting's next step (the last one for an item counts). */
  event('next-step.followed-up', {
    meetingId: Id,
    itemId: EntityId,
    status: FollowUpStatus,
    note: z.string().check(z.maxLength(NEXT_STEP_OUTCOME_MAX)),
  }),
  event('presentation.recorded', {
    part: z.optional(AgendaPartIndex),
    kind: RoutineFocus,
    title: text(200),
    summary: z.string().check(z.maxLength(5_000)),
    mode: z.nullable(ObservationMode),
    /** MEM-REC-5: the evidence of student growth a success's presenter gives (absent in older logs). */
    evidence: z.optional(z.string().check(z.maxLength(PRESENTATION_EVIDENCE_MAX))),
  }),
  event('source.tagged', {
    tagId: EntityId,
    source: EfficacySource,
    why: text(280),
    part: z.optional(AgendaPartIndex),
  }),
  event('source.untagged', { tagId: EntityId }),
  event('auto-advance.enabled', {}),
  event('auto-advance.disabled', {}),
  event('auto-start.enabled', {}),
  event('auto-start.disabled', {}),
  event('meeting.ended', {}),
  /** Stands in for an event the receiving viewer may not see, so their seq stays gap-free. Never stored. */
  event('event.redacted', {}),
]);
export type MeetingEvent = z.infer<typeof MeetingEvent>;
export type MeetingEventType = MeetingEvent['type'];
export type EventOf<T extends MeetingEventType> = Extract<MeetingEvent, { type: T }>;
