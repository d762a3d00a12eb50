/**
 * Next steps across meetings (NEXT-*, FOLLOW-*, DIGEST-*): the action items of a team's meetings as a person
 * follows them up: mine and my teams', due soon, overdue; marking one done with what happened; the reminder
 * counts; the weekly digest's opt-in. Built by core `nextStepsOf` from the meetings' logs.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { EntityId, FollowUpStatus, NextStepOutcome } from './meeting';

export const NextStepStatus = z.enum(['open', 'done', 'dropped']);
export const DueClass = z.enum(['overdue', 'due-soon', 'later', 'no-date']);
export type DueClass = z.infer<typeof DueClass>;

export const NextStepItem = z.object({
  meeting: z.object({ id: Id, title: z.string(), date: z.nullable(IsoDateTime) }),
  team: z.object({ id: Id, name: z.string() }),
  itemId: EntityId,
  text: z.string(),
  /** Null when the owner's account is gone from the district. */
  owner: z.nullable(z.object({ id: Id, name: z.string() })),
  due: z.nullable(z.iso.date()),
  status: NextStepStatus,
  /** NEXT-CLASS-1: where it stands today (for open items; closed ones keep their date's class). */
  dueClass: DueClass,
  outcome: z.nullable(z.string()),
  closedAt: z.nullable(IsoDateTime),
  /** FOLLOW-CMD-1: what later meetings said of it, oldest first. */
  followUps: z.array(
    z.object({
      meeting: z.object({ id: Id, title: z.string() }),
      status: FollowUpStatus,
      note: z.nullable(z.string()),
      at: IsoDateTime,
    }),
  ),
  /** The signed-in person owns it. */
  mine: z.boolean(),
  /** NEXT-DONE-2: the caller may mark it done now (open, and the owner, who added it, or facilitated). */
  canComplete: z.boolean(),
});
export type NextStepItem = z.infer<typeof NextStepItem>;

/** `today` is the caller's calendar date (the browser's), default the server's UTC date. */
export const NextStepsQuery = z.strictObject({
  include: z._default(z.enum(['open', 'all']), 'open'),
  today: z.optional(z.iso.date()),
});
export type NextStepsQuery = z.infer<typeof NextStepsQuery>;

export const NextStepsPage = z.object({
  items: z.array(NextStepItem),
  /** The caller's teams (active memberships), by name: the page's filter. */
  teams: z.array(z.object({ id: Id, name: z.string() })),
  today: z.iso.date(),
});
export type NextStepsPage = z.infer<typeof NextStepsPage>;

export const NextStepsReminderQuery = z.strictObject({ today: z.optional(z.iso.date()) });

/** NEXT-REMIND-1: the in-app banner: my open next steps that are overdue or due within 7 days. */
export const NextStepsReminder = z.object({
  overdue: z.number().check(z.int(), z.gte(0)),
  dueSoon: z.number().check(z.int(), z.gte(0)),
});
export type NextStepsReminder = z.infer<typeof NextStepsReminder>;

/** NEXT-DONE-2: mark a next step done from outside the meeting, with what happened. */
export const CompleteNextStep = z.strictObject({ outcome: z._default(NextStepOutcome, '') });
export type CompleteNextStep = z.infer<typeof CompleteNextStep>;

/** DIGEST-OPT-1: the weekly email digest is opt-in, per person. */
export const DigestSettings = z.object({ weekly: z.boolean() });
export type DigestSettings = z.infer<typeof DigestSettings>;
export const UpdateDigestSettings = z.strictObject({ weekly: z.boolean() });
