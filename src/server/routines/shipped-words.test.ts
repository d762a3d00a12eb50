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
    expect(routines).toHaveLength(6);
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

/** Words that tie a prompt to a teacher's own classroom, which a principals' team does not have. */
const CLASSROOM_WORDS =
  /\b(your students|your classroom|your class|classrooms?|own room|own classes|lessons?)\b/i;

const textOf = (r: (typeof routines)[number]) =>
  [
    r.name,
    r.summary,
    r.audience,
    ...r.steps.flatMap((s) => [
      s.title,
      s.purpose,
      s.norm ?? '',
      ...s.prompts,
      ...Object.values(s.finalPrompts ?? {}),
    ]),
  ].join('\n');

describe('leader-worded routines', () => {
  const leaders = routines.filter((r) => r.for?.includes('district_leadership'));

  it('ROUTINE-LIB-LEAD-1 each of the three routines has a leader wording with the same step ids, kinds and minutes', () => {
    expect(leaders.map((r) => r.variantOf).sort()).toEqual([
      'peer-modeling',
      'problem-solve',
      'share-successes',
    ]);
    for (const leader of leaders) {
      const teacher = routines.find((r) => r.id === leader.variantOf);
      const plan = (r: typeof leader) =>
        r.steps.map((s) => [s.id, s.kind, s.minutes, s.variable ?? false, s.questionKind ?? null, s.speaker]);
      expect(plan(leader), leader.id).toEqual(plan(teacher!));
      expect(leader.focus).toBe(teacher!.focus);
      expect(leader.source).toBe(teacher!.source);
    }
  });

  it("ROUTINE-LIB-LEAD-1 the leader wording speaks of teachers, teams and schools, never of one's own classroom", () => {
    for (const leader of leaders) {
      expect(textOf(leader), leader.id).not.toMatch(CLASSROOM_WORDS);
      expect(textOf(leader), leader.id).toMatch(/\bteachers?\b/i);
      expect(textOf(leader), leader.id).toMatch(/\bschools?\b/i);
    }
    // The check would catch the teacher wording (it is not vacuous).
    expect(textOf(routines.find((r) => r.id === 'share-successes')!)).toMatch(CLASSROOM_WORDS);
  });
});
