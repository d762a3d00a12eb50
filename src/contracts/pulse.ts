/**
 * The meeting pulse (issue 13, MEASURE-PULSE-*, ADR 0029): one or two anonymous items at the end of a meeting,
 * answered once by each person who took part, for a day after it ends; a team's trend is shown only over pooled
 * windows of enough answers (ADR 0028, MEASURE-ANON-10).
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';

/** A pulse stays open this long after its meeting ends; then its count is final and it joins the trend. */
export const PULSE_OPEN_HOURS = 24;

export const MeetingPulse = z.object({
  meetingId: Id,
  /** Open from the meeting's end for PULSE_OPEN_HOURS. */
  open: z.boolean(),
  answered: z.boolean(),
  closesAt: z.nullable(IsoDateTime),
  title: z.string(),
  scale: z.array(z.string()),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  threshold: z.number(),
});
export type MeetingPulse = z.infer<typeof MeetingPulse>;

export const SubmitPulse = z.strictObject({
  answers: z.record(z.string().check(z.maxLength(60)), z.number().check(z.int(), z.gte(1), z.lte(7))),
});
export type SubmitPulse = z.infer<typeof SubmitPulse>;

/** A window of consecutive meetings whose pooled answers reached the threshold, with each item's mean. */
export const PulseTrendWindow = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  meetings: z.number(),
  n: z.number(),
  items: z.array(z.object({ id: z.string(), mean: z.number(), ci95: z.array(z.number()) })),
});
export type PulseTrendWindow = z.infer<typeof PulseTrendWindow>;

export const TeamPulseTrend = z.object({
  threshold: z.number(),
  scale: z.array(z.string()),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  windows: z.array(PulseTrendWindow),
  /** Meetings still gathering answers toward the next window (no count is shown for them). */
  pendingMeetings: z.number(),
});
export type TeamPulseTrend = z.infer<typeof TeamPulseTrend>;
