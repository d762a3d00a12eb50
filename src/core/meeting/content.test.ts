import { MeetingMinutes } from '../../contracts/minutes';
import { describe, expect, it } from 'vitest';
import type { Routine } from '../../contracts/routine';
import { ANA, BEN, CAI, cmd, DEE, fixtureRoutine, goTo, MIN, started } from './testing';
import { LIMITS, minutesOf } from '.';

describe('shared notes', () => {
  it('MEET-CONTENT-1: anyone suggests; the note-taker accepts (appended to the note) or dismisses, once', () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { noteTaker: DEE }));
    s.must(cmd('writeNote', DEE, { stepId: 'observe', text: 'Students paired up.' }));
    s.must(cmd('suggestNote', BEN, { stepId: 'observe', text: 'Timer on the board.' }), 'sug-1');
    s.must(cmd('suggestNote', CAI, { stepId: 'observe', text: 'Off-topic.' }), 'sug-2');
    expect(s.send(cmd('acceptSuggestion', BEN, { suggestionId: 'sug-1' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('acceptSuggestion', DEE, { suggestionId: 'sug-1' }));
    s.must(cmd('dismissSuggestion', DEE, { suggestionId: 'sug-2' }));
    expect(s.state.steps[0]?.note).toBe('Students paired up.\n\nTimer on the board.');
    expect(s.state.suggestions.map((x) => x.status)).toEqual(['accepted', 'dismissed']);
    expect(s.send(cmd('acceptSuggestion', DEE, { suggestionId: 'sug-2' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(s.send(cmd('acceptSuggestion', DEE, { suggestionId: 'nope' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(s.send(cmd('writeNote', DEE, { stepId: 'nope', text: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('question cards', () => {
  it('MEET-CONTENT-2: members submit clarifying and probing cards; the facilitator flags a probing card that solves', () => {
    const s = started();
    goTo(s, 'probe');
    s.must(cmd('submitQuestion', BEN, { kind: 'probing', text: 'What if the groups were smaller?' }), 'q-1');
    s.must(cmd('submitQuestion', CAI, { kind: 'clarifying', text: 'How many students?' }), 'q-2');
    expect(s.state.questions[0]).toMatchObject({
      id: 'q-1',
      stepId: 'probe',
      kind: 'probing',
      authorId: BEN,
      flagged: false,
    });
    expect(s.send(cmd('flagQuestion', BEN, { questionId: 'q-1', flagged: true }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(s.send(cmd('flagQuestion', ANA, { questionId: 'q-2', flagged: true }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    s.must(cmd('flagQuestion', ANA, { questionId: 'q-1', flagged: true, reason: 'Advice in disguise' }));
    expect(s.state.questions[0]).toMatchObject({ flagged: true, flagReason: 'Advice in disguise' });
    s.must(cmd('flagQuestion', ANA, { questionId: 'q-1', flagged: false }));
    expect(s.state.questions[0]).toMatchObject({ flagged: false, flagReason: null });
  });
});

describe('action items', () => {
  it('MEET-CONTENT-3: action items carry text, owner and due date; owner, creator or facilitator completes them, also after the end', () => {
    const s = started();
    s.must(
      cmd('addActionItem', BEN, { text: 'Try exit tickets', ownerId: CAI, due: '2026-12-01' }),
      'item-1',
    );
    expect(s.state.actionItems[0]).toMatchObject({
      id: 'item-1',
      ownerId: CAI,
      createdBy: BEN,
      due: '2026-12-01',
      completedAt: null,
    });
    expect(s.send(cmd('completeActionItem', DEE, { itemId: 'item-1' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('endMeeting', ANA));
    expect(s.send(cmd('addActionItem', BEN, { text: 'Late', ownerId: BEN, due: null }))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
    s.wait(MIN);
    s.must(cmd('completeActionItem', CAI, { itemId: 'item-1' }));
    expect(s.state.actionItems[0]).toMatchObject({ completedAt: s.now, completedBy: CAI });
    expect(s.send(cmd('completeActionItem', ANA, { itemId: 'item-1' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
  });
});

describe('presentation', () => {
  it("MEET-CONTENT-4: the presenter's case is recorded with the routine's focus; only an observed practice has a mode", () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    s.must(
      cmd('recordPresentation', BEN, {
        title: 'Turn and talk',
        summary: 'Video of period 2',
        mode: 'classroom-video',
      }),
    );
    expect(s.state.agenda[0]?.presentation).toMatchObject({
      kind: 'observed-practice',
      title: 'Turn and talk',
      mode: 'classroom-video',
      recordedBy: BEN,
    });
    expect(s.send(cmd('recordPresentation', CAI, { title: 'x', summary: '' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });

    const success: Routine = { ...fixtureRoutine, focus: 'success' };
    const t = started(success);
    expect(
      t.send(cmd('recordPresentation', ANA, { title: 'x', summary: '', mode: 'classroom-visit' })),
    ).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    t.must(cmd('recordPresentation', ANA, { title: 'Exit tickets worked', summary: 'Scores rose' }));
    expect(t.state.agenda[0]?.presentation).toMatchObject({ kind: 'success', mode: null });
  });
});

describe('final discussion', () => {
  it('MEET-CONTENT-5: sources of efficacy are tagged with a why, only in the final discussion; tagger or facilitator removes a tag', () => {
    const s = started();
    expect(s.send(cmd('tagSource', BEN, { source: 'mastery', why: 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
    goTo(s, 'final');
    s.must(cmd('tagSource', BEN, { source: 'vicarious', why: 'We watched Cai model it' }), 'tag-1');
    s.must(cmd('tagSource', CAI, { source: 'affective_state', why: 'Nobody judged' }), 'tag-2');
    expect(s.send(cmd('untagSource', DEE, { tagId: 'tag-1' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    s.must(cmd('untagSource', ANA, { tagId: 'tag-2' }));
    expect(s.state.sourceTags).toEqual([
      expect.objectContaining({
        id: 'tag-1',
        source: 'vicarious',
        why: 'We watched Cai model it',
        taggedBy: BEN,
      }),
    ]);
  });

  it('MEET-CONTENT-6: the minutes list each step with planned and actual minutes, notes, questions, next steps and sources', () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { presenter: BEN, noteTaker: DEE }));
    s.must(cmd('startTimer', ANA));
    s.wait(12 * MIN + 15_000);
    s.must(cmd('nextStep', ANA, { fromStepId: 'observe' }));
    s.must(cmd('skipStep', ANA, { fromStepId: 'describe' }));
    s.must(cmd('submitQuestion', CAI, { kind: 'probing', text: 'Why then?' }));
    goTo(s, 'final');
    s.must(cmd('writeNote', DEE, { stepId: 'final', text: 'Modeling beats telling.' }));
    s.must(cmd('addActionItem', ANA, { text: 'Film a lesson', ownerId: CAI, due: null }));
    s.must(cmd('tagSource', BEN, { source: 'social_persuasion', why: 'Ana said we can do it' }));
    s.must(cmd('tagSource', CAI, { source: 'vicarious', why: 'Watched the video' }));
    s.must(cmd('endMeeting', ANA));

    const m = minutesOf(s.state);
    const [part] = m.parts;
    expect(m.parts).toHaveLength(1);
    expect(part?.routine).toEqual({
      id: 'fixture',
      version: 1,
      name: 'Fixture routine',
      focus: 'observed-practice',
      basedOn: null,
    });
    expect(part?.steps.map((x) => [x.stepId, x.plannedMinutes, x.actualMinutes, x.outcome])).toEqual([
      ['observe', 10, 12.3, 'done'],
      ['describe', 2, 0, 'skipped'],
      ['probe', 4, 0, 'done'],
      ['discuss', 4, 0, 'done'],
      ['final', 4, 0, 'done'],
    ]);
    expect(part?.learned).toBe('Modeling beats telling.');
    expect(m.questions).toEqual([expect.objectContaining({ stepId: 'probe', text: 'Why then?' })]);
    expect(m.actionItems).toEqual([expect.objectContaining({ text: 'Film a lesson', ownerId: CAI })]);
    expect(part?.sourcesSeen).toEqual(['vicarious', 'social_persuasion']);
    expect(part?.presenterId).toBe(BEN);
    expect(m.roles).toMatchObject({ noteTaker: DEE });
    expect(MeetingMinutes.parse(m)).toEqual(m);
  });
});

describe('idempotency and ids', () => {
  it('MEET-CONTENT-7: a retried command (same actor, same key) is accepted once; another actor may reuse the key', () => {
    const s = started();
    const c = cmd('suggestNote', BEN, { stepId: 'observe', text: 'Once' });
    expect(s.must(c)).toHaveLength(1);
    expect(s.send(c)).toEqual({ ok: true, events: [] });
    expect(s.send({ ...c, text: 'changed body, same key' })).toEqual({ ok: true, events: [] });
    expect(s.must({ ...c, actorId: CAI })).toHaveLength(1);
    expect(s.state.suggestions).toHaveLength(2);
    // A refused command does not use up its key.
    const early = cmd('tagSource', BEN, { source: 'mastery', why: 'x' });
    expect(s.send(early).ok).toBe(false);
    goTo(s, 'final');
    expect(s.must(early)).toHaveLength(1);
  });

  it('MEET-CONTENT-8: created items take the id the server passes, or n<seq> by default', () => {
    const s = started();
    const [e] = s.must(cmd('suggestNote', BEN, { stepId: 'observe', text: 'x' }));
    expect(s.state.suggestions[0]?.id).toBe(`n${e?.seq ?? 0}`);
    s.must(cmd('suggestNote', BEN, { stepId: 'observe', text: 'y' }), 'f3b8b9a6-6c8e-4c55-9d2a-6f3f2a1b0c9d');
    expect(s.state.suggestions[1]?.id).toBe('f3b8b9a6-6c8e-4c55-9d2a-6f3f2a1b0c9d');
  });

  it('MEET-CONTENT-9: per-meeting limits refuse growth past them', () => {
    const s = started();
    for (let i = 0; i < LIMITS.reflectionsPerAuthor; i++)
      s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: `r${i}` }));
    expect(s.send(cmd('writeReflection', BEN, { stepId: 'observe', text: 'one more' }))).toMatchObject({
      ok: false,
      error: { code: 'LIMIT' },
    });
    s.must(cmd('writeReflection', CAI, { stepId: 'observe', text: 'others still can' }));
  });
});
