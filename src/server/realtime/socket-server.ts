/**
 * The only file that knows Socket.IO: a thin adapter (TRUST-RT). It authenticates sockets from the session
 * cookie, parses every message with the contract, rate-limits it, asks the same `authorize(actor, 'take-part',
 * meeting)` as REST, and hands over to the MeetingRuntime; it pushes committed events, each redacted for its
 * receiver. It never queries the database itself (src/server/meetings/queries.ts does).
 *
 * Rooms: `m:<id>` for everyone in a meeting, `m:<id>:u:<userId>` per person in it, `s:<sessionId>` per session
 * and `u:<userId>` per person, so a sign-out or an access change closes exactly the sockets it should, on
 * every node (the adapter carries `disconnectSockets`); `group:<id>` for the team pages that watch a team's
 * meetings (DAY-TEAM-1), left with the socket when access changes.
 *
 * Nothing thrown here escapes: Socket.IO catches neither a throw in `io.use` nor one in a handler
 * (stack facts), so each runs inside `guard`, which logs (without payload text) and answers `unavailable`.
 */
import { Server, type Socket } from 'socket.io';
import type { createNotifyAdapter } from './cross-node';
import pg from 'pg';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Language } from '#contracts/auth';
import { MeetingCommand, MeetingEvent } from '#contracts/meeting';
import { z } from '#contracts/zod';
import {
  CATCH_UP_PAGE,
  ClientEvents,
  CommandRequest,
  JoinRequest,
  LeaveRequest,
  PingRequest,
  PROTOCOL_VERSION,
  ServerEvents,
  SOCKET_PATH,
  WatchTeamRequest,
  type CommandAck,
  type JoinAck,
  type LeaveAck,
  type PingAnswer,
  type SocketError,
  type SocketRefusal,
  type TeamMeetingsChanged,
  type WatchTeamAck,
} from '#contracts/realtime';
import { mayReceive, redactEventFor } from '#core/meeting/index';
import { teamMeetingChangeOf } from '#core/meeting/lifecycle';
import { IDLE_TIMEOUT_MS, resolveSession, SESSION_COOKIE, type SessionCache } from '../auth/sessions';
import type { Db } from '../db/client';
import { HttpError } from '../http/errors';
import { socketLanguage } from '../http/language';
import { translate } from '../i18n/translate';
import { parseContextIn } from '../i18n/zod';
import { meetingEventIn } from '../routines/catalog';
import { isGuestActor, type Principal } from '../policy/actor';
import { actInNetwork, networkIdOf } from '../networks/context';
import type { GroupRole } from '#contracts/org';
import { currentGuest, guestActorOf, guestBySecret, liveGuestSessionIds } from '../guests/queries';
import { guestCookieName } from '../guests/sessions';
import { authorize } from '../policy/policy';
import { groupSubject } from '../groups/queries';
import {
  groupIdOfMeeting,
  liveSessionIds,
  loadGroupForPerson,
  loadMeetingForPerson,
  meetingSubject,
} from '../meetings/queries';
import type { MeetingRuntime } from '../meetings/runtime';
import { CONNECTIONS_PER_PERSON, takeToken, TokenBuckets, type LimitedAction } from './limits';

/** A viewer who is nobody's author: what it may receive is what everyone may. */
const NOBODY = '\u0000nobody';
const meetingRoom = (id: string) => `m:${id}`;
const personInMeetingRoom = (id: string, userId: string) => `m:${id}:u:${userId}`;
/** I18N-CONTENT-6: the meeting's devices that read Ensemble's routines in a language other than English. */
const languageInMeetingRoom = (id: string, language: Language) => `m:${id}:lang:${language}`;
const sessionRoom = (sessionId: string) => `s:${sessionId}`;
const personRoom = (userId: string) => `u:${userId}`;
/** DAY-TEAM-1: the team pages watching a team's meetings. */
const teamRoom = (groupId: string) => `group:${groupId}`;
/** The guests of a meeting (ADR 0013): closed when the meeting ends, since their access ends with it. */
const guestsRoom = (meetingId: string) => `m:${meetingId}:guests`;

/** The principal with its role in one team as the database has it now; a guest has none, in any team. */
function withGroupRole(p: Principal, groupId: string, role: GroupRole | null): Principal {
  if (isGuestActor(p)) return p;
  const groupRoles = new Map(p.groupRoles);
  if (role) groupRoles.set(groupId, role);
  else groupRoles.delete(groupId);
  return { ...p, groupRoles };
}
/** Every socket's session is checked this often, in one query per node (expiry, idle timeout, deactivation). */
export const SESSION_RECHECK_MS = 30_000;
/** Presence is sent at most this often per meeting, however many join and leave. */
const PRESENCE_DEBOUNCE_MS = 250;
/**
 * Between nodes only (CAP-LIVE-8): the events a node committed, whole, so the other nodes' runtimes fold them into
 * their cached meetings and decide the next command on the log as it is, not clash on its seq and reload.
 */
const NODE_COMMITTED = 'ensemble:committed';
const NodeCommitted = z.object({
  meetingId: z.uuid(),
  districtId: z.uuid(),
  events: z.array(MeetingEvent).check(z.minLength(1)),
});
const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(ClientEvents));

/**
 * What travels with a socket (and through pg_notify in `fetchSockets` on several nodes): who it is and the
 * session's hash, never the cookie's secret (TRUST-RT-6).
 */
export interface SocketData {
  userId: string;
  name: string;
  sessionId: string;
}

/** What this node alone keeps for a socket. */
interface Local {
  /** A signed-in account, or a meeting guest (ADR 0013). */
  actor: Principal;
  /** Meetings joined on this socket, with their district. */
  meetings: Set<string>;
  /** Sent anything since the last session check (being in a meeting is activity for the idle timeout). */
  active: boolean;
  /** Rate-limited messages in the current second: a socket that keeps sending regardless is made to wait. */
  refusals: number;
  refusalsSince: number;
  /** Times this socket was made to wait (a polling socket, which cannot be paused, is closed past a point). */
  pauses: number;
  /** Not read until then (`performance.now()`). */
  pausedUntil: number;
  /** I18N-CONTENT-6: the language the device reads Ensemble's routines in (handshake `auth.language`). */
  language: Language;
}

/** After this many rate-limited messages within a second, the server stops reading the socket for a while. */
const PAUSE_AFTER_REFUSALS = 10;
/** A polling socket cannot be paused: after this many such seconds it is closed. */
const CLOSE_AFTER_PAUSES = 20;
const PAUSE_MIN_MS = 1_000;

/**
 * Stops reading a WebSocket for `ms` (TCP backpressure: the flooder's messages wait in its own buffers and cost
 * this node nothing), so one abusive socket cannot take the event loop from everyone else (TRUST-RT-FLOOD).
 * Uses `ws`'s public pause/resume on the transport's socket; false when the transport is not a WebSocket.
 */
function pauseReading(socket: Socket, local: Local, ms: number): boolean {
  // Messages of a chunk already read still arrive while paused: they do not pause it again (nor resume it early).
  if (performance.now() < local.pausedUntil) return true;
  const ws: unknown = Reflect.get(socket.conn.transport, 'socket');
  if (typeof ws !== 'object' || ws === null) return false;
  const pause: unknown = Reflect.get(ws, 'pause');
  const resume: unknown = Reflect.get(ws, 'resume');
  if (typeof pause !== 'function' || typeof resume !== 'function') return false;
  Reflect.apply(pause, ws, []);
  local.pausedUntil = performance.now() + ms;
  setTimeout(() => {
    try {
      Reflect.apply(resume, ws, []);
    } catch {
      // Closed meanwhile.
    }
  }, ms).unref();
  return true;
}

/** The session cookie's value; a malformed percent-sequence is no cookie at all (TRUST-RT-1). */
export function cookieValue(header: unknown, name: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

type Ack<T> = (answer: T) => void;

/** The ack a client passed (always the last argument), answered at most once; a missing ack is a no-op. */
function ackOf<T>(args: readonly unknown[]): Ack<T> {
  const last = args.at(-1);
  let done = false;
  return (answer: T) => {
    if (done || typeof last !== 'function') return;
    done = true;
    try {
      Reflect.apply(last, undefined, [answer]);
    } catch {
      // The client went away; nothing to answer.
    }
  };
}

const refusal = (code: SocketError['code'], message: string, retryAfterMs?: number): SocketRefusal => ({
  ok: false,
  error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs },
});

/** Zod's first issue as a short message: where and what, never the value sent. */
function issueText(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.') || 'message'}: ${first.message}` : 'Malformed message';
}

/** A log line for an error: its kind and code, no payload text and no bound values. */
function errorFacts(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { errType: typeof err };
  const code = (err as { code?: unknown }).code;
  return { errName: err.name, ...(typeof code === 'string' ? { errCode: code } : {}) };
}

export interface RealtimeOptions {
  app: FastifyInstance;
  db: Db;
  /** The app's session cache (ADR 0045): a handshake resolves its session as a request does. */
  sessionCache?: SessionCache;
  runtime: () => MeetingRuntime;
  log: FastifyBaseLogger;
  /**
   * PostgreSQL for the cross-node adapter, and the adapter's factory (its module is loaded only then, APP-START-1);
   * omitted: a single node.
   */
  crossNode?: { connectionString: string; createAdapter: typeof createNotifyAdapter };
  allowedOrigins: ReadonlySet<string>;
  /** People present without a socket on this node (the demo's simulated colleagues, DAY-DEMO-5). */
  extraPresence?: (meetingId: string) => readonly { userId: string; name: string }[];
}

export interface Realtime {
  io: Server;
  /**
   * Pushes committed events to the meeting's room. With the district, a batch that opens, starts or ends the
   * meeting also tells the team's watching pages (DAY-TEAM-1).
   */
  publish(meetingId: string, events: readonly MeetingEvent[], districtId?: string): void;
  /** Closes the sockets of one session, on every node (sign-out). */
  sessionEnded(sessionId: string): void;
  /** Closes every socket of a person whose access changed, on every node; they must pass the policy again. */
  personChanged(districtId: string, userId: string): void;
  /** Checks every socket's session on this node now (the periodic backstop; tests call it). */
  recheckSessions(): Promise<void>;
  /** Sends the meeting's presence again soon (someone came or went without a socket of their own). */
  refreshPresence(meetingId: string): void;
  close(): Promise<void>;
}

export function attachRealtime(opts: RealtimeOptions): Realtime {
  const log = opts.log;
  const cookieName = opts.app.hasDecorator('sessionCookie') ? opts.app.sessionCookie.name : SESSION_COOKIE;
  const guestCookie = guestCookieName(opts.app.hasDecorator('sessionCookie') ? opts.app : {});
  const io = new Server(opts.app.server, {
    path: SOCKET_PATH,
    serveClient: false,
    // Long-polling first, then upgrade: works behind school filters that block WebSockets.
    transports: ['polling', 'websocket'],
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      try {
        const origin = req.headers.origin;
        if (!origin) {
          callback(null, true);
          return;
        }
        // PUBLIC_URL's origin (or this server on localhost without it), never the request's own Host, which the
        // client chooses (DNS rebinding, TRUST-RT-FUZZ-4).
        const ok = opts.allowedOrigins.has(origin);
        callback(ok ? null : 'cross-site connection refused', ok);
      } catch {
        callback('cross-site connection refused', false);
      }
    },
  });

  let adapterPool: pg.Pool | null = null;
  if (opts.crossNode) {
    // A separate, small pool: a 10-connection pool reordered ~17% of a burst (stack facts).
    adapterPool = new pg.Pool({
      connectionString: opts.crossNode.connectionString,
      max: 2,
      application_name: 'ensemble-socket-adapter',
    });
    adapterPool.on('error', (err) => log.warn(errorFacts(err), 'socket adapter pool error'));
    // The adapter's LISTEN client has no error handler: without this a PostgreSQL restart crashes the node.
    adapterPool.on('connect', (client) =>
      client.on('error', (err) => log.warn(errorFacts(err), 'socket adapter connection error')),
    );
    io.adapter(
      opts.crossNode.createAdapter(adapterPool, {
        payloadThreshold: 7_900,
        errorHandler: (err: Error) => log.warn(errorFacts(err), 'socket adapter error'),
      }),
    );
  }

  opts.runtime().onError = (err, what) => log.error(errorFacts(err), what);
  if (opts.crossNode) {
    // Another node's commits, parsed with their contract: anything else is dropped (the log stays the truth).
    io.on(NODE_COMMITTED, (raw: unknown) => {
      const parsed = NodeCommitted.safeParse(raw);
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.length }, 'cross-node commit ignored: not the contract');
        return;
      }
      opts.runtime().foldCommitted(parsed.data.meetingId, parsed.data.districtId, parsed.data.events);
    });
  }

  const locals = new Map<string, Local>();
  const connectionsOf = new Map<string, number>();
  const buckets = new TokenBuckets();

  io.use((socket, next) => {
    // Everything inside the promise: a synchronous throw becomes a rejection that is caught, not a crash.
    void (async () => {
      const secret = cookieValue(socket.request.headers.cookie, cookieName);
      const guestSecret = cookieValue(socket.request.headers.cookie, guestCookie);
      // The handshake (its headers included) is serialized for other nodes by `fetchSockets()` in CLUSTER
      // mode: the cookie, which holds the session's secret, must not travel (TRUST-RT-6).
      delete socket.request.headers.cookie;
      // An account session first; without one, a meeting guest's (ADR 0013).
      let actor: Principal | null = secret ? await resolveSession(opts.db, secret, opts.sessionCache) : null;
      if (!actor && guestSecret) {
        const found = await guestBySecret(opts.db, guestSecret);
        actor = found ? guestActorOf(found.guest, found.meeting) : null;
      }
      // ADR 0032: a socket that names a network (handshake `auth.network`) acts as the account's member row there,
      // exactly as a REST request naming it does; a network it is not in is refused like no session.
      const auth: unknown = socket.handshake.auth;
      const network = networkIdOf(
        typeof auth === 'object' && auth !== null && 'network' in auth ? auth.network : undefined,
      );
      if (actor && !isGuestActor(actor) && network !== undefined)
        actor = network === null ? null : await actInNetwork(opts.db, actor, network);
      if (!actor) {
        next(new Error('unauthenticated'));
        return;
      }
      if ((connectionsOf.get(actor.userId) ?? 0) >= CONNECTIONS_PER_PERSON) {
        next(new Error('rate_limited'));
        return;
      }
      if (socket.conn.readyState !== 'open') {
        // The client went away during the session lookup: Socket.IO will never emit 'connection' for it.
        next(new Error('unavailable'));
        return;
      }
      const data: SocketData = { userId: actor.userId, name: actor.name, sessionId: actor.sessionId };
      socket.data = data;
      // Cleaned up on 'disconnect', or here when the connection closes before it is ever established.
      socket.conn.once('close', () => {
        if (!socket.connected) locals.delete(socket.id);
      });
      locals.set(socket.id, {
        actor,
        meetings: new Set(),
        active: false,
        refusals: 0,
        refusalsSince: 0,
        pauses: 0,
        pausedUntil: 0,
        language: socketLanguage(auth),
      });
      next();
    })().catch((err: unknown) => {
      log.error(errorFacts(err), 'socket handshake failed');
      try {
        next(new Error('unavailable'));
      } catch {
        // Already answered.
      }
    });
  });

  // --- Presence, debounced per meeting ---------------------------------------------------------------

  const presenceTimers = new Map<string, NodeJS.Timeout>();
  function schedulePresence(meetingId: string) {
    if (presenceTimers.has(meetingId)) return;
    const timer = setTimeout(() => {
      presenceTimers.delete(meetingId);
      void broadcastPresence(meetingId).catch((err: unknown) =>
        log.warn(errorFacts(err), 'presence broadcast failed'),
      );
    }, PRESENCE_DEBOUNCE_MS);
    timer.unref();
    presenceTimers.set(meetingId, timer);
  }

  async function broadcastPresence(meetingId: string) {
    const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
    const seen = new Map<string, string>();
    for (const s of sockets) {
      // Socket data from other nodes arrives through PostgreSQL: checked, not trusted.
      const d: unknown = s.data;
      if (typeof d !== 'object' || d === null || !('userId' in d) || !('name' in d)) continue;
      if (typeof d.userId === 'string' && typeof d.name === 'string') seen.set(d.userId, d.name);
    }
    for (const extra of opts.extraPresence?.(meetingId) ?? []) seen.set(extra.userId, extra.name);
    io.to(meetingRoom(meetingId)).emit(ServerEvents.presence, {
      meetingId,
      present: [...seen].map(([userId, name]) => ({ userId, name })),
    });
  }

  // --- Handlers ----------------------------------------------------------------------------------------

  io.on('connection', (socket) => {
    const local = locals.get(socket.id);
    if (!local) {
      socket.disconnect(true);
      return;
    }
    const { actor } = local;
    // I18N-SRV-1, I18N-SRV-3: the socket's language, from its handshake; every refusal is said in it.
    const language = socketLanguage(socket.handshake.auth);
    const refuse = (code: SocketError['code'], message: string, retryAfterMs?: number) =>
      refusal(code, translate(message, language), retryAfterMs);
    const parseIn = parseContextIn(language);
    const count = (connectionsOf.get(actor.userId) ?? 0) + 1;
    if (count > CONNECTIONS_PER_PERSON) {
      // Several handshakes raced past the middleware's check (TRUST-RT-LIMIT-2).
      locals.delete(socket.id);
      socket.disconnect(true);
      return;
    }
    connectionsOf.set(actor.userId, count);
    const rooms = [sessionRoom(actor.sessionId), personRoom(actor.userId)];
    if (isGuestActor(actor)) rooms.push(guestsRoom(actor.meetingId));
    void Promise.resolve(socket.join(rooms)).catch((err: unknown) =>
      log.warn(errorFacts(err), 'socket room join failed'),
    );

    /** Answers a rate-limited message; a socket that keeps on regardless is paused, or closed (polling). */
    const limited = (ack: Ack<SocketRefusal>, wait: number) => {
      ack(refuse('rate_limited', 'Too many messages. Slow down.', wait));
      const now = performance.now();
      if (now - local.refusalsSince > 1_000) {
        local.refusals = 0;
        local.refusalsSince = now;
      }
      local.refusals += 1;
      if (local.refusals < PAUSE_AFTER_REFUSALS) return;
      local.refusals = 0;
      local.pauses += 1;
      if (!pauseReading(socket, local, Math.max(wait, PAUSE_MIN_MS)) && local.pauses >= CLOSE_AFTER_PAUSES)
        socket.disconnect(true);
    };

    /**
     * Runs a handler so that nothing escapes: a throw or rejection is logged (its kind only) and answered
     * `unavailable`. Rate limits are taken here, before the message is even parsed.
     */
    const on = <T>(
      event: string,
      action: LimitedAction,
      handler: (raw: unknown, ack: Ack<T | SocketRefusal>) => Promise<void> | void,
    ) => {
      socket.on(event, (...args: unknown[]) => {
        const ack = ackOf<T | SocketRefusal>(args);
        const fail = (err: unknown) => {
          log.error({ ...errorFacts(err), event }, 'socket message failed');
          ack(refuse('unavailable', 'Not possible right now. Try again.'));
        };
        try {
          // Only what a person does keeps a shared-device session alive, not the client's own pings
          // (TRUST-REVOKE-7, TRUST-DEVICE-2).
          if (action === 'join' || action === 'command') local.active = true;
          const wait = takeToken(buckets, action, socket.id, actor.userId);
          if (wait > 0) {
            limited(ack, wait);
            return;
          }
          const raw = typeof args[0] === 'function' ? undefined : args[0];
          void Promise.resolve(handler(raw, ack)).catch(fail);
        } catch (err) {
          fail(err);
        }
      });
    };

    on<JoinAck>(ClientEvents.join, 'join', async (raw, ack) => {
      const parsed = JoinRequest.safeParse(raw, parseIn);
      if (!parsed.success) {
        ack(refuse('invalid', `Malformed join request (${issueText(parsed.error)})`));
        return;
      }
      const req = parsed.data;
      if (req.protocolVersion !== PROTOCOL_VERSION) {
        ack(refuse('incompatible', 'This page is out of date. Reload it to continue.'));
        return;
      }
      const runtime = opts.runtime();
      if (!local.meetings.has(req.meetingId)) {
        const found = await loadMeetingForPerson(opts.db, actor.districtId, req.meetingId, actor.userId);
        if (!found) {
          ack(refuse('not_found', 'That meeting was not found.'));
          return;
        }
        // The socket's actor is as of its connection; the team membership (or a guest's admission) is read now.
        const principal = isGuestActor(actor)
          ? await currentGuest(opts.db, actor.districtId, actor.userId)
          : withGroupRole(actor, found.group.id, found.groupRole);
        if (!principal) {
          ack(refuse('not_found', 'That meeting was not found.'));
          return;
        }
        const roster = await runtime.rosterOf(found.meeting.id, actor.districtId);
        try {
          authorize(
            principal,
            'take-part',
            meetingSubject(found.meeting, found.group, roster, found.invited ? [actor.userId] : []),
          );
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          ack(
            err.status === 403
              ? refuse('forbidden', 'Only the team takes part in its meetings.')
              : refuse('not_found', 'That meeting was not found.'),
          );
          return;
        }
        // Join the rooms before reading the catch-up (TRUST-RT-JOINRACE): an event committed in between is
        // then pushed, read, or both (the client drops duplicates by seq), never neither.
        // DAY-PROJ-3: a projector stays out of the person's own room, so their private events never reach it.
        await socket.join([
          ...(req.view === 'projector'
            ? [meetingRoom(req.meetingId)]
            : [meetingRoom(req.meetingId), personInMeetingRoom(req.meetingId, actor.userId)]),
          ...(local.language === 'en' ? [] : [languageInMeetingRoom(req.meetingId, local.language)]),
        ]);
        local.meetings.add(req.meetingId);
        schedulePresence(req.meetingId);
      }
      const page = await runtime.catchUpPage(req.meetingId, actor.districtId, req.lastSeq, CATCH_UP_PAGE);
      ack({
        ok: true,
        meetingId: req.meetingId,
        events: page.events.map((e) =>
          meetingEventIn(redactEventFor(e, req.view === 'projector' ? NOBODY : actor.userId), local.language),
        ),
        more: page.more,
        serverTime: Date.now(),
      });
    });

    on<CommandAck>(ClientEvents.command, 'command', async (raw, ack) => {
      const parsed = CommandRequest.safeParse(raw, parseIn);
      if (!parsed.success) {
        ack(refuse('invalid', `Malformed command (${issueText(parsed.error)})`));
        return;
      }
      if (!local.meetings.has(parsed.data.meetingId)) {
        ack(refuse('not_found', 'Join the meeting first.'));
        return;
      }
      const command = MeetingCommand.safeParse({ ...parsed.data.command, actorId: actor.userId }, parseIn);
      if (!command.success) {
        ack(refuse('invalid', issueText(command.error)));
        return;
      }
      const result = await opts.runtime().execute(parsed.data.meetingId, actor.districtId, command.data);
      // The meeting core's rejections are English sentences too (I18N-SRV-3).
      ack(
        result.ok
          ? result
          : { ...result, error: { ...result.error, message: translate(result.error.message, language) } },
      );
    });

    // DAY-TEAM-1: a team page hears when the team's meetings open, start or end. The same rule as reading the
    // team over REST, with the membership as the database has it now; an access change closes the socket.
    on<WatchTeamAck>(ClientEvents.watchTeam, 'watch', async (raw, ack) => {
      const parsed = WatchTeamRequest.safeParse(raw, parseIn);
      if (!parsed.success) {
        ack(refuse('invalid', `Malformed watch request (${issueText(parsed.error)})`));
        return;
      }
      const { groupId } = parsed.data;
      const found = await loadGroupForPerson(opts.db, actor.districtId, groupId, actor.userId);
      if (!found) {
        ack(refuse('not_found', 'That team was not found.'));
        return;
      }
      try {
        authorize(withGroupRole(actor, groupId, found.groupRole), 'read', groupSubject(found.group));
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        ack(
          err.status === 403
            ? refuse('forbidden', 'Only those who may see the team hear about its meetings.')
            : refuse('not_found', 'That team was not found.'),
        );
        return;
      }
      await socket.join(teamRoom(groupId));
      ack({ ok: true, groupId });
    });

    on<LeaveAck>(ClientEvents.leave, 'other', async (raw, ack) => {
      const parsed = LeaveRequest.safeParse(raw, parseIn);
      if (!parsed.success) {
        ack(refuse('invalid', `Malformed leave request (${issueText(parsed.error)})`));
        return;
      }
      const { meetingId } = parsed.data;
      if (!local.meetings.has(meetingId)) {
        ack(refuse('not_found', 'Not in that meeting.'));
        return;
      }
      local.meetings.delete(meetingId);
      await socket.leave(meetingRoom(meetingId));
      await socket.leave(personInMeetingRoom(meetingId, actor.userId));
      if (local.language !== 'en') await socket.leave(languageInMeetingRoom(meetingId, local.language));
      schedulePresence(meetingId);
      ack({ ok: true });
    });

    on<PingAnswer>(ClientEvents.ping, 'ping', (raw, ack) => {
      const parsed = PingRequest.safeParse(raw, parseIn);
      if (!parsed.success) {
        ack(refuse('invalid', `Malformed ping (${issueText(parsed.error)})`));
        return;
      }
      ack({ ok: true, clientSent: parsed.data.clientSent, serverTime: Date.now() });
    });

    // Unknown event names: answered `invalid` when they came with an ack, rate-limited like the rest.
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
      const ack = ackOf<SocketRefusal>(args);
      try {
        const wait = takeToken(buckets, 'other', socket.id, actor.userId);
        if (wait > 0) limited(ack, wait);
        else ack(refuse('invalid', 'Unknown message'));
      } catch (err) {
        log.error(errorFacts(err), 'socket message failed');
      }
    });

    socket.on('disconnect', () => {
      try {
        locals.delete(socket.id);
        buckets.forgetSocket(socket.id);
        const left = (connectionsOf.get(actor.userId) ?? 1) - 1;
        if (left > 0) connectionsOf.set(actor.userId, left);
        else connectionsOf.delete(actor.userId);
        for (const id of local.meetings) schedulePresence(id);
      } catch (err) {
        log.error(errorFacts(err), 'socket cleanup failed');
      }
    });
  });

  // --- Sessions: ended on purpose, or expired / idle / deactivated (the periodic backstop) ---------------

  function closeRoom(room: string) {
    try {
      io.in(room).disconnectSockets(true);
    } catch (err) {
      log.error(errorFacts(err), 'closing sockets failed');
    }
  }

  let rechecking = false;
  async function recheckSessions() {
    if (rechecking) return;
    rechecking = true;
    try {
      const ids = new Set<string>();
      const touch = new Set<string>();
      for (const l of locals.values()) {
        ids.add(l.actor.sessionId);
        if (l.active) touch.add(l.actor.sessionId);
        l.active = false;
      }
      const all = [...ids];
      for (let i = 0; i < all.length; i += 1000) {
        const chunk = all.slice(i, i + 1000);
        const chunkTouch = chunk.filter((id) => touch.has(id));
        const live = await liveSessionIds(opts.db, chunk, chunkTouch, IDLE_TIMEOUT_MS);
        // Meeting guests' sessions live in `meeting_guests`: they stand while the guest's meeting runs.
        for (const id of await liveGuestSessionIds(opts.db, chunk)) live.add(id);
        const ended = new Set(chunk.filter((id) => !live.has(id)));
        if (!ended.size) continue;
        for (const socket of io.of('/').sockets.values()) {
          const l = locals.get(socket.id);
          if (l && ended.has(l.actor.sessionId)) socket.disconnect(true);
        }
      }
    } finally {
      rechecking = false;
    }
  }
  const recheckTimer = setInterval(() => {
    void recheckSessions().catch((err: unknown) => log.error(errorFacts(err), 'session recheck failed'));
    buckets.prune(5 * 60_000);
  }, SESSION_RECHECK_MS);
  recheckTimer.unref();

  return {
    io,
    sessionEnded(sessionId) {
      closeRoom(sessionRoom(sessionId));
    },
    personChanged(_districtId, userId) {
      closeRoom(personRoom(userId));
    },
    recheckSessions,
    refreshPresence: schedulePresence,
    publish(meetingId, events, districtId) {
      if (opts.crossNode && districtId !== undefined && events.length > 0) {
        const committed: z.input<typeof NodeCommitted> = { meetingId, districtId, events: [...events] };
        io.serverSideEmit(NODE_COMMITTED, committed);
      }
      if (events.some((e) => e.type === 'meeting.ended')) {
        // A guest's access ends with the meeting (DAY-FIRST-5): their sockets close once the end has reached
        // them (a moment later, so the last event is delivered first).
        setTimeout(() => closeRoom(guestsRoom(meetingId)), 1_000).unref();
      }
      const change = districtId === undefined ? null : teamMeetingChangeOf(events);
      if (districtId !== undefined && change) {
        // Only the fact that the list changed: the page reads it again over REST, where every rule applies.
        void groupIdOfMeeting(opts.db, districtId, meetingId)
          .then((groupId) => {
            if (!groupId) return;
            const signal: TeamMeetingsChanged = { groupId, meetingId, change };
            io.to(teamRoom(groupId)).emit(ServerEvents.teamMeetings, signal);
          })
          .catch((err: unknown) => log.warn(errorFacts(err), 'team meetings signal failed'));
      }
      const shared = events.filter((e) => mayReceive(e, NOBODY));
      if (shared.length === events.length) {
        if (events.some((e) => e.type === 'meeting.created')) {
          // I18N-CONTENT-6: a device already waiting in the room receives the routines in its own language.
          const spanish = languageInMeetingRoom(meetingId, 'es');
          io.to(meetingRoom(meetingId)).except(spanish).emit(ServerEvents.events, { meetingId, events });
          io.to(spanish).emit(ServerEvents.events, {
            meetingId,
            events: events.map((e) => meetingEventIn(e, 'es')),
          });
          return;
        }
        io.to(meetingRoom(meetingId)).emit(ServerEvents.events, { meetingId, events });
        return;
      }
      // Private events go whole to their author, and as a same-seq placeholder to everyone else.
      for (const e of events) {
        if (mayReceive(e, NOBODY)) {
          io.to(meetingRoom(meetingId)).emit(ServerEvents.events, { meetingId, events: [e] });
        } else {
          const author = personInMeetingRoom(meetingId, e.actorId);
          io.to(author).emit(ServerEvents.events, { meetingId, events: [e] });
          io.to(meetingRoom(meetingId))
            .except(author)
            .emit(ServerEvents.events, { meetingId, events: [redactEventFor(e, NOBODY)] });
        }
      }
    },
    async close() {
      clearInterval(recheckTimer);
      for (const t of presenceTimers.values()) clearTimeout(t);
      presenceTimers.clear();
      // Not io.close(): that closes the HTTP server too, which Fastify is already draining.
      io.disconnectSockets(true);
      io.engine.close();
      // The adapter keeps one pooled client for LISTEN: release it, or the pool never ends.
      await io.of('/').adapter.close();
      await adapterPool?.end().catch(() => undefined);
    },
  };
}
