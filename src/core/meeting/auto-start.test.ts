/**
 * DAY-TIMER: the timer that starts itself. A team's setting, copied into the meeting's first event, makes the
 * start of the meeting and every move of the facilitator start the step's timer, as its own event in the log.
 */
import { describe, expect, it } from 'vitest';
import { MeetingEvent, type MeetingCommand } from '../../contracts/meeting';
import { ANA, BEN, cmd, fixtureRoutine, MEETING_ID, MEMBERS, MIN, T0 } from './testing';
import { createMeeting, currentTimer, decide, evolve, minutesOf, replay, type MeetingState } from '.';

/** A meeting in the lobby whose team has the setting on (or off, or a log from before the setting existed). */
function meeting(autoStartTimer: boolean | undefined, agenda = [fixtureRoutine]) {
  const created = createMeeting({
    meetingId: MEETING_ID,
    agenda,
    memberIds: MEMBERS,
    facilitatorId: ANA,
    now: T0,
    ...(autoStartTimer !== undefined && { autoStartTimer }),
  });
  if (!created.ok) throw new Error(created.error.message);
  const m = {
    events: [...created.events],
    state: replay(created.events),
    now: T0,
    send(c: MeetingCommand): MeetingEvent[] {
      const d = decide(m.state, c, { now: m.now });
      if (!d.ok) throw new Error(`${c.type} refused: ${d.error.code} ${d.error.message}`);
      for (const e of d.events) expect(MeetingEvent.safeParse(e).success).toBe(true);
      m.events.push(...d.events);
      m.state = d.events.reduce(evolve, m.state);
      return d.events;
    },
    current() {
      const step = m.state.steps[m.state.currentStepIndex ?? -1];
      return { stepId: step?.stepId, timer: currentTimer(m.state, m.now) };
    },
  };
  return m;
}

const fromStep = (s: MeetingState) => ({ fromStepId: s.steps[s.currentStepIndex ?? -1]?.stepId ?? '' });

describe('timer that starts itself', () => {
  it('DAY-TIMER-1: with the team setting on, starting the meeting starts the first step’s timer (the projector never reads "Not started")', () => {
    const m = meeting(true);
    expect(m.events[0]?.payload).toMatchObject({ autoStartTimer: true });
    const events = m.send(cmd('startMeeting', ANA));
    expect(events.map((e) => e.type)).toEqual(['meeting.started', 'timer.started']);
    expect(events[1]).toMatchObject({
      seq: events[0]!.seq + 1,
      at: events[0]!.at,
      actorId: ANA,
      idempotencyKey: null,
      payload: { stepId: 'observe' },
    });
    m.now += 90_000;
    expect(m.current().timer).toMatchObject({
      stepId: 'observe',
      status: 'running',
      elapsedMs: 90_000,
      remainingMs: 10 * MIN - 90_000,
    });
  });

  it('DAY-TIMER-1: each move of the facilitator (next, skip, back) starts the step it lands on; a step already run resumes where it stopped', () => {
    const m = meeting(true);
    m.send(cmd('startMeeting', ANA));
    m.now += 3 * MIN;
    expect(m.send(cmd('nextStep', ANA, fromStep(m.state))).map((e) => e.type)).toEqual([
      'step.advanced',
      'timer.started',
    ]);
    expect(m.state.steps[0]).toMatchObject({ timer: 'paused', elapsedMs: 3 * MIN, outcome: 'done' });
    expect(m.current()).toMatchObject({ stepId: 'describe', timer: { status: 'running', elapsedMs: 0 } });

    m.now += MIN;
    expect(m.send(cmd('skipStep', ANA, fromStep(m.state))).map((e) => e.type)).toEqual([
      'step.skipped',
      'timer.started',
    ]);
    m.now += 30_000;
    // Back to a step that already ran: its clock goes on from what it had, not from zero.
    expect(m.send(cmd('previousStep', ANA, fromStep(m.state))).map((e) => e.type)).toEqual([
      'step.returned',
      'timer.resumed',
    ]);
    m.now += 15_000;
    expect(m.current()).toMatchObject({
      stepId: 'describe',
      timer: { status: 'running', elapsedMs: MIN + 15_000 },
    });
    // Starting a running timer by hand is refused, so the screens offer pause instead of start.
    expect(decide(m.state, cmd('startTimer', ANA), { now: m.now })).toMatchObject({
      ok: false,
      error: { code: 'TIMER_STATE' },
    });
  });

  it('DAY-TIMER-1: moving into the next routine of an agenda starts its first step too', () => {
    const m = meeting(true, [fixtureRoutine, fixtureRoutine]);
    m.send(cmd('startMeeting', ANA));
    while (m.state.currentPart === 0) m.send(cmd('nextStep', ANA, fromStep(m.state)));
    expect(m.current()).toMatchObject({ stepId: 'p2-observe', timer: { status: 'running' } });
  });

  it('DAY-TIMER-1: a paused step stays paused until someone resumes it; moving while paused starts the next step', () => {
    const m = meeting(true);
    m.send(cmd('startMeeting', ANA));
    m.now += MIN;
    m.send(cmd('pauseTimer', ANA));
    m.now += 5 * MIN;
    expect(m.current().timer).toMatchObject({ status: 'paused', elapsedMs: MIN });
    m.send(cmd('nextStep', ANA, fromStep(m.state)));
    expect(m.state.steps[0]).toMatchObject({ elapsedMs: MIN });
    expect(m.current()).toMatchObject({ stepId: 'describe', timer: { status: 'running' } });
  });

  it('DAY-TIMER-1: logs from before the setting (and teams that turned it off) keep the timer waiting for a click', () => {
    for (const setting of [undefined, false]) {
      const m = meeting(setting);
      expect(Object.hasOwn(m.events[0]!.payload, 'autoStartTimer')).toBe(setting !== undefined);
      expect(m.send(cmd('startMeeting', ANA)).map((e) => e.type)).toEqual(['meeting.started']);
      expect(m.send(cmd('nextStep', ANA, fromStep(m.state))).map((e) => e.type)).toEqual(['step.advanced']);
      expect(m.current().timer?.status).toBe('idle');
    }
  });

  it('DAY-TIMER-1: a retried move lands once: the resent command brings no second timer event', () => {
    const m = meeting(true);
    m.send(cmd('startMeeting', ANA));
    const next = cmd('nextStep', ANA, fromStep(m.state));
    expect(m.send(next)).toHaveLength(2);
    expect(decide(m.state, next, { now: m.now + 1 })).toEqual({ ok: true, events: [] });
    expect(replay(m.events)).toEqual(m.state);
  });

  it('DAY-TIMER-2: the facilitator switches it for this meeting, in the lobby or while it runs; nobody else can', () => {
    const m = meeting(false);
    expect(decide(m.state, cmd('setAutoStartTimer', BEN, { enabled: true }), { now: m.now })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(m.send(cmd('setAutoStartTimer', ANA, { enabled: true })).map((e) => e.type)).toEqual([
      'auto-start.enabled',
    ]);
    expect(m.send(cmd('startMeeting', ANA)).map((e) => e.type)).toEqual(['meeting.started', 'timer.started']);
    m.send(cmd('setAutoStartTimer', ANA, { enabled: false }));
    expect(m.state.autoStartTimer).toBe(false);
    expect(m.send(cmd('nextStep', ANA, fromStep(m.state))).map((e) => e.type)).toEqual(['step.advanced']);
    m.send(cmd('endMeeting', ANA));
    expect(decide(m.state, cmd('setAutoStartTimer', ANA, { enabled: true }), { now: m.now })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
  });

  it('DAY-TIMER-4: the minutes record the time each step’s timer really ran, pauses excluded, to the millisecond', () => {
    const m = meeting(true);
    m.send(cmd('startMeeting', ANA));
    m.now += 4 * MIN + 20_000;
    m.send(cmd('pauseTimer', ANA));
    m.now += 7 * MIN; // a long pause does not count
    m.send(cmd('resumeTimer', ANA));
    m.now += 40_000;
    m.send(cmd('nextStep', ANA, fromStep(m.state)));
    m.now += 12_345;
    m.send(cmd('nextStep', ANA, fromStep(m.state)));
    m.send(cmd('endMeeting', ANA));
    const steps = minutesOf(m.state).parts[0]!.steps;
    expect(steps.map((s) => [s.stepId, s.actualMs, s.timed])).toEqual([
      ['observe', 5 * MIN, true],
      ['describe', 12_345, true],
      ['probe', 0, true],
      ['discuss', 0, false],
      ['final', 0, false],
    ]);
    expect(steps.map((s) => s.actualText)).toEqual([
      '5 min',
      'under 1 min',
      '0 min',
      'not timed',
      'not timed',
    ]);
    expect(steps[0]?.actualMinutes).toBe(5);
  });
});
