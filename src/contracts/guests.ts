/**
 * The guided first run and meeting guests (DAY-FIRST, ADR 0013).
 *
 * A meeting guest is a person without an account who joins one live meeting from its short code: they give a
 * display name only (no email claim, TRUST-ID), wait in the lobby until the facilitator admits them, and then
 * take part in that meeting alone. Their session ends with the meeting.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { MeetingSummary } from './meetings-api';

/** What a guest is called in the meeting: a display name, never an address. */
export const GUEST_NAME_MAX = 80;
export const GuestName = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter your name'), z.maxLength(GUEST_NAME_MAX));

/** The meeting code as typed: letters and digits, case, spaces and dashes ignored (the server normalizes). */
export const MeetingCodeInput = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter the meeting code'), z.maxLength(20));

export const AskToJoinAsGuest = z.strictObject({ code: MeetingCodeInput, name: GuestName });
export type AskToJoinAsGuest = z.infer<typeof AskToJoinAsGuest>;

export const GuestStatus = z.enum(['waiting', 'admitted', 'declined', 'ended']);
export type GuestStatus = z.infer<typeof GuestStatus>;

/** The guest's own view of their session: who they are, and the meeting once they are admitted. */
export const GuestSession = z.object({
  guestId: Id,
  name: z.string(),
  meetingId: Id,
  status: GuestStatus,
  /** Only once admitted and while the meeting is open. */
  meeting: z.nullable(MeetingSummary),
});
export type GuestSession = z.infer<typeof GuestSession>;

/** A guest as the team sees them in the lobby's "waiting to join" list. */
export const MeetingGuest = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(['waiting', 'admitted', 'declined']),
  askedAt: IsoDateTime,
});
export type MeetingGuest = z.infer<typeof MeetingGuest>;

/** After setup: the school and the first team; one button runs Share Successes now. */
export const FirstTeamRequest = z.strictObject({
  schoolName: z.string().check(z.trim(), z.minLength(1, 'Enter the school name'), z.maxLength(120)),
  teamName: z.string().check(z.trim(), z.minLength(1, 'Enter the team name'), z.maxLength(120)),
});
export type FirstTeamRequest = z.infer<typeof FirstTeamRequest>;

export const FirstTeamResult = z.object({ schoolId: Id, groupId: Id, meetingId: Id });
export type FirstTeamResult = z.infer<typeof FirstTeamResult>;
