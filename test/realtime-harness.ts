/**
 * Helpers for the realtime attack tests (docs/SPEC.md, TRUST-RT / TRUST-REVOKE): a district with teams seeded
 * straight into a test database (sessions made without argon2), the built app as a child process on that
 * database, and a socket.io-client wrapper that keeps every pushed event with its arrival time, follows paged
 * catch-ups (`more: true`) and answers `null` for an ack that never came.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { MeetingEvent } from '#contracts/meeting';
import { ClientEvents, PROTOCOL_VERSION, ServerEvents, SOCKET_PATH } from '#contracts/realtime';
import { createSession, SESSION_COOKIE } from '../src/server/auth/sessions';
import { connectDatabase, type Database, type Db } from '../src/server/db/client';
import { createTestDatabase, type TestDatabase } from './db';
import { buildServer } from './meeting-harness';
import { districts, groupMembers, groups, schools, users } from '../src/server/db/schema';
import { freePort, startApp, waitForHealth, type RunningApp } from './app-process';

export interface SeededPerson {
  id: string;
  districtId: string;
  name: string;
  email: string;
  /** The session cookie's value (one session per person; `newSession` makes more). */
  secret: string;
}

export interface SeededTeam {
  id: string;
  facilitator: SeededPerson;
  members: SeededPerson[];
}

export interface Seeded {
  districtId: string;
  admin: SeededPerson;
  teams: SeededTeam[];
}

/** A district, one school, teams of a facilitator and `members` members each, and an admin: all signed in. */
export async function seedDistrict(
  db: Db,
  opts: { name: string; teams: { name: string; members: number }[] },
): Promise<Seeded> {
  const tag = randomUUID().slice(0, 8);
  const [district] = await db.insert(districts).values({ name: opts.name }).returning();
  if (!district) throw new Error('no district');
  const [school] = await db.insert(schools).values({ districtId: district.id, name: 'School' }).returning();
  if (!school) throw new Error('no school');
  const person = async (key: string, role: 'district_admin' | 'member' = 'member'): Promise<SeededPerson> => {
    const email = `${key}-${tag}@rt.test`;
    const [u] = await db
      .insert(users)
      .values({ districtId: district.id, email, name: key, districtRole: role, emailVerifiedAt: new Date() })
      .returning();
    if (!u) throw new Error('no user');
    const { secret } = await createSession(db, u, 'realtime-test');
    return { id: u.id, districtId: district.id, name: key, email, secret };
  };
  const admin = await person('admin', 'district_admin');
  const teams: SeededTeam[] = [];
  for (const [t, spec] of opts.teams.entries()) {
    const [g] = await db
      .insert(groups)
      .values({
        districtId: district.id,
        schoolId: school.id,
        kind: 'teacher_team',
        focus: 'plc',
        name: spec.name,
      })
      .returning();
    if (!g) throw new Error('no group');
    const facilitator = await person(`t${t}-lead`);
    await db
      .insert(groupMembers)
      .values({ districtId: district.id, groupId: g.id, userId: facilitator.id, role: 'facilitator' });
    const members: SeededPerson[] = [];
    for (let i = 0; i < spec.members; i++) {
      const m = await person(`t${t}-m${i}`);
      await db
        .insert(groupMembers)
        .values({ districtId: district.id, groupId: g.id, userId: m.id, role: 'member' });
      members.push(m);
    }
    teams.push({ id: g.id, facilitator, members });
  }
  return { districtId: district.id, admin, teams };
}

/** Another session of the same person (a second device). */
export async function newSession(db: Db, p: SeededPerson): Promise<SeededPerson> {
  const { secret } = await createSession(db, p, 'realtime-test-2');
  return { ...p, secret };
}

export interface ChildApp extends RunningApp {
  /** PUBLIC_URL of the app: the Origin a browser page of this app sends. */
  origin: string;
  stop(): Promise<void>;
}

/** The built app (`dist/cli/main.js serve`) on an existing, migrated database, listening on 127.0.0.1. */
export async function startChildApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildApp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'ensemble-rt-'));
  const app = startApp({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PUBLIC_URL: origin,
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    await waitForHealth(app, 60_000);
  } catch (err) {
    app.child.kill('SIGKILL');
    throw err;
  }
  return {
    ...app,
    origin,
    async stop() {
      if (app.child.exitCode === null && app.child.signalCode === null) {
        app.child.kill('SIGTERM');
        const timer = setTimeout(() => app.child.kill('SIGKILL'), 10_000);
        await app.exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A REST call to a running app with a person's session (and the app's own Origin, as its pages send). */
export async function rest<T>(
  base: string,
  who: SeededPerson,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${who.secret}`, origin: base };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Schedules a Share Successes meeting for a team and opens it live (as its facilitator). */
export async function openLiveMeeting(base: string, team: SeededTeam, title: string): Promise<string> {
  const { id } = await rest<{ id: string }>(
    base,
    team.facilitator,
    'POST',
    `/api/groups/${team.id}/meetings`,
    {
      title,
      routineId: 'share-successes',
    },
  );
  const opened = await rest<{ status: string }>(
    base,
    team.facilitator,
    'POST',
    `/api/meetings/${id}/open`,
    {},
  );
  if (opened.status !== 'live') throw new Error(`meeting ${id} is ${opened.status} after open`);
  return id;
}

/** What an ack looks like to these tests: ok, or a coded error (`retryAfterMs` with `rate_limited`). */
export type AnyAck =
  | { ok: true; events?: MeetingEvent[]; more?: boolean; seq?: number; [k: string]: unknown }
  | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };

export function isErrorAck(a: unknown): a is { ok: false; error: { code: string; message: string } } {
  if (typeof a !== 'object' || a === null) return false;
  const r = a as Record<string, unknown>;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

export const codeOf = (a: unknown): string =>
  isErrorAck(a) ? a.error.code : a === null ? 'no_ack' : (a as { ok?: unknown }).ok === true ? 'ok' : 'other';

export interface Received {
  at: number;
  event: MeetingEvent;
}

/**
 * One socket.io-client connection (websocket, no automatic reconnection) with a session cookie and the app's
 * Origin. It keeps every event pushed to it with its arrival time (`performance.now()`), per meeting, and the
 * seqs it holds from pushes and join catch-ups.
 */
export class RtClient {
  readonly pushed: Received[] = [];
  readonly held = new Map<string, Set<number>>();
  /** When each `<meetingId>:<seq>` was first pushed to this client (`performance.now()`). */
  readonly arrivals = new Map<string, number>();
  disconnectedAt: number | null = null;
  disconnectReason: string | null = null;
  private readonly waiting = new Set<(a: null) => void>();

  private constructor(readonly socket: Socket) {
    socket.on(ServerEvents.events, (p: { meetingId: string; events: MeetingEvent[] }) => {
      const at = performance.now();
      for (const event of p.events) {
        const r = { at, event };
        this.pushed.push(r);
        const key = `${p.meetingId}:${event.seq}`;
        if (!this.arrivals.has(key)) this.arrivals.set(key, at);
        this.hold(p.meetingId, event.seq);
      }
    });
    socket.on('disconnect', (reason) => {
      this.disconnectedAt = performance.now();
      this.disconnectReason = reason;
      for (const settle of [...this.waiting]) settle(null);
      this.waiting.clear();
    });
  }

  static async open(
    base: string,
    secret: string,
    opts: { origin?: string | null; timeoutMs?: number } = {},
  ): Promise<RtClient> {
    const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${secret}` };
    const origin = opts.origin === undefined ? base : opts.origin;
    if (origin !== null) headers.origin = origin;
    const socket = connect(base, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
      timeout: opts.timeoutMs ?? 10_000,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
    return new RtClient(socket);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  hold(meetingId: string, seq: number): void {
    let set = this.held.get(meetingId);
    if (!set) this.held.set(meetingId, (set = new Set()));
    set.add(seq);
  }

  /** The highest seq up to which this client holds every event (what it passes as `lastSeq`). */
  contiguous(meetingId: string): number {
    const set = this.held.get(meetingId);
    let n = 0;
    while (set?.has(n + 1)) n++;
    return n;
  }

  /** Seqs missing below the highest held one. */
  gaps(meetingId: string, upTo?: number): number[] {
    const set = this.held.get(meetingId) ?? new Set<number>();
    const max = upTo ?? Math.max(0, ...set);
    const out: number[] = [];
    for (let s = 1; s <= max; s++) if (!set.has(s)) out.push(s);
    return out;
  }

  /** Emits with an ack; resolves `null` if the connection drops first or `timeoutMs` passes. */
  ask(event: string, payload: unknown, timeoutMs = 10_000): Promise<unknown> {
    if (!this.socket.connected) return Promise.resolve(null);
    return new Promise<unknown>((resolve) => {
      let done = false;
      const settle = (answer: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.waiting.delete(settle);
        resolve(answer);
      };
      const timer = setTimeout(() => settle(null), timeoutMs);
      this.waiting.add(settle);
      try {
        this.socket.emit(event, payload, (answer: unknown) => settle(answer));
      } catch (err) {
        // The client could not serialize it (e.g. a cycle): nothing was sent.
        settle({ clientError: String(err) });
      }
    });
  }

  /** Joins from `lastSeq`, following paged catch-ups; the ack of the last page (events: all pages). */
  async join(meetingId: string, lastSeq: number, timeoutMs = 10_000): Promise<AnyAck | null> {
    const all: MeetingEvent[] = [];
    let from = lastSeq;
    for (let page = 0; page < 10_000; page++) {
      const ack = (await this.ask(
        ClientEvents.join,
        { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq: from },
        timeoutMs,
      )) as AnyAck | null;
      if (!ack || !ack.ok) return ack;
      const events = ack.events ?? [];
      for (const e of events) this.hold(meetingId, e.seq);
      all.push(...events);
      if (ack.more !== true) return { ...ack, events: all };
      from = events.length ? (events[events.length - 1]?.seq ?? from) : from;
    }
    throw new Error('catch-up never ended');
  }

  /** A join that must succeed; a `rate_limited` answer is waited out (as the web client does). */
  async mustJoin(meetingId: string, lastSeq = 0): Promise<MeetingEvent[]> {
    let ack = await this.join(meetingId, lastSeq);
    for (let i = 0; i < 20 && ack && !ack.ok && ack.error.code === 'rate_limited'; i++) {
      await sleep(ack.error.retryAfterMs ?? 100);
      ack = await this.join(meetingId, lastSeq);
    }
    if (!ack?.ok) throw new Error(`join ${meetingId} failed: ${JSON.stringify(ack)}`);
    return ack.events ?? [];
  }

  command(meetingId: string, command: Record<string, unknown>, timeoutMs = 10_000): Promise<AnyAck | null> {
    return this.ask(
      ClientEvents.command,
      { meetingId, command: { idempotencyKey: randomUUID(), ...command } },
      timeoutMs,
    ) as Promise<AnyAck | null>;
  }

  /** A command that must be accepted; its events are held. */
  async must(meetingId: string, command: Record<string, unknown>): Promise<MeetingEvent[]> {
    const ack = await this.command(meetingId, command);
    if (!ack?.ok) throw new Error(`${String(command.type)} failed: ${JSON.stringify(ack)}`);
    for (const e of ack.events ?? []) this.hold(meetingId, e.seq);
    return ack.events ?? [];
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Nearest-rank percentile of `values` (0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const began = performance.now();
  while (!check()) {
    if (performance.now() - began > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
  return performance.now() - began;
}

/** The step ids of a meeting, from its first event. */
export function stepIdsOf(created: MeetingEvent | undefined): string[] {
  if (created?.type !== 'meeting.created') throw new Error('first event is not meeting.created');
  return created.payload.routine.steps.map((s) => s.id);
}

/**
 * The built app as a child process on a test database of its own, for one test file: started before its
 * tests, stopped (with every client the file opened) after them. Read `app` and `database` inside tests.
 */
export function useChildApp(): { readonly app: ChildApp; readonly database: Database; clients: RtClient[] } {
  let testDb: TestDatabase | undefined;
  let database: Database | undefined;
  let app: ChildApp | undefined;
  const clients: RtClient[] = [];
  beforeAll(async () => {
    buildServer();
    testDb = await createTestDatabase();
    database = connectDatabase(testDb.url, { max: 2 });
    app = await startChildApp(testDb.url);
  }, 240_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await app?.stop();
    await database?.close();
    await testDb?.drop();
  }, 60_000);
  return {
    get app() {
      if (!app) throw new Error('the app has not started (useChildApp runs in beforeAll)');
      return app;
    },
    get database() {
      if (!database) throw new Error('the database is not ready (useChildApp runs in beforeAll)');
      return database;
    },
    clients,
  };
}
