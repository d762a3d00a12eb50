import { describe, expect, it } from 'vitest';
import type { Routine } from '../../contracts/routine';
import { createMeeting } from './create';
import { minutesOf } from './minutes';
import { currentRoutineStep } from './state';
import {
  ANA,
  BEN,
  CAI,
  cmd,
  fixtureRoutine,
  goTo,
  MEETING_ID,
  MEMBERS,
  session,
  started,
  T0,
} from './testing';

const success: Routine = {
  ...fixtureRoutine,
  id: 'success-fixture',
  name: 'Success fixture',
  focus: 'success',
};
const agenda = [success, fixtureRoutine];

describe('agenda of several routines', () => {
  it('MEET-AGENDA-1: the routines run back to back as one list of steps, ids prefixed by part so none repeats', () => {
    const s = started(agenda);
    const ids = s.state.steps.map((r) => r.stepId);
    expect(ids).toEqual([
      ...fixtureRoutine.steps.map((x) => `p1-${x.id}`),
      ...fixtureRoutine.steps.map((x) => `p2-${x.id}`),
    ]);
    expect(s.state.steps.map((r) => r.partIndex)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(s.state.agenda.map((p) => [p.routine.id, p.firstStepIndex])).toEqual([
      ['success-fixture', 0],
      ['fixture', 5],
    ]);
    // The first part's final step leads straight into the second routine.
    goTo(s, 'p1-final');
    s.must(cmd('nextStep', ANA, { fromStepId: 'p1-final' }));
    expect(s.state.currentPart).toBe(1);
    expect(currentRoutineStep(s.state)?.id).toBe('observe');
    // A one-routine meeting keeps the routine's own ids.
    expect(started().state.steps.map((r) => r.stepId)).toEqual(fixtureRoutine.steps.map((x) => x.id));
  });

  it('MEET-AGENDA-2: each routine has its own presenter, who takes the floor when the meeting reaches it', () => {
    const s = session(agenda);
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    s.must(cmd('assignRoles', ANA, { presenter: CAI, part: 1 }));
    expect(s.state.agenda.map((p) => p.presenter)).toEqual([BEN, CAI]);
    expect(s.state.roles.presenter).toBe(BEN);
    expect(s.send(cmd('assignRoles', ANA, { presenter: CAI, part: 3 }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(s.send(cmd('assignRoles', ANA, { timekeeper: CAI, part: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });

    s.must(cmd('startMeeting', ANA));
    goTo(s, 'p2-observe');
    expect(s.state.roles.presenter).toBe(CAI);
    // Ben presented the first routine; in the second he is a participant again.
    expect(s.send(cmd('recordPresentation', BEN, { title: 'x', summary: '' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('recordPresentation', CAI, { title: 'Fishbowl', summary: '', mode: 'classroom-video' }));
    s.must(cmd('previousStep', ANA, { fromStepId: 'p2-observe' }));
    expect(s.state.roles.presenter).toBe(BEN);
  });

  it('MEET-AGENDA-3: records, notes and source tags belong to their routine; the minutes have one section each', () => {
    const s = started(agenda);
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    s.must(cmd('recordPresentation', BEN, { title: 'Exit tickets', summary: 'It worked' }));
    goTo(s, 'p1-final');
    s.must(cmd('writeNote', ANA, { stepId: 'p1-final', text: 'Short checks help.' }));
    s.must(cmd('tagSource', CAI, { source: 'mastery', why: 'Ben did it' }));
    goTo(s, 'p2-final');
    s.must(cmd('tagSource', CAI, { source: 'vicarious', why: 'We watched' }));
    s.must(cmd('endMeeting', ANA));

    const m = minutesOf(s.state);
    expect(m.parts.map((p) => [p.routine.id, p.steps.length, p.learned, p.sourcesSeen])).toEqual([
      ['success-fixture', 5, 'Short checks help.', ['mastery']],
      ['fixture', 5, '', ['vicarious']],
    ]);
    expect(m.parts[0]?.presentation).toMatchObject({ kind: 'success', title: 'Exit tickets' });
    expect(m.parts[0]?.presenterId).toBe(BEN);
    expect(m.parts[1]?.presentation).toBeNull();
  });

  it('MEET-AGENDA-4: an agenda has 1 to 4 valid routines whose prefixed step ids stay valid', () => {
    const base = { meetingId: MEETING_ID, memberIds: MEMBERS, facilitatorId: ANA, now: T0 };
    expect(createMeeting({ ...base, agenda: [] })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(createMeeting({ ...base, agenda: Array(5).fill(success) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(createMeeting({ ...base, agenda: Array(4).fill(success) })).toMatchObject({ ok: true });
    const longId = 'a'.repeat(59);
    const long: Routine = {
      ...success,
      steps: success.steps.map((x, i) => (i === 0 ? { ...x, id: longId } : x)),
    };
    expect(createMeeting({ ...base, agenda: [long] })).toMatchObject({ ok: true });
    const refused = createMeeting({ ...base, agenda: [success, long] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(refused.ok ? '' : refused.error.message).toContain('Routine 2');
  });
});
