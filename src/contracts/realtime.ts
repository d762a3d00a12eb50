/**
 * The live-meeting socket protocol (Socket.IO, one room per meeting). Every message is validated with these
 * schemas on both ends. A client joins with the last seq it holds and receives what it missed; it sends
 * commands with an idempotency key and treats the ack (sent only after the commit) as the truth.
 */
import { z } from 'zod';
import { Id } from './common';
import { MeetingCommand, MeetingEvent, MeetingRejection } from './meeting';

/** Bumped on any incompatible change; a mismatch is answered `incompatible` (ADR 0006). */
export const PROTOCOL_VERSION = 1;

export const SOCKET_PATH = '/socket.io';

export const ClientEvents = {
  join: 'meeting:join',
  leave: 'meeting:leave',
  command: 'meeting:command',
  ping: 'time:ping',
} as const;

export const ServerEvents = {
  events: 'meeting:events',
  presence: 'meeting:presence',
} as const;

export const JoinRequest = z.strictObject({
  protocolVersion: z.number().int(),
  meetingId: Id,
  lastSeq: z.number().int().min(0),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const SocketError = z.object({
  code: z.enum(['incompatible', 'unauthenticated', 'not_found', 'invalid', 'not_live', 'unavailable']),
  message: z.string(),
});
export type SocketError = z.infer<typeof SocketError>;

export const JoinAck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    meetingId: Id,
    /** Events after `lastSeq`, as this viewer may see them (others' private reflections redacted). */
    events: z.array(MeetingEvent),
    serverTime: z.number(),
  }),
  z.object({ ok: z.literal(false), error: SocketError }),
]);
export type JoinAck = z.infer<typeof JoinAck>;

/** The client's command: the server sets `actorId` from the session. */
export const CommandRequest = z.strictObject({
  meetingId: Id,
  command: z.record(z.string(), z.unknown()),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

/** Parses a client's command once the server has put the session's actor in. */
export const ServerSideCommand = MeetingCommand;

export const CommandAck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The events this command appended (empty when its key was already applied). */
    events: z.array(MeetingEvent),
    /** The meeting's last seq after the commit. */
    seq: z.number().int(),
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
export const PingAck = z.object({ clientSent: z.number(), serverTime: z.number() });
export type PingAck = z.infer<typeof PingAck>;
