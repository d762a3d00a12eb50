/**
 * The only file that knows Socket.IO. It authenticates sockets from the session cookie, checks that a person
 * may take part in the meeting they join, relays commands to the MeetingRuntime and pushes committed events,
 * each redacted for its receiver. Rooms: `m:<id>` for everyone in a meeting, `m:<id>:u:<userId>` per person.
 */
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { MeetingEvent } from '#contracts/meeting';
import { MeetingCommand } from '#contracts/meeting';
import {
  ClientEvents,
  CommandRequest,
  JoinRequest,
  PingRequest,
  PROTOCOL_VERSION,
  ServerEvents,
  SOCKET_PATH,
  type CommandAck,
  type JoinAck,
} from '#contracts/realtime';
import { mayReceive, redactEventFor } from '#core/meeting/index';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import type { Db } from '../db/client';
import { groupMembers, meetings } from '../db/schema';
import type { Actor } from '../policy/actor';
import type { MeetingRuntime } from '../meetings/runtime';

/** A viewer who is nobody's author: what it may receive is what everyone may. */
const NOBODY = '\u0000nobody';
const meetingRoom = (id: string) => `m:${id}`;
const personRoom = (id: string, userId: string) => `m:${id}:u:${userId}`;
/** Sessions are re-checked this often on a long-lived socket (deactivation, sign-out everywhere). */
const SESSION_RECHECK_MS = 60_000;

interface SocketData {
  actor: Actor;
  secret: string;
  checkedAt: number;
  meetings: Map<string, string>; // meetingId -> districtId
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

type Ack<T> = (answer: T) => void;
const asAck = <T>(fn: unknown): Ack<T> => (typeof fn === 'function' ? (fn as Ack<T>) : () => undefined);

export interface RealtimeOptions {
  app: FastifyInstance;
  db: Db;
  runtime: () => MeetingRuntime;
  log: FastifyBaseLogger;
  /** PostgreSQL for the cross-node adapter; omitted: a single node (tests). */
  adapterConnectionString?: string;
  allowedOrigins: ReadonlySet<string>;
}

export interface Realtime {
  io: Server;
  publish(meetingId: string, events: readonly MeetingEvent[]): void;
  /** Closes the sockets of one session (sign-out). TODO(issue 9 item 2): implemented by the realtime work. */
  sessionEnded(sessionId: string): void;
  /** Closes every socket of a person whose access changed. */
  personChanged(districtId: string, userId: string): void;
  close(): Promise<void>;
}

export function attachRealtime(opts: RealtimeOptions): Realtime {
  const io = new Server(opts.app.server, {
    path: SOCKET_PATH,
    serveClient: false,
    // Long-polling first, then upgrade: works behind school filters that block WebSockets.
    transports: ['polling', 'websocket'],
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) {
        callback(null, true);
        return;
      }
      const ok =
        opts.allowedOrigins.has(origin) ||
        (() => {
          try {
            return new URL(origin).host === req.headers.host;
          } catch {
            return false;
          }
        })();
      callback(ok ? null : 'cross-site connection refused', ok);
    },
  });

  let adapterPool: pg.Pool | null = null;
  if (opts.adapterConnectionString) {
    // A separate, small pool: a 10-connection pool reordered ~17% of a burst (stack facts).
    adapterPool = new pg.Pool({
      connectionString: opts.adapterConnectionString,
      max: 2,
      application_name: 'ensemble-socket-adapter',
    });
    adapterPool.on('error', (err) => opts.log.warn({ err }, 'socket adapter pool error'));
    // The adapter's LISTEN client has no error handler: without this a PostgreSQL restart crashes the node.
    adapterPool.on('connect', (client) =>
      client.on('error', (err) => opts.log.warn({ err }, 'socket adapter connection error')),
    );
    io.adapter(
      createAdapter(adapterPool, {
        payloadThreshold: 7_900,
        errorHandler: (err: Error) => opts.log.warn({ err }, 'socket adapter error'),
      }),
    );
  }

  io.use((socket, next) => {
    const secret = cookieValue(socket.request.headers.cookie, SESSION_COOKIE);
    void resolveSession(opts.db, secret).then(
      (actor) => {
        if (!actor || !secret) {
          next(new Error('unauthenticated'));
          return;
        }
        const data: SocketData = { actor, secret, checkedAt: Date.now(), meetings: new Map() };
        socket.data = data;
        next();
      },
      () => next(new Error('unavailable')),
    );
  });

  const dataOf = (socket: Socket) => socket.data as SocketData;

  async function stillSignedIn(socket: Socket): Promise<boolean> {
    const data = dataOf(socket);
    if (Date.now() - data.checkedAt < SESSION_RECHECK_MS) return true;
    const actor = await resolveSession(opts.db, data.secret);
    if (!actor) {
      socket.disconnect(true);
      return false;
    }
    data.actor = actor;
    data.checkedAt = Date.now();
    return true;
  }

  async function broadcastPresence(meetingId: string) {
    const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
    const seen = new Map<string, string>();
    for (const s of sockets) {
      const actor = (s.data as Partial<SocketData>).actor;
      if (actor) seen.set(actor.userId, actor.name);
    }
    io.to(meetingRoom(meetingId)).emit(ServerEvents.presence, {
      meetingId,
      present: [...seen].map(([userId, name]) => ({ userId, name })),
    });
  }

  io.on('connection', (socket) => {
    socket.on(ClientEvents.join, (raw: unknown, ackFn: unknown) => {
      const ack = asAck<JoinAck>(ackFn);
      void (async () => {
        const parsed = JoinRequest.safeParse(raw);
        if (!parsed.success) {
          ack({ ok: false, error: { code: 'invalid', message: 'Malformed join request' } });
          return;
        }
        const req = parsed.data;
        if (req.protocolVersion !== PROTOCOL_VERSION) {
          ack({
            ok: false,
            error: { code: 'incompatible', message: 'This page is out of date. Reload it to continue.' },
          });
          return;
        }
        if (!(await stillSignedIn(socket))) return;
        const { actor } = dataOf(socket);
        const [meeting] = await opts.db
          .select({ id: meetings.id, groupId: meetings.groupId, status: meetings.status })
          .from(meetings)
          .where(and(eq(meetings.id, req.meetingId), eq(meetings.districtId, actor.districtId)));
        const [membership] = meeting
          ? await opts.db
              .select({ role: groupMembers.role })
              .from(groupMembers)
              .where(
                and(
                  eq(groupMembers.districtId, actor.districtId),
                  eq(groupMembers.groupId, meeting.groupId),
                  eq(groupMembers.userId, actor.userId),
                ),
              )
          : [];
        // Live meetings are the team's own: members, plus whoever is on this meeting's roster (a principal who
        // opened it). Anyone else gets the same answer as for a meeting that does not exist.
        const onRoster =
          meeting && !membership
            ? (await opts.runtime().stateOf(meeting.id, actor.districtId)).memberIds.includes(actor.userId)
            : false;
        if (!meeting || (!membership && !onRoster)) {
          ack({ ok: false, error: { code: 'not_found', message: 'That meeting was not found.' } });
          return;
        }
        const events = await opts.runtime().eventsAfter(meeting.id, actor.districtId, req.lastSeq);
        dataOf(socket).meetings.set(meeting.id, actor.districtId);
        await socket.join([meetingRoom(meeting.id), personRoom(meeting.id, actor.userId)]);
        ack({
          ok: true,
          meetingId: meeting.id,
          events: events.map((e) => redactEventFor(e, actor.userId)),
          serverTime: Date.now(),
        });
        await broadcastPresence(meeting.id);
      })().catch((err: unknown) => {
        opts.log.error({ err }, 'join failed');
        ack({ ok: false, error: { code: 'unavailable', message: 'Could not join right now. Retrying…' } });
      });
    });

    socket.on(ClientEvents.command, (raw: unknown, ackFn: unknown) => {
      const ack = asAck<CommandAck>(ackFn);
      void (async () => {
        const parsed = CommandRequest.safeParse(raw);
        if (!parsed.success) {
          ack({ ok: false, error: { code: 'invalid', message: 'Malformed command' } });
          return;
        }
        if (!(await stillSignedIn(socket))) return;
        const data = dataOf(socket);
        const districtId = data.meetings.get(parsed.data.meetingId);
        if (!districtId) {
          ack({ ok: false, error: { code: 'not_found', message: 'Join the meeting first.' } });
          return;
        }
        const command = MeetingCommand.safeParse({ ...parsed.data.command, actorId: data.actor.userId });
        if (!command.success) {
          const first = command.error.issues[0];
          ack({
            ok: false,
            error: {
              code: 'invalid',
              message: first ? `${first.path.join('.') || 'command'}: ${first.message}` : 'Invalid command',
            },
          });
          return;
        }
        ack(await opts.runtime().execute(parsed.data.meetingId, districtId, command.data));
      })().catch((err: unknown) => {
        opts.log.error({ err }, 'command failed');
        ack({ ok: false, error: { code: 'unavailable', message: 'Not saved yet. Retrying…' } });
      });
    });

    socket.on(ClientEvents.leave, (raw: unknown) => {
      const meetingId = typeof raw === 'object' && raw && 'meetingId' in raw ? String(raw.meetingId) : '';
      const data = dataOf(socket);
      if (!data.meetings.has(meetingId)) return;
      data.meetings.delete(meetingId);
      void socket.leave(meetingRoom(meetingId));
      void socket.leave(personRoom(meetingId, data.actor.userId));
      void broadcastPresence(meetingId).catch(() => undefined);
    });

    socket.on(ClientEvents.ping, (raw: unknown, ackFn: unknown) => {
      const parsed = PingRequest.safeParse(raw);
      if (parsed.success)
        asAck<{ clientSent: number; serverTime: number }>(ackFn)({
          clientSent: parsed.data.clientSent,
          serverTime: Date.now(),
        });
    });

    socket.on('disconnecting', () => {
      const ids = [...dataOf(socket).meetings.keys()];
      setImmediate(() => {
        for (const id of ids) void broadcastPresence(id).catch(() => undefined);
      });
    });
  });

  return {
    io,
    sessionEnded: () => undefined,
    personChanged: () => undefined,
    publish(meetingId, events) {
      const shared = events.filter((e) => mayReceive(e, NOBODY));
      if (shared.length === events.length) {
        io.to(meetingRoom(meetingId)).emit(ServerEvents.events, { meetingId, events });
        return;
      }
      // Private events go whole to their author, and as a same-seq placeholder to everyone else.
      for (const e of events) {
        if (mayReceive(e, NOBODY)) {
          io.to(meetingRoom(meetingId)).emit(ServerEvents.events, { meetingId, events: [e] });
        } else {
          const author = personRoom(meetingId, e.actorId);
          io.to(author).emit(ServerEvents.events, { meetingId, events: [e] });
          io.to(meetingRoom(meetingId))
            .except(author)
            .emit(ServerEvents.events, { meetingId, events: [redactEventFor(e, NOBODY)] });
        }
      }
    },
    async close() {
      // Not io.close(): that closes the HTTP server too, which Fastify is already draining.
      io.disconnectSockets(true);
      io.engine.close();
      // The adapter keeps one pooled client for LISTEN: release it, or the pool never ends.
      await io.of('/').adapter.close();
      await adapterPool?.end().catch(() => undefined);
    },
  };
}
