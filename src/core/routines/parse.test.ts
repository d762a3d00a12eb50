// eslint-disable-next-line no-restricted-imports -- the test reads the shipped files; the core itself never touches the disk
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EFFICACY_SOURCES, type Routine } from '../../contracts/routine';
import { formatFileIssue, totalMinutes } from '.';
import { parseRoutine, ROUTINE_TEXT_MAX, type ParseRoutineResult } from './parse';

const shipped = (name: string): Routine => {
  const result = parseRoutine(
    readFileSync(new URL(`../../../protocols/${name}.yaml`, import.meta.url), 'utf8'),
    `${name}.yaml`,
  );
  if (!result.ok) throw new Error(result.errors.map(formatFileIssue).join('\n'));
  return result.routine;
};
const plan = (r: Routine) => r.steps.map((s) => [s.id, s.minutes] as const);

describe('shipped routines', () => {
  it('ROUTINE-SEED-1: Share Successes runs identify 4, describe 2, clarify 2, team reflects 2, presenter reflects 2, final 4 (16 min)', () => {
    const r = shipped('share-successes');
    expect(plan(r)).toEqual([
      ['identify', 4],
      ['describe', 2],
      ['clarify', 2],
      ['team-reflects', 2],
      ['presenter-reflects', 2],
      ['final', 4],
    ]);
    expect(r.steps.map((s) => s.kind)).toEqual([
      'reflect',
      'present',
      'questions',
      'discussion',
      'reflect',
      'final',
    ]);
    expect(r.steps[2]?.questionKind).toBe('clarifying');
    expect(r.steps[0]?.speaker).toBe('everyone-individually');
    expect(r.steps[4]?.speaker).toBe('presenter');
    expect(totalMinutes(r)).toBe(16);
    expect(r.focus).toBe('success');
    expect(r.source).toMatch(/^Adapted from the CLEE/);
  });

  it('ROUTINE-SEED-2: Problem-Solve runs identify 4, describe 2, clarify 2, probe 4, discuss 4 (presenter listens), presenter reflects 2, final 4 (22 min)', () => {
    const r = shipped('problem-solve');
    expect(plan(r)).toEqual([
      ['identify', 4],
      ['describe', 2],
      ['clarify', 2],
      ['probe', 4],
      ['discuss', 4],
      ['presenter-reflects', 2],
      ['final', 4],
    ]);
    expect(r.steps.map((s) => s.questionKind ?? null)).toEqual([
      null,
      null,
      'clarifying',
      'probing',
      null,
      null,
      null,
    ]);
    expect(r.steps[4]?.speaker).toBe('team-presenter-listens');
    expect(totalMinutes(r)).toBe(22);
    expect(r.focus).toBe('dilemma');
  });

  it('ROUTINE-SEED-3: Peer Modeling runs observation (variable: visit, video or demonstration), reflect 4, discussion 10 (observers lead), final 4', () => {
    const r = shipped('peer-modeling');
    expect(r.steps.map((s) => s.id)).toEqual(['observe', 'reflect', 'discuss', 'final']);
    const [observe, reflect, discuss, final] = r.steps;
    expect(observe?.variable).toBe(true);
    expect(observe?.modes).toEqual(['classroom-visit', 'classroom-video', 'in-meeting-demonstration']);
    expect(observe?.norm).toMatch(/not whether it was good/);
    expect([reflect?.minutes, discuss?.minutes, final?.minutes]).toEqual([4, 10, 4]);
    expect(discuss?.speaker).toBe('observers');
    expect(r.focus).toBe('observed-practice');
  });

  it('ROUTINE-SEED-4: every shipped routine ends with one final step that enacts all four sources and carries the three final prompts', () => {
    for (const name of ['share-successes', 'problem-solve', 'peer-modeling']) {
      const r = shipped(name);
      const finals = r.steps.filter((s) => s.kind === 'final');
      expect(finals).toHaveLength(1);
      expect(r.steps.at(-1)?.kind).toBe('final');
      expect([...(finals[0]?.sources ?? [])].sort()).toEqual([...EFFICACY_SOURCES].sort());
      expect(Object.keys(finals[0]?.finalPrompts ?? {})).toEqual(['learned', 'nextSteps', 'sources']);
      for (const s of r.steps) expect(s.sources.length).toBeGreaterThan(0);
    }
  });
});

/** A valid two-step routine; tests break one line of it. Line numbers are noted on the right. */
const GOOD = [
  'id: tiny', //                       1
  'version: 1', //                     2
  'name: Tiny', //                     3
  'summary: Two steps.', //            4
  'focus: success', //                 5
  'source: Written for tests', //      6
  'audience: Tests', //                7
  'steps:', //                         8
  '  - id: talk', //                   9
  '    title: Talk', //                10
  '    kind: discussion', //           11
  '    minutes: 5', //                 12
  '    purpose: Talk it over.', //     13
  '    prompts: [What happened?]', //  14
  '    speaker: team', //              15
  '    sources: [vicarious]', //       16
  '  - id: final', //                  17
  '    title: Wrap up', //             18
  '    kind: final', //                19
  '    minutes: 4', //                 20
  '    purpose: Close.', //            21
  '    prompts: [Tag sources.]', //    22
  '    speaker: team', //              23
  '    sources: [mastery]', //         24
  '    finalPrompts:', //              25
  '      learned: Learned?', //        26
  '      nextSteps: Next?', //         27
  '      sources: Sources?', //        28
];
const edit = (changes: Record<number, string | null>) =>
  GOOD.flatMap((line, i) => {
    const c = changes[i + 1];
    return c === undefined ? [line] : c === null ? [] : [c];
  }).join('\n');

function errorsOf(result: ParseRoutineResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => ({
    line: e.line,
    path: e.path.join('.'),
    message: e.message,
    file: e.file,
  }));
}

describe('parseRoutine errors', () => {
  it('the unbroken fixture parses (sanity check for the tests below)', () => {
    const r = parseRoutine(GOOD.join('\n'), 'tiny.yaml');
    expect(r.ok).toBe(true);
  });

  it('ROUTINE-PARSE-1: a YAML syntax error names the file and the line where parsing failed', () => {
    const errors = errorsOf(parseRoutine(edit({ 14: '    prompts: [What happened?' }), 'tiny.yaml'));
    expect(errors[0]?.file).toBe('tiny.yaml');
    expect(errors[0]?.line).toBeGreaterThanOrEqual(14);
    expect(errors[0]?.line).toBeLessThanOrEqual(16);
  });

  it('ROUTINE-PARSE-2: an out-of-range value points at its own line', () => {
    const errors = errorsOf(parseRoutine(edit({ 12: '    minutes: 500' }), 'tiny.yaml'));
    expect(errors).toEqual([
      expect.objectContaining({ file: 'tiny.yaml', line: 12, path: 'steps.0.minutes' }),
    ]);
    const r = parseRoutine(edit({ 12: '    minutes: 0' }), 'tiny.yaml');
    expect(r.ok ? [] : r.errors.map(formatFileIssue)).toEqual([
      expect.stringMatching(/^tiny\.yaml:12:\d+: steps\[0\]\.minutes: /),
    ]);
  });

  it('ROUTINE-PARSE-3: a missing field points at the object that lacks it', () => {
    const errors = errorsOf(parseRoutine(edit({ 13: null }), 'tiny.yaml'));
    expect(errors).toEqual([expect.objectContaining({ line: 9, path: 'steps.0.purpose' })]);
  });

  it('ROUTINE-PARSE-4: an unknown field points at its line', () => {
    const errors = errorsOf(parseRoutine(edit({ 15: '    speaker: team\n    colour: blue' }), 'tiny.yaml'));
    expect(errors).toEqual([
      expect.objectContaining({ line: 16, path: 'steps.0.colour', message: 'Unknown field "colour"' }),
    ]);
  });

  it('ROUTINE-PARSE-5: a repeated step id points at the second one', () => {
    const errors = errorsOf(parseRoutine(edit({ 17: '  - id: talk' }), 'tiny.yaml'));
    expect(errors).toEqual([expect.objectContaining({ line: 17, path: 'steps.1.id' })]);
  });

  it('ROUTINE-PARSE-6: the final step must exist, be unique and come last', () => {
    expect(errorsOf(parseRoutine(edit({ 11: '    kind: final' }), 'tiny.yaml'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 11,
          path: 'steps.0.kind',
          message: 'The final step must be the last step',
        }),
        expect.objectContaining({ line: 9, message: expect.stringContaining('finalPrompts') as unknown }),
        expect.objectContaining({
          line: 9,
          path: 'steps',
          message: expect.stringContaining('found 2') as unknown,
        }),
      ]),
    );
    const noFinal = edit({ 19: '    kind: discussion', 25: null, 26: null, 27: null, 28: null });
    expect(errorsOf(parseRoutine(noFinal, 'tiny.yaml'))).toEqual([
      expect.objectContaining({ path: 'steps', message: expect.stringContaining('none found') as unknown }),
    ]);
  });

  it('ROUTINE-PARSE-7: steps may add up to at most 240 minutes', () => {
    const long = edit({ 12: '    minutes: 120', 20: '    minutes: 120' });
    expect(parseRoutine(long, 'tiny.yaml').ok).toBe(true);
    const tooLong = edit({ 12: '    minutes: 120', 20: '    minutes: 121' });
    expect(errorsOf(parseRoutine(tooLong, 'tiny.yaml'))).toEqual([
      expect.objectContaining({ line: 20, path: 'steps.1.minutes' }),
    ]);
    const overTotal = [
      ...GOOD.slice(0, 8),
      ...Array.from({ length: 3 }, (_, i) =>
        GOOD.slice(8, 16)
          .join('\n')
          .replace('id: talk', `id: talk-${i}`)
          .replace('minutes: 5', 'minutes: 80'),
      ),
      ...GOOD.slice(16),
    ].join('\n');
    expect(errorsOf(parseRoutine(overTotal, 'tiny.yaml'))).toEqual([
      expect.objectContaining({
        line: 9,
        path: 'steps',
        message: expect.stringContaining('244 minutes') as unknown,
      }),
    ]);
  });

  it('ROUTINE-PARSE-8: kind-specific fields are checked (questionKind, modes, variable, finalPrompts)', () => {
    expect(errorsOf(parseRoutine(edit({ 11: '    kind: questions' }), 'tiny.yaml'))).toEqual([
      expect.objectContaining({ line: 9, message: expect.stringContaining('questionKind') as unknown }),
    ]);
    expect(errorsOf(parseRoutine(edit({ 12: '    minutes: 5\n    variable: true' }), 'tiny.yaml'))).toEqual([
      expect.objectContaining({ line: 13, path: 'steps.0.variable' }),
    ]);
    expect(errorsOf(parseRoutine(edit({ 16: '    sources: [vicarious, vicarious]' }), 'tiny.yaml'))).toEqual([
      expect.objectContaining({ line: 16, path: 'steps.0.sources' }),
    ]);
  });

  it('ROUTINE-PARSE-1: duplicate keys, several documents and an empty file are reported with a line', () => {
    expect(errorsOf(parseRoutine(edit({ 3: 'name: Tiny\nname: Again' }), 'tiny.yaml'))[0]?.line).toBe(4);
    expect(errorsOf(parseRoutine(`${GOOD.join('\n')}\n---\nid: other\n`, 'tiny.yaml'))[0]?.line).toBe(29);
    expect(errorsOf(parseRoutine('', 'empty.yaml'))).toEqual([
      expect.objectContaining({ file: 'empty.yaml', line: 1 }),
    ]);
  });

  it('ROUTINE-PARSE-9: shape errors come first; cross-step rules run on a well-shaped routine; huge files are refused unread', () => {
    const both = edit({ 12: '    minutes: 500', 17: '  - id: talk' });
    expect(errorsOf(parseRoutine(both, 'tiny.yaml'))).toEqual([
      expect.objectContaining({ path: 'steps.0.minutes' }),
    ]);
    expect(errorsOf(parseRoutine('#'.repeat(ROUTINE_TEXT_MAX + 1), 'big.yaml'))).toEqual([
      expect.objectContaining({ file: 'big.yaml', line: 1 }),
    ]);
  });
});
