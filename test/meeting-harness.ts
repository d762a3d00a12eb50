/**
 * Helpers for the live-meeting reliability tests (docs/SPEC.md): the built app with its demo
 * district as a child process, REST calls with a session cookie, and a plain socket.io-client that tracks
 * which commands were acknowledged. They talk to the app only over HTTP and WebSocket on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { MeetingEvent } from '#contracts/meeting';
import {
  ClientEvents,
  PROTOCOL_VERSION,
  ServerEvents,
  SOCKET_PATH,
  type CommandAck,
  type JoinAck,
  type PingAck,
} from '#contracts/realtime';
import { estimateOffset, type ClockSample } from '#core/meeting/index';
import { freePort, repoRoot, startApp, waitForHealth, type RunningApp } from './app-process';

/** Builds the server bundle the tests run (`dist/cli/main.js`); the web app is not needed here. */
export function buildServer(): void {
  const res = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs'), '--server-only'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`build failed:\n${res.stdout}\n${res.stderr}`);
}

export const DEMO_TEAM = 'Grade 3 Team';
export const demoEmail = (key: 'coach' | 'teacher1' | 'teacher2' | 'teacher3') => `${key}@demo.ensemble.test`;

export interface DemoApp extends RunningApp {
  /** The shared demo password printed for this run (a new one on every start). */
  password: string;
  /** From spawn to the first healthy answer. */
  startupMs: number;
}

/** Starts `serve --demo` on `dataDir` (listening on 127.0.0.1 only) and waits until it answers. */
export async function startDemoApp(dataDir: string, onStart?: (app: RunningApp) => void): Promise<DemoApp> {
  const port = await freePort();
  const began = Date.now();
  const app = startApp({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, ['--demo']);
  onStart?.(app);
  await waitForHealth(app, 60_000);
  const startupMs = Date.now() - began;
  const password = /Shared demo password for this run: (\S+)/.exec(app.output())?.[1];
  if (!password) throw new Error(`no demo password in the output:\n${app.output()}`);
  return { ...app, password, startupMs };
}

/** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`); resolves at once if it already exited. */
export async function stopApp(app: RunningApp, graceMs = 15_000): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), graceMs);
  await app.exited;
  clearTimeout(timer);
}

export class Http {
  constructor(
    readonly base: string,
    /** The `ensemble_session` cookie's value. */
    readonly session: string,
  ) {}

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: `ensemble_session=${this.session}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}

export async function signIn(base: string, email: string, password: string): Promise<Http> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${email} -> ${res.status}: ${await res.text()}`);
  const session = /ensemble_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`sign-in ${email}: no session cookie`);
  return new Http(base, decodeURIComponent(session));
}

/** The same session against another base URL (the app restarted on a new port, or a proxy). */
export const rebase = (http: Http, base: string) => new Http(base, http.session);

export async function groupIdOf(http: Http, name: string): Promise<string> {
  const { items } = await http.request<{ items: { id: string; name: string }[] }>('GET', '/api/groups');
  const group = items.find((g) => g.name === name);
  if (!group) throw new Error(`no group "${name}" among ${items.map((g) => g.name).join(', ')}`);
  return group.id;
}

/** Schedules a Share Successes meeting and opens it live (as the team's facilitator). */
export async function openMeeting(facilitator: Http, groupId: string, title: string): Promise<string> {
  const { id } = await facilitator.request<{ id: string }>('POST', `/api/groups/${groupId}/meetings`, {
    title,
    routineId: 'share-successes',
  });
  const opened = await facilitator.request<{ status: string }>('POST', `/api/meetings/${id}/open`);
  if (opened.status !== 'live') throw new Error(`meeting ${id} is ${opened.status} after open`);
  return id;
}

export type ClientCommand = Record<string, unknown> & { type: string; idempotencyKey: string };
export const withKey = (command: Record<string, unknown> & { type: string }): ClientCommand => ({
  ...command,
  idempotencyKey: randomUUID(),
});

/**
 * One socket.io-client connection with the session cookie, no automatic reconnection (the tests reconnect
 * on purpose). A command resolves with its ack, or with `null` when the connection dropped before the ack:
 * then the command may or may not have been committed, and only a resend with the same key tells.
 */
export class LiveSocket {
  readonly socket: Socket;
  /** Every event pushed to this socket, in arrival order (duplicates kept, to be counted). */
  readonly pushed: MeetingEvent[] = [];
  /** Why the connection closed, once it has. */
  disconnectReason: string | null = null;
  private readonly waiting = new Set<(ack: null) => void>();
  private readonly samples: ClockSample[] = [];

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on(ServerEvents.events, (p: { events: MeetingEvent[] }) => {
      this.pushed.push(...p.events);
    });
    socket.on('disconnect', (reason) => {
      this.disconnectReason = reason;
      for (const settle of [...this.waiting]) settle(null);
      this.waiting.clear();
    });
  }

  static async open(base: string, http: Http, timeoutMs = 10_000): Promise<LiveSocket> {
    const socket = connect(base, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: { cookie: `ensemble_session=${http.session}` },
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('socket did not connect in time'));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('connect_error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    return new LiveSocket(socket);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Emits and waits for the ack; `null` when the connection is gone before it (or `timeoutMs` passes). */
  private ask<T>(event: string, payload: unknown, timeoutMs: number): Promise<T | null> {
    if (!this.socket.connected) return Promise.resolve(null);
    return new Promise<T | null>((resolve) => {
      let done = false;
      const settle = (answer: T | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.waiting.delete(settle);
        resolve(answer);
      };
      const timer = setTimeout(() => {
        settle(null);
      }, timeoutMs);
      this.waiting.add(settle);
      this.socket.emit(event, payload, (answer: T) => {
        settle(answer);
      });
    });
  }

  /** Joins and follows a paged catch-up (`more: true`) to the end; waits out `rate_limited` (TRUST-RT-LIMIT-1). */
  async join(meetingId: string, lastSeq: number): Promise<MeetingEvent[]> {
    const events: MeetingEvent[] = [];
    for (let seq = lastSeq; ;) {
      const ack = await this.ask<JoinAck>(
        ClientEvents.join,
        { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq: seq },
        15_000,
      );
      if (ack && !ack.ok && ack.error.code === 'rate_limited') {
        await new Promise((r) => setTimeout(r, ack.error.retryAfterMs ?? 100));
        continue;
      }
      if (!ack?.ok) throw new Error(`join ${meetingId} failed: ${JSON.stringify(ack)}`);
      events.push(...ack.events);
      if (!ack.more) return events;
      seq = ack.events.at(-1)?.seq ?? seq;
    }
  }

  /** Sends a command; a `rate_limited` answer is waited out and the same command (same key) sent again. */
  async command(meetingId: string, command: ClientCommand, timeoutMs = 15_000): Promise<CommandAck | null> {
    for (;;) {
      const ack = await this.ask<CommandAck>(ClientEvents.command, { meetingId, command }, timeoutMs);
      if (!ack || ack.ok || ack.error.code !== 'rate_limited') return ack;
      const wait = 'retryAfterMs' in ack.error ? (ack.error.retryAfterMs ?? 100) : 100;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** Like `command`, but anything but an ok ack is an error. */
  async must(
    meetingId: string,
    command: Record<string, unknown> & { type: string },
  ): Promise<MeetingEvent[]> {
    const ack = await this.command(meetingId, withKey(command));
    if (!ack?.ok) throw new Error(`${command.type} failed: ${JSON.stringify(ack)}`);
    return ack.events;
  }

  /**
   * Starts the meeting and makes sure its first step's timer runs: teams start it by themselves by default
   * (DAY-TIMER-2); a team with the setting off gets an explicit `startTimer`.
   */
  async startMeetingWithTimer(meetingId: string): Promise<void> {
    const started = await this.must(meetingId, { type: 'startMeeting' });
    if (!started.some((e) => e.type === 'timer.started')) await this.must(meetingId, { type: 'startTimer' });
  }

  /** A burst of clock pings; returns the offset to add to `Date.now()` for server time (core `estimateOffset`). */
  async syncClock(pings = 5): Promise<number> {
    this.samples.length = 0;
    for (let i = 0; i < pings; i++) {
      const clientSent = Date.now();
      const ack = await this.ask<PingAck>(ClientEvents.ping, { clientSent }, 5_000);
      if (ack?.ok) this.samples.push({ clientSent, serverTime: ack.serverTime, clientReceived: Date.now() });
    }
    return estimateOffset(this.samples);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Seqs 1..N without a gap or a repeat? Returns the problems found (empty when the log is whole). */
export function seqProblems(events: readonly MeetingEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`position ${i} holds seq ${e.seq}`);
  });
  return problems.slice(0, 10);
}

/** How often each note text occurs in a log. */
export function noteTexts(events: readonly MeetingEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events)
    if (e.type === 'note.suggested') counts.set(e.payload.text, (counts.get(e.payload.text) ?? 0) + 1);
  return counts;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with the seed it printed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` holds, polling; throws with `what` after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
  return Date.now() - began;
}
