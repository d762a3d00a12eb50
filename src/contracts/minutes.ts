/**
 * The minutes of a meeting as the API sends them (built by core `minutesOf`). The response is serialized
 * through this schema, so a field that is not named here (a private reflection, say) can never leave.
 */
import { z } from './zod';
import { Id } from './common';
import { EfficacySource, ObservationMode, QuestionKind, RoutineFocus, RoutineRef, StepKind } from './routine';

const Ms = z.number().check(z.int());
const Person = Id;

export const MinutesStep = z.object({
  stepId: z.string(),
  title: z.string(),
  kind: StepKind,
  plannedMinutes: z.number(),
  extensionMinutes: z.number(),
  /** Minutes the step's timer actually ran, to one decimal. */
  actualMinutes: z.number(),
  /** DAY-TIMER-4: ms the step's timer actually ran, pauses excluded. */
  actualMs: Ms.check(z.gte(0)),
  /** Whether the step's timer ever ran (a step nobody timed reads "not timed", not "0 min"). */
  timed: z.boolean(),
  /** DAY-TIMER-5: the actual time as people say it ("under 1 min", "4 min", "1 h 5 min", "not timed"). */
  actualText: z.string(),
  outcome: z.enum(['pending', 'done', 'skipped']),
  note: z.string(),
});
export type MinutesStep = z.infer<typeof MinutesStep>;

export const MinutesPresentation = z.object({
  kind: RoutineFocus,
  title: z.string(),
  summary: z.string(),
  mode: z.nullable(ObservationMode),
  /** MEM-REC-5: a success's evidence of student growth ('' when none was given). */
  evidence: z.string(),
  recordedBy: Person,
  at: Ms,
});

export const MinutesSourceTag = z.object({ source: EfficacySource, why: z.string(), taggedBy: Person });
export type MinutesSourceTag = z.infer<typeof MinutesSourceTag>;

/** PM-MIN-1: the Peer Modeling plan of a part, as it stood when the meeting opened. */
export const MinutesPlan = z.object({
  curiosity: z.string(),
  practice: z.string(),
  modelId: z.nullable(Person),
  /** The model was invited to this meeting only (not on the team). */
  modelInvited: z.boolean(),
  mode: ObservationMode,
  modelingAt: z.nullable(z.string()),
  videoUrl: z.nullable(z.string()),
  fromSuccess: z.nullable(z.object({ meetingId: Id, part: z.number().check(z.int()), title: z.string() })),
});
export type MinutesPlan = z.infer<typeof MinutesPlan>;

/** PM-MIN-2: a visit note its author shared into the meeting (the snapshot they shared last). */
export const MinutesObservation = z.object({
  observationId: z.string(),
  authorId: Person,
  text: z.string(),
  at: Ms,
});
export type MinutesObservation = z.infer<typeof MinutesObservation>;

/** One routine of the agenda: its steps, presenter, record, what was learned and the sources tagged. */
export const MinutesPart = z.object({
  index: z.number().check(z.int()),
  routine: z.object({
    id: z.string(),
    version: z.number().check(z.int()),
    name: z.string(),
    focus: RoutineFocus,
    basedOn: z.nullable(RoutineRef),
  }),
  presenterId: z.nullable(Person),
  presentation: z.nullable(MinutesPresentation),
  steps: z.array(MinutesStep),
  /** The shared note of the part's final discussion. */
  learned: z.string(),
  sourceTags: z.array(MinutesSourceTag),
  /** Sources tagged at least once, in the canonical order. */
  sourcesSeen: z.array(EfficacySource),
  /** A Peer Modeling part's plan (null for other routines, and when nothing was planned). */
  plan: z.nullable(MinutesPlan),
  /** Visit notes shared into a Peer Modeling part. */
  observations: z.array(MinutesObservation),
});
export type MinutesPart = z.infer<typeof MinutesPart>;

export const MinutesQuestion = z.object({
  stepId: z.string(),
  kind: QuestionKind,
  text: z.string(),
  authorId: Person,
  flagged: z.boolean(),
  flagReason: z.nullable(z.string()),
});
export type MinutesQuestion = z.infer<typeof MinutesQuestion>;

export const MinutesActionItem = z.object({
  id: z.string(),
  text: z.string(),
  ownerId: Person,
  due: z.nullable(z.string()),
  createdBy: Person,
  at: Ms,
  completedAt: z.nullable(Ms),
  completedBy: z.nullable(Person),
  /** NEXT-DONE-1: what happened, written when it was marked done. */
  outcome: z.nullable(z.string()),
});

/** FOLLOW-MIN-1: an earlier meeting's next step as this meeting followed it up (status null: not discussed). */
export const MinutesFollowUp = z.object({
  meetingId: Id,
  itemId: z.string(),
  text: z.string(),
  ownerId: Person,
  due: z.nullable(z.string()),
  status: z.nullable(z.enum(['done', 'carry-on', 'drop'])),
  note: z.nullable(z.string()),
  by: z.nullable(Person),
  at: z.nullable(Ms),
});
export type MinutesFollowUp = z.infer<typeof MinutesFollowUp>;

export const MeetingMinutes = z.object({
  meetingId: z.nullable(Id),
  phase: z.enum(['empty', 'lobby', 'running', 'ended']),
  startedAt: z.nullable(Ms),
  endedAt: z.nullable(Ms),
  roles: z.object({
    facilitator: z.nullable(Person),
    timekeeper: z.nullable(Person),
    noteTaker: z.nullable(Person),
  }),
  parts: z.array(MinutesPart),
  questions: z.array(MinutesQuestion),
  sharedReflections: z.array(
    z.object({
      reflectionId: z.string(),
      authorId: Person,
      stepId: z.string(),
      text: z.string(),
      at: Ms,
      /** Shared by its author after the meeting had ended (from My reflections, DAY-REFL-4). */
      afterMeeting: z.boolean(),
    }),
  ),
  actionItems: z.array(MinutesActionItem),
  /** FOLLOW-MIN-1: the follow-up of earlier meetings' open next steps (empty when there were none). */
  followUps: z.array(MinutesFollowUp),
  /** Meeting guests admitted to this meeting (ADR 0013), by display name. */
  guests: z.array(z.object({ id: Id, name: z.string() })),
  /** PM-GUEST-1: people of the district invited to this meeting only (not on the team). */
  invitees: z.array(Person),
});
export type MeetingMinutes = z.infer<typeof MeetingMinutes>;
