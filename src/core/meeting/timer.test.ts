import { describe, expect, it } from 'vitest';
import { ANA, BEN, cmd, goTo, MIN, session, started } from './testing';
import { awaitsTick, currentTimer, estimateOffset, remainingForClient, remainingMs, tick } from '.';

const first = 'observe';

describe('step timer', () => {
  it('MEET-TIMER-1: a step starts idle; starting the timer counts remaining time down from the planned minutes', () => {
    const s = started();
    expect(currentTimer(s.state, s.now)).toMatchObject({
      stepId: first,
      status: 'idle',
      remainingMs: 10 * MIN,
      elapsedMs: 0,
    });
    s.wait(5 * MIN);
    expect(remainingMs(s.state, s.now)).toBe(10 * MIN); // idle time does not count
    s.must(cmd('startTimer', ANA));
    s.wait(90_000);
    expect(currentTimer(s.state, s.now)).toMatchObject({
      status: 'running',
      elapsedMs: 90_000,
      remainingMs: 10 * MIN - 90_000,
    });
  });

  it('MEET-TIMER-2: pause keeps remaining time constant; resume continues from there', () => {
    const s = started();
    s.must(cmd('startTimer', ANA));
    s.wait(2 * MIN);
    s.must(cmd('pauseTimer', ANA));
    const paused = remainingMs(s.state, s.now);
    s.wait(30 * MIN);
    expect(remainingMs(s.state, s.now)).toBe(paused);
    s.must(cmd('resumeTimer', ANA));
    s.wait(MIN);
    expect(remainingMs(s.state, s.now)).toBe(paused - MIN);
  });

  it('MEET-TIMER-3: start, pause and resume are refused in the wrong timer state', () => {
    const s = started();
    expect(s.send(cmd('pauseTimer', ANA))).toMatchObject({ ok: false, error: { code: 'TIMER_STATE' } });
    expect(s.send(cmd('resumeTimer', ANA))).toMatchObject({ ok: false, error: { code: 'TIMER_STATE' } });
    s.must(cmd('startTimer', ANA));
    expect(s.send(cmd('startTimer', ANA))).toMatchObject({ ok: false, error: { code: 'TIMER_STATE' } });
    s.must(cmd('pauseTimer', ANA));
    expect(s.send(cmd('startTimer', ANA))).toMatchObject({ ok: false, error: { code: 'TIMER_STATE' } });
  });

  it('MEET-TIMER-4: extending adds +1, +2 or any 1-10 minutes, up to 60 minutes per step', () => {
    const s = started();
    s.must(cmd('startTimer', ANA));
    s.must(cmd('extendStep', ANA, { minutes: 1 }));
    s.must(cmd('extendStep', ANA, { minutes: 2 }));
    s.must(cmd('extendStep', ANA, { minutes: 7 }));
    expect(currentTimer(s.state, s.now)).toMatchObject({
      plannedMs: 10 * MIN,
      extensionsMs: 10 * MIN,
      remainingMs: 20 * MIN,
    });
    for (let i = 0; i < 5; i++) s.must(cmd('extendStep', ANA, { minutes: 10 }));
    expect(s.send(cmd('extendStep', ANA, { minutes: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'LIMIT' },
    });
  });

  it('MEET-TIMER-5: when time is up remaining stays 0, overrun grows, and nothing advances without the opt-in', () => {
    const s = started();
    s.must(cmd('startTimer', ANA));
    s.wait(12 * MIN);
    expect(currentTimer(s.state, s.now)).toMatchObject({
      remainingMs: 0,
      overrunMs: 2 * MIN,
      elapsedMs: 12 * MIN,
    });
    expect(s.tick()).toEqual([]);
    expect(s.state.steps[s.state.currentStepIndex ?? -1]?.stepId).toBe(first);
    s.must(cmd('extendStep', ANA, { minutes: 5 }));
    expect(currentTimer(s.state, s.now)).toMatchObject({ remainingMs: 3 * MIN, overrunMs: 0 });
  });

  it('MEET-TIMER-6: with auto-advance on, tick moves to the next step when time is up and starts its timer', () => {
    const s = started();
    s.must(cmd('setAutoAdvance', ANA, { enabled: true }));
    s.must(cmd('startTimer', ANA));
    s.wait(10 * MIN - 1);
    expect(s.tick()).toEqual([]);
    s.wait(1);
    const [event] = s.tick();
    expect(event).toMatchObject({
      type: 'step.auto-advanced',
      actorId: 'system',
      idempotencyKey: null,
      payload: { fromStepId: first, toStepId: 'describe' },
    });
    expect(s.state.steps[0]).toMatchObject({ outcome: 'done', elapsedMs: 10 * MIN, timer: 'paused' });
    expect(currentTimer(s.state, s.now)).toMatchObject({
      stepId: 'describe',
      status: 'running',
      remainingMs: 2 * MIN,
    });
    expect(s.tick()).toEqual([]);
  });

  it('MEET-TIMER-7: auto-advance never fires while paused, before the timer starts, or on the last step', () => {
    const s = started();
    s.must(cmd('setAutoAdvance', ANA, { enabled: true }));
    s.wait(60 * MIN);
    expect(s.tick()).toEqual([]); // idle
    s.must(cmd('startTimer', ANA));
    s.wait(5 * MIN);
    s.must(cmd('pauseTimer', ANA));
    s.wait(60 * MIN);
    expect(s.tick()).toEqual([]); // paused
    goTo(s, 'final');
    s.must(cmd('startTimer', ANA));
    s.wait(60 * MIN);
    expect(s.tick()).toEqual([]); // last step: ending is the team's call
    expect(currentTimer(s.state, s.now)?.overrunMs).toBe(56 * MIN);
  });

  it('MEET-TIMER-11: awaitsTick holds exactly while tick would still fire once the time is up', () => {
    const s = started();
    const fires = () => tick(s.state, s.now + 24 * 60 * MIN).length > 0;
    const seen: [boolean, boolean][] = [];
    const check = () => seen.push([awaitsTick(s.state), fires()]);
    check(); // no opt-in
    s.must(cmd('setAutoAdvance', ANA, { enabled: true }));
    check(); // timer idle
    s.must(cmd('startTimer', ANA));
    check(); // running, a step follows
    s.must(cmd('pauseTimer', ANA));
    check(); // paused
    s.must(cmd('resumeTimer', ANA));
    s.must(cmd('setAutoAdvance', ANA, { enabled: false }));
    check(); // opted out again
    s.must(cmd('setAutoAdvance', ANA, { enabled: true }));
    goTo(s, 'final');
    s.must(cmd('startTimer', ANA));
    check(); // last step
    s.must(cmd('endMeeting', ANA));
    check(); // ended
    expect(seen).toEqual([
      [false, false],
      [false, false],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it('MEET-TIMER-8: a variable step can be resized; a fixed one cannot', () => {
    const s = started();
    s.must(cmd('setStepMinutes', ANA, { stepId: 'observe', minutes: 25 }));
    expect(currentTimer(s.state, s.now)?.plannedMs).toBe(25 * MIN);
    expect(s.send(cmd('setStepMinutes', ANA, { stepId: 'discuss', minutes: 25 }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(s.send(cmd('setStepMinutes', ANA, { stepId: 'nope', minutes: 25 }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('MEET-TIMER-9: event time never runs backwards, even if the server clock does', () => {
    const s = started();
    s.must(cmd('startTimer', ANA));
    s.wait(MIN);
    s.must(cmd('extendStep', ANA, { minutes: 1 }));
    const clock = s.state.clock;
    s.wait(-30_000);
    const [paused] = s.must(cmd('pauseTimer', ANA));
    expect(paused?.at).toBe(clock);
    expect(currentTimer(s.state, s.now)?.elapsedMs).toBe(MIN);
    expect(remainingMs(s.state, s.now - 10 * MIN)).toBeGreaterThanOrEqual(0);
  });

  it('MEET-TIMER-10: clients estimate the server offset from the ping with the shortest round trip', () => {
    // The client clock is 5 s behind the server; the second sample's network was fast and symmetric.
    const samples = [
      { clientSent: 1_000, serverTime: 6_300, clientReceived: 1_400 },
      { clientSent: 2_000, serverTime: 7_020, clientReceived: 2_040 },
      { clientSent: 3_000, serverTime: 8_500, clientReceived: 3_900 },
      { clientSent: 4_000, serverTime: 9_000, clientReceived: 3_990 }, // clock jumped: ignored
    ];
    expect(estimateOffset(samples)).toBe(5_000);
    expect(estimateOffset([])).toBe(0);

    const s = started();
    s.must(cmd('startTimer', ANA));
    s.wait(MIN);
    const clientNow = s.now - 5_000;
    expect(remainingForClient(s.state, clientNow, 5_000)).toBe(9 * MIN);
    expect(remainingForClient(s.state, clientNow, 0)).toBe(9 * MIN + 5_000);
  });
});

describe('steps', () => {
  it('MEET-STEP-1: next, previous and skip move one step; going back finds the time already spent', () => {
    const s = started();
    s.must(cmd('startTimer', ANA));
    s.wait(3 * MIN);
    s.must(cmd('nextStep', ANA, { fromStepId: 'observe' }));
    expect(s.state.steps[0]).toMatchObject({ outcome: 'done', elapsedMs: 3 * MIN, timer: 'paused' });
    expect(currentTimer(s.state, s.now)).toMatchObject({ stepId: 'describe', status: 'idle' });
    s.must(cmd('skipStep', ANA, { fromStepId: 'describe' }));
    expect(s.state.steps[1]?.outcome).toBe('skipped');
    s.must(cmd('previousStep', ANA, { fromStepId: 'probe' }));
    s.must(cmd('previousStep', ANA, { fromStepId: 'describe' }));
    expect(currentTimer(s.state, s.now)).toMatchObject({
      stepId: 'observe',
      status: 'paused',
      elapsedMs: 3 * MIN,
      remainingMs: 7 * MIN,
    });
    s.must(cmd('resumeTimer', ANA));
  });

  it('MEET-STEP-2: a navigation command naming a step that is no longer current is refused (no double advance)', () => {
    const s = started();
    const next = cmd('nextStep', ANA, { fromStepId: 'observe' });
    s.must(next);
    expect(s.send({ ...next, idempotencyKey: 'another-click' })).toMatchObject({
      ok: false,
      error: { code: 'STALE_STEP' },
    });
    expect(s.state.currentStepIndex).toBe(1);
  });

  it('MEET-STEP-3: there is no step before the first, nor after the final discussion', () => {
    const s = started();
    expect(s.send(cmd('previousStep', ANA, { fromStepId: 'observe' }))).toMatchObject({
      ok: false,
      error: { code: 'NO_PREVIOUS_STEP' },
    });
    goTo(s, 'final');
    expect(s.send(cmd('nextStep', ANA, { fromStepId: 'final' }))).toMatchObject({
      ok: false,
      error: { code: 'NO_NEXT_STEP' },
    });
    expect(s.send(cmd('skipStep', ANA, { fromStepId: 'final' }))).toMatchObject({
      ok: false,
      error: { code: 'NO_NEXT_STEP' },
    });
  });

  it('MEET-STEP-4: the meeting runs lobby → running → ended; ending stops the clock and nothing moves afterwards', () => {
    const s = started();
    expect(s.send(cmd('startMeeting', ANA))).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
    goTo(s, 'discuss');
    s.must(cmd('startTimer', ANA));
    s.wait(2 * MIN);
    s.must(cmd('endMeeting', ANA));
    expect(s.state).toMatchObject({ phase: 'ended', currentStepIndex: null, endedAt: s.now });
    expect(s.state.steps.map((r) => r.outcome)).toEqual(['done', 'done', 'done', 'done', 'pending']);
    expect(s.state.steps[3]).toMatchObject({ elapsedMs: 2 * MIN, runningSince: null });
    expect(remainingMs(s.state, s.now)).toBe(0);
    expect(s.send(cmd('nextStep', ANA, { fromStepId: 'discuss' }))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
    expect(s.send(cmd('startTimer', ANA))).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
    expect(s.send(cmd('endMeeting', ANA))).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
  });

  it('MEET-STEP-5: before the start only setup commands are accepted', () => {
    const lobby = session();
    expect(lobby.state.phase).toBe('lobby');
    expect(lobby.send(cmd('startTimer', ANA))).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
    expect(lobby.send(cmd('submitQuestion', BEN, { kind: 'probing', text: 'Why?' }))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
    lobby.must(cmd('assignRoles', ANA, { presenter: BEN }));
    lobby.must(cmd('setStepMinutes', ANA, { stepId: 'observe', minutes: 20 }));
    lobby.must(cmd('setAutoAdvance', ANA, { enabled: true }));
    lobby.must(cmd('startMeeting', ANA));
    expect(currentTimer(lobby.state, lobby.now)).toMatchObject({
      stepId: 'observe',
      plannedMs: 20 * MIN,
      status: 'idle',
    });
  });
});
