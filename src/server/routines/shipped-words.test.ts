/** DAY-WORDS: the shipped routines' own words agree with the research and with the app's names. */
import { describe, expect, it } from 'vitest';
import { EFFICACY_SOURCE_WORDS } from '#contracts/efficacy-sources';
import { EFFICACY_SOURCES } from '#contracts/routine';
import { loadShippedRoutines } from './catalog';

const routines = [...loadShippedRoutines().values()];

describe('words of the shipped routines', () => {
  it('DAY-WORDS-3 Problem-Solve says succeeding at something hard grows belief, not merely tackling it', () => {
    const problemSolve = routines.find((r) => r.id === 'problem-solve');
    const text = `${problemSolve?.summary ?? ''} ${problemSolve?.audience ?? ''}`;
    expect(text).not.toMatch(/tackling something hard together is what grows/i);
    expect(text).toMatch(/succeed/i);
  });

  it('DAY-WORDS-4 the final discussion asks whether there are next steps instead of assuming them', () => {
    expect(routines).toHaveLength(3);
    for (const routine of routines) {
      const final = routine.steps.find((s) => s.kind === 'final');
      expect(final?.finalPrompts?.nextSteps, routine.id).toMatch(/^(Are there|Is there)\b.*\?/);
      expect(final?.purpose, routine.id).not.toMatch(/agree on next steps/i);
    }
  });

  it('DAY-WORDS-1 the final prompt about sources uses the one name of each source', () => {
    for (const routine of routines) {
      const prompt = routine.steps.find((s) => s.kind === 'final')?.finalPrompts?.sources ?? '';
      for (const source of EFFICACY_SOURCES)
        expect(prompt.toLowerCase(), routine.id).toContain(EFFICACY_SOURCE_WORDS[source].name.toLowerCase());
    }
  });
});
