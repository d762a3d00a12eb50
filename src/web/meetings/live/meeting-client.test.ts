/**
 * MeetingClient against an in-memory server that decides with the real core, the way the server will:
 * the queue while offline, replay with the same keys, exactly-once after a lost ack, rejections, gaps.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { MeetingCommand, MeetingEvent } from '#contracts/meeting';
import { ClientEvents, PROTOCOL_VERSION, ServerEvents } from '#contracts/realtime';
import { decide, evolve, redactEventFor, viewFor, type MeetingState } from '#core/meeting/index';
import { ANA, BEN, cmd, session, type Session } from '#core/meeting/testing';
import { MeetingClient, TIMING, type MeetingTransport, type TransportHandlers } from './meeting-client';
import { localOutboxStore, outboxStorageKey, type StorageLike } from './outbox-store';

const SERVER_AHEAD_MS = 5_000;

interface Request {
  event: string;
  payload: Record<string, unknown>;
}

/** One meeting's server: the log, `decide` for commands, redacted catch-up and pushes. */
class FakeServer {
  readonly meeting: Session = session();
  readonly sockets = new Set<FakeSocket>();
  /** Every command request received, in order (to check keys and order). */
  readonly commandsReceived: Request[] = [];
  /** Events per join ack (the server pages its catch-up, `more: true` while more follow). */
  pageSize = Number.POSITIVE_INFINITY;
  /** Answers queued for the next commands, before the server decides (e.g. a rate limit). */
  readonly commandAnswers: unknown[] = [];

  get meetingId(): string {
    return this.meeting.state.meetingId ?? '';
  }

  answer(socket: FakeSocket, { event, payload }: Request): unknown {
    if (event === ClientEvents.ping)
      return { ok: true, clientSent: payload.clientSent, serverTime: Date.now() + SERVER_AHEAD_MS };
    if (event === ClientEvents.join) {
      const lastSeq = Number(payload.lastSeq);
      socket.joinRequests.push(lastSeq);
      const after = this.meeting.events.filter((e) => e.seq > lastSeq);
      return {
        ok: true,
        meetingId: this.meetingId,
        events: after.slice(0, this.pageSize).map((e) => redactEventFor(e, socket.userId)),
        more: after.length > this.pageSize,
        serverTime: Date.now() + SERVER_AHEAD_MS,
      };
    }
    if (event === ClientEvents.command) {
      this.commandsReceived.push({ event, payload });
      if (this.commandAnswers.length) return this.commandAnswers.shift();
      const command = { ...(payload.command as object), actorId: socket.userId } as MeetingCommand;
      const decision = decide(this.meeting.state, command, { now: this.meeting.now });
      if (!decision.ok) return { ok: false, error: decision.error };
      this.append(decision.events);
      return {
        ok: true,
        events: decision.events.map((e) => redactEventFor(e, socket.userId)),
        seq: this.meeting.state.seq,
      };
    }
    return { ok: false, error: { code: 'invalid', message: `unknown ${event}` } };
  }

  /** Appends events (as `decide` or the scene made them) and pushes them to every joined socket. */
  append(events: MeetingEvent[], options: { skipPushTo?: FakeSocket } = {}): void {
    this.meeting.events.push(...events);
    this.meeting.state = events.reduce(evolve, this.meeting.state);
    for (const socket of this.sockets) {
      if (socket === options.skipPushTo || !socket.connected) continue;
      socket.push(ServerEvents.events, {
        meetingId: this.meetingId,
        events: events.map((e) => redactEventFor(e, socket.userId)),
      });
    }
  }

  /** Runs a command as someone on another device. */
  other(command: MeetingCommand, options: { skipPushTo?: FakeSocket } = {}): void {
    const decision = decide(this.meeting.state, command, { now: this.meeting.now });
    if (!decision.ok) throw new Error(decision.error.message);
    this.append(decision.events, options);
  }

  count(type: MeetingEvent['type']): number {
    return this.meeting.events.filter((e) => e.type === type).length;
  }
}

/** The transport, wired to the fake server; the test decides when it is online and whether acks get through. */
class FakeSocket implements MeetingTransport {
  connected = false;
  /** While true, the server still handles commands but the ack never reaches the client (a dropped link). */
  loseAcks = false;
  readonly joinRequests: number[] = [];
  private handlers: TransportHandlers | null = null;

  constructor(
    readonly server: FakeServer,
    readonly userId: string,
  ) {
    server.sockets.add(this);
  }

  open(handlers: TransportHandlers): void {
    this.handlers = handlers;
  }

  close(): void {
    this.handlers = null;
    this.connected = false;
  }

  goOnline(): void {
    this.connected = true;
    this.handlers?.onConnect();
  }

  goOffline(): void {
    this.connected = false;
    this.handlers?.onDisconnect('transport close');
  }

  refuse(message: string): void {
    this.handlers?.onConnectError(message);
  }

  push(event: string, payload: unknown): void {
    this.handlers?.onMessage(event, payload);
  }

  request(event: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    if (!this.connected) return Promise.reject(new Error('not connected'));
    const answer = this.server.answer(this, { event, payload: payload as Record<string, unknown> });
    if (this.loseAcks && event === ClientEvents.command) {
      // Like Socket.IO's `timeout()`: no ack in time is an error.
      return new Promise((_, reject) =>
        setTimeout(() => {
          reject(new Error('operation has timed out'));
        }, timeoutMs),
      );
    }
    // Answers arrive asynchronously, as over a network.
    return new Promise((resolve) =>
      setTimeout(() => {
        resolve(answer);
      }, 1),
    );
  }
}

/** `localStorage` as a Map: what a page reload or a new page for the meeting finds again. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** What the server would show this viewer: the client's fold must equal it. */
function serverViewFor(server: FakeServer, userId: string): ReturnType<typeof viewFor> {
  return viewFor(server.meeting.state, userId);
}

function clientView(state: MeetingState, userId: string): ReturnType<typeof viewFor> {
  return viewFor(state, userId);
}

function currentStepIdOf(client: MeetingClient): string | null {
  const state = client.getSnapshot().state;
  return state.currentStepIndex === null ? null : (state.steps[state.currentStepIndex]?.stepId ?? null);
}

describe('MeetingClient', () => {
  let server: FakeServer;
  let socket: FakeSocket;
  let client: MeetingClient;

  const settle = async (ms = 20) => {
    await vi.advanceTimersByTimeAsync(ms);
  };
  const snapshot = () => client.getSnapshot();
  const currentStepId = () => {
    const state = snapshot().state;
    return state.currentStepIndex === null ? null : (state.steps[state.currentStepIndex]?.stepId ?? null);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    server.other(cmd('startMeeting', ANA));
    socket = new FakeSocket(server, ANA);
    client = new MeetingClient({ meetingId: server.meetingId, transport: socket });
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  test('LIVE-CLIENT-1 joins with lastSeq 0, folds the log and is live; joins again with its last seq after a reconnect', async () => {
    expect(snapshot().connection).toBe('connecting');
    socket.goOnline();
    await settle();
    expect(snapshot().connection).toBe('live');
    expect(socket.joinRequests).toEqual([0]);
    expect(snapshot().state.phase).toBe('running');
    expect(clientView(snapshot().state, ANA)).toEqual(serverViewFor(server, ANA));

    socket.goOffline();
    expect(snapshot().connection).toBe('offline');
    server.other(cmd('startTimer', ANA));
    socket.goOnline();
    expect(snapshot().connection).toBe('reconnecting');
    await settle();
    expect(socket.joinRequests).toEqual([0, 2]);
    expect(snapshot().connection).toBe('live');
    expect(snapshot().state.seq).toBe(server.meeting.state.seq);
  });

  test('LIVE-CLIENT-2 commands issued offline wait in the outbox, then go out in order with the keys they were given', async () => {
    socket.goOnline();
    await settle();
    socket.goOffline();

    const first = client.send({ type: 'startTimer' });
    const second = client.send({ type: 'extendStep', minutes: 2 });
    const third = client.send({ type: 'nextStep', fromStepId: 'observe' });
    const queuedKeys = snapshot().outbox.map((e) => e.key);
    expect(queuedKeys).toHaveLength(3);
    expect(new Set(queuedKeys).size).toBe(3);
    await settle(TIMING.retryDelayMs * 3);
    expect(server.commandsReceived).toHaveLength(0);
    expect(snapshot().outbox).toHaveLength(3);

    socket.goOnline();
    await settle();
    await expect(Promise.all([first, second, third])).resolves.toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    const sent = server.commandsReceived.map(
      (r) => r.payload.command as { type: string; idempotencyKey: string },
    );
    expect(sent.map((c) => c.type)).toEqual(['startTimer', 'extendStep', 'nextStep']);
    expect(sent.map((c) => c.idempotencyKey)).toEqual(queuedKeys);
    expect(snapshot().outbox).toHaveLength(0);
    expect(currentStepId()).toBe('describe');
    expect(snapshot().state.steps[0]?.extensionsMs).toBe(2 * 60_000);
  });

  test('LIVE-CLIENT-3 exactly once: when the ack is lost the command is resent with the same key and applied once', async () => {
    socket.goOnline();
    await settle();
    socket.loseAcks = true;
    const result = client.send({ type: 'extendStep', minutes: 1 });
    await settle();
    expect(server.count('step.extended')).toBe(1); // committed, but the client never heard back

    socket.goOffline();
    socket.loseAcks = false;
    expect(snapshot().outbox).toHaveLength(1);
    socket.goOnline();
    await settle();
    await expect(result).resolves.toEqual({ ok: true });

    const keys = server.commandsReceived.map(
      (r) => (r.payload.command as { idempotencyKey: string }).idempotencyKey,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(server.count('step.extended')).toBe(1);
    expect(snapshot().state.steps[0]?.extensionsMs).toBe(60_000);
    expect(snapshot().outbox).toHaveLength(0);
  });

  test('LIVE-CLIENT-4 an ack that times out is resent with the same key; the server applies it once', async () => {
    socket.goOnline();
    await settle();
    socket.loseAcks = true;
    const result = client.send({ type: 'startTimer' });
    await settle(5);
    expect(server.count('timer.started')).toBe(1);
    socket.loseAcks = false;
    await vi.advanceTimersByTimeAsync(TIMING.commandAckTimeoutMs + TIMING.retryDelayMs + 10);
    await expect(result).resolves.toEqual({ ok: true });
    const keys = server.commandsReceived.map(
      (r) => (r.payload.command as { idempotencyKey: string }).idempotencyKey,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(server.count('timer.started')).toBe(1);
    expect(snapshot().state.steps[0]?.timer).toBe('running');
  });

  test('LIVE-CLIENT-5 a rejection removes the command, is reported (not dropped), and the next command still goes', async () => {
    socket.goOnline();
    await settle();
    const refused = client.send({ type: 'pauseTimer' }); // the timer is idle: TIMER_STATE
    const accepted = client.send({ type: 'startTimer' });
    await settle();
    await expect(refused).resolves.toMatchObject({ ok: false, error: { code: 'TIMER_STATE' } });
    await expect(accepted).resolves.toEqual({ ok: true });
    expect(snapshot().outbox).toHaveLength(0);
    const [problem] = snapshot().problems;
    expect(problem?.error.code).toBe('TIMER_STATE');
    expect(problem?.command.type).toBe('pauseTimer');

    client.dismissProblem(problem!.id);
    expect(snapshot().problems).toHaveLength(0);
  });

  test('LIVE-CLIENT-6 a stale navigation queued offline is refused STALE_STEP after the meeting moved on, never moving two steps', async () => {
    socket.goOnline();
    await settle();
    socket.goOffline();
    const stale = client.send({ type: 'nextStep', fromStepId: 'observe' });
    // Meanwhile the facilitator, on another device, already moved on.
    server.other(cmd('nextStep', ANA, { fromStepId: 'observe' }));
    socket.goOnline();
    await settle();
    await expect(stale).resolves.toMatchObject({ ok: false, error: { code: 'STALE_STEP' } });
    expect(currentStepId()).toBe('describe');
  });

  test('LIVE-CLIENT-7 a gap in pushed events is not folded over: the client joins again with its last seq and catches up', async () => {
    socket.goOnline();
    await settle();
    const seqBefore = snapshot().state.seq;
    server.other(cmd('startTimer', ANA), { skipPushTo: socket }); // this push is lost
    server.other(cmd('pauseTimer', ANA)); // this one arrives, one seq too far
    await settle();
    expect(socket.joinRequests).toEqual([0, seqBefore]);
    expect(snapshot().state.seq).toBe(server.meeting.state.seq);
    expect(clientView(snapshot().state, ANA)).toEqual(serverViewFor(server, ANA));
  });

  test('LIVE-CLIENT-8 pushes that arrive while a join is on its way are kept and folded after the catch-up', async () => {
    socket.goOnline(); // join is now in flight (answers take 1 ms)
    server.other(cmd('startTimer', ANA));
    server.other(cmd('extendStep', ANA, { minutes: 1 }));
    await settle();
    expect(snapshot().state.seq).toBe(server.meeting.state.seq);
    expect(clientView(snapshot().state, ANA)).toEqual(serverViewFor(server, ANA));
  });

  test("LIVE-CLIENT-9 someone else's private reflection arrives redacted: folded without a gap, never readable", async () => {
    socket.goOnline();
    await settle();
    server.other(cmd('writeReflection', BEN, { stepId: 'observe', text: 'BEN-PRIVATE-MARKER' }));
    await settle();
    expect(snapshot().state.seq).toBe(server.meeting.state.seq);
    expect(JSON.stringify(snapshot())).not.toContain('BEN-PRIVATE-MARKER');
  });

  test('LIVE-CLIENT-10 the clock offset comes from pings (shortest round trip)', async () => {
    socket.goOnline();
    await settle(100);
    expect(Math.abs(snapshot().clockOffsetMs - SERVER_AHEAD_MS)).toBeLessThanOrEqual(2);
  });

  test('LIVE-CLIENT-11 a join refused because the meeting is not open yet is retried until it is', async () => {
    const answer = server.answer.bind(server);
    let open = false;
    server.answer = (s, request) =>
      request.event === ClientEvents.join && !open
        ? { ok: false, error: { code: 'not_live', message: 'Not open yet' } }
        : answer(s, request);
    socket.goOnline();
    await settle();
    expect(snapshot().joinProblem?.code).toBe('not_live');
    expect(snapshot().connection).toBe('connecting');
    open = true;
    await settle(TIMING.rejoinDelayMs + 10);
    expect(snapshot().joinProblem).toBeNull();
    expect(snapshot().connection).toBe('live');
  });

  test('LIVE-CLIENT-13 a connection refused because the session ended is reported as a join problem', () => {
    socket.refuse('unauthenticated');
    expect(snapshot().joinProblem?.code).toBe('unauthenticated');
    expect(snapshot().connection).toBe('connecting');
  });

  test('LIVE-CLIENT-12 join requests carry the protocol version and this meeting', async () => {
    const seen: unknown[] = [];
    const request = socket.request.bind(socket);
    socket.request = (event, payload, timeoutMs) => {
      if (event === ClientEvents.join) seen.push(payload);
      return request(event, payload, timeoutMs);
    };
    socket.goOnline();
    await settle();
    expect(seen).toEqual([{ protocolVersion: PROTOCOL_VERSION, meetingId: server.meetingId, lastSeq: 0 }]);
  });
  describe('LIVE-CLIENT-15 the outbox is kept on this device, per meeting and person', () => {
    let storage: MemoryStorage;
    const extra: MeetingClient[] = [];
    const storeFor = (userId = ANA) => localOutboxStore(storage, server.meetingId, userId);
    const stored = (userId = ANA) => storage.getItem(outboxStorageKey(server.meetingId, userId));
    const keysSent = () =>
      server.commandsReceived.map((r) => (r.payload.command as { idempotencyKey: string }).idempotencyKey);
    /** A page for the meeting: its own socket and client over this browser's storage. */
    const openPage = (userId = ANA) => {
      const pageSocket = new FakeSocket(server, userId);
      const pageClient = new MeetingClient({
        meetingId: server.meetingId,
        transport: pageSocket,
        store: storeFor(userId),
      });
      extra.push(pageClient);
      pageClient.start();
      return { client: pageClient, socket: pageSocket };
    };

    beforeEach(() => {
      storage = new MemoryStorage();
    });
    afterEach(() => {
      for (const c of extra.splice(0)) c.stop();
    });

    test('LIVE-CLIENT-15 commands queued offline survive the page going away; a new client sends each once, with its key', async () => {
      client.stop();
      const { client: first, socket: firstSocket } = openPage();
      firstSocket.goOnline();
      await settle();
      firstSocket.goOffline();
      void first.send({ type: 'startTimer' });
      void first.send({ type: 'suggestNote', stepId: 'observe', text: 'Kept across a reload.' });
      void first.send({ type: 'extendStep', minutes: 1 });
      const issued = first.getSnapshot().outbox.map((e) => e.key);
      expect(first.getSnapshot().outbox.every((e) => e.saved)).toBe(true);
      expect(stored()).not.toBeNull();
      first.stop(); // navigating away: this client and its memory are gone

      const { client: second, socket: secondSocket } = openPage();
      expect(second.getSnapshot().outbox.map((e) => e.key)).toEqual(issued);
      secondSocket.goOnline();
      await settle();

      expect(keysSent()).toEqual(issued);
      expect(server.count('timer.started')).toBe(1);
      expect(server.count('note.suggested')).toBe(1);
      expect(server.count('step.extended')).toBe(1);
      expect(second.getSnapshot().outbox).toHaveLength(0);
      expect(second.getSnapshot().problems).toHaveLength(0);
      expect(stored()).toBeNull();
    });

    test('LIVE-CLIENT-15 a command committed before the page went away (ack lost) is replayed with its key and applied once', async () => {
      client.stop();
      const { client: first, socket: firstSocket } = openPage();
      firstSocket.goOnline();
      await settle();
      firstSocket.loseAcks = true;
      void first.send({ type: 'extendStep', minutes: 2 });
      void first.send({ type: 'startTimer' });
      await settle();
      expect(server.count('step.extended')).toBe(1); // committed; the ack never came back
      first.stop();

      const { client: second, socket: secondSocket } = openPage();
      secondSocket.goOnline();
      await settle();
      const keys = keysSent();
      expect(keys).toHaveLength(3); // extend (lost ack), extend again, then start
      expect(keys[0]).toBe(keys[1]);
      expect(server.count('step.extended')).toBe(1);
      expect(server.count('timer.started')).toBe(1);
      expect(second.getSnapshot().state.steps[0]?.extensionsMs).toBe(2 * 60_000);
      expect(stored()).toBeNull();
    });

    test('LIVE-CLIENT-15 a replayed command the server refuses is reported, not dropped silently, and forgotten', async () => {
      client.stop();
      const { client: first, socket: firstSocket } = openPage();
      firstSocket.goOnline();
      await settle();
      firstSocket.goOffline();
      void first.send({ type: 'nextStep', fromStepId: 'observe' });
      first.stop();
      server.other(cmd('nextStep', ANA, { fromStepId: 'observe' })); // another device moved on meanwhile

      const { client: second, socket: secondSocket } = openPage();
      secondSocket.goOnline();
      await settle();
      expect(second.getSnapshot().problems.map((p) => p.error.code)).toEqual(['STALE_STEP']);
      expect(second.getSnapshot().outbox).toHaveLength(0);
      expect(stored()).toBeNull();
      expect(currentStepIdOf(second)).toBe('describe');
    });

    test("LIVE-CLIENT-15 another person's waiting commands on the same browser are not theirs to send", () => {
      client.stop();
      const { client: ben } = openPage(BEN); // never online
      void ben.send({ type: 'suggestNote', stepId: 'observe', text: 'Ben, offline.' });
      expect(stored(BEN)).not.toBeNull();
      expect(openPage(ANA).client.getSnapshot().outbox).toHaveLength(0);
      expect(openPage(BEN).client.getSnapshot().outbox).toHaveLength(1);
    });

    test('LIVE-CLIENT-15 corrupt storage is cleared and the client works as if it were empty', async () => {
      client.stop();
      storage.setItem(outboxStorageKey(server.meetingId, ANA), '{not json');
      const { client: c, socket: cSocket } = openPage();
      expect(c.getSnapshot().outbox).toHaveLength(0);
      expect(stored()).toBeNull();
      cSocket.goOnline();
      await settle();
      const result = c.send({ type: 'startTimer' });
      await settle();
      await expect(result).resolves.toEqual({ ok: true });
      expect(stored()).toBeNull();
    });
  });
});

describe('MeetingClient against a server that pages, limits and refuses (TRUST-RT-CLIENT)', () => {
  let server: FakeServer;
  let socket: FakeSocket;
  let client: MeetingClient;
  const settle = async (ms = 20) => {
    await vi.advanceTimersByTimeAsync(ms);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    server.other(cmd('startMeeting', ANA));
    for (let i = 0; i < 6; i++)
      server.other(cmd('suggestNote', BEN, { stepId: 'observe', text: `note ${i}` }));
    socket = new FakeSocket(server, ANA);
    client = new MeetingClient({ meetingId: server.meetingId, transport: socket });
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  test('TRUST-RT-CLIENT-1 a paged catch-up is followed page by page from the last seq, and a push held meanwhile is folded once', async () => {
    server.pageSize = 3;
    socket.goOnline();
    // A push arrives while the catch-up is still paging: it must wait, and its seq must not be folded twice.
    server.other(cmd('suggestNote', BEN, { stepId: 'observe', text: 'during the catch-up' }));
    await settle(50);
    expect(socket.joinRequests).toEqual([0, 3, 6]);
    const snapshot = client.getSnapshot();
    expect(snapshot.connection).toBe('live');
    expect(snapshot.state.seq).toBe(server.meeting.state.seq);
    expect(snapshot.state.suggestions.map((x) => x.text)).toEqual(
      server.meeting.state.suggestions.map((x) => x.text),
    );
  });

  test('TRUST-RT-CLIENT-1 an event received twice (push and catch-up) is folded once', async () => {
    socket.goOnline();
    await settle();
    const last = server.meeting.events.at(-1);
    if (!last) throw new Error('no events');
    socket.push(ServerEvents.events, { meetingId: server.meetingId, events: [last, last] });
    await settle();
    expect(client.getSnapshot().state.suggestions).toHaveLength(6);
    expect(client.getSnapshot().state.seq).toBe(server.meeting.state.seq);
  });

  test('TRUST-RT-CLIENT-2 a rate_limited command stays first in line and is resent with its key after retryAfterMs', async () => {
    socket.goOnline();
    await settle();
    server.commandAnswers.push({
      ok: false,
      error: { code: 'rate_limited', message: 'Slow down', retryAfterMs: 400 },
    });
    const result = client.send({ type: 'startTimer' });
    await settle(20);
    expect(server.commandsReceived).toHaveLength(1);
    expect(client.getSnapshot().outbox).toHaveLength(1);
    expect(client.getSnapshot().problems).toHaveLength(0);
    await settle(300);
    expect(server.commandsReceived).toHaveLength(1); // still waiting as told
    await settle(200);
    await expect(result).resolves.toEqual({ ok: true });
    const keys = server.commandsReceived.map(
      (r) => (r.payload.command as { idempotencyKey: string }).idempotencyKey,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(client.getSnapshot().outbox).toHaveLength(0);
  });

  test('TRUST-RT-CLIENT-2 an invalid command is dropped with a problem to show, and the next one still goes', async () => {
    socket.goOnline();
    await settle();
    server.commandAnswers.push({ ok: false, error: { code: 'invalid', message: 'text: Too big' } });
    const refused = client.send({ type: 'suggestNote', stepId: 'observe', text: 'x' });
    const next = client.send({ type: 'startTimer' });
    await settle();
    await expect(refused).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    await expect(next).resolves.toEqual({ ok: true });
    expect(client.getSnapshot().problems.map((p) => p.error.code)).toEqual(['invalid']);
    expect(client.getSnapshot().outbox).toHaveLength(0);
  });

  test('TRUST-RT-CLIENT-2 a rate_limited join is asked again after retryAfterMs', async () => {
    const original = server.answer.bind(server);
    let refusals = 1;
    server.answer = (s, req) =>
      req.event === ClientEvents.join && refusals-- > 0
        ? { ok: false, error: { code: 'rate_limited', message: 'Slow down', retryAfterMs: 700 } }
        : original(s, req);
    socket.goOnline();
    await settle(20);
    expect(client.getSnapshot().connection).toBe('connecting');
    await settle(700);
    expect(client.getSnapshot().connection).toBe('live');
  });
});
