/**
 * DIAGNOSTIC PROTOTYPES for `bench:live --variant ...`, never used by the app: they patch the bench's own
 * bundled copy of MeetingRuntime to measure what a change in src/server/meetings/runtime.ts would bring.
 *
 * - `no-precatchup`: decide on the cached state without first reading the log; a stale cache shows up as a
 *   unique violation on (meeting_id, seq) or on the idempotency index, and the existing retry path reloads
 *   and decides again (so it stays correct across nodes). Saves one SELECT per command.
 * - `group-commit`: commands of all meetings that arrive within `windowMs` are appended in ONE transaction
 *   (one multi-row INSERT, one UPDATE of the meetings' last_seq), each still acknowledged only after that
 *   commit. A batch that hits a unique violation is retried item by item, so only the offending command
 *   takes the reload-and-decide-again path.
 */
import type pg from 'pg';
import type { MeetingEvent, MeetingRejection } from '#contracts/meeting';
import { evolve, type MeetingState } from '#core/meeting/index';
import type { Db } from '#server/db/client';
import { MeetingRuntime, type CommandResult } from '#server/meetings/runtime';
import { appendEvents, isUniqueViolation } from '#server/meetings/store';

interface Entry {
  state: MeetingState;
}
type DecideFn = (state: MeetingState) => { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection };
interface RuntimeInternals {
  db: Db;
  publish: (meetingId: string, events: readonly MeetingEvent[]) => void;
  serialize<T>(meetingId: string, districtId: string, fn: (entry: Entry) => Promise<T>): Promise<T>;
  catchUp(meetingId: string, entry: Entry): Promise<void>;
  commit(meetingId: string, districtId: string, decideFn: DecideFn): Promise<CommandResult>;
}
type Append = (db: Db, districtId: string, meetingId: string, events: readonly MeetingEvent[]) => Promise<void>;

interface Pending {
  districtId: string;
  meetingId: string;
  events: readonly MeetingEvent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupCommitter {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  readonly stats = { batches: 0, items: 0, fallbacks: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly db: Db,
    private readonly windowMs = 2,
    private readonly maxBatch = 200,
    private readonly maxConcurrent = 4,
  ) {}

  append: Append = (_db, districtId, meetingId, events) =>
    new Promise<void>((resolve, reject) => {
      // Creating or ending a meeting also changes its status: rare, so it takes the ordinary path.
      if (events.some((e) => e.type === 'meeting.created' || e.type === 'meeting.ended')) {
        appendEvents(this.db, districtId, meetingId, events).then(resolve, reject);
        return;
      }
      this.queue.push({ districtId, meetingId, events, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.windowMs);
    });

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight >= this.maxConcurrent || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight++;
    void this.commit(batch).finally(() => {
      this.inFlight--;
      if (this.queue.length) this.flush();
    });
  }

  private async commit(batch: Pending[]): Promise<void> {
    this.stats.batches++;
    this.stats.items += batch.length;
    const rows = batch.flatMap((p) => p.events.map((e) => ({ p, e })));
    const last = new Map<string, { districtId: string; seq: number }>();
    for (const { p, e } of rows) last.set(p.meetingId, { districtId: p.districtId, seq: Math.max(e.seq, last.get(p.meetingId)?.seq ?? 0) });
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO meeting_events (district_id, meeting_id, seq, type, v, at, actor_id, idempotency_key, payload)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::int[], $6::bigint[], $7::text[], $8::text[], $9::jsonb[])`,
        [
          rows.map((r) => r.p.districtId),
          rows.map((r) => r.p.meetingId),
          rows.map((r) => r.e.seq),
          rows.map((r) => r.e.type),
          rows.map((r) => r.e.v),
          rows.map((r) => r.e.at),
          rows.map((r) => r.e.actorId),
          rows.map((r) => r.e.idempotencyKey),
          rows.map((r) => JSON.stringify(r.e.payload)),
        ],
      );
      await client.query(
        `UPDATE meetings m SET last_seq = v.seq FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS v(d, id, seq)
         WHERE m.district_id = v.d AND m.id = v.id`,
        [[...last.values()].map((l) => l.districtId), [...last.keys()], [...last.values()].map((l) => l.seq)],
      );
      await client.query('COMMIT');
      for (const p of batch) p.resolve();
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (!isUniqueViolation(err) || batch.length === 1) {
        for (const p of batch) p.reject(err);
        return;
      }
      // Somebody in the batch lost a race (or repeated a key): find who, one by one.
      this.stats.fallbacks++;
      for (const p of batch) await appendEvents(this.db, p.districtId, p.meetingId, p.events).then(p.resolve, p.reject);
    } finally {
      client.release();
    }
  }
}

/** Replaces MeetingRuntime's commit (this process only) with the variant's. */
export function patchRuntime(opts: { precatchup: boolean; append: Append }): void {
  const proto = MeetingRuntime.prototype as unknown as RuntimeInternals;
  proto.commit = function (this: RuntimeInternals, meetingId, districtId, decideFn) {
    return this.serialize(meetingId, districtId, async (entry): Promise<CommandResult> => {
      if (opts.precatchup || entry.state.seq === 0) await this.catchUp(meetingId, entry);
      for (let attempt = 0; attempt < 8; attempt++) {
        const decision = decideFn(entry.state);
        if (!decision.ok) return decision;
        if (!decision.events.length) return { ok: true, events: [], seq: entry.state.seq };
        try {
          await opts.append(this.db, districtId, meetingId, decision.events);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          await this.catchUp(meetingId, entry);
          continue;
        }
        entry.state = decision.events.reduce(evolve, entry.state);
        this.publish(meetingId, decision.events);
        return { ok: true, events: decision.events, seq: entry.state.seq };
      }
      return { ok: false, error: { code: 'unavailable', message: 'The meeting is very busy. Try again.' } };
    });
  };
}
