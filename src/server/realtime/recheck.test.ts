/**
 * TRUST-REVOKE-7: the periodic backstop. Each node checks the sessions of all its sockets in one query and closes
 * the sockets of sessions that ended without a sign-out (expired, idle past the shared-device timeout, person
 * deactivated); a socket in use counts as activity for the idle timeout. TRUST-RT-6: socket data holds the session
 * hash, never the cookie's secret. The adapter is attached to a bare Fastify here, so the check can be run on cue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { ClientEvents, PROTOCOL_VERSION, SOCKET_PATH } from '#contracts/realtime';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { connectDatabase, type Database } from '../db/client';
import { districts, sessions, users } from '../db/schema';
import { createSession, IDLE_TIMEOUT_MS, SESSION_COOKIE } from '../auth/sessions';
import { hashSecret } from '../auth/tokens';
import { MeetingRuntime } from '../meetings/runtime';
import { attachRealtime, type Realtime } from './socket-server';

let testDb: TestDatabase;
let database: Database;
let app: FastifyInstance;
let realtime: Realtime;
let base = '';
let districtId = '';
const open: Socket[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = connectDatabase(testDb.url, { max: 4 });
  app = Fastify();
  const runtime = new MeetingRuntime(database, (id, events) => realtime.publish(id, events));
  realtime = attachRealtime({
    app,
    db: database.db,
    runtime: () => runtime,
    log: app.log,
    allowedOrigins: new Set(),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const [d] = await database.db.insert(districts).values({ name: 'Recheck District' }).returning();
  districtId = d!.id;
});

afterAll(async () => {
  for (const s of open) s.disconnect();
  await realtime.close();
  await app.close();
  await database.close();
  await testDb.drop();
});

async function personWithSession(key: string, persistent = false) {
  const [u] = await database.db
    .insert(users)
    .values({ districtId, email: `${key}@recheck.test`, name: key })
    .returning();
  const session = await createSession(database.db, u!, 'recheck-test', { persistent });
  return { user: u!, secret: session.secret, sessionId: hashSecret(session.secret) };
}

async function socketWith(secret: string): Promise<Socket> {
  const s = connect(base, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie: `${SESSION_COOKIE}=${secret}` },
  });
  open.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

const until = async (check: () => boolean, ms = 1_000) => {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > ms) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

describe('TRUST-REVOKE-7: the periodic session check', () => {
  it('closes the sockets of an expired session, of an idle shared-device session and of a deactivated person; keeps the rest', async () => {
    const expired = await personWithSession('expired');
    const idle = await personWithSession('idle');
    const idleButKept = await personWithSession('kept', true);
    const deactivated = await personWithSession('deactivated');
    const fine = await personWithSession('fine');
    const sockets = {
      expired: await socketWith(expired.secret),
      idle: await socketWith(idle.secret),
      idleButKept: await socketWith(idleButKept.secret),
      deactivated: await socketWith(deactivated.secret),
      fine: await socketWith(fine.secret),
    };
    await realtime.recheckSessions();
    expect(Object.values(sockets).every((s) => s.connected)).toBe(true);

    const longAgo = new Date(Date.now() - IDLE_TIMEOUT_MS - 60_000);
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.id, expired.sessionId));
    for (const p of [idle, idleButKept])
      await database.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.id, p.sessionId));
    await database.db
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(eq(users.id, deactivated.user.id));

    await realtime.recheckSessions();
    expect(await until(() => !sockets.expired.connected)).toBe(true);
    expect(await until(() => !sockets.idle.connected)).toBe(true);
    expect(await until(() => !sockets.deactivated.connected)).toBe(true);
    expect(sockets.fine.connected).toBe(true);
    expect(sockets.idleButKept.connected).toBe(true); // "keep me signed in" has no idle timeout
  });

  it('TRUST-RT-7: a person at work on a socket is activity (a join or a command), the client’s own pings are not', async () => {
    const p = await personWithSession('busy');
    const s = await socketWith(p.secret);
    const pinger = await personWithSession('pinger');
    const ps = await socketWith(pinger.secret);
    const longAgo = new Date(Date.now() - IDLE_TIMEOUT_MS + 5_000);
    for (const q of [p, pinger])
      await database.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.id, q.sessionId));
    // Any join counts, even one answered not_found: the person did something.
    await s.timeout(2_000).emitWithAck(ClientEvents.join, {
      protocolVersion: PROTOCOL_VERSION,
      meetingId: randomUUID(),
      lastSeq: 0,
    });
    await ps.timeout(2_000).emitWithAck(ClientEvents.ping, { clientSent: Date.now() });
    await realtime.recheckSessions();
    const [row] = await database.db
      .select({ lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(eq(sessions.id, p.sessionId));
    expect(row!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(s.connected).toBe(true);
    const [pinged] = await database.db
      .select({ lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(eq(sessions.id, pinger.sessionId));
    expect(pinged!.lastSeenAt.getTime()).toBe(longAgo.getTime());
  });
});

describe('CAP-LIVE-9: the sweep writes only what is due', () => {
  it('CAP-LIVE-9: an active session touched less than a minute ago is not rewritten by the sweep; one touched earlier is', async () => {
    const recent = await personWithSession('recent');
    const stale = await personWithSession('stale');
    const sockets = [await socketWith(recent.secret), await socketWith(stale.secret)];
    const seenRecently = new Date(Date.now() - 20_000);
    const seenEarlier = new Date(Date.now() - 2 * 60_000);
    await database.db
      .update(sessions)
      .set({ lastSeenAt: seenRecently })
      .where(eq(sessions.id, recent.sessionId));
    await database.db
      .update(sessions)
      .set({ lastSeenAt: seenEarlier })
      .where(eq(sessions.id, stale.sessionId));
    for (const socket of sockets)
      await socket.timeout(2_000).emitWithAck(ClientEvents.join, {
        protocolVersion: PROTOCOL_VERSION,
        meetingId: randomUUID(),
        lastSeq: 0,
      });
    await realtime.recheckSessions();
    const lastSeen = async (id: string) =>
      (
        await database.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, id))
      )[0]!.at.getTime();
    expect(await lastSeen(recent.sessionId)).toBe(seenRecently.getTime());
    expect(await lastSeen(stale.sessionId)).toBeGreaterThan(Date.now() - 10_000);
    for (const socket of sockets) expect(socket.connected).toBe(true);
  });
});

describe('TRUST-RT-6: socket data', () => {
  it('TRUST-RT-6, TRUST-RT-6b: holds the session hash and never the cookie secret, in its data or handshake', async () => {
    const p = await personWithSession('data');
    await socketWith(p.secret);
    const found = await realtime.io.fetchSockets();
    const mine = found.filter((s) => JSON.stringify(s.data).includes(p.user.id));
    expect(mine).toHaveLength(1);
    const text = JSON.stringify(mine[0]!.data);
    expect(text).toContain(p.sessionId);
    expect(text).not.toContain(p.secret);
    // What the cluster adapter serializes for other nodes: the data and the whole handshake (headers too).
    const handshake: unknown = mine[0]!.handshake;
    const data: unknown = mine[0]!.data;
    const wire = JSON.stringify({ data, handshake });
    expect(wire).toContain(p.user.id);
    expect(wire).not.toContain(p.secret);
  });
});
