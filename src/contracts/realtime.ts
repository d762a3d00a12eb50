/**
 * The live-meeting socket protocol (Socket.IO, one room per meeting). Every message is validated with these
 * schemas on both ends. A client joins with the last seq it holds and receives what it missed, in pages; it
 * sends commands with an idempotency key and treats the ack (sent only after the commit) as the truth.
 *
 * Every client message is a request with an ack, and every ack has one shape: `{ ok: true, ... }` or
 * `{ ok: false, error: SocketError }` (TRUST-RT-2). Transport codes are snake_case; a command the meeting itself
 * refuses carries the core's rejection (`MeetingRejection`, e.g. `WRONG_PHASE`) in the same `error` slot.
 */
import { z } from './zod';
import { Id } from './common';
import { MeetingEvent, MeetingRejection } from './meeting';

/** Bumped on any incompatible change; a mismatch is answered `incompatible` (ADR 0006). */
export const PROTOCOL_VERSION = 3;

export const SOCKET_PATH = '/socket.io';

export const ClientEvents = {
  join: 'meeting:join',
  leave: 'meeting:leave',
  command: 'meeting:command',
  ping: 'time:ping',
  /** DAY-TEAM-1: a team page asks to hear when the team's meetings open, start or end. */
  watchTeam: 'team:watch',
} as const;

export const ServerEvents = {
  events: 'meeting:events',
  presence: 'meeting:presence',
  /** DAY-TEAM-1: one of the team's meetings opened, started or ended; the page reads the list again (REST). */
  teamMeetings: 'team:meetings',
} as const;

/** At most this many events per join ack; `more: true` asks the client to join again from its last seq. */
export const CATCH_UP_PAGE = 500;

/** PostgreSQL's `integer`: a seq beyond it is a malformed request, not a database error (TRUST-RT-1). */
export const SEQ_MAX = 2_147_483_647;

/** True when no string anywhere in `value` holds a NUL character (PostgreSQL text and jsonb refuse it). */
export function freeOfNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object') return true;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return items.every((v) => freeOfNul(v, depth + 1));
}

export const SocketErrorCode = z.enum([
  'incompatible',
  'unauthenticated',
  'not_found',
  'forbidden',
  'invalid',
  'not_live',
  'rate_limited',
  'unavailable',
]);
export type SocketErrorCode = z.infer<typeof SocketErrorCode>;

export const SocketError = z.object({
  code: SocketErrorCode,
  message: z.string(),
  /** With `rate_limited`: ask again after this long. */
  retryAfterMs: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type SocketError = z.infer<typeof SocketError>;

/** Every refusal of every client message (join, command, leave, ping, an unknown event). */
export const SocketRefusal = z.object({ ok: z.literal(false), error: SocketError });
export type SocketRefusal = z.infer<typeof SocketRefusal>;

export const JoinRequest = z.strictObject({
  protocolVersion: z.number().check(z.int()),
  meetingId: Id,
  lastSeq: z.number().check(z.int(), z.gte(0), z.lte(SEQ_MAX)),
  /**
   * DAY-PROJ-3: `projector` for a shared screen: it is sent no private reflection, not even those of the
   * person whose session opened it. Absent means a person's own device.
   */
  view: z.optional(z.enum(['device', 'projector'])),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinAck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    meetingId: Id,
    /** Events after `lastSeq` (at most CATCH_UP_PAGE), as this viewer may see them (others' private reflections redacted). */
    events: z.array(MeetingEvent),
    /** More events follow: join again from the last seq of this page. */
    more: z.boolean(),
    serverTime: z.number(),
  }),
  SocketRefusal,
]);
export type JoinAck = z.infer<typeof JoinAck>;

export const LeaveRequest = z.strictObject({ meetingId: Id });
export type LeaveRequest = z.infer<typeof LeaveRequest>;

export const LeaveAck = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), SocketRefusal]);
export type LeaveAck = z.infer<typeof LeaveAck>;

/** The client's command: the server sets `actorId` from the session. Text with NUL is refused here. */
export const CommandRequest = z.strictObject({
  meetingId: Id,
  command: z
    .record(z.string(), z.unknown())
    .check(z.refine((c) => freeOfNul(c), { message: 'Text may not contain NUL characters' })),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

export const CommandAck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The events this command appended (empty when its key was already applied). */
    events: z.array(MeetingEvent),
    /** The meeting's last seq after the commit. */
    seq: z.number().check(z.int()),
  }),
  z.object({ ok: z.literal(false), error: z.union([MeetingRejection, SocketError]) }),
]);
export type CommandAck = z.infer<typeof CommandAck>;

export const EventsPush = z.object({ meetingId: Id, events: z.array(MeetingEvent) });
export type EventsPush = z.infer<typeof EventsPush>;

export const Presence = z.object({
  meetingId: Id,
  present: z.array(z.object({ userId: Id, name: z.string() })),
});
export type Presence = z.infer<typeof Presence>;

export const PingRequest = z.strictObject({ clientSent: z.number() });
export const PingAck = z.object({ ok: z.literal(true), clientSent: z.number(), serverTime: z.number() });
export type PingAck = z.infer<typeof PingAck>;
export const PingAnswer = z.discriminatedUnion('ok', [PingAck, SocketRefusal]);
export type PingAnswer = z.infer<typeof PingAnswer>;

/**
 * DAY-TEAM-1: watching a team's meetings from its page. The server checks the same rule as reading the team
 * over REST (`authorize(actor, 'read', group)`), then puts the socket in the team's room until it closes. The
 * push says only that something changed; the page asks REST again, where every rule applies as usual.
 */
export const WatchTeamRequest = z.strictObject({ groupId: Id });
export type WatchTeamRequest = z.infer<typeof WatchTeamRequest>;

export const WatchTeamAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), groupId: Id }),
  SocketRefusal,
]);
export type WatchTeamAck = z.infer<typeof WatchTeamAck>;

export const TeamMeetingChange = z.enum(['opened', 'started', 'ended']);
export type TeamMeetingChange = z.infer<typeof TeamMeetingChange>;

export const TeamMeetingsChanged = z.object({ groupId: Id, meetingId: Id, change: TeamMeetingChange });
export type TeamMeetingsChanged = z.infer<typeof TeamMeetingsChanged>;
