/**
 * CAP-LIVE-13 (ADR 0056): a join's catch-up page is read from the log, not from a copy of the events this node
 * kept when it folded them. A row the log changed after the meeting was folded here (as the data-rights erasure
 * blanks a private reflection, ADR 0042) is served as it is stored now; pages hold at most `limit` events and say
 * whether more follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ANA, BEN, cmd, started } from '#core/meeting/testing';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { connectDatabase, type Database } from '../db/client';
import { GroupCommitter } from './group-commit';
import { MeetingRuntime } from './runtime';

let testDb: TestDatabase;
let database: Database;
let districtId = '';
let groupId = '';
let userId = '';

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = connectDatabase(testDb.url, { max: 4 });
  const q = async (sql: string, values: unknown[]) =>
    (await testDb.pool.query<{ id: string }>(sql, values)).rows[0]?.id ?? '';
  districtId = await q(`INSERT INTO districts (name) VALUES ($1) RETURNING id`, ['Catch-up District']);
  const schoolId = await q(`INSERT INTO schools (district_id, name) VALUES ($1, 'S') RETURNING id`, [
    districtId,
  ]);
  groupId = await q(
    `INSERT INTO groups (district_id, school_id, kind, focus, name) VALUES ($1, $2, 'teacher_team', 'plc', 'T') RETURNING id`,
    [districtId, schoolId],
  );
  userId = await q(
    `INSERT INTO users (district_id, email, name) VALUES ($1, 'cu@catch-up.test', 'CU') RETURNING id`,
    [districtId],
  );
});

afterAll(async () => {
  await database.pool.end();
  await testDb.drop();
});

/** A meeting row whose log is a started session with one private reflection and `timerMoves` timer events. */
async function meetingWithLog(timerMoves: number): Promise<string> {
  const { rows } = await testDb.pool.query<{ id: string }>(
    `INSERT INTO meetings (district_id, group_id, title, agenda, total_minutes, join_code, created_by)
     VALUES ($1, $2, 'M', '[]', 30, $3, $4) RETURNING id`,
    [districtId, groupId, randomUUID().slice(0, 8), userId],
  );
  const meetingId = rows[0]!.id;
  const s = started();
  s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'Only Ben may read this.' }));
  s.must(cmd('startTimer', ANA));
  for (let k = 0; k < timerMoves; k++) s.must(cmd(k % 2 ? 'resumeTimer' : 'pauseTimer', ANA));
  const committer = new GroupCommitter(database.pool);
  for (let i = 0; i < s.events.length; i += 200)
    await committer.append(districtId, meetingId, s.events.slice(i, i + 200));
  return meetingId;
}

describe('CAP-LIVE-13: catch-up pages are read from the log', () => {
  it('CAP-LIVE-13: a row changed in the log after the meeting was folded here is served as it is stored now', async () => {
    const meetingId = await meetingWithLog(3);
    const runtime = new MeetingRuntime(database, () => undefined);
    // Folded on this node: read once, then moved on by a command through the runtime.
    expect(await runtime.rosterOf(meetingId, districtId)).toContain(BEN);
    expect(await runtime.execute(meetingId, districtId, cmd('resumeTimer', ANA))).toMatchObject({ ok: true });
    const before = await runtime.catchUpPage(meetingId, districtId, 0, 500);
    const reflection = (events: typeof before.events) => events.find((e) => e.type === 'reflection.written');
    expect(reflection(before.events)?.payload).toMatchObject({ text: 'Only Ben may read this.' });

    // What the erasure does to a person's private reflections (src/server/rights/erase.ts).
    await testDb.pool.query(
      `UPDATE meeting_events SET payload = jsonb_set(payload, '{text}', '"(erased)"'::jsonb)
       WHERE meeting_id = $1 AND type = 'reflection.written'`,
      [meetingId],
    );
    const after = await runtime.catchUpPage(meetingId, districtId, 0, 500);
    expect(reflection(after.events)?.payload).toMatchObject({ text: '(erased)' });
    expect(after.events.map((e) => e.seq)).toEqual(before.events.map((e) => e.seq));
    runtime.stop();
  });

  it('CAP-LIVE-13: pages hold at most `limit` events in seq order and say whether more follow; another district reads nothing', async () => {
    const meetingId = await meetingWithLog(20);
    const runtime = new MeetingRuntime(database, () => undefined);
    const last = (await runtime.catchUpPage(meetingId, districtId, 0, 500)).events.at(-1)?.seq ?? 0;
    expect(last).toBe(24); // created, started, reflection, timer started, 20 moves
    const pages: { first: number | undefined; n: number; more: boolean }[] = [];
    for (let after = 0; ;) {
      const page = await runtime.catchUpPage(meetingId, districtId, after, 10);
      pages.push({ first: page.events[0]?.seq, n: page.events.length, more: page.more });
      after = page.events.at(-1)?.seq ?? after;
      if (!page.more) break;
    }
    expect(pages).toEqual([
      { first: 1, n: 10, more: true },
      { first: 11, n: 10, more: true },
      { first: 21, n: 4, more: false },
    ]);
    expect(await runtime.catchUpPage(meetingId, districtId, 14, 10)).toMatchObject({ more: false });
    expect(await runtime.catchUpPage(meetingId, districtId, last, 10)).toEqual({ events: [], more: false });
    expect(await runtime.catchUpPage(meetingId, randomUUID(), 0, 10)).toEqual({ events: [], more: false });
    runtime.stop();
  });
});
