import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../../contracts/meeting';
import type { Routine } from '../../contracts/routine';
import { replay } from './evolve';
import { ANA, BEN, cmd, fixtureRoutine, goTo, session, T0 } from './testing';

const success: Routine = {
  ...fixtureRoutine,
  id: 'success-fixture',
  name: 'Success fixture',
  focus: 'success',
};

describe('the presenter at the start', () => {
  it('DAY-DEVICE-1: a meeting started with nobody chosen to present has the facilitator as presenter', () => {
    const s = session();
    const [started] = s.must(cmd('startMeeting', ANA));
    expect(s.state.roles.presenter).toBe(ANA);
    expect(s.state.agenda.map((p) => p.presenter)).toEqual([ANA]);
    // The default is in the log, so the minutes and every screen read the same presenter.
    expect(started).toMatchObject({ type: 'meeting.started', payload: { defaultPresenter: ANA } });
    expect(replay(s.events)).toEqual(s.state);
  });

  it('DAY-DEVICE-1: a chosen presenter is kept; only the routines of the agenda without one get the facilitator', () => {
    const s = session([success, fixtureRoutine, success]);
    s.must(cmd('assignRoles', ANA, { presenter: BEN, part: 0 }));
    s.must(cmd('startMeeting', ANA));
    expect(s.state.agenda.map((p) => p.presenter)).toEqual([BEN, ANA, ANA]);
    expect(s.state.roles.presenter).toBe(BEN);
    goTo(s, 'p2-observe');
    expect(s.state.roles.presenter).toBe(ANA);
    expect(replay(s.events)).toEqual(s.state);
  });

  it('DAY-DEVICE-1: when every routine has its presenter, the start says nothing more, and older logs fold as before', () => {
    const s = session();
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    const [started] = s.must(cmd('startMeeting', ANA));
    expect(started?.payload).toEqual({});
    expect(s.state.roles.presenter).toBe(BEN);
    const before: MeetingEvent = {
      seq: 2,
      type: 'meeting.started',
      v: 1,
      at: T0,
      actorId: ANA,
      idempotencyKey: 'k',
      payload: {},
    };
    expect(replay([...session().events, before]).roles.presenter).toBeNull();
  });
});
