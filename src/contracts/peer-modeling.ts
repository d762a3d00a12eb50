/**
 * Peer Modeling before and around the meeting (issue 11 item 1, ADR 0016): the plan of each Peer Modeling part,
 * people of the district invited to one meeting, and visit notes. The live part (the plan's snapshot, people
 * added to the roster, shared observations) is in meeting.ts.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { AgendaPartIndex, isHttpsUrl, SuccessRef, VIDEO_URL_MAX } from './meeting';
import { MeetingStatus } from './meetings-api';
import { ObservationMode } from './routine';

export const InviteeRole = z.enum(['model', 'observer']);
export type InviteeRole = z.infer<typeof InviteeRole>;

const planText = (what: string) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, `Write the ${what}`), z.maxLength(1_000, 'Use at most 1,000 characters'));

/** PM-URL-1: what a person types: trimmed, https only, stored in the URL parser's own form. */
export const VideoUrlInput = z.pipe(
  z.string().check(
    z.trim(),
    z.maxLength(VIDEO_URL_MAX, `Use at most ${VIDEO_URL_MAX} characters`),
    z.refine((v) => {
      try {
        return isHttpsUrl(new URL(v).href);
      } catch {
        return false;
      }
    }, 'Use a link that starts with https://'),
  ),
  z.transform((v) => new URL(v).href),
);

/** PM-PLAN-1: the plan of one Peer Modeling part, as those who run the team write it. */
export const SavePlanRequest = z
  .strictObject({
    curiosity: planText('area of curiosity'),
    practice: planText('practice'),
    modelId: z.nullable(Id),
    mode: ObservationMode,
    modelingAt: z.nullable(IsoDateTime),
    videoUrl: z.nullable(VideoUrlInput),
    fromSuccess: z.nullable(z.strictObject({ meetingId: Id, part: AgendaPartIndex })),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.videoUrl !== null && v.mode !== 'classroom-video')
        ctx.addIssue({
          code: 'custom',
          path: ['videoUrl'],
          message: 'A video link goes with the classroom video mode',
        });
    }),
  );
export type SavePlanRequest = z.infer<typeof SavePlanRequest>;

export const PlanDetail = z.object({
  curiosity: z.string(),
  practice: z.string(),
  modelId: z.nullable(Id),
  modelName: z.nullable(z.string()),
  mode: ObservationMode,
  modelingAt: z.nullable(IsoDateTime),
  videoUrl: z.nullable(z.string()),
  fromSuccess: z.nullable(SuccessRef),
  updatedAt: IsoDateTime,
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const Invitee = z.object({
  userId: Id,
  name: z.string(),
  role: InviteeRole,
  invitedAt: IsoDateTime,
});
export type Invitee = z.infer<typeof Invitee>;

/** The plan page of a meeting: its Peer Modeling parts, the people invited, and who may model. */
export const MeetingPlanView = z.object({
  meetingId: Id,
  groupId: Id,
  title: z.string(),
  status: MeetingStatus,
  scheduledFor: z.nullable(IsoDateTime),
  parts: z.array(z.object({ part: AgendaPartIndex, routineName: z.string(), plan: z.nullable(PlanDetail) })),
  invitees: z.array(Invitee),
  /** The team's active members and the people invited: who can be chosen as the model. */
  modelChoices: z.array(z.object({ id: Id, name: z.string(), invited: z.boolean() })),
  /** Whether the caller may write the plan (those who run the team, before the meeting opens). */
  canEditPlan: z.boolean(),
  /** Whether the caller may invite or uninvite people (those who run the team, until the meeting ends). */
  canInvite: z.boolean(),
  /** Whether the caller may write visit notes for this meeting (team members and invited people). */
  canTakeNotes: z.boolean(),
});
export type MeetingPlanView = z.infer<typeof MeetingPlanView>;

export const InviteRequest = z.strictObject({ userId: Id, role: InviteeRole });
export type InviteRequest = z.infer<typeof InviteRequest>;

/** PM-GUEST-4: searching the district's people for someone to invite (at least 2 characters). */
export const CandidateQuery = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(2, 'Type at least 2 characters'), z.maxLength(100)),
});
export const InviteCandidate = z.object({
  id: Id,
  name: z.string(),
  /** The schools they belong to, to tell two people of the same name apart. */
  schools: z.array(z.string()),
});

/** PM-PLAN-2: a success the team recorded in an ended meeting. */
export const TeamSuccess = z.object({
  meetingId: Id,
  meetingTitle: z.string(),
  part: AgendaPartIndex,
  title: z.string(),
  presenterName: z.nullable(z.string()),
  at: IsoDateTime,
});
export type TeamSuccess = z.infer<typeof TeamSuccess>;

export const VISIT_NOTE_MAX = 10_000;
export const SaveVisitNoteRequest = z.strictObject({
  text: z.string().check(z.maxLength(VISIT_NOTE_MAX, `Use at most ${VISIT_NOTE_MAX} characters`)),
});

/** PM-NOTE-1: the caller's own visit note for a meeting (nobody else's can be read). */
export const MyVisitNote = z.object({
  meetingId: Id,
  meetingTitle: z.string(),
  status: MeetingStatus,
  /** Null until the first save. */
  id: z.nullable(Id),
  text: z.string(),
  updatedAt: z.nullable(IsoDateTime),
  /** PM-NOTE-4: when it was last shared into the meeting (a projection over the log), or null. */
  sharedAt: z.nullable(IsoDateTime),
  /** Whether the text changed since it was shared. */
  changedSinceShared: z.boolean(),
  /** The meeting runs and the caller is on its roster: the note can be shared now. */
  canShare: z.boolean(),
});
export type MyVisitNote = z.infer<typeof MyVisitNote>;
