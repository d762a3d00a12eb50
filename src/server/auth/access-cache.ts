/**
 * ADR 0045 (CAP-API-2..5): the session cache, fenced by PostgreSQL's notification queue.
 *
 * Resolving a session took three queries on every request. This keeps what a session resolved to (the person,
 * their roles) in memory, and stays exactly as strict as reading it each time:
 *
 * - The database announces every change to sessions, people and roles on the `ensemble_access` channel
 *   (migration 0013's triggers: no code path can forget). The cache drops the person's entries on each.
 * - A cached entry is used only after a FENCE: a notification this node sends after the request arrived has come
 *   back on the listening connection. PostgreSQL delivers notifications in commit order, so by then every change
 *   committed before the request arrived has been seen and applied (on any node, by any client, raw SQL too).
 *   Requests arriving together share one fence (one `pg_notify` per turn of the event loop).
 * - An entry read while a change was applied is not kept (a generation counter), so a read that raced a
 *   revocation cannot put the old roles back.
 * - Without a working channel (not yet listening, connection lost, a fence not back within FENCE_TIMEOUT_MS)
 *   nothing is served from memory: every request reads the database, as before, until listening again.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const ACCESS_CHANNEL = 'ensemble_access';
/** A fence that does not come back by then means the channel is not working: read the database instead. */
const FENCE_TIMEOUT_MS = 1_000;
/** An entry is read again from the database at least this often, whatever the channel says. */
const ENTRY_TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;
const RECONNECT_MS = [100, 500, 2_000, 5_000] as const;

export interface AccessCacheStats {
  hits: number;
  misses: number;
  bypassed: number;
  invalidations: number;
  fences: number;
  /** The most fence statements ever in flight at once on the listening connection (one: they take turns). */
  fencesAtOnce: number;
}

interface Entry<T> {
  value: T;
  /** The notification keys that drop it: `u:<district>:<user>`, `g:<district>:<group>`. */
  tags: readonly string[];
  cachedAt: number;
}

/**
 * One kind of cached read (resolved sessions, a team's home), kept behind the feed's fence and dropped by the
 * notifications that name one of an entry's tags.
 */
export class Shelf<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byTag = new Map<string, Set<string>>();

  constructor(
    private readonly feed: AccessCache,
    private readonly ttlMs = ENTRY_TTL_MS,
  ) {}

  /**
   * A cached value, if any. Only for a request whose fence came back: entries a change affected are gone by
   * then (later changes drop theirs as they come, which is what reading the database would see too).
   */
  get(key: string, now = Date.now()): T | undefined {
    const entry = this.feed.live ? this.entries.get(key) : undefined;
    if (!entry || now - entry.cachedAt > this.ttlMs) {
      this.feed.stats.misses++;
      return undefined;
    }
    this.feed.stats.hits++;
    return entry.value;
  }

  /** Keeps what the database said, unless a change was applied since the fence at `generation`. */
  put(key: string, tags: readonly string[], value: T, generation: number, now = Date.now()): void {
    if (!this.feed.unchangedSince(generation)) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    this.drop(key);
    this.entries.set(key, { value, tags, cachedAt: now });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Updates a cached value in place (e.g. the session's last-seen time), if it is still there. */
  update(key: string, value: T): void {
    const entry = this.entries.get(key);
    if (entry) entry.value = value;
  }

  /** Drops one entry (this node knows it is over). */
  forget(key: string): void {
    this.feed.changed();
    this.drop(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** @internal the feed's notifications */
  dropTag(tag: string): void {
    const keys = this.byTag.get(tag);
    if (keys) for (const key of [...keys]) this.drop(key);
  }

  /** @internal */
  clear(): void {
    this.entries.clear();
    this.byTag.clear();
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}

interface Batch {
  token: string;
  waiters: ((fenced: boolean) => void)[];
}

export class AccessCache {
  private readonly shelves: Shelf<unknown>[] = [];
  private generation = 0;
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private next: Batch | null = null;
  private readonly inFlight = new Map<string, Batch>();
  private readonly node = randomUUID().slice(0, 8);
  private seq = 0;
  /** The connection a fence statement is in flight on: the next batch waits for it (and gathers meanwhile). */
  private querying: pg.Client | null = null;
  readonly stats: AccessCacheStats = {
    hits: 0,
    misses: 0,
    bypassed: 0,
    invalidations: 0,
    fences: 0,
    fencesAtOnce: 0,
  };

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly onProblem: (what: string) => void = () => undefined,
  ) {}

  /** Starts listening; resolves once listening (or after the first failure: the cache then stays bypassed). */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.goDeaf();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** True once the channel works: until then (and after it fails) every read goes to the database. */
  get live(): boolean {
    return this.listening;
  }

  /**
   * Resolves to a generation number when cached entries may be trusted for a request that arrived before this
   * call (every change committed before it has been applied), or null when they may not (read the database).
   */
  async fence(): Promise<number | null> {
    if (!this.listening || !this.client) {
      this.stats.bypassed++;
      return null;
    }
    const fenced = await new Promise<boolean>((resolve) => {
      if (!this.next) {
        const batch: Batch = { token: `f:${this.node}:${++this.seq}`, waiters: [] };
        this.next = batch;
        setImmediate(() => {
          this.sendNext();
        });
      }
      this.next.waiters.push(resolve);
    });
    if (fenced) return this.generation;
    this.stats.bypassed++;
    return null;
  }

  /** A new kind of cached read behind this feed. */
  shelf<T>(ttlMs = ENTRY_TTL_MS): Shelf<T> {
    const shelf = new Shelf<T>(this, ttlMs);
    this.shelves.push(shelf);
    return shelf;
  }

  /** @internal True while listening and no change was applied since the fence that answered `generation`. */
  unchangedSince(generation: number): boolean {
    return this.listening && generation === this.generation;
  }

  /** @internal A change this node made itself (it also comes back as a notification). */
  changed(): void {
    this.generation++;
  }

  /** What a notification on the channel means: `u:<district>:<user>` drops the person's entries; `*` all. */
  applyNotification(payload: string): void {
    if (payload.startsWith('f:')) {
      const batch = this.inFlight.get(payload);
      if (batch) {
        this.inFlight.delete(payload);
        for (const w of batch.waiters) w(true);
      }
      return;
    }
    this.generation++;
    this.stats.invalidations++;
    if (payload === '*') this.clear();
    else for (const shelf of this.shelves) shelf.dropTag(payload);
  }

  private clear(): void {
    for (const shelf of this.shelves) shelf.clear();
  }

  /**
   * Sends the gathering batch's fence, unless one is in flight on the connection: then the batch keeps gathering
   * and goes when that one is answered (one statement at a time on a connection; a later fence only waits longer).
   */
  private sendNext(): void {
    const batch = this.next;
    if (!batch || (this.querying !== null && this.querying === this.client)) return;
    this.send(batch);
  }

  private send(batch: Batch): void {
    if (this.next === batch) this.next = null;
    const client = this.client;
    if (!this.listening || !client) {
      for (const w of batch.waiters) w(false);
      return;
    }
    this.stats.fences++;
    this.stats.fencesAtOnce = Math.max(this.stats.fencesAtOnce, this.querying === client ? 2 : 1);
    this.querying = client;
    const settled = () => {
      if (this.querying === client) this.querying = null;
      this.sendNext();
    };
    this.inFlight.set(batch.token, batch);
    const timer = setTimeout(() => {
      if (!this.inFlight.delete(batch.token)) return;
      for (const w of batch.waiters) w(false);
      this.onProblem('a session-cache fence did not come back in time; reading sessions from the database');
      this.reconnect(client);
    }, FENCE_TIMEOUT_MS);
    timer.unref();
    client.query('SELECT pg_notify($1, $2)', [ACCESS_CHANNEL, batch.token]).then(settled, () => {
      if (this.inFlight.delete(batch.token)) for (const w of batch.waiters) w(false);
      clearTimeout(timer);
      settled();
    });
  }

  /** Not listening: nothing cached may be trusted, and every waiting request reads the database. */
  private goDeaf(): void {
    this.listening = false;
    this.generation++;
    this.clear();
    for (const batch of this.inFlight.values()) for (const w of batch.waiters) w(false);
    this.inFlight.clear();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      ...this.connection,
      keepAlive: true,
      application_name: 'ensemble-access',
    });
    this.client = client;
    const lost = () => {
      if (client !== this.client || this.closed) return;
      this.onProblem(
        'the session cache lost its connection; reading sessions from the database until it is back',
      );
      this.reconnect(client);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (msg) => {
      if (client === this.client && msg.channel === ACCESS_CHANNEL)
        this.applyNotification(msg.payload ?? '*');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
      if (!this.wanted(client)) return;
      this.attempt = 0;
      this.generation++;
      this.clear();
      this.listening = true;
    } catch {
      this.onProblem(
        'the session cache could not listen for access changes; reading sessions from the database',
      );
      this.reconnect(client);
    }
  }

  /** Still this cache's connection, and the cache not closed meanwhile. */
  private wanted(client: pg.Client): boolean {
    return client === this.client && !this.closed;
  }

  private reconnect(client: pg.Client): void {
    if (client !== this.client) return;
    this.goDeaf();
    this.client = null;
    client.end().catch(() => undefined);
    if (this.closed || this.reconnectTimer) return;
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)] ?? 5_000;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
