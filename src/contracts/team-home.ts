/**
 * The team home (issue 12, ADR 0022): the next meeting, the routine journey (JOURNEY-*), the sources of efficacy
 * over time (SOURCES-*) and what changed since the caller's last visit (HOME-*). Read by the team's active
 * members only; everything here is the team's own.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { EfficacySource, RoutineFocus } from './routine';

const count = z.number().check(z.int(), z.gte(0));

/** JOURNEY-1: where the team is: the furthest routine of the sequence it has run. */
export const JourneyStage = z.enum(['successes', 'problem-solving', 'peer-modeling']);
export type JourneyStage = z.infer<typeof JourneyStage>;

/** What the journey is drawn from: the team's ended meetings, its members and its resolved dilemmas. */
export const JourneyFacts = z.object({
  meetingsEnded: count,
  successAnalyses: count,
  /** Current members who have presented (any routine) in an ended meeting. */
  membersPresented: count,
  members: count,
  dilemmasBrought: count,
  dilemmasResolved: count,
  peerModelings: count,
});
export type JourneyFacts = z.infer<typeof JourneyFacts>;

/**
 * One fact of the suggestion's reason; the page words it ("5 success analyses; every member has presented").
 * `count` for the counted kinds, `of` for `presented`, `focus` for `least-recent`.
 */
export const JourneyReason = z.object({
  kind: z.enum([
    'nothing-yet',
    'success-analyses',
    'presented',
    'everyone-presented',
    'dilemmas-brought',
    'dilemmas-resolved',
    'peer-modelings',
    'least-recent',
  ]),
  count: z.optional(count),
  of: z.optional(count),
  focus: z.optional(RoutineFocus),
});
export type JourneyReason = z.infer<typeof JourneyReason>;

export const JourneyRule = z.enum(['JOURNEY-2', 'JOURNEY-3', 'JOURNEY-4', 'JOURNEY-5', 'JOURNEY-6']);
export type JourneyRule = z.infer<typeof JourneyRule>;

export const Journey = z.object({
  stage: JourneyStage,
  facts: JourneyFacts,
  /** A suggestion: the team decides. */
  suggestion: z.object({ rule: JourneyRule, focus: RoutineFocus, reasons: z.array(JourneyReason) }),
});
export type Journey = z.infer<typeof Journey>;

export const SourceCounts = z.object({
  mastery: count,
  vicarious: count,
  social_persuasion: count,
  affective_state: count,
});
export type SourceCounts = z.infer<typeof SourceCounts>;

/** `YYYY-MM` in the team's time zone. */
export const Month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** SOURCES-1: per month, how often each source was tagged (and not untagged) in the team's ended meetings. */
export const SourcesOverTime = z.object({
  months: z.array(z.object({ month: Month, counts: SourceCounts })),
  total: SourceCounts,
  /** SOURCES-2: what the team wrote about each source, newest first. */
  words: z.array(
    z.object({
      source: EfficacySource,
      items: z.array(z.object({ why: z.string(), month: Month, meetingId: Id })),
    }),
  ),
});
export type SourcesOverTime = z.infer<typeof SourcesOverTime>;

export const HomeMeeting = z.object({
  id: Id,
  title: z.string(),
  status: z.enum(['scheduled', 'live']),
  scheduledFor: z.nullable(IsoDateTime),
  startedAt: z.nullable(IsoDateTime),
  routineNames: z.array(z.string()),
  totalMinutes: z.number(),
  /** HOME-2: those who run the team's meetings (and are members) start a scheduled meeting. */
  canStart: z.boolean(),
});
export type HomeMeeting = z.infer<typeof HomeMeeting>;

const DatedItem = z.object({ id: Id, title: z.string(), at: IsoDateTime });

/** HOME-3: what happened since the caller's last visit; `since` null on the first visit (a welcome instead). */
export const SinceLastVisit = z.object({
  since: z.nullable(IsoDateTime),
  meetingsEnded: z.array(DatedItem),
  successes: z.array(DatedItem),
  dilemmasResolved: z.array(DatedItem),
  nextStepsDone: z.array(z.object({ meetingId: Id, itemId: z.string(), text: z.string(), at: IsoDateTime })),
  membersJoined: z.array(z.object({ id: Id, name: z.string(), at: IsoDateTime })),
});
export type SinceLastVisit = z.infer<typeof SinceLastVisit>;

export const TeamHome = z.object({
  groupId: Id,
  timeZone: z.string(),
  nextMeeting: z.nullable(HomeMeeting),
  journey: Journey,
  sources: SourcesOverTime,
  sinceLastVisit: SinceLastVisit,
});
export type TeamHome = z.infer<typeof TeamHome>;
