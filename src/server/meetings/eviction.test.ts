/**
 * CAP-LIVE-15 (ADR 0059): a node forgets a meeting nobody acted in for 30 minutes, a running one too (a team
 * that closed its laptops without ending it), unless the ticker still has to move it on (MEET-TIMER-11). A
 * forgotten meeting is read from the log again on its next use.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from '#contracts/meeting';
import { ANA, BEN, cmd, goTo, MIN, started, type Session } from '#core/meeting/testing';
import { newMeetingRow, useMeetingLog } from '../../../test/meeting-rows';
import { GroupCommitter } from './group-commit';
import { IDLE_EVICT_MS, MeetingRuntime } from './runtime';
import { loadEvents } from './store';

const fx = useMeetingLog('Eviction District', 'ev@eviction.test');

/** A meeting row whose log is what `scene` did to a started session. */
async function meeting(scene: (s: Session) => void): Promise<{ id: string; events: MeetingEvent[] }> {
  const id = await newMeetingRow(fx.testDb.pool, fx.tenant);
  const s = started();
  scene(s);
  await new GroupCommitter(fx.database.pool).append(fx.tenant.districtId, id, s.events);
  return { id, events: s.events };
}

describe('CAP-LIVE-15: idle meetings leave memory', () => {
  it('CAP-LIVE-15: after 30 idle minutes a running meeting is forgotten unless the ticker still has to move it on', async () => {
    const plain = await meeting((s) => s.must(cmd('startTimer', ANA)));
    const flowing = await meeting((s) => {
      s.must(cmd('setAutoAdvance', ANA, { enabled: true }));
      s.must(cmd('startTimer', ANA));
    });
    const onLastStep = await meeting((s) => {
      s.must(cmd('setAutoAdvance', ANA, { enabled: true }));
      goTo(s, 'final');
      s.must(cmd('startTimer', ANA));
    });
    const all = [plain, flowing, onLastStep];
    let clock = Math.max(...all.flatMap((m) => m.events.map((e) => e.at))) + MIN;
    const runtime = new MeetingRuntime(fx.database, () => undefined, { now: () => clock, soleWriter: true });
    for (const m of all) expect(await runtime.rosterOf(m.id, fx.tenant.districtId)).toContain(BEN);

    clock += IDLE_EVICT_MS - MIN;
    await runtime.tickAll();
    expect(all.map((m) => runtime.holds(m.id))).toEqual([true, true, true]);

    clock += 2 * MIN;
    await runtime.tickAll();
    expect(all.map((m) => runtime.holds(m.id))).toEqual([false, true, false]);
    // Meanwhile the ticker moved the flowing meeting on: past its first step's 10 minutes at the first check,
    // past the next one's 2 at the second.
    const flowed = await loadEvents(fx.database.db, fx.tenant.districtId, flowing.id, flowing.events.length);
    expect(flowed.map((e) => e.type)).toEqual(['step.auto-advanced', 'step.auto-advanced']);

    // A forgotten meeting is read again on its next command, which lands after its last event.
    const next = await runtime.execute(plain.id, fx.tenant.districtId, cmd('pauseTimer', ANA));
    expect(next).toMatchObject({ ok: true, seq: plain.events.length + 1 });
    expect(runtime.holds(plain.id)).toBe(true);
    runtime.stop();
  });
});
