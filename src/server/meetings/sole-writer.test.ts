/**
 * CAP-LIVE-14 (ADR 0058): a node that is the only writer of its meetings' logs (no `CLUSTER`) trusts the state it
 * folded: a refused command is answered without reading the log again, and a roster read needs no read of the
 * tail. A node of several still reloads on a refusal (another node may have moved the meeting on). On both, a
 * clash on the seq reloads and decides again, so a writer nobody configured costs a retry, never a wrong event.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANA, BEN, cmd, started } from '#core/meeting/testing';
import { newMeetingRow, useMeetingLog } from '../../../test/meeting-rows';
import { GroupCommitter } from './group-commit';
import { MeetingRuntime } from './runtime';
import { loadEvents } from './store';

const fx = useMeetingLog('Sole Writer District', 'sw@sole-writer.test');

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A started meeting (Ana facilitates, on its first step `observe`) and what another writer appends behind the
 * runtime's back: the move to `describe`, at the seq after the log's last.
 */
async function meetingAndOtherWriter() {
  const meetingId = await newMeetingRow(fx.testDb.pool, fx.tenant);
  const s = started();
  await new GroupCommitter(fx.database.pool).append(fx.tenant.districtId, meetingId, s.events);
  const moved = s.must(cmd('nextStep', ANA, { fromStepId: 'observe' }));
  return {
    meetingId,
    otherWriterMoves: () =>
      new GroupCommitter(fx.database.pool).append(fx.tenant.districtId, meetingId, moved),
  };
}

/** The statements that read or write the meeting log, counted from now on. */
function logStatements(): () => number {
  const spy = vi.spyOn(fx.database.pool, 'query');
  return () =>
    spy.mock.calls.filter(([q]: unknown[]) => {
      const text =
        typeof q === 'string' ? q : typeof q === 'object' && q !== null && 'text' in q ? q.text : '';
      return typeof text === 'string' && text.includes('meeting_events');
    }).length;
}

describe('CAP-LIVE-14: a sole writer trusts the state it folded', () => {
  it('CAP-LIVE-14: a refusal and a roster read on a sole writer read nothing from the log', async () => {
    const { meetingId, otherWriterMoves } = await meetingAndOtherWriter();
    const runtime = new MeetingRuntime(fx.database, () => undefined, { soleWriter: true });
    expect(await runtime.rosterOf(meetingId, fx.tenant.districtId)).toContain(BEN);
    await otherWriterMoves();
    // Past the 50 ms in which a node of several would not read again either (TRUST-RT-LIMIT-3).
    await new Promise((resolve) => setTimeout(resolve, 60));

    const reads = logStatements();
    // Ben does not facilitate; and on this node's state the meeting is still on `observe`.
    expect(await runtime.execute(meetingId, fx.tenant.districtId, cmd('startTimer', BEN))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    const onDescribe = cmd('nextStep', ANA, { fromStepId: 'describe' });
    expect(await runtime.execute(meetingId, fx.tenant.districtId, onDescribe)).toMatchObject({
      ok: false,
      error: { code: 'STALE_STEP' },
    });
    expect(await runtime.rosterOf(meetingId, fx.tenant.districtId)).toContain(BEN);
    expect(reads()).toBe(0);
    runtime.stop();
  });

  it('CAP-LIVE-14: a node of several reloads the log on a refusal and decides again', async () => {
    const { meetingId, otherWriterMoves } = await meetingAndOtherWriter();
    const runtime = new MeetingRuntime(fx.database, () => undefined);
    expect(await runtime.rosterOf(meetingId, fx.tenant.districtId)).toContain(BEN);
    await otherWriterMoves();
    // A refusal reloads at most every 50 ms after the last read (TRUST-RT-LIMIT-3).
    await new Promise((resolve) => setTimeout(resolve, 60));

    const reads = logStatements();
    const result = await runtime.execute(
      meetingId,
      fx.tenant.districtId,
      cmd('nextStep', ANA, { fromStepId: 'describe' }),
    );
    expect(result).toMatchObject({ ok: true, events: [{ type: 'step.advanced' }] });
    expect(reads()).toBeGreaterThan(0);
    runtime.stop();
  });

  it('CAP-LIVE-14: on a sole writer, a command decided on a state another writer moved on clashes, reloads and lands after it', async () => {
    const { meetingId, otherWriterMoves } = await meetingAndOtherWriter();
    const runtime = new MeetingRuntime(fx.database, () => undefined, { soleWriter: true });
    expect(await runtime.rosterOf(meetingId, fx.tenant.districtId)).toContain(BEN);
    await otherWriterMoves();

    // Decided first on `observe` (stale): its append clashes on the seq, the runtime reads the tail and decides
    // again on `describe`.
    const result = await runtime.execute(meetingId, fx.tenant.districtId, cmd('startTimer', ANA));
    expect(result).toMatchObject({ ok: true, events: [{ type: 'timer.started' }] });
    const log = await loadEvents(fx.database.db, fx.tenant.districtId, meetingId, 0);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.slice(-2).map((e) => [e.type, e.payload])).toEqual([
      ['step.advanced', expect.objectContaining({ toStepId: 'describe' })],
      ['timer.started', expect.objectContaining({ stepId: 'describe' })],
    ]);
    runtime.stop();
  });
});
