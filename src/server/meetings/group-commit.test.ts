/**
 * Group commit (ADR 0008, 0009): appends of several meetings share one statement; each caller is released only
 * after its rows are committed; a batch with a clashing append is retried append by append, so only the clash
 * fails; the meetings' index rows follow (last seq, live, ended).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { MeetingEvent } from '#contracts/meeting';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { newMeetingRow, seedMeetingTenant } from '../../../test/meeting-rows';
import { APPEND, GroupCommitter } from './group-commit';
import { isDataError, isUniqueViolation } from './store';

let testDb: TestDatabase;
let districtId = '';
let groupId = '';
let userId = '';

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ districtId, groupId, userId } = await seedMeetingTenant(
    testDb.pool,
    'Commit District',
    'gc@commit.test',
  ));
});

afterAll(async () => {
  await testDb.drop();
});

function newMeeting(): Promise<string> {
  return newMeetingRow(testDb.pool, { districtId, groupId, userId });
}

const note = (seq: number, text: string, key: string | null = randomUUID()): MeetingEvent =>
  ({
    seq,
    type: 'note.suggested',
    v: 1,
    at: 1_800_000_000_000 + seq,
    actorId: userId,
    idempotencyKey: key,
    payload: { suggestionId: randomUUID(), stepId: 'identify', text },
  }) as unknown as MeetingEvent;

const created = (at: number): MeetingEvent =>
  ({
    seq: 1,
    type: 'meeting.created',
    v: 1,
    at,
    actorId: 'system',
    idempotencyKey: null,
    payload: {},
  }) as unknown as MeetingEvent;

async function log(meetingId: string) {
  const { rows } = await testDb.pool.query<{
    seq: number;
    type: string;
    at: string;
    idempotency_key: string | null;
    payload: unknown;
  }>(
    `SELECT seq, type, at, idempotency_key, payload FROM meeting_events WHERE meeting_id = $1 ORDER BY seq`,
    [meetingId],
  );
  return rows;
}

async function indexRow(meetingId: string) {
  const { rows } = await testDb.pool.query<{ last_seq: number; status: string; started_at: Date | null }>(
    `SELECT last_seq, status, started_at FROM meetings WHERE id = $1`,
    [meetingId],
  );
  return rows[0];
}

describe('group commit', () => {
  it('TRUST-RT-3: a row PostgreSQL refuses (NUL in text) fails only its own append; the other meetings commit', async () => {
    const committer = new GroupCommitter(testDb.pool);
    const [a, b, c] = [await newMeeting(), await newMeeting(), await newMeeting()];
    for (const m of [a, b, c]) await committer.append(districtId, m, [created(1_800_000_000_000)]);
    const [bad, goodB, goodC] = await Promise.allSettled([
      committer.append(districtId, a, [note(2, 'nul \u0000 inside')]),
      committer.append(districtId, b, [note(2, 'fine b')]),
      committer.append(districtId, c, [note(2, 'fine c')]),
    ]);
    expect(bad.status).toBe('rejected');
    expect(bad.status === 'rejected' && isDataError(bad.reason)).toBe(true);
    expect(goodB.status).toBe('fulfilled');
    expect(goodC.status).toBe('fulfilled');
    expect((await log(a)).map((r) => r.seq)).toEqual([1]);
    expect((await log(b)).map((r) => r.seq)).toEqual([1, 2]);
    expect((await log(c)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('appends of several meetings in one batch land whole, with payloads and keys as given, and move the index rows', async () => {
    const committer = new GroupCommitter(testDb.pool);
    const [a, b] = [await newMeeting(), await newMeeting()];
    const odd = 'quotes " and \\ backslash, tab\t, newline\n, unicode é ✓ 🎉';
    await Promise.all([
      committer.append(districtId, a, [created(1_800_000_000_000)]),
      committer.append(districtId, b, [created(1_800_000_000_001), note(2, odd, null)]),
    ]);
    await committer.append(districtId, a, [note(2, 'second')]);

    expect((await log(a)).map((r) => [r.seq, r.type])).toEqual([
      [1, 'meeting.created'],
      [2, 'note.suggested'],
    ]);
    const rowsB = await log(b);
    expect(rowsB[1]?.payload).toMatchObject({ text: odd });
    expect(rowsB[1]?.idempotency_key).toBeNull();
    expect(Number(rowsB[0]?.at)).toBe(1_800_000_000_001);
    expect(await indexRow(a)).toMatchObject({ last_seq: 2, status: 'live' });
    expect((await indexRow(a))?.started_at?.getTime()).toBe(1_800_000_000_000);
    expect(await indexRow(b)).toMatchObject({ last_seq: 2, status: 'live' });
  });

  it('a clash fails only its own append: the rest of the batch commits, and the clashing caller sees a unique violation', async () => {
    const committer = new GroupCommitter(testDb.pool);
    const [a, b] = [await newMeeting(), await newMeeting()];
    await committer.append(districtId, a, [created(1_800_000_000_000)]);
    await committer.append(districtId, b, [created(1_800_000_000_000)]);
    const key = randomUUID();
    await committer.append(districtId, a, [note(2, 'first', key)]);

    // Same batch (same tick): a seq clash on `a`, a same-key retry on `a`, and a good append on `b`.
    const [seqClash, keyClash, fine] = await Promise.allSettled([
      committer.append(districtId, a, [note(2, 'another node took seq 2')]),
      committer.append(districtId, a, [note(3, 'first again', key)]),
      committer.append(districtId, b, [note(2, 'fine')]),
    ]);
    expect(fine.status).toBe('fulfilled');
    for (const r of [seqClash, keyClash])
      expect(r.status === 'rejected' && isUniqueViolation(r.reason)).toBe(true);

    expect((await log(a)).map((r) => r.payload)).toEqual([{}, expect.objectContaining({ text: 'first' })]);
    expect((await log(b)).map((r) => r.seq)).toEqual([1, 2]);
    expect(await indexRow(a)).toMatchObject({ last_seq: 2 });
    expect(await indexRow(b)).toMatchObject({ last_seq: 2 });
  });

  it('many appends at once are all committed exactly once, each caller released after its rows are readable', async () => {
    const committer = new GroupCommitter(testDb.pool);
    const meetings = await Promise.all(Array.from({ length: 20 }, () => newMeeting()));
    await Promise.all(meetings.map((m) => committer.append(districtId, m, [created(1_800_000_000_000)])));
    const released: Promise<void>[] = [];
    for (let seq = 2; seq <= 31; seq++)
      for (const m of meetings)
        released.push(
          // Each meeting's appends are in order (the runtime serializes a meeting), waiting for the previous.
          (released[released.length - meetings.length] ?? Promise.resolve()).then(async () => {
            await committer.append(districtId, m, [note(seq, `n${seq}`)]);
            const { rows } = await testDb.pool.query(
              `SELECT 1 FROM meeting_events WHERE meeting_id = $1 AND seq = $2`,
              [m, seq],
            );
            expect(rows).toHaveLength(1);
          }),
        );
    await Promise.all(released);
    const { rows } = await testDb.pool.query<{ n: string; gaps: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE seq <> rn) AS gaps
       FROM (SELECT seq, row_number() OVER (PARTITION BY meeting_id ORDER BY seq) AS rn
             FROM meeting_events WHERE meeting_id = ANY($1::uuid[])) t`,
      [meetings],
    );
    expect(Number(rows[0]?.n)).toBe(20 * 31);
    expect(Number(rows[0]?.gaps)).toBe(0);
  });
  it('CAP-LIVE-3: two nodes append to the same meetings at once: each seq lands once, the loser sees a unique violation and the rest of its batch commits', async () => {
    // Two committers on two pools: two app nodes over one PostgreSQL.
    const other = new pg.Pool({ connectionString: testDb.url, max: 4 });
    try {
      const nodeA = new GroupCommitter(testDb.pool);
      const nodeB = new GroupCommitter(other);
      const meetings = await Promise.all(Array.from({ length: 6 }, () => newMeeting()));
      await Promise.all(meetings.map((m) => nodeA.append(districtId, m, [created(1_800_000_000_000)])));
      const [shared, onlyA, onlyB] = [meetings[0]!, meetings[1]!, meetings[2]!];
      // Same seq of `shared` from both nodes, each batched with a meeting only it writes.
      const [a1, a2, b1, b2] = await Promise.allSettled([
        nodeA.append(districtId, shared, [note(2, 'from A')]),
        nodeA.append(districtId, onlyA, [note(2, 'only A')]),
        nodeB.append(districtId, shared, [note(2, 'from B')]),
        nodeB.append(districtId, onlyB, [note(2, 'only B')]),
      ]);
      expect(a2.status).toBe('fulfilled');
      expect(b2.status).toBe('fulfilled');
      const outcomes = [a1, b1];
      expect(outcomes.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((r) => r.status === 'rejected');
      expect(lost?.status === 'rejected' && isUniqueViolation(lost.reason)).toBe(true);
      expect((await log(shared)).map((r) => r.seq)).toEqual([1, 2]);
      expect(await indexRow(shared)).toMatchObject({ last_seq: 2 });

      // Many rounds over meetings in opposite orders: every seq lands exactly once, no deadlock, no gap.
      const rest = meetings.slice(3);
      for (let seq = 2; seq <= 21; seq++) {
        const results = await Promise.allSettled([
          ...rest.map((m) => nodeA.append(districtId, m, [note(seq, `A${seq}`)])),
          ...[...rest].reverse().map((m) => nodeB.append(districtId, m, [note(seq, `B${seq}`)])),
        ]);
        for (const r of results) if (r.status === 'rejected') expect(isUniqueViolation(r.reason)).toBe(true);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(rest.length);
      }
      for (const m of rest) {
        expect((await log(m)).map((r) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
        expect(await indexRow(m)).toMatchObject({ last_seq: 21 });
      }
    } finally {
      await other.end();
    }
  });
});

describe('CAP-LIVE-12: an append finds its meetings by index, however many the table holds', () => {
  interface PlanNode {
    'Node Type': string;
    'Relation Name'?: string;
    'Index Name'?: string;
    Plans?: PlanNode[];
  }
  const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];

  it('never scans the meetings table, with thousands of meetings in it', async () => {
    // The size where the planner scanned the table for the statement's first form (about 20,000 and up, it did not).
    await testDb.pool.query(
      `INSERT INTO meetings (district_id, group_id, title, agenda, total_minutes, join_code, created_by, status)
       SELECT $1, $2, 'Past', '[]', 30, 'p' || g, $3, 'ended' FROM generate_series(1, 3000) AS g`,
      [districtId, groupId, userId],
    );
    await testDb.pool.query('ANALYZE meetings');
    const ids = await Promise.all(Array.from({ length: 6 }, () => newMeeting()));
    const rows = ids.map((m, i) => ({
      i,
      d: districtId,
      m,
      s: 1,
      t: 'note.suggested',
      v: 1,
      a: 1_800_000_000_000,
      u: userId,
      k: randomUUID(),
      p: { text: 'x' },
    }));
    const { rows: explained } = await testDb.pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `EXPLAIN (FORMAT JSON) ${APPEND.text}`,
      [JSON.stringify(rows)],
    );
    const plan = explained[0]?.['QUERY PLAN'][0]?.Plan;
    expect(plan).toBeDefined();
    const scans = nodesOf(plan!)
      .filter((n) => n['Relation Name'] === 'meetings' && n['Node Type'].endsWith('Scan'))
      .map((n) => n['Node Type']);
    // One read to lock them, one to update them: both through the index.
    expect(scans).toEqual(['Index Scan', 'Index Scan']);
  });
});
