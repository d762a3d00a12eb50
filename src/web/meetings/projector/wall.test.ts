import { describe, expect, it } from 'vitest';
import { ANA, BEN, CAI, cmd, goTo, started } from '#core/meeting/testing';
import { hasWallWork, wallWorkOf, WALL_LIST_MAX } from './wall';

describe('the projector wall', () => {
  it('DAY-PROJ-2: the current step’s questions newest first (at most 4, the rest counted), its note and the story', () => {
    const s = started();
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    s.must(cmd('recordPresentation', BEN, { title: 'Video of a lesson', summary: 'We watched it.' }));
    goTo(s, 'probe');
    for (let i = 1; i <= 6; i++) s.must(cmd('submitQuestion', CAI, { kind: 'probing', text: `Q${i}?` }));
    s.must(cmd('writeNote', ANA, { stepId: 'probe', text: 'Note of the probe step' }));
    const work = wallWorkOf(s.state, 'probe', 'questions', 0);
    expect(work.questions?.shown.map((q) => q.text)).toEqual(['Q6?', 'Q5?', 'Q4?', 'Q3?']);
    expect(work.questions?.shown).toHaveLength(WALL_LIST_MAX);
    expect(work.questions?.more).toBe(2);
    expect(work.presentation).toEqual({ title: 'Video of a lesson', summary: 'We watched it.' });
    expect(work.note).toBe('Note of the probe step');
    expect(work.nextSteps).toBeNull();
    expect(hasWallWork(wallWorkOf(started().state, 'observe', 'observe', 0))).toBe(false);
  });

  it('DAY-PROJ-3: nothing private is on the wall, not even the projector person’s own reflection', () => {
    const s = started();
    s.must(cmd('writeReflection', ANA, { stepId: 'observe', text: 'ANA-PRIVATE' }));
    s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'BEN-PRIVATE' }));
    goTo(s, 'final');
    s.must(cmd('tagSource', CAI, { source: 'vicarious', why: 'We saw it' }));
    s.must(cmd('addActionItem', CAI, { text: 'Try it', ownerId: CAI, due: null }));
    const wall = JSON.stringify(wallWorkOf(s.state, 'final', 'final', 0));
    expect(wall).toContain('We saw it');
    expect(wall).toContain('Try it');
    expect(wall).not.toContain('PRIVATE');
  });
});
