import { describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../contracts/meeting';
import { ANA, BEN, CAI, cmd, DEE, MEMBERS, OUTSIDER, started } from './testing';
import { abilitiesFor, decide, suggestNextPresenter, suggestPresenters } from '.';

describe('roles', () => {
  it('MEET-ROLE-1: only the facilitator moves between steps, starts and ends the meeting', () => {
    const s = started();
    for (const c of [
      cmd('nextStep', BEN, { fromStepId: 'observe' }),
      cmd('skipStep', BEN, { fromStepId: 'observe' }),
      cmd('endMeeting', BEN),
    ]) {
      expect(s.send(c)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
    s.must(cmd('nextStep', ANA, { fromStepId: 'observe' }));
  });

  it('MEET-ROLE-2: the timekeeper runs the timer but cannot change steps', () => {
    const s = started();
    expect(s.send(cmd('startTimer', CAI))).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    s.must(cmd('assignRoles', ANA, { timekeeper: CAI }));
    s.must(cmd('startTimer', CAI));
    s.must(cmd('extendStep', CAI, { minutes: 2 }));
    s.must(cmd('pauseTimer', CAI));
    s.must(cmd('resumeTimer', ANA)); // the facilitator keeps timer control too
    expect(s.send(cmd('nextStep', CAI, { fromStepId: 'observe' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
  });

  it('MEET-ROLE-3: people not on the roster cannot act at all; roles go only to members', () => {
    const s = started();
    expect(s.send(cmd('suggestNote', OUTSIDER, { stepId: 'observe', text: 'hi' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(s.send(cmd('assignRoles', ANA, { presenter: OUTSIDER }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(s.send(cmd('handOverFacilitation', ANA, { toId: OUTSIDER }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(s.send(cmd('addActionItem', ANA, { text: 'Do it', ownerId: OUTSIDER, due: null }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(s.send(cmd('assignRoles', ANA, {}))).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('MEET-ROLE-4: assigning roles changes only the roles named; null clears one', () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { presenter: BEN, timekeeper: CAI, noteTaker: DEE }));
    s.must(cmd('assignRoles', ANA, { timekeeper: null }));
    expect(s.state.roles).toEqual({ facilitator: ANA, presenter: BEN, timekeeper: null, noteTaker: DEE });
  });

  it('MEET-ROLE-5: handing over facilitation moves every facilitator power to the new facilitator', () => {
    const s = started();
    expect(s.send(cmd('handOverFacilitation', ANA, { toId: ANA }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    s.must(cmd('handOverFacilitation', ANA, { toId: BEN }));
    expect(s.state.roles.facilitator).toBe(BEN);
    expect(s.send(cmd('nextStep', ANA, { fromStepId: 'observe' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('nextStep', BEN, { fromStepId: 'observe' }));
  });

  it('MEET-ROLE-6: the note-taker writes notes and resolves suggestions; the facilitator does so only while nobody takes notes', () => {
    const s = started();
    s.must(cmd('writeNote', ANA, { stepId: 'observe', text: 'by facilitator' }));
    s.must(cmd('assignRoles', ANA, { noteTaker: DEE }));
    expect(s.send(cmd('writeNote', ANA, { stepId: 'observe', text: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(s.send(cmd('writeNote', BEN, { stepId: 'observe', text: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('writeNote', DEE, { stepId: 'observe', text: 'by note-taker' }));
    expect(s.state.steps[0]?.note).toBe('by note-taker');
  });

  it('MEET-ROLE-7: the presenter answers questions and does not submit question cards', () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    expect(s.send(cmd('submitQuestion', BEN, { kind: 'clarifying', text: 'Q?' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('submitQuestion', CAI, { kind: 'clarifying', text: 'Q?' }));
  });

  it('MEET-ROLE-8: abilitiesFor agrees with decide on phase and role for every command', () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { timekeeper: CAI, noteTaker: DEE, presenter: BEN }));
    const samples: MeetingCommand[] = [
      cmd('startTimer', CAI),
      cmd('nextStep', CAI, { fromStepId: 'observe' }),
      cmd('writeNote', DEE, { stepId: 'observe', text: 'n' }),
      cmd('writeNote', BEN, { stepId: 'observe', text: 'n' }),
      cmd('recordPresentation', BEN, { title: 'T', summary: '' }),
      cmd('recordPresentation', CAI, { title: 'T', summary: '' }),
      cmd('flagQuestion', BEN, { questionId: 'x', flagged: true }),
      cmd('startMeeting', ANA),
    ];
    for (const c of samples) {
      const allowed = abilitiesFor(s.state, c.actorId)[c.type];
      const d = decide(s.state, c, { now: s.now });
      const refusedForRoleOrPhase =
        !d.ok && ['NOT_ALLOWED', 'WRONG_PHASE', 'NOT_A_MEMBER'].includes(d.error.code);
      expect({ type: c.type, actor: c.actorId, allowed }).toEqual({
        type: c.type,
        actor: c.actorId,
        allowed: !refusedForRoleOrPhase,
      });
    }
    expect(Object.values(abilitiesFor(s.state, OUTSIDER)).some(Boolean)).toBe(false);
  });
});

describe('suggestNextPresenter', () => {
  it('MEET-ROLE-9: suggests whoever presented least often, then least recently, then first on the roster', () => {
    expect(suggestNextPresenter(MEMBERS, [])).toBe(ANA);
    expect(suggestNextPresenter(MEMBERS, [ANA, BEN])).toBe(CAI);
    expect(suggestNextPresenter(MEMBERS, [ANA, BEN, CAI, DEE])).toBe(ANA);
    expect(suggestNextPresenter(MEMBERS, [ANA, BEN, CAI, DEE, ANA, CAI])).toBe(BEN);
    expect(suggestNextPresenter([BEN, CAI], [OUTSIDER, CAI, BEN])).toBe(CAI);
    expect(suggestNextPresenter([], [ANA])).toBeNull();
  });
});

describe('suggestPresenters', () => {
  it('MEET-AGENDA-5: an agenda of several routines suggests a different presenter for each, in rotation order', () => {
    expect(suggestPresenters(MEMBERS, [ANA], 3)).toEqual([BEN, CAI, DEE]);
    expect(suggestPresenters([BEN, CAI], [], 3)).toEqual([BEN, CAI, BEN]);
    expect(suggestPresenters([], [], 2)).toEqual([null, null]);
  });
});
