/**
 * A team's meeting settings (DAY-TIMER-2): how its meetings run by default. Each meeting copies them when it is
 * opened, so a change applies to the meetings opened after it.
 */
import { z } from './zod';

export const MeetingSettings = z.object({
  /** A step's timer starts when the facilitator moves to it (and the first step's when the meeting starts). */
  autoStartTimer: z.boolean(),
  /** Whether the caller may change these (those who run the team's meetings). */
  canChange: z.boolean(),
});
export type MeetingSettings = z.infer<typeof MeetingSettings>;

/** What may be changed; every field is optional, at least one is needed, and nothing else is accepted. */
export const UpdateMeetingSettings = z.strictObject({ autoStartTimer: z.optional(z.boolean()) }).check(
  z.refine((body) => body.autoStartTimer !== undefined, {
    message: 'Name a setting to change',
  }),
);
export type UpdateMeetingSettings = z.infer<typeof UpdateMeetingSettings>;
