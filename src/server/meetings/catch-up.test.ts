/**
 * CAP-LIVE-13 (ADR 0056): a join's catch-up page is read from the log, not from a copy of the events this node
 * kept when it folded them. A row the log changed after the meeting was folded here (as the data-rights erasure
 * blanks a private reflection, ADR 0042) is served as it is stored now; pages hold at most `limit` events and say
 * whether more follow.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ANA, BEN, cmd, started } from '#core/meeting/testing';
import { newMeetingRow, useMeetingLog } from '../../../test/meeting-rows';
import { GroupCommitter } from './group-commit';
import { MeetingRuntime } from './runtime';

const fx = useMeetingLog('Catch-up District', 'cu@catch-up.test');

/** A meeting row whose log is a started session with one private reflection and `timerMoves` timer events. */
async function meetingWithLog(timerMoves: number): Promise<string> {
  const meetingId = await newMeetingRow(fx.testDb.pool, fx.tenant);
  const s = started();
  s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'Only Ben may read this.' }));
  s.must(cmd('startTimer', ANA));
  for (let k = 0; k < timerMoves; k++) s.must(cmd(k % 2 ? 'resumeTimer' : 'pauseTimer', ANA));
  const committer = new GroupCommitter(fx.database.pool);
  for (let i = 0; i < s.events.length; i += 200)
    await committer.append(fx.tenant.districtId, meetingId, s.events.slice(i, i + 200));
  return meetingId;
}

describe('CAP-LIVE-13: catch-up pages are read from the log', () => {
  it('CAP-LIVE-13: a row changed in the log after the meeting was folded here is served as it is stored now', async () => {
    const meetingId = await meetingWithLog(3);
    const runtime = new MeetingRuntime(fx.database, () => undefined);
    // Folded on this node: read once, then moved on by a command through the runtime.
    expect(await runtime.rosterOf(meetingId, fx.tenant.districtId)).toContain(BEN);
    expect(await runtime.execute(meetingId, fx.tenant.districtId, cmd('resumeTimer', ANA))).toMatchObject({
      ok: true,
    });
    const before = await runtime.catchUpPage(meetingId, fx.tenant.districtId, 0, 500);
    const reflection = (events: typeof before.events) => events.find((e) => e.type === 'reflection.written');
    expect(reflection(before.events)?.payload).toMatchObject({ text: 'Only Ben may read this.' });

    // What the erasure does to a person's private reflections (src/server/rights/erase.ts).
    await fx.testDb.pool.query(
      `UPDATE meeting_events SET payload = jsonb_set(payload, '{text}', '"(erased)"'::jsonb)
       WHERE meeting_id = $1 AND type = 'reflection.written'`,
      [meetingId],
    );
    const after = await runtime.catchUpPage(meetingId, fx.tenant.districtId, 0, 500);
    expect(reflection(after.events)?.payload).toMatchObject({ text: '(erased)' });
    expect(after.events.map((e) => e.seq)).toEqual(before.events.map((e) => e.seq));
    runtime.stop();
  });

  it('CAP-LIVE-13: pages hold at most `limit` events in seq order and say whether more follow; another district reads nothing', async () => {
    const meetingId = await meetingWithLog(20);
    const runtime = new MeetingRuntime(fx.database, () => undefined);
    const last = (await runtime.catchUpPage(meetingId, fx.tenant.districtId, 0, 500)).events.at(-1)?.seq ?? 0;
    expect(last).toBe(24); // created, started, reflection, timer started, 20 moves
    const pages: { first: number | undefined; n: number; more: boolean }[] = [];
    for (let after = 0; ;) {
      const page = await runtime.catchUpPage(meetingId, fx.tenant.districtId, after, 10);
      pages.push({ first: page.events[0]?.seq, n: page.events.length, more: page.more });
      after = page.events.at(-1)?.seq ?? after;
      if (!page.more) break;
    }
    expect(pages).toEqual([
      { first: 1, n: 10, more: true },
      { first: 11, n: 10, more: true },
      { first: 21, n: 4, more: false },
    ]);
    expect(await runtime.catchUpPage(meetingId, fx.tenant.districtId, 14, 10)).toMatchObject({ more: false });
    expect(await runtime.catchUpPage(meetingId, fx.tenant.districtId, last, 10)).toEqual({
      events: [],
      more: false,
    });
    expect(await runtime.catchUpPage(meetingId, randomUUID(), 0, 10)).toEqual({ events: [], more: false });
    runtime.stop();
  });
});
