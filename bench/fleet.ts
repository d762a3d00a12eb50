/**
 * The load generator of `bench:live`: socket.io-client connections (websocket only) grouped into meetings,
 * each sending a realistic mix of meeting commands on its own schedule, and the bookkeeping that turns what
 * they saw into latency, throughput, loss and duplication figures. The same fleet drives the app and the bare
 * Socket.IO baseline, so the two phases differ only in the server.
 */
import { randomUUID } from 'node:crypto';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { NumberLog, SentTimes, SeqSet } from './columns';
import { io, type Socket } from 'socket.io-client';
import type { MeetingEvent } from '#contracts/meeting';
import {
  ClientEvents,
  PROTOCOL_VERSION,
  ServerEvents,
  SOCKET_PATH,
  type CommandAck,
  type JoinAck,
} from '#contracts/realtime';

export interface FleetMember {
  /** Value of the `ensemble_session` cookie (the baseline takes it as the person's id). */
  session: string;
  facilitator: boolean;
}

export interface FleetMeeting {
  id: string;
  members: FleetMember[];
}

export interface FleetOptions {
  /**
   * The server(s): member k of every meeting connects to `urls[k % urls.length]`, so with two nodes the members
   * of each room alternate between them and about half of every broadcast's receivers sit on the other node.
   */
  urls: readonly string[];
  meetings: FleetMeeting[];
  /** Each client sends one command every `intervalMs[0]`..`intervalMs[1]` ms (uniform). */
  intervalMs: readonly [number, number];
  /** A client with this many commands unanswered skips its turn (counted), rather than queueing without end. */
  maxInFlight: number;
  log: (line: string) => void;
}

/** The first steps of Share Successes: the facilitator moves through them now and then. */
const STEPS = ['identify', 'describe', 'clarify', 'team-reflects', 'presenter-reflects'] as const;
export const ACK_TIMEOUT_MS = 30_000;

type TimerStatus = 'idle' | 'running' | 'paused';

interface Client {
  index: number;
  /** Which of `urls` it is connected to. */
  node: number;
  /** Its place among its meeting's members (the same person in every round). */
  slot: number;
  meeting: number;
  member: FleetMember;
  socket: Socket;
  /** The last seq this client held when it joined; it must then receive every later seq exactly once. */
  joinSeq: number;
  received: SeqSet;
  duplicates: number;
  inFlight: number;
  sent: number;
}

interface MeetingBook {
  /** seq -> [send time, sender client index]: for the commands sent in the measured window. */
  sentAt: SentTimes;
  maxSeq: number;
  step: number;
  timer: TimerStatus;
  /** A facilitator command is on its way: no second one until it is answered (they depend on the state). */
  facilitatorBusy: boolean;
}

export interface FleetResult {
  seconds: number;
  offeredPerS: number;
  sent: number;
  skipped: number;
  acked: number;
  rejected: Record<string, number>;
  failed: number;
  events: number;
  /** Events acknowledged for commands sent in the window, per second from the window's start to the last ack. */
  eventsPerS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same latency split by whether sender and receiver were connected to the same node (one node: all same). */
  sameNode: { samples: number; p50Ms: number; p99Ms: number };
  crossNode: { samples: number; p50Ms: number; p99Ms: number };
  ackP50Ms: number;
  ackP99Ms: number;
  latencySamples: number;
  /** Committed events that at least one member of the room never received. */
  lost: number;
  lostDeliveries: number;
  duplicated: number;
  disconnects: number;
  drainMs: number;
  /** The load generator's own event-loop delay during the window (ms): if high, its timestamps run late. */
  fleetLoopDelayP99Ms: number;
  fleetLoopDelayMaxMs: number;
  /** The load generator's GC pauses during the window (ms, summed and longest). */
  fleetGcMs: number;
  fleetGcMaxMs: number;
  /** Latency by when the push arrived, in 2-s slices of the window and drain: to tell a steady tail from a stall. */
  timeline: {
    atS: number;
    n: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    loopMaxMs: number;
    /** The load generator's own GC pauses in the slice (ms), and how many were not scavenges (as `--probe` counts). */
    gcMs: number;
    gcMajors: number;
  }[];
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const newBook = (): MeetingBook => ({
  sentAt: new SentTimes(),
  maxSeq: 0,
  step: 0,
  timer: 'idle',
  facilitatorBusy: false,
});

export class Fleet {
  private readonly clients: Client[] = [];
  private meetings: FleetMeeting[];
  private books: MeetingBook[];
  private intervalMs: readonly [number, number];
  private receipts = new NumberLog(); // flat: meeting, seq, client, time
  private ackTimes = new NumberLog();
  /** Pushes for a meeting this client is no longer measured in (an earlier round's): ignored, counted. */
  private stray = 0;
  /** Rounds so far: an answer to a command of an earlier round changes nothing of this one. */
  private round = 0;
  private windowStart = 0;
  private windowEnd = 0;
  private measuring = false;
  /** Pushes are timed from the window's start until the result is taken. */
  private recording = false;
  private sent = 0;
  private skipped = 0;
  private acked = 0;
  private failed = 0;
  private events = 0;
  private lastAckAt = 0;
  private disconnects = 0;
  private pending = 0;
  private rejected: Record<string, number> = {};
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });
  /** The same, per 2-s slice of the window: to see whether a slice's tail is the load generator's own stall. */
  private readonly sliceDelay = monitorEventLoopDelay({ resolution: 10 });
  private sliceLoopMaxMs: number[] = [];
  private gc = { ms: 0, maxMs: 0 };
  /** The same by 2-s slice of the window: a slice's tail may be the load generator's own collector. */
  private sliceGc: { ms: number; majors: number }[] = [];
  /** When each client takes its next turn (performance.now() ms; +Infinity: none). */
  private turnsAt = new Float64Array(0);
  private turnTicker: NodeJS.Timeout | null = null;
  private readonly gcObserver = new PerformanceObserver((list) => {
    if (!this.measuring) return;
    for (const entry of list.getEntries()) {
      this.gc.ms += entry.duration;
      this.gc.maxMs = Math.max(this.gc.maxMs, entry.duration);
      const slice = (this.sliceGc[Math.max(0, Math.floor((entry.startTime - this.windowStart) / 2_000))] ??= {
        ms: 0,
        majors: 0,
      });
      slice.ms += entry.duration;
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      if (detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR) slice.majors++;
    }
  });

  constructor(private readonly opts: FleetOptions) {
    this.meetings = opts.meetings;
    this.books = opts.meetings.map(newBook);
    this.intervalMs = opts.intervalMs;
  }

  /** The send interval of the next `run` (`--saturate` shortens it step by step). */
  setInterval(intervalMs: readonly [number, number]): void {
    this.intervalMs = intervalMs;
  }

  /**
   * A new round on the same connections (`--saturate`): every client moves to the meeting at the same place in
   * `meetings` (same members, a fresh meeting, so no per-person cap of the last round carries over), and every
   * figure starts from zero. Call `joinAll` and `startMeetings` next.
   */
  newRound(meetings: FleetMeeting[]): void {
    if (meetings.length !== this.meetings.length) throw new Error('a round must have as many meetings');
    this.meetings = meetings;
    this.books = meetings.map(newBook);
    for (const c of this.clients) {
      c.member = meetings[c.meeting]?.members[c.slot] ?? c.member;
      c.joinSeq = 0;
      c.received = new SeqSet();
    }
    this.continueRound();
  }

  /**
   * The next measured window in the same meetings (`--saturate`): figures start from zero; each client must
   * receive every seq after the last one its meeting had (the ones before were counted by the previous window).
   */
  continueRound(): void {
    this.round++;
    for (const book of this.books) book.sentAt.clear();
    for (const c of this.clients) {
      c.joinSeq = Math.max(c.joinSeq, this.books[c.meeting]?.maxSeq ?? 0);
      c.duplicates = 0;
      c.inFlight = 0;
    }
    this.receipts = new NumberLog();
    this.ackTimes = new NumberLog();
    this.stray = 0;
    this.sliceLoopMaxMs = [];
    this.sliceGc = [];
    this.gc = { ms: 0, maxMs: 0 };
    this.sent = 0;
    this.skipped = 0;
    this.acked = 0;
    this.failed = 0;
    this.events = 0;
    this.lastAckAt = 0;
    this.disconnects = 0;
    this.pending = 0;
    this.rejected = {};
  }

  /** Waits (at most `limitMs`) until no command is unanswered: before a new round, after a round that fell behind. */
  async idle(limitMs: number): Promise<number> {
    const began = performance.now();
    while (this.pending > 0 && performance.now() - began < limitMs) await sleep(100);
    return this.pending;
  }

  /** Pushes of a meeting the client was not measured in (a previous round's stragglers). */
  get strayPushes(): number {
    return this.stray;
  }

  get size(): number {
    return this.clients.length;
  }

  /** Opens every connection (at most `concurrency` handshakes at a time). */
  async connect(concurrency = 64): Promise<void> {
    const todo = this.meetings.flatMap((m, meeting) =>
      m.members.map((member, slot) => ({ meeting, member, slot, node: slot % this.opts.urls.length })),
    );
    await inBatches(todo, concurrency, async ({ meeting, member, slot, node }) => {
      const socket = io(this.opts.urls[node] ?? '', {
        path: SOCKET_PATH,
        transports: ['websocket'],
        extraHeaders: { cookie: `ensemble_session=${member.session}` },
        reconnection: false,
        forceNew: true,
        timeout: 60_000,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => {
          resolve();
        });
        socket.once('connect_error', (err) => {
          reject(err);
        });
      });
      const client: Client = {
        index: this.clients.length,
        node,
        slot,
        meeting,
        member,
        socket,
        joinSeq: 0,
        received: new SeqSet(),
        duplicates: 0,
        inFlight: 0,
        sent: 0,
      };
      this.clients.push(client);
      socket.on(ServerEvents.events, (push: { meetingId: string; events: MeetingEvent[] }) => {
        if (push.meetingId === this.meetings[client.meeting]?.id) this.onPush(client, push.events);
        else this.stray++;
      });
      socket.on('disconnect', () => {
        this.disconnects++;
      });
    });
  }

  /** Every client joins its meeting from seq 0 (its catch-up counts as received). */
  async joinAll(concurrency = 64): Promise<void> {
    await inBatches(this.clients, concurrency, async (client) => {
      const meetingId = this.meetings[client.meeting]?.id ?? '';
      const ack = (await client.socket.timeout(60_000).emitWithAck(ClientEvents.join, {
        protocolVersion: PROTOCOL_VERSION,
        meetingId,
        lastSeq: 0,
      })) as JoinAck;
      if (!ack.ok) throw new Error(`join ${meetingId} failed: ${ack.error.code} ${ack.error.message}`);
      for (const e of ack.events) client.received.add(e.seq);
      client.joinSeq = ack.events.reduce((max, e) => Math.max(max, e.seq), 0);
      const book = this.books[client.meeting];
      if (book) book.maxSeq = Math.max(book.maxSeq, client.joinSeq);
    });
  }

  /** The facilitators start their meetings and timers (not measured). */
  async startMeetings(concurrency = 32): Promise<void> {
    const facilitators = this.clients.filter((c) => c.member.facilitator);
    await inBatches(facilitators, concurrency, async (c) => {
      const started = await this.command(c, { type: 'startMeeting' });
      if (!started?.ok) throw new Error(`startMeeting failed: ${JSON.stringify(started)}`);
      // Teams start the first step's timer by themselves by default (DAY-TIMER-2); otherwise start it here.
      if (!started.events.some((e) => e.type === 'timer.started')) {
        const ack = await this.command(c, { type: 'startTimer' });
        if (!ack?.ok) throw new Error(`startTimer failed: ${JSON.stringify(ack)}`);
      }
      const book = this.books[c.meeting];
      if (book) book.timer = 'running';
    });
  }

  private onPush(client: Client, events: readonly MeetingEvent[]): void {
    const now = performance.now();
    for (const e of events) {
      if (client.received.has(e.seq)) client.duplicates++;
      else client.received.add(e.seq);
      if (this.recording) {
        this.receipts.push(client.meeting);
        this.receipts.push(e.seq);
        this.receipts.push(client.index);
        this.receipts.push(now);
      }
    }
  }

  private async command(
    client: Client,
    body: Record<string, unknown> & { type: string },
  ): Promise<CommandAck | null> {
    const meetingId = this.meetings[client.meeting]?.id ?? '';
    try {
      return (await client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvents.command, {
        meetingId,
        command: { ...body, idempotencyKey: randomUUID() },
      })) as CommandAck;
    } catch {
      return null;
    }
  }

  /** What this client does on its turn: mostly notes, questions and private reflections; the facilitator also runs the meeting. */
  private pick(client: Client): (Record<string, unknown> & { type: string }) | null {
    const book = this.books[client.meeting];
    if (!book) return null;
    const step = STEPS[book.step] ?? 'identify';
    const r = Math.random();
    const n = client.sent;
    if (client.member.facilitator && !book.facilitatorBusy) {
      if (r < 0.04 && book.step < STEPS.length - 1) return { type: 'nextStep', fromStepId: step };
      if (r < 0.2) {
        if (book.timer === 'idle') return { type: 'startTimer' };
        return { type: book.timer === 'running' ? 'pauseTimer' : 'resumeTimer' };
      }
    }
    if (r < 0.55)
      return {
        type: 'suggestNote',
        stepId: step,
        text: `Note ${n} from client ${client.index}: what worked was the exit ticket on day three.`,
      };
    if (r < 0.8)
      return {
        type: 'submitQuestion',
        kind: 'clarifying',
        text: `Question ${n} from client ${client.index}: how long did the routine take?`,
      };
    return {
      type: 'writeReflection',
      stepId: step,
      text: `Private reflection ${n} from client ${client.index}: try this with period 2.`,
    };
  }

  private turn(client: Client): void {
    if (!this.measuring) return;
    this.schedule(client);
    if (client.inFlight >= this.opts.maxInFlight) {
      this.skipped++;
      return;
    }
    const body = this.pick(client);
    if (!body) return;
    const book = this.books[client.meeting];
    const facilitatorCommand = ['nextStep', 'startTimer', 'pauseTimer', 'resumeTimer'].includes(body.type);
    if (book && facilitatorCommand) book.facilitatorBusy = true;
    client.inFlight++;
    client.sent++;
    this.sent++;
    this.pending++;
    const sentAt = performance.now();
    const round = this.round;
    void this.command(client, body).then((ack) => {
      if (round !== this.round) return;
      const now = performance.now();
      client.inFlight--;
      this.pending--;
      if (book && facilitatorCommand) book.facilitatorBusy = false;
      if (!ack) {
        this.failed++;
        return;
      }
      if (!ack.ok) {
        const code = ack.error.code;
        this.rejected[code] = (this.rejected[code] ?? 0) + 1;
        return;
      }
      this.acked++;
      this.ackTimes.push(now - sentAt);
      this.lastAckAt = now;
      this.events += ack.events.length;
      if (!book) return;
      for (const e of ack.events) {
        book.sentAt.set(e.seq, sentAt, client.index);
        book.maxSeq = Math.max(book.maxSeq, e.seq);
        if (e.type === 'step.advanced') {
          book.step++;
          book.timer = 'idle';
        }
        if (e.type === 'timer.started' || e.type === 'timer.resumed') book.timer = 'running';
        if (e.type === 'timer.paused') book.timer = 'paused';
      }
    });
  }

  private schedule(client: Client): void {
    const [lo, hi] = this.intervalMs;
    this.turnsAt[client.index] = performance.now() + lo + Math.random() * (hi - lo);
  }

  /**
   * Takes every turn that is due. One 1-ms interval over a typed array of due times, not a timer per turn: a
   * turn's timer lived as long as the send interval (about a second), so each one was promoted to the old
   * generation and brought on the load generator's own major GCs (ADR 0057).
   */
  private takeDueTurns(): void {
    const now = performance.now();
    const due = this.turnsAt;
    for (let i = 0; i < due.length; i++) {
      if ((due[i] ?? Number.POSITIVE_INFINITY) > now) continue;
      due[i] = Number.POSITIVE_INFINITY;
      const client = this.clients[i];
      if (client) this.turn(client);
    }
  }

  /** Sends the mix for `seconds`, then waits (at most `drainLimitMs`) for every ack and push. */
  async run(seconds: number, drainLimitMs = 20_000): Promise<FleetResult> {
    this.measuring = true;
    this.recording = true;
    this.windowStart = performance.now();
    this.loopDelay.reset();
    this.loopDelay.enable();
    this.sliceDelay.reset();
    this.sliceDelay.enable();
    const sliceTimer = setInterval(() => {
      this.sliceLoopMaxMs.push(this.sliceDelay.max / 1e6);
      this.sliceDelay.reset();
    }, 2_000);
    this.gcObserver.observe({ entryTypes: ['gc'] });
    const [lo, hi] = this.intervalMs;
    // Staggered first turns, so the clients do not fire together.
    this.turnsAt = Float64Array.from(this.clients, () => this.windowStart + (Math.random() * (lo + hi)) / 2);
    this.turnTicker = setInterval(() => {
      this.takeDueTurns();
    }, 1);
    const progress = setInterval(() => {
      this.opts.log(
        `  ${Math.round((performance.now() - this.windowStart) / 1000)} s: sent ${this.sent}, acked ${this.acked}, in flight ${this.pending}, skipped ${this.skipped}`,
      );
    }, 10_000);
    await sleep(seconds * 1000);
    clearInterval(progress);
    this.measuring = false;
    this.windowEnd = performance.now();
    this.loopDelay.disable();
    this.gcObserver.disconnect();
    this.stopTurns();
    const drainStart = performance.now();
    while (this.pending > 0 && performance.now() - drainStart < drainLimitMs) await sleep(50);
    // Pushes may trail their acks (the app's broadcast waits for the adapter's NOTIFY; the ack does not).
    await this.settlePushes(5_000);
    const drainMs = performance.now() - drainStart;
    this.recording = false;
    clearInterval(sliceTimer);
    this.sliceLoopMaxMs.push(this.sliceDelay.max / 1e6);
    this.sliceDelay.disable();
    return this.result(seconds, drainMs);
  }

  /**
   * Waits until every room member holds every seq up to the room's last committed one, while pushes are still
   * arriving: gives up after `quietMs` without any new push (what is missing then is lost, not late), or after
   * `limitMs` in all.
   */
  private async settlePushes(quietMs: number, limitMs = 120_000): Promise<void> {
    const began = performance.now();
    const complete = () =>
      this.clients.every((c) => {
        const book = this.books[c.meeting];
        return !book || c.received.size >= book.maxSeq;
      });
    let seen = this.receipts.length;
    let lastNews = performance.now();
    while (!complete() && performance.now() - began < limitMs && performance.now() - lastNews < quietMs) {
      await sleep(100);
      if (this.receipts.length !== seen) {
        seen = this.receipts.length;
        lastNews = performance.now();
      }
    }
    await sleep(200);
  }

  private result(seconds: number, drainMs: number): FleetResult {
    const latencies: number[] = [];
    const byNode: [number[], number[]] = [[], []]; // same node, other node
    const slices: number[][] = [];
    const r = this.receipts;
    for (let i = 0; i < r.length; i += 4) {
      const book = this.books[r.at(i)];
      const sent = book?.sentAt.get(r.at(i + 1));
      if (!sent || sent.client === r.at(i + 2)) continue;
      const at = r.at(i + 3);
      latencies.push(at - sent.at);
      const cross = this.clients[sent.client]?.node !== this.clients[r.at(i + 2)]?.node;
      byNode[cross ? 1 : 0].push(at - sent.at);
      const slice = Math.max(0, Math.floor((at - this.windowStart) / 2_000));
      (slices[slice] ??= []).push(at - sent.at);
    }
    const timeline = slices.flatMap((values, slice) => {
      if (!values.length) return [];
      const sorted = Float64Array.from(values).sort();
      return [
        {
          atS: slice * 2,
          n: sorted.length,
          p50Ms: round2(percentile(sorted, 50)),
          p99Ms: round2(percentile(sorted, 99)),
          maxMs: round2(sorted[sorted.length - 1] ?? Number.NaN),
          loopMaxMs: round2(this.sliceLoopMaxMs[slice] ?? Number.NaN),
          gcMs: round2(this.sliceGc[slice]?.ms ?? 0),
          gcMajors: this.sliceGc[slice]?.majors ?? 0,
        },
      ];
    });
    const lat = Float64Array.from(latencies).sort();
    const split = (values: number[]) => {
      const sorted = Float64Array.from(values).sort();
      return {
        samples: sorted.length,
        p50Ms: round2(percentile(sorted, 50)),
        p99Ms: round2(percentile(sorted, 99)),
      };
    };
    const acks = this.ackTimes.sorted();
    let lostDeliveries = 0;
    const lostEvents = new Set<string>();
    let duplicated = 0;
    for (const c of this.clients) {
      duplicated += c.duplicates;
      const book = this.books[c.meeting];
      if (!book) continue;
      for (let seq = c.joinSeq + 1; seq <= book.maxSeq; seq++) {
        if (!c.received.has(seq)) {
          lostDeliveries++;
          lostEvents.add(`${c.meeting}:${seq}`);
        }
      }
    }
    const [lo, hi] = this.intervalMs;
    const activeMs = Math.max(this.windowEnd, this.lastAckAt) - this.windowStart;
    return {
      seconds,
      offeredPerS: round2(this.clients.length / ((lo + hi) / 2 / 1000)),
      sent: this.sent,
      skipped: this.skipped,
      acked: this.acked,
      rejected: this.rejected,
      failed: this.failed,
      events: this.events,
      eventsPerS: round2(this.events / (activeMs / 1000)),
      p50Ms: round2(percentile(lat, 50)),
      p99Ms: round2(percentile(lat, 99)),
      maxMs: round2(lat[lat.length - 1] ?? Number.NaN),
      sameNode: split(byNode[0]),
      crossNode: split(byNode[1]),
      ackP50Ms: round2(percentile(acks, 50)),
      ackP99Ms: round2(percentile(acks, 99)),
      latencySamples: lat.length,
      lost: lostEvents.size,
      lostDeliveries,
      duplicated,
      disconnects: this.disconnects,
      drainMs: Math.round(drainMs),
      fleetLoopDelayP99Ms: round2(this.loopDelay.percentile(99) / 1e6),
      fleetLoopDelayMaxMs: round2(this.loopDelay.max / 1e6),
      fleetGcMs: Math.round(this.gc.ms),
      fleetGcMaxMs: round2(this.gc.maxMs),
      timeline,
    };
  }

  private stopTurns(): void {
    if (this.turnTicker) clearInterval(this.turnTicker);
    this.turnTicker = null;
    this.turnsAt.fill(Number.POSITIVE_INFINITY);
  }

  /**
   * Disconnects every client and lets go of them and of the records (ADR 0060): a closed fleet keeps nothing, so
   * the next phase's load generator does not carry the last one's connections in its heap.
   */
  close(): void {
    this.stopTurns();
    for (const c of this.clients) {
      c.socket.removeAllListeners();
      c.socket.disconnect();
    }
    this.clients.length = 0;
    this.meetings = [];
    this.books = [];
    this.receipts = new NumberLog();
    this.ackTimes = new NumberLog();
  }
}
