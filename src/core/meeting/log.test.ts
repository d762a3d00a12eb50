import { describe, expect, it } from 'vitest';
import {
  ANA,
  BEN,
  cmd,
  fixtureRoutine,
  MEETING_ID,
  MEMBERS,
  OUTSIDER,
  session,
  started,
  T0,
} from './testing';
import { createMeeting, decide, evolve, MeetingLogGapError, replay } from '.';

describe('meeting log', () => {
  it('MEET-LOG-1: the state is a fold over the log; a repeated event is ignored and a gap throws', () => {
    const s = started();
    s.must(cmd('startTimer', ANA));
    expect(replay(s.events)).toEqual(s.state);
    expect(s.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const last = s.events.at(-1);
    if (!last) throw new Error('no events');
    expect(evolve(s.state, last)).toBe(s.state);
    expect(() => evolve(s.state, { ...last, seq: last.seq + 2 })).toThrow(MeetingLogGapError);
  });

  it('MEET-LOG-2: creation snapshots the validated routine and roster; the facilitator must be on it', () => {
    const base = {
      meetingId: MEETING_ID,
      agenda: [fixtureRoutine],
      memberIds: MEMBERS,
      facilitatorId: ANA,
      now: T0,
    };
    const created = createMeeting(base);
    expect(created).toMatchObject({
      ok: true,
      events: [{ seq: 1, type: 'meeting.created', actorId: ANA, idempotencyKey: null }],
    });
    expect(replay(created.ok ? created.events : [])).toMatchObject({
      phase: 'lobby',
      agenda: [{ routine: fixtureRoutine, firstStepIndex: 0, presenter: null, presentation: null }],
      roles: { facilitator: ANA },
    });
    expect(createMeeting({ ...base, facilitatorId: OUTSIDER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(createMeeting({ ...base, memberIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    const broken = { ...fixtureRoutine, steps: fixtureRoutine.steps.slice(0, -1) };
    expect(createMeeting({ ...base, agenda: [broken] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(session(fixtureRoutine, [ANA, BEN, ANA]).state.memberIds).toEqual([ANA, BEN]);
  });

  it('MEET-LOG-3: decide stamps events with the actor, key, next seq and a never-decreasing time, and does not change the state', () => {
    const s = started();
    const before = structuredClone(s.state);
    const c = cmd('startTimer', ANA);
    const d = decide(s.state, c, { now: T0 - 1_000 });
    expect(d).toEqual({
      ok: true,
      events: [
        {
          seq: 3,
          type: 'timer.started',
          v: 1,
          at: s.state.clock,
          actorId: ANA,
          idempotencyKey: c.idempotencyKey,
          payload: { stepId: 'observe' },
        },
      ],
    });
    expect(s.state).toEqual(before);
  });

  it('MEET-LOG-4: refusals are checked in order: meeting, roster, phase, role, then the command itself', () => {
    const empty = replay([]);
    expect(decide(empty, cmd('startMeeting', ANA), { now: T0 })).toMatchObject({
      ok: false,
      error: { code: 'NO_MEETING' },
    });
    const lobby = session();
    // An outsider sending a facilitator command in the wrong phase is refused for the roster first.
    expect(lobby.send(cmd('nextStep', OUTSIDER, { fromStepId: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    // A member without the role, in the wrong phase: the phase is named first.
    expect(lobby.send(cmd('nextStep', BEN, { fromStepId: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
    lobby.must(cmd('startMeeting', ANA));
    expect(lobby.send(cmd('nextStep', BEN, { fromStepId: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(lobby.send(cmd('nextStep', ANA, { fromStepId: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'STALE_STEP' },
    });
  });
});
