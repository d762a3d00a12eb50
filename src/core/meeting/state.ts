import type { MeetingEvent, PeerModelingPlan } from '../../contracts/meeting';
import type {
  EfficacySource,
  ObservationMode,
  QuestionKind,
  Routine,
  RoutineFocus,
  RoutineStep,
} from '../../contracts/routine';

/** `empty`: no events yet. `lobby`: created, routine not started. `running`: exactly one current step. `ended`. */
export type MeetingPhase = 'empty' | 'lobby' | 'running' | 'ended';
export type TimerStatus = 'idle' | 'running' | 'paused';
/** `done` once the team moved on (or ended) from it, `skipped` when passed over, `pending` otherwise. */
export type StepOutcome = 'pending' | 'done' | 'skipped';

/** One routine step as it is being run: its timer and its shared note. */
export interface StepRun {
  /** Unique in the meeting: the routine's step id, prefixed `p<n>-` when the agenda has several routines. */
  readonly stepId: string;
  /** The agenda part (routine) the step belongs to. */
  readonly partIndex: number;
  readonly plannedMs: number;
  readonly extensionsMs: number;
  /** Time run up to `runningSince` (or in total, when not running). */
  readonly elapsedMs: number;
  /** Server ms when the timer last (re)started; non-null exactly when `timer` is `running`. */
  readonly runningSince: number | null;
  readonly timer: TimerStatus;
  readonly outcome: StepOutcome;
  readonly note: string;
}

export interface Roles {
  /** Null only before the meeting is created. */
  readonly facilitator: string | null;
  readonly presenter: string | null;
  readonly timekeeper: string | null;
  readonly noteTaker: string | null;
}

export interface Suggestion {
  readonly id: string;
  readonly stepId: string;
  readonly text: string;
  readonly authorId: string;
  readonly at: number;
  readonly status: 'open' | 'accepted' | 'dismissed';
}

export interface QuestionCard {
  readonly id: string;
  readonly stepId: string;
  readonly kind: QuestionKind;
  readonly text: string;
  readonly authorId: string;
  readonly at: number;
  /** A probing card the facilitator marked as advice in disguise. */
  readonly flagged: boolean;
  readonly flagReason: string | null;
}

export interface Reflection {
  readonly id: string;
  readonly stepId: string;
  readonly text: string;
  readonly at: number;
}

export interface SharedReflection {
  readonly reflectionId: string;
  readonly authorId: string;
  readonly stepId: string;
  readonly text: string;
  readonly at: number;
}

export interface ActionItem {
  readonly id: string;
  readonly text: string;
  readonly ownerId: string;
  readonly due: string | null;
  readonly createdBy: string;
  readonly at: number;
  readonly completedAt: number | null;
  readonly completedBy: string | null;
  /** NEXT-DONE-1: what happened, written when it was marked done (null when nobody wrote it). */
  readonly outcome: string | null;
}

/**
 * FOLLOW-OPEN-1: an open next step of an earlier meeting, carried into this one when it opened, with what the
 * team said of it here (FOLLOW-CMD-1; null until someone answers; the last answer counts).
 */
export interface FollowUp {
  readonly meetingId: string;
  readonly itemId: string;
  readonly text: string;
  readonly ownerId: string;
  readonly due: string | null;
  readonly status: 'done' | 'carry-on' | 'drop' | null;
  readonly note: string | null;
  readonly by: string | null;
  readonly at: number | null;
}

export interface Presentation {
  readonly kind: RoutineFocus;
  readonly title: string;
  readonly summary: string;
  readonly mode: ObservationMode | null;
  /** MEM-REC-5: a success's evidence of student growth ('' when none was given, and in older logs). */
  readonly evidence: string;
  readonly recordedBy: string;
  readonly at: number;
}

export interface SourceTag {
  readonly id: string;
  /** The agenda part whose final discussion saw it. */
  readonly part: number;
  readonly source: EfficacySource;
  readonly why: string;
  readonly taggedBy: string;
  readonly at: number;
}

/** One routine of the meeting's agenda, with what belongs to it alone. */
export interface AgendaPart {
  readonly routine: Routine;
  /** Index in `MeetingState.steps` of this routine's first step. */
  readonly firstStepIndex: number;
  /** Each routine has its own presenter (so several people can present in one meeting). */
  readonly presenter: string | null;
  readonly presentation: Presentation | null;
  /** PM-PLAN-3: a Peer Modeling part's plan, snapshotted when the meeting opened. */
  readonly plan: PeerModelingPlan | null;
}

/** PM-NOTE-3: a visit note its author shared into the meeting (the last snapshot they shared). */
export interface SharedObservation {
  readonly observationId: string;
  readonly authorId: string;
  /** The Peer Modeling part it belongs to. */
  readonly part: number;
  readonly text: string;
  readonly at: number;
}

/** One of the keys added since the last full chunk: the newest points to the one before it. */
export interface RecentKey {
  readonly key: string;
  readonly seq: number;
  readonly older: RecentKey | null;
  /** How many recent keys this one and the older ones are. */
  readonly count: number;
}

/**
 * The idempotency keys a meeting has applied (CAP-LIVE-11). Adding a key makes one small node and shares
 * everything else: the keys since the last full chunk are a list, newest first; every APPLIED_CHUNK of them become
 * one `Map` (oldest first among `chunks`), never changed again. Maps, not records: a record that gains a key per
 * event gets a new hidden class per event. Copying the last chunk on every event (the first form) was a tenth of
 * what a busy server allocated (ADR 0055). The same keys in the same order always give the same structure, so
 * states stay comparable (a replay equals the live state).
 */
export interface AppliedKeys {
  readonly chunks: readonly ReadonlyMap<string, number>[];
  readonly recent: RecentKey | null;
}

/** Keys per full chunk of `AppliedKeys`; a lookup walks at most this many recent keys before the chunks. */
export const APPLIED_CHUNK = 64;

export const NO_APPLIED_KEYS: AppliedKeys = { chunks: [], recent: null };

export interface MeetingState {
  readonly phase: MeetingPhase;
  readonly meetingId: string | null;
  /** The routines run back to back; empty only before the meeting is created. */
  readonly agenda: readonly AgendaPart[];
  readonly memberIds: readonly string[];
  /**
   * Meeting guests admitted by the facilitator (ADR 0013), id → display name. They are on `memberIds` too (they
   * take part like anyone on the roster) but never facilitate.
   */
  readonly guests: Readonly<Record<string, string>>;
  /**
   * PM-GUEST-1: people of the district invited to this meeting only. On `memberIds` too while on the roster;
   * like guests, they never facilitate.
   */
  readonly invitees: readonly string[];
  /** `presenter` is the presenter of the current part (of the first before the start). */
  readonly roles: Roles;
  /** Index into `steps` (all parts' steps in order); non-null exactly when `phase` is `running`. */
  readonly currentStepIndex: number | null;
  readonly steps: readonly StepRun[];
  /** The part the meeting is in: the current step's, the first before the start, the last reached after. */
  readonly currentPart: number;
  readonly autoAdvance: boolean;
  /** DAY-TIMER-1: a move to a step (and the start) starts its timer. */
  readonly autoStartTimer: boolean;
  readonly suggestions: readonly Suggestion[];
  readonly questions: readonly QuestionCard[];
  /** Keyed by author. Only `viewFor(state, author)` ever hands these out. */
  readonly privateReflections: Readonly<Record<string, readonly Reflection[]>>;
  readonly sharedReflections: readonly SharedReflection[];
  readonly sharedObservations: readonly SharedObservation[];
  readonly actionItems: readonly ActionItem[];
  /** FOLLOW-OPEN-1: earlier meetings' open next steps, followed up at the start of this one. */
  readonly followUps: readonly FollowUp[];
  readonly sourceTags: readonly SourceTag[];
  /**
   * `"<actorId> <idempotencyKey>"` → seq of the event it produced (read it with `appliedSeq`): adding a key
   * copies none of the keys before it (`AppliedKeys`, ADR 0055).
   */
  readonly appliedKeys: AppliedKeys;
  /** Seq of the last event folded in. */
  readonly seq: number;
  /** Server time of the last event; commands are stamped no earlier than this. */
  readonly clock: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
}

export const initialMeetingState: MeetingState = {
  phase: 'empty',
  meetingId: null,
  agenda: [],
  memberIds: [],
  guests: {},
  invitees: [],
  roles: { facilitator: null, presenter: null, timekeeper: null, noteTaker: null },
  currentStepIndex: null,
  steps: [],
  currentPart: 0,
  autoAdvance: false,
  autoStartTimer: false,
  suggestions: [],
  questions: [],
  privateReflections: {},
  sharedReflections: [],
  sharedObservations: [],
  actionItems: [],
  followUps: [],
  sourceTags: [],
  appliedKeys: NO_APPLIED_KEYS,
  seq: 0,
  clock: 0,
  startedAt: null,
  endedAt: null,
};

export const MS_PER_MINUTE = 60_000;

/** Reads a record without ever falling through to Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const keyOf = (actorId: string, idempotencyKey: string) => `${actorId} ${idempotencyKey}`;

/** The seq of the event a key produced (the latest, were a key ever applied twice), or undefined. */
export function appliedSeq(keys: AppliedKeys, key: string): number | undefined {
  for (let k = keys.recent; k !== null; k = k.older) if (k.key === key) return k.seq;
  for (let i = keys.chunks.length - 1; i >= 0; i--) {
    const seq = keys.chunks[i]?.get(key);
    if (seq !== undefined) return seq;
  }
  return undefined;
}

/** `keys` with `key` → `seq` added (new: what it shares with `keys` is never changed). */
export function withAppliedKey(keys: AppliedKeys, key: string, seq: number): AppliedKeys {
  const recent: RecentKey = { key, seq, older: keys.recent, count: (keys.recent?.count ?? 0) + 1 };
  if (recent.count < APPLIED_CHUNK) return { chunks: keys.chunks, recent };
  const newestFirst: RecentKey[] = [];
  for (let k: RecentKey | null = recent; k !== null; k = k.older) newestFirst.push(k);
  const chunk = new Map<string, number>();
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const k = newestFirst[i];
    if (k) chunk.set(k.key, k.seq);
  }
  return { chunks: [...keys.chunks, chunk], recent: null };
}

export function currentRun(state: Pick<MeetingState, 'currentStepIndex' | 'steps'>): StepRun | undefined {
  return state.currentStepIndex === null ? undefined : state.steps[state.currentStepIndex];
}

type AgendaSource = Pick<MeetingState, 'agenda' | 'steps'>;

/** The routine step behind `steps[index]`. */
export function routineStepAt(state: AgendaSource, index: number): RoutineStep | undefined {
  const run = state.steps[index];
  const part = run && state.agenda[run.partIndex];
  return part?.routine.steps[index - part.firstStepIndex];
}

/** The routine step behind the run with this (meeting-unique) step id. */
export function routineStepOf(state: AgendaSource, stepId: string): RoutineStep | undefined {
  return routineStepAt(
    state,
    state.steps.findIndex((r) => r.stepId === stepId),
  );
}

export function currentRoutineStep(
  state: AgendaSource & Pick<MeetingState, 'currentStepIndex'>,
): RoutineStep | undefined {
  return state.currentStepIndex === null ? undefined : routineStepAt(state, state.currentStepIndex);
}

/** The agenda part the meeting is in (undefined only before the meeting exists). */
export function currentAgendaPart(
  state: Pick<MeetingState, 'agenda' | 'currentPart'>,
): AgendaPart | undefined {
  return state.agenda[state.currentPart];
}

/**
 * A step's id in the meeting: the routine's own id when the agenda has one routine (so its log reads as the
 * routine does), `p<n>-<id>` when it has several (two routines may both have an `identify` step).
 */
export function runStepId(partIndex: number, stepId: string, partCount: number): string {
  return partCount > 1 ? `p${partIndex + 1}-${stepId}` : stepId;
}

export type MeetingEvents = readonly MeetingEvent[];
