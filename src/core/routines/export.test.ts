// eslint-disable-next-line no-restricted-imports -- the test reads the shipped files; the core itself never touches the disk
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Routine } from '../../contracts/routine';
import { fixtureRoutine } from '../meeting/testing';
import { formatFileIssue } from './issues';
import { routineToYaml } from './export';
import { parseRoutine, parseRoutineFiles } from './parse';

const folder = new URL('../../../protocols/', import.meta.url);
const shipped = readdirSync(folder)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const result = parseRoutine(readFileSync(new URL(f, folder), 'utf8'), f);
    if (!result.ok) throw new Error(result.errors.map(formatFileIssue).join('\n'));
    return result.routine;
  });

const roundTrip = (routine: Routine) => {
  const back = parseRoutine(routineToYaml(routine), `${routine.id}.yaml`);
  if (!back.ok) throw new Error(back.errors.map(formatFileIssue).join('\n'));
  return back.routine;
};

describe('routine YAML export', () => {
  it('ROUTINE-LIB-IO-2: every shipped routine exports to YAML that parses back to the same routine', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    for (const routine of shipped) expect(roundTrip(routine)).toEqual(routine);
  });

  it('ROUTINE-LIB-IO-2: any wording round-trips (quotes, colons, #, leading spaces, emoji, line breaks)', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
      .filter((s) => s.trim().length > 0)
      .map((s) => s.trim());
    fc.assert(
      fc.property(text, text, text, (name, prompt, purpose) => {
        const routine: Routine = {
          ...fixtureRoutine,
          name,
          basedOn: { id: 'share-successes', version: 1 },
          steps: fixtureRoutine.steps.map((s, i) => (i === 0 ? { ...s, prompts: [prompt], purpose } : s)),
        };
        expect(roundTrip(routine)).toEqual(routine);
      }),
      { numRuns: 150 },
    );
  });
});

describe('routine YAML import', () => {
  const good = routineToYaml(fixtureRoutine);
  it('ROUTINE-LIB-IO-3: anchors and aliases are refused with their line, before anything expands', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ].join('\n');
    const result = parseRoutine(bomb, 'bomb.yaml');
    expect(result.ok ? [] : result.errors.map(formatFileIssue)).toEqual([
      expect.stringMatching(/^bomb\.yaml:1:\d+: YAML anchors and aliases/),
    ]);
  });

  it('ROUTINE-LIB-IO-1: an import parses every file and reports every problem, or gives every routine', () => {
    expect(parseRoutineFiles([{ name: 'a.yaml', text: good }])).toMatchObject({ ok: true });
    const result = parseRoutineFiles([
      { name: 'a.yaml', text: good },
      { name: 'b.yaml', text: good.replace(/minutes: \d+/, 'minutes: 0') },
      { name: 'a.yaml', text: good },
      { name: 'c.yaml', text: 'x'.repeat(50_001) },
    ]);
    expect(result.ok ? [] : result.errors.map((e) => `${e.file}:${e.line}`)).toEqual([
      expect.stringMatching(/^b\.yaml:\d+$/),
      'a.yaml:1',
      'c.yaml:1',
    ]);
  });
});

describe('routine YAML nesting', () => {
  it('ROUTINE-LIB-IO-3: text nested thousands of levels deep is refused with its line before parsing (no crash)', () => {
    for (const text of [
      '['.repeat(40_000),
      `${'- '.repeat(20_000)}x`,
      '{a: '.repeat(20_000),
      `id: x\nsteps:\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i + 1)}- a:`).join('\n')}`,
      '['.repeat(40_000),
      // A quote inside plain text opens no string that could hide the brackets after it.
      `a: [x"y, ${'['.repeat(40_000)}`,
      `a: it's\nb: ${'{a: '.repeat(20_000)}`,
    ]) {
      const result = parseRoutine(text, 'deep.yaml');
      expect(result.ok ? [] : result.errors.map(formatFileIssue)).toEqual([
        expect.stringMatching(/^deep\.yaml:\d+:1: Nested more than 24 levels deep$/),
      ]);
    }
  });

  it('ROUTINE-LIB-IO-3: brackets and quotes inside ordinary wording do not count as nesting', () => {
    const wordy: Routine = {
      ...fixtureRoutine,
      name: `Brackets [${'['.repeat(30)}] and {braces} 'quotes' "and more"`,
    };
    expect(roundTrip(wordy)).toEqual(wordy);
  });
});
