/**
 * The live meeting, seen from one browser: a framework-free client over a small transport interface
 * (Socket.IO in the app, an in-memory fake in tests), so the rules below are tested without a network.
 *
 * - State is the fold of the meeting's log (core `evolve`), as the server redacted it for this viewer.
 *   A gap in the log (a push was lost) is never folded over: the client joins again with its last seq.
 * - Commands go through an outbox. Each gets its idempotency key when it is issued and keeps it for good, so
 *   a command that is resent (after a reconnect, a lost ack, a timeout) is applied by the server exactly once.
 *   Commands are sent one at a time, in the order they were issued; an ack removes one, a rejection removes
 *   it and is reported in `problems` (never silently dropped); a command issued offline waits in the outbox.
 * - With a store (`outbox-store.ts`), the outbox is also kept on this device, per meeting and person: a new
 *   client for the same meeting (the page opened again, a reload) picks up what was still waiting and sends
 *   it with the keys it was issued with.
 * - Server time comes from pings (core `estimateOffset`): a burst on every connection, one every 30 s.
 *
 * React reads it with `useSyncExternalStore(client.subscribe, client.getSnapshot)`.
 */
import type {
  ClientMeetingCommand,
  MeetingCommandBody,
  MeetingEvent,
  MeetingRejection,
} from '#contracts/meeting';
import {
  ClientEvents,
  CommandAck,
  EventsPush,
  JoinAck,
  PingAck,
  Presence,
  PROTOCOL_VERSION,
  ServerEvents,
  type SocketError,
} from '#contracts/realtime';
import {
  estimateOffset,
  evolve,
  initialMeetingState,
  MeetingLogGapError,
  type ClockSample,
  type MeetingState,
} from '#core/meeting/index';
import { newIdempotencyKey } from './idempotency';
import type { OutboxStore } from './outbox-store';

// ---------------------------------------------------------------------------------------------------------
// Transport

export interface TransportHandlers {
  /** Fires on every (re)connection; the client then joins again with its last seq. */
  onConnect(): void;
  onDisconnect(reason: string): void;
  /** The connection could not be made; `message` is the server's refusal (`unauthenticated`) or a network error. */
  onConnectError(message: string): void;
  /** A server push (`meeting:events`, `meeting:presence`), still unvalidated. */
  onMessage(event: string, payload: unknown): void;
}

/** What the client needs from a socket: connect, be told about (dis)connections and pushes, ask with an ack. */
export interface MeetingTransport {
  open(handlers: TransportHandlers): void;
  close(): void;
  /** Emits and waits for the ack; rejects when not connected, on a timeout, or when the connection drops. */
  request(event: string, payload: unknown, timeoutMs: number): Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------------------
// Snapshot

/**
 * `connecting`: never joined yet. `live`: joined and in step with the server. `offline`: the connection is
 * lost (Socket.IO keeps trying). `reconnecting`: connected again, catching up before it is live.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export type CommandError = MeetingRejection | SocketError;
export type CommandResult = { ok: true } | { ok: false; error: CommandError };

/** A command as the UI issues it: the client adds the idempotency key (and the server the actor). */
export type CommandBody = MeetingCommandBody;

export interface OutboxEntry {
  readonly key: string;
  readonly command: ClientMeetingCommand;
  readonly issuedAt: number;
  /** Also kept on this device (survives leaving the page or a reload); false: in this tab's memory only. */
  readonly saved: boolean;
}

/** A command the server refused; it stays here until the person has seen it (`dismissProblem`). */
export interface CommandProblem {
  readonly id: number;
  readonly command: ClientMeetingCommand;
  readonly error: CommandError;
}

export interface PresentPerson {
  readonly userId: string;
  readonly name: string;
}

export interface MeetingClientSnapshot {
  readonly meetingId: string;
  readonly connection: ConnectionStatus;
  /** Why the server did not let us join (not open yet, no access, app too old); null otherwise. */
  readonly joinProblem: SocketError | null;
  readonly state: MeetingState;
  readonly present: readonly PresentPerson[];
  /** Commands not acknowledged yet, oldest first (the first may be on its way). */
  readonly outbox: readonly OutboxEntry[];
  readonly problems: readonly CommandProblem[];
  /** Add to `Date.now()` to get server time. */
  readonly clockOffsetMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// Client

export interface MeetingClientOptions {
  meetingId: string;
  transport: MeetingTransport;
  /** The client's clock; tests pass their own. */
  now?: () => number;
  /** Keeps the outbox on this device (see outbox-store.ts); without it, the outbox lives in memory only. */
  store?: OutboxStore | null;
  /** `projector`: a shared screen, sent no private reflection at all (DAY-PROJ-3). */
  view?: 'device' | 'projector';
}

export const TIMING = {
  commandAckTimeoutMs: 10_000,
  joinAckTimeoutMs: 10_000,
  pingTimeoutMs: 5_000,
  /** Wait before resending after a timeout or a passing server problem (`unavailable`). */
  retryDelayMs: 1_000,
  /** The meeting is not open yet, or the server is busy: ask again this often. */
  rejoinDelayMs: 5_000,
  pingEveryMs: 30_000,
  pingsPerBurst: 4,
  samplesKept: 10,
} as const;

/** Join refusals that pass by themselves: keep asking. The others (no access, too old) need a person. */
const PASSING_JOIN_PROBLEMS: ReadonlySet<SocketError['code']> = new Set([
  'not_live',
  'unavailable',
  'rate_limited',
]);

/** A server's `retryAfterMs` is followed, within reason (a bad value must not stall or spin the client). */
const retryDelay = (error: { retryAfterMs?: number | undefined }, fallback: number) =>
  Math.min(Math.max(error.retryAfterMs ?? fallback, 50), 60_000);

interface PendingCommand extends OutboxEntry {
  readonly settle: (result: CommandResult) => void;
}

type Listener = () => void;

export class MeetingClient {
  readonly meetingId: string;
  private readonly transport: MeetingTransport;
  private readonly now: () => number;
  private readonly store: OutboxStore | null;
  private readonly view: 'device' | 'projector';

  private state: MeetingState = initialMeetingState;
  private connection: ConnectionStatus = 'connecting';
  private joinProblem: SocketError | null = null;
  private present: readonly PresentPerson[] = [];
  private outbox: PendingCommand[] = [];
  private problems: CommandProblem[] = [];
  private samples: ClockSample[] = [];
  private clockOffsetMs = 0;

  private started = false;
  private connected = false;
  private everLive = false;
  /** Joined on the current connection: commands may be sent. */
  private joined = false;
  /** Bumped on every connect and disconnect, so an answer that belongs to an earlier connection is ignored. */
  private generation = 0;
  private joinInFlight = false;
  private joinAgain = false;
  /** Pushes that arrive while a join is on its way; folded after its catch-up. */
  private heldPushes: MeetingEvent[] = [];
  private sending: PendingCommand | null = null;
  private nextProblemId = 1;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  private readonly listeners = new Set<Listener>();
  private snapshot: MeetingClientSnapshot;

  constructor(options: MeetingClientOptions) {
    this.meetingId = options.meetingId;
    this.transport = options.transport;
    this.now = options.now ?? Date.now;
    this.store = options.store ?? null;
    this.view = options.view ?? 'device';
    // Whatever an earlier client for this meeting and person left waiting is sent first, in its order. Whoever
    // issued it is gone, so nobody awaits the answer; a refusal still reaches `problems`.
    this.outbox = (this.store?.load() ?? []).map((entry) => ({
      ...entry,
      saved: true,
      settle: () => undefined,
    }));
    this.snapshot = this.buildSnapshot();
  }

  // --- React-facing API -----------------------------------------------------------------------------

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): MeetingClientSnapshot => this.snapshot;

  /** Opens the connection. Safe to call again after `stop` (React's strict mode mounts twice). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.transport.open({
      onConnect: () => {
        this.handleConnect();
      },
      onDisconnect: () => {
        this.handleDisconnect();
      },
      onConnectError: (message) => {
        this.handleConnectError(message);
      },
      onMessage: (event, payload) => {
        this.handleMessage(event, payload);
      },
    });
    this.pingTimer = setInterval(() => {
      if (this.joined) void this.ping(this.generation);
    }, TIMING.pingEveryMs);
  }

  /** Closes the connection. The outbox is kept: `start` again sends what is still waiting. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.transport.close();
    this.handleDisconnect();
  }

  /**
   * Issues a command. It is queued at once (with its idempotency key) and sent when the client is live;
   * the promise settles with the server's answer, however long that takes.
   */
  send(body: CommandBody): Promise<CommandResult> {
    return new Promise<CommandResult>((settle) => {
      const key = newIdempotencyKey();
      const command: ClientMeetingCommand = { ...body, idempotencyKey: key };
      const issuedAt = this.now();
      const saved = this.store?.add({ key, command, issuedAt }) ?? false;
      this.outbox.push({ key, command, issuedAt, saved, settle });
      this.changed();
      this.pump();
    });
  }

  dismissProblem(id: number): void {
    const before = this.problems.length;
    this.problems = this.problems.filter((p) => p.id !== id);
    if (this.problems.length !== before) this.changed();
  }

  // --- Connection ------------------------------------------------------------------------------------

  private handleConnect(): void {
    this.generation += 1;
    this.connected = true;
    this.joined = false;
    this.joinInFlight = false;
    this.joinAgain = false;
    this.heldPushes = [];
    this.sending = null;
    this.samples = [];
    this.connection = this.everLive ? 'reconnecting' : 'connecting';
    this.changed();
    this.join();
    void this.pingBurst(this.generation);
  }

  private handleDisconnect(): void {
    this.generation += 1;
    const wasConnected = this.connected;
    this.connected = false;
    this.joined = false;
    this.joinInFlight = false;
    // Whatever was on its way may or may not have been committed: it is sent again, with the same key.
    this.sending = null;
    this.present = [];
    if (this.everLive || wasConnected) this.connection = 'offline';
    this.changed();
  }

  private handleConnectError(message: string): void {
    // Only a refusal by the server is worth saying; a network error is what `offline` already says.
    if (message === 'unauthenticated' || message === 'unavailable') {
      this.joinProblem = { code: message, message };
      this.changed();
    }
  }

  private join(): void {
    if (!this.connected) return;
    if (this.joinInFlight) {
      this.joinAgain = true;
      return;
    }
    this.joinInFlight = true;
    const generation = this.generation;
    const clientSent = this.now();
    const request = {
      protocolVersion: PROTOCOL_VERSION,
      meetingId: this.meetingId,
      lastSeq: this.state.seq,
      ...(this.view === 'projector' && { view: this.view }),
    };
    this.transport.request(ClientEvents.join, request, TIMING.joinAckTimeoutMs).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.joinInFlight = false;
        this.onJoinAnswer(answer, clientSent, request.lastSeq);
      },
      () => {
        if (generation !== this.generation) return;
        this.joinInFlight = false;
        this.later(() => {
          if (generation === this.generation) this.join();
        }, TIMING.retryDelayMs);
      },
    );
  }

  private onJoinAnswer(answer: unknown, clientSent: number, lastSeq: number): void {
    const generation = this.generation;
    const parsed = JoinAck.safeParse(answer);
    if (!parsed.success || !parsed.data.ok) {
      const problem: SocketError =
        parsed.success && !parsed.data.ok
          ? parsed.data.error
          : { code: 'invalid', message: 'The server sent an answer this app does not understand' };
      this.joinProblem = problem;
      this.changed();
      if (PASSING_JOIN_PROBLEMS.has(problem.code)) {
        this.later(
          () => {
            if (generation === this.generation) this.join();
          },
          problem.code === 'rate_limited' ? retryDelay(problem, TIMING.rejoinDelayMs) : TIMING.rejoinDelayMs,
        );
      }
      return;
    }
    this.addSample({ clientSent, serverTime: parsed.data.serverTime, clientReceived: this.now() });

    const held = this.heldPushes;
    this.heldPushes = [];
    if (this.fold(parsed.data.events) === 'gap') {
      this.state = initialMeetingState;
      if (lastSeq === 0) {
        // Even the whole log has a hole: nothing a retry can mend.
        this.joinProblem = { code: 'invalid', message: 'The meeting log could not be read' };
        this.changed();
        return;
      }
      // The catch-up does not continue our log, so ours cannot be trusted: start again from nothing.
      this.changed();
      this.join();
      return;
    }
    if (parsed.data.more) {
      // A paged catch-up: ask for the next page from our new last seq; pushes wait until the last page.
      this.heldPushes = held;
      this.changed();
      this.join();
      return;
    }
    this.joined = true;
    this.joinProblem = null;
    this.everLive = true;
    this.connection = 'live';
    const gap = this.fold(held) === 'gap';
    this.changed();
    if (gap || this.joinAgain) {
      this.joinAgain = false;
      this.join();
    }
    this.pump();
  }

  private handleMessage(event: string, payload: unknown): void {
    if (event === ServerEvents.presence) {
      const parsed = Presence.safeParse(payload);
      if (parsed.success && parsed.data.meetingId === this.meetingId) {
        this.present = parsed.data.present;
        this.changed();
      }
      return;
    }
    if (event !== ServerEvents.events) return;
    const parsed = EventsPush.safeParse(payload);
    if (!parsed.success) {
      // Unreadable push: what it held comes back with the next join's catch-up.
      this.join();
      return;
    }
    if (parsed.data.meetingId !== this.meetingId) return;
    if (!this.joined || this.joinInFlight) {
      this.heldPushes.push(...parsed.data.events);
      return;
    }
    const gap = this.fold(parsed.data.events) === 'gap';
    this.changed();
    if (gap) this.join();
  }

  /** Folds events in seq order; stops at a gap (keeping what came before it) and says so. */
  private fold(events: readonly MeetingEvent[]): 'ok' | 'gap' {
    const ordered = [...events].sort((a, b) => a.seq - b.seq);
    let state = this.state;
    try {
      for (const event of ordered) state = evolve(state, event);
      return 'ok';
    } catch (error) {
      if (error instanceof MeetingLogGapError) return 'gap';
      throw error;
    } finally {
      this.state = state;
    }
  }

  // --- Outbox ----------------------------------------------------------------------------------------

  /** Sends the oldest waiting command, if the client is live and nothing else is on its way. */
  private pump(): void {
    if (!this.joined || this.sending !== null) return;
    const entry = this.outbox[0];
    if (!entry) return;
    this.sending = entry;
    const generation = this.generation;
    const request = { meetingId: this.meetingId, command: entry.command };
    this.transport.request(ClientEvents.command, request, TIMING.commandAckTimeoutMs).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.acknowledged(entry, answer);
      },
      () => {
        // Timed out, or the connection dropped: send it again (same key) unless a reconnect will.
        if (generation !== this.generation) return;
        this.sending = null;
        this.later(() => {
          this.pump();
        }, TIMING.retryDelayMs);
      },
    );
  }

  private acknowledged(entry: PendingCommand, answer: unknown): void {
    this.sending = null;
    const parsed = CommandAck.safeParse(answer);
    if (parsed.success && !parsed.data.ok) {
      const { error } = parsed.data;
      // The server could not commit right now, or asks us to slow down: the command is still wanted, so it
      // stays first in line and goes again (with its key) after the wait the server named.
      if (error.code === 'unavailable' || error.code === 'rate_limited') {
        const wait =
          error.code === 'rate_limited' && 'retryAfterMs' in error
            ? retryDelay(error, TIMING.retryDelayMs)
            : TIMING.retryDelayMs;
        this.later(() => {
          this.pump();
        }, wait);
        return;
      }
    }
    this.outbox = this.outbox.filter((e) => e !== entry);
    this.store?.remove(entry.key);
    if (parsed.success && parsed.data.ok) {
      const gap = this.fold(parsed.data.events) === 'gap';
      entry.settle({ ok: true });
      this.changed();
      // The ack can overtake the push of events before it; the catch-up fills them in.
      if (gap) this.join();
    } else {
      const error: CommandError =
        parsed.success && !parsed.data.ok
          ? parsed.data.error
          : { code: 'invalid', message: 'The server sent an answer this app does not understand' };
      this.problems = [...this.problems, { id: this.nextProblemId++, command: entry.command, error }];
      entry.settle({ ok: false, error });
      this.changed();
    }
    this.pump();
  }

  // --- Clock -----------------------------------------------------------------------------------------

  private async pingBurst(generation: number): Promise<void> {
    for (let i = 0; i < TIMING.pingsPerBurst && generation === this.generation; i++) {
      await this.ping(generation);
    }
  }

  private async ping(generation: number): Promise<void> {
    const clientSent = this.now();
    try {
      const answer = await this.transport.request(ClientEvents.ping, { clientSent }, TIMING.pingTimeoutMs);
      const parsed = PingAck.safeParse(answer);
      if (!parsed.success || generation !== this.generation) return;
      this.addSample({ clientSent, serverTime: parsed.data.serverTime, clientReceived: this.now() });
    } catch {
      // A lost ping only means one sample fewer.
    }
  }

  private addSample(sample: ClockSample): void {
    this.samples = [...this.samples, sample].slice(-TIMING.samplesKept);
    const offset = Math.round(estimateOffset(this.samples));
    if (offset !== this.clockOffsetMs) {
      this.clockOffsetMs = offset;
      this.changed();
    }
  }

  // --- Plumbing --------------------------------------------------------------------------------------

  private later(run: () => void, ms: number): void {
    if (!this.started) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.started) run();
    }, ms);
    this.timers.add(timer);
  }

  private buildSnapshot(): MeetingClientSnapshot {
    return {
      meetingId: this.meetingId,
      connection: this.connection,
      joinProblem: this.joinProblem,
      state: this.state,
      present: this.present,
      outbox: this.outbox.map(({ key, command, issuedAt, saved }) => ({ key, command, issuedAt, saved })),
      problems: this.problems,
      clockOffsetMs: this.clockOffsetMs,
    };
  }

  private changed(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }
}
