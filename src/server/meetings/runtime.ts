import { randomUUID } from 'node:crypto';
import type { MeetingCommand, MeetingEvent, MeetingRejection } from '#contracts/meeting';
import {
  awaitsTick,
  decide,
  evolve,
  removeFromRoster,
  replay,
  tick,
  type MeetingState,
} from '#core/meeting/index';
import { addToRoster, admitGuest, shareObservation, type AdmitGuestInput } from '#core/meeting/index';
import type { Database } from '../db/client';
import { GroupCommitter } from './group-commit';
import { openMeetingIdsOfGroup } from './queries';
import { isDataError, isUniqueViolation, loadEvents } from './store';

export type CommandResult =
  | { ok: true; events: MeetingEvent[]; seq: number }
  | { ok: false; error: MeetingRejection | { code: 'unavailable' | 'invalid'; message: string } };

interface Entry {
  districtId: string;
  /** The log folded (the events themselves are not kept: catch-up pages are read from the log, ADR 0056). */
  state: MeetingState;
  /** The log has been read at least once. */
  loaded: boolean;
  /** When the log was last read: refusals do not reload it more often than REFUSAL_RELOAD_MS. */
  caughtUpAt: number;
  /** Commands of one meeting run one after another on this node. */
  chain: Promise<unknown>;
  lastUsed: number;
}

/**
 * A refused command reloads the log once (another node may have moved the meeting on), but not more often than
 * this: a flood of refused commands must not turn into a flood of reads ahead of everyone else's commands. A node
 * that is the meeting's only writer never does (CAP-LIVE-14).
 */
const REFUSAL_RELOAD_MS = 50;

/** Appending retries this often when other nodes keep winning the race for the next seq. */
const MAX_ATTEMPTS = 8;
/**
 * Meetings nobody acted in for this long leave the cache (their log stays the truth), unless the ticker still
 * has to move them on (CAP-LIVE-15).
 */
export const IDLE_EVICT_MS = 30 * 60_000;

/**
 * Runs meetings on this node: decides commands with the pure core, appends the events (ack only after the
 * commit), folds them into a cached state and hands them to `publish`. Several nodes may serve one meeting:
 * the `(meeting_id, seq)` key makes the loser of a race reload and decide again, and the idempotency index
 * makes a retried command land once.
 */
export class MeetingRuntime {
  private readonly entries = new Map<string, Entry>();
  private ticker: NodeJS.Timeout | null = null;
  private readonly committer: GroupCommitter;
  private readonly db: Database['db'];

  private readonly now: () => number;
  /**
   * CAP-LIVE-14 (ADR 0058): this node is the only one that appends to the log (no `CLUSTER`), so its folded
   * state is the log once read: a refusal is final, and a roster read needs no read of the tail. A clash on the
   * seq still reloads, so a second writer nobody configured costs retries, never a wrong event.
   */
  private readonly soleWriter: boolean;

  constructor(
    database: Database,
    /**
     * Committed events, and whether the meeting has ended as of them (exact: the batch followed the log's last
     * seq, so the state it was decided on was the log's), which read models use rather than reading it back.
     */
    private readonly publish: (
      meetingId: string,
      events: readonly MeetingEvent[],
      districtId: string,
      ended: boolean,
    ) => void,
    options: { now?: () => number; soleWriter?: boolean } = {},
  ) {
    this.db = database.db;
    this.committer = new GroupCommitter(database.pool);
    this.now = options.now ?? (() => Date.now());
    this.soleWriter = options.soleWriter ?? false;
  }

  /** Runs `fn` after every earlier command of the meeting on this node. */
  private serialize<T>(meetingId: string, districtId: string, fn: (entry: Entry) => Promise<T>): Promise<T> {
    const entry = this.entryFor(meetingId, districtId);
    const run = entry.chain.then(() => fn(entry));
    entry.chain = run.catch(() => undefined);
    entry.lastUsed = this.now();
    return run;
  }

  private entryFor(meetingId: string, districtId: string): Entry {
    let entry = this.entries.get(meetingId);
    if (!entry || entry.districtId !== districtId) {
      entry = {
        districtId,
        state: replay([]),
        loaded: false,
        caughtUpAt: Number.NEGATIVE_INFINITY,
        chain: Promise.resolve(),
        lastUsed: this.now(),
      };
      this.entries.set(meetingId, entry);
    }
    return entry;
  }

  /** Brings the cached state up to the log (other nodes may have appended). */
  private async catchUp(meetingId: string, entry: Entry): Promise<void> {
    const events = await loadEvents(this.db, entry.districtId, meetingId, entry.state.seq);
    this.fold(entry, events);
    entry.loaded = true;
    entry.caughtUpAt = performance.now();
  }

  private fold(entry: Entry, events: readonly MeetingEvent[]): void {
    for (const e of events) {
      if (e.seq !== entry.state.seq + 1) continue; // already folded (a concurrent read), or not next
      entry.state = evolve(entry.state, e);
    }
  }

  /**
   * Events another node committed (CAP-LIVE-8): folded when they follow this node's cached state exactly, so the
   * next command here is decided on the log as it is instead of clashing on its seq and reading the tail. Anything
   * else (a gap, a meeting not in memory or not read yet, another district) is left alone: the log stays the
   * truth, and a stale cache still shows itself as a clash. Events are committed before they are sent, so an
   * event folded here can never be one that loses a race.
   */
  foldCommitted(meetingId: string, districtId: string, events: readonly MeetingEvent[]): void {
    const entry = this.entries.get(meetingId);
    if (!entry || entry.districtId !== districtId || !entry.loaded) return;
    this.fold(entry, events);
  }

  /**
   * The state as of the log now without waiting behind the meeting's commands: the cache plus whatever other
   * nodes appended since (one indexed read, usually empty; none on a sole writer, whose cache is the log). The
   * first read of a meeting goes through the queue.
   */
  private async current(meetingId: string, districtId: string): Promise<MeetingState> {
    const entry = this.entryFor(meetingId, districtId);
    if (!entry.loaded) await this.stateOf(meetingId, districtId);
    entry.lastUsed = this.now();
    if (this.soleWriter) return entry.state;
    let state = entry.state;
    for (const e of await loadEvents(this.db, districtId, meetingId, state.seq)) {
      if (e.seq !== state.seq + 1) break;
      state = evolve(state, e);
    }
    return state;
  }

  /** Who is on the meeting's roster now (empty before it is opened): part of the `take-part` subject. */
  async rosterOf(meetingId: string, districtId: string): Promise<readonly string[]> {
    return (await this.current(meetingId, districtId)).memberIds;
  }

  /**
   * One page of the catch-up for a client that (re)joins: at most `limit` events after `afterSeq`, and whether
   * more follow. One indexed read of at most `limit + 1` rows from the log (ADR 0056): a join never reads more
   * than its page, and this node keeps no copy of the events for it.
   */
  async catchUpPage(
    meetingId: string,
    districtId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ events: MeetingEvent[]; more: boolean }> {
    const events = await loadEvents(this.db, districtId, meetingId, afterSeq, limit + 1);
    return { events: events.slice(0, limit), more: events.length > limit };
  }

  /**
   * A person left or was removed from the team: off the roster of its open meetings (TRUST-REVOKE-6), each as
   * one `roster.removed` event, published like any other. Never rejects; failures go to `onError`.
   */
  async removeFromOpenMeetings(districtId: string, groupId: string, userId: string): Promise<void> {
    try {
      const ids = await openMeetingIdsOfGroup(this.db, districtId, groupId);
      await Promise.all(
        ids.map((meetingId) =>
          this.commit(meetingId, districtId, (state) => ({
            ok: true,
            events: removeFromRoster(state, userId, this.now()),
          })).then(
            (result) => {
              if (!result.ok) this.onError(new Error(result.error.message), 'roster removal refused');
            },
            (err: unknown) => this.onError(err, 'roster removal failed'),
          ),
        ),
      );
    } catch (err) {
      this.onError(err, 'roster removal failed');
    }
  }

  /**
   * PM-ROSTER-1: someone joins the roster of the team's open meetings (added to the team while one runs), each
   * as one `roster.added` event. Never rejects; failures go to `onError`.
   */
  async addToOpenMeetings(districtId: string, groupId: string, userId: string): Promise<void> {
    try {
      const ids = await openMeetingIdsOfGroup(this.db, districtId, groupId);
      await Promise.all(ids.map((meetingId) => this.addToRoster(meetingId, districtId, userId, false)));
    } catch (err) {
      this.onError(err, 'roster addition failed');
    }
  }

  /** PM-ROSTER-1: one person joins one open meeting's roster (invited to it, or new to the team). */
  async addToRoster(meetingId: string, districtId: string, userId: string, invited: boolean): Promise<void> {
    try {
      const result = await this.commit(meetingId, districtId, (state) =>
        addToRoster(state, { memberId: userId, invited, now: this.now() }),
      );
      if (!result.ok) this.onError(new Error(result.error.message), 'roster addition refused');
    } catch (err) {
      this.onError(err, 'roster addition failed');
    }
  }

  /** PM-GUEST-6: an invitation withdrawn while the meeting is open: off its roster. */
  async removeFromMeeting(meetingId: string, districtId: string, userId: string): Promise<void> {
    try {
      await this.commit(meetingId, districtId, (state) => ({
        ok: true,
        events: removeFromRoster(state, userId, this.now()),
      }));
    } catch (err) {
      this.onError(err, 'roster removal failed');
    }
  }

  /** PM-NOTE-3: the author shares a snapshot of their visit note (read by the caller) into the meeting. */
  shareObservation(
    meetingId: string,
    districtId: string,
    input: { authorId: string; observationId: string; text: string },
  ): Promise<CommandResult> {
    return this.commit(meetingId, districtId, (state) =>
      shareObservation(state, { ...input, now: this.now() }),
    );
  }

  /** Where unexpected errors of background work go (the realtime adapter sets its logger). */
  onError: (err: unknown, what: string) => void = () => undefined;

  /** The state as of the log, for a REST read (minutes, summaries). */
  async stateOf(meetingId: string, districtId: string): Promise<MeetingState> {
    return this.serialize(meetingId, districtId, async (entry) => {
      await this.catchUp(meetingId, entry);
      return entry.state;
    });
  }

  /** Appends server-made events (the meeting's first event), then publishes them. */
  async appendInitial(
    meetingId: string,
    districtId: string,
    make: (state: MeetingState) => MeetingEvent[] | MeetingRejection,
  ): Promise<CommandResult> {
    return this.commit(meetingId, districtId, (state) => {
      const made = make(state);
      return Array.isArray(made) ? { ok: true, events: made } : { ok: false, error: made };
    });
  }

  /** The facilitator lets a meeting guest in (ADR 0013): decided by the core, appended and published. */
  admitGuest(
    meetingId: string,
    districtId: string,
    input: Omit<AdmitGuestInput, 'now'>,
  ): Promise<CommandResult> {
    return this.commit(meetingId, districtId, (state) => admitGuest(state, { ...input, now: this.now() }));
  }

  execute(meetingId: string, districtId: string, command: MeetingCommand): Promise<CommandResult> {
    return this.commit(meetingId, districtId, (state) =>
      decide(state, command, { now: this.now(), newId: randomUUID() }),
    );
  }

  private commit(
    meetingId: string,
    districtId: string,
    decideFn: (
      state: MeetingState,
    ) => { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection },
  ): Promise<CommandResult> {
    return this.serialize(meetingId, districtId, async (entry) => {
      // The cache is trusted until the log proves it stale: reading the log before every command cost a round
      // trip per event (bench). A stale cache shows itself as a clash on (meeting_id, seq) or on the
      // idempotency key, or as a refusal; each of those reloads and decides again.
      if (!entry.loaded || entry.state.phase === 'empty') await this.catchUp(meetingId, entry);
      let reloadedAfterRefusal = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const decision = decideFn(entry.state);
        if (!decision.ok) {
          if (this.soleWriter || reloadedAfterRefusal) return decision;
          if (performance.now() - entry.caughtUpAt < REFUSAL_RELOAD_MS) return decision;
          const before = entry.state.seq;
          await this.catchUp(meetingId, entry);
          reloadedAfterRefusal = true;
          if (entry.state.seq === before) return decision;
          continue;
        }
        if (!decision.events.length) return { ok: true, events: [], seq: entry.state.seq };
        try {
          await this.committer.append(districtId, meetingId, decision.events);
        } catch (err) {
          // Text PostgreSQL cannot store (the contract refuses NUL first): this command, not the meeting's queue.
          if (isDataError(err))
            return { ok: false, error: { code: 'invalid', message: 'This text cannot be saved.' } };
          if (!isUniqueViolation(err)) throw err;
          await this.catchUp(meetingId, entry);
          continue;
        }
        // Committed: push to the room first (it is what everyone is waiting for), then fold into the cache.
        const ended =
          entry.state.phase === 'ended' || decision.events.some((e) => e.type === 'meeting.ended');
        this.publish(meetingId, decision.events, districtId, ended);
        this.fold(entry, decision.events);
        return { ok: true, events: decision.events, seq: entry.state.seq };
      }
      return { ok: false, error: { code: 'unavailable', message: 'The meeting is very busy. Try again.' } };
    });
  }

  /** Auto-advance for teams that opted in: checks the meetings this node has in memory twice a second. */
  startTicking(intervalMs = 500): void {
    this.ticker ??= setInterval(() => void this.tickAll(), intervalMs);
    this.ticker.unref();
  }

  async tickAll(): Promise<void> {
    const now = this.now();
    for (const [meetingId, entry] of this.entries) {
      // CAP-LIVE-15: a meeting left running (closed laptops, nobody pressed End) leaves memory like any other
      // idle one; only one whose step the ticker will still end stays.
      const ticking = awaitsTick(entry.state);
      if (now - entry.lastUsed > IDLE_EVICT_MS && !ticking) {
        this.entries.delete(meetingId);
        continue;
      }
      if (!ticking || !tick(entry.state, now).length) continue;
      await this.commit(meetingId, entry.districtId, (state) => ({
        ok: true,
        events: tick(state, this.now()),
      })).catch(() => undefined);
    }
  }

  /** Whether this node has the meeting's state in memory (tests, and the eviction rule's check). */
  holds(meetingId: string): boolean {
    return this.entries.has(meetingId);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }
}
