// eslint-disable-next-line no-restricted-imports -- the test reads the shipped files; the core itself never touches the disk
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  INSTRUMENT_CONSTRUCTS,
  type Instrument,
  type InstrumentConstruct,
  type InstrumentItem,
} from '../../contracts/instrument';
import { EFFICACY_SOURCES } from '../../contracts/routine';
import { formatLocatedIssue } from '../yaml/issues';
import { INSTRUMENT_TEXT_MAX, parseInstrument, type ParseInstrumentResult } from './instrument';

const shippedText = (name: string) =>
  readFileSync(new URL(`../../../instruments/${name}`, import.meta.url), 'utf8');
const shipped = (name: string): Instrument => {
  const result = parseInstrument(shippedText(name), name);
  if (!result.ok) throw new Error(result.errors.map(formatLocatedIssue).join('\n'));
  return result.instrument;
};
const count = (items: readonly InstrumentItem[], construct: InstrumentConstruct) =>
  items.filter((item) => item.construct === construct).length;

const SIX_POINTS = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
];

describe('shipped instruments', () => {
  it('MEASURE-INST-11: ensemble-efficacy asks 4 items per source and 5 of collective efficacy on the 6-point agreement scale', () => {
    const survey = shipped('ensemble-efficacy.en.yaml');
    expect(survey).toMatchObject({ id: 'ensemble-efficacy', version: 1, kind: 'survey', language: 'en' });
    expect(survey.scale).toEqual({ points: 6, labels: SIX_POINTS });
    expect(Object.fromEntries(INSTRUMENT_CONSTRUCTS.map((c) => [c, count(survey.items, c)]))).toEqual({
      mastery: 4,
      vicarious: 4,
      social_persuasion: 4,
      affective_state: 4,
      collective: 5,
    });
    expect(survey.items).toHaveLength(21);
  });

  it('MEASURE-INST-11: every construct of ensemble-efficacy has a reverse-keyed item, and no more reverse-keyed items than plain ones', () => {
    const { items } = shipped('ensemble-efficacy.en.yaml');
    for (const construct of INSTRUMENT_CONSTRUCTS) {
      const reverse = items.filter((item) => item.construct === construct && item.reverse).length;
      expect(reverse, construct).toBeGreaterThanOrEqual(1);
      expect(reverse * 2, construct).toBeLessThanOrEqual(count(items, construct));
    }
    expect(items.find((item) => item.id === 'affective-hold-back')).toMatchObject({
      construct: 'affective_state',
      reverse: true,
    });
    expect(items.filter((item) => item.reverse).map((item) => item.id)).toEqual([
      'mastery-little-difference',
      'vicarious-rarely-see',
      'persuasion-doubt-louder',
      'affective-hold-back',
      'affective-leave-drained',
      'collective-beyond-reach',
    ]);
  });

  it('MEASURE-INST-11: ensemble-efficacy is Ensemble’s own, speaks of the team and offers a neutral open question', () => {
    const survey = shipped('ensemble-efficacy.en.yaml');
    expect(survey.licence.owner).toBe('Ensemble');
    for (const item of survey.items) expect(item.text).toMatch(/\b(our|my) team\b|\bour meetings\b/i);
    expect(survey.freeText).toEqual({
      allowed: true,
      prompt: 'Is there anything else you would like to say about how your team works together?',
    });
  });

  it('MEASURE-INST-12: meeting-pulse is a pulse of 2 items (collective efficacy, safety to share) on the same scale, with no free text', () => {
    const pulse = shipped('meeting-pulse.en.yaml');
    expect(pulse).toMatchObject({ id: 'meeting-pulse', kind: 'pulse', language: 'en' });
    expect(pulse.licence.owner).toBe('Ensemble');
    expect(pulse.scale).toEqual(shipped('ensemble-efficacy.en.yaml').scale);
    expect(pulse.items.map((item) => [item.id, item.construct, item.reverse])).toEqual([
      ['pulse-belief', 'collective', false],
      ['pulse-safe-to-share', 'affective_state', false],
    ]);
    expect(pulse.freeText).toBeUndefined();
  });
});

/** A valid two-item survey; tests break one line of it. Line numbers are noted on the right. */
const GOOD = [
  'id: tiny', //                                                  1
  'version: 1', //                                                2
  'title: Tiny', //                                               3
  'language: en', //                                              4
  'description: For tests.', //                                   5
  'licence:', //                                                  6
  '  owner: Tests', //                                            7
  '  note: Written for tests.', //                                8
  'scale:', //                                                    9
  '  points: 4', //                                               10
  '  labels: [Disagree, Rather disagree, Rather agree, Agree]', // 11
  'kind: survey', //                                              12
  'items:', //                                                    13
  '  - id: first', //                                             14
  '    text: First item.', //                                     15
  '    construct: mastery', //                                    16
  '  - id: second', //                                            17
  '    text: Second item.', //                                    18
  '    construct: mastery', //                                    19
  '    reverse: true', //                                         20
  'freeText:', //                                                 21
  '  allowed: true', //                                           22
  '  prompt: Anything else?', //                                  23
];
/** GOOD with lines replaced (a string, possibly of several lines) or removed (null), by 1-based number. */
const edit = (changes: Record<number, string | null>) =>
  GOOD.flatMap((line, i) => {
    const c = changes[i + 1];
    return c === undefined ? [line] : c === null ? [] : [c];
  }).join('\n');

/** Every error as `file:line:column: path: message`. */
function errorsOf(result: ParseInstrumentResult): string[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(formatLocatedIssue);
}
const parse = (text: string) => parseInstrument(text, 'tiny.yaml');

describe('parseInstrument', () => {
  it('MEASURE-INST-1: the unbroken fixture parses; reverse defaults to false', () => {
    const result = parse(GOOD.join('\n'));
    expect(result).toEqual({
      ok: true,
      instrument: {
        id: 'tiny',
        version: 1,
        title: 'Tiny',
        language: 'en',
        description: 'For tests.',
        licence: { owner: 'Tests', note: 'Written for tests.' },
        scale: { points: 4, labels: ['Disagree', 'Rather disagree', 'Rather agree', 'Agree'] },
        kind: 'survey',
        items: [
          { id: 'first', text: 'First item.', construct: 'mastery', reverse: false },
          { id: 'second', text: 'Second item.', construct: 'mastery', reverse: true },
        ],
        freeText: { allowed: true, prompt: 'Anything else?' },
      },
    });
  });

  it('MEASURE-INST-1: constructs are the four sources of efficacy and collective efficacy; an unknown one is refused at its value', () => {
    expect(INSTRUMENT_CONSTRUCTS).toEqual([...EFFICACY_SOURCES, 'collective']);
    expect(errorsOf(parse(edit({ 16: '    construct: masteryy' })))).toEqual([
      expect.stringMatching(/^tiny\.yaml:16:16: items\[0\]\.construct: Invalid option: expected one of /),
    ]);
  });

  it('MEASURE-INST-1: an unknown field, a missing field and a language other than English or Spanish are refused at their line', () => {
    expect(errorsOf(parse(edit({ 16: '    construct: mastery\n    colour: blue' })))).toEqual([
      'tiny.yaml:17:13: items[0].colour: Unknown field "colour"',
    ]);
    // A missing field points at the object that lacks it.
    expect(errorsOf(parse(edit({ 15: null })))).toEqual([
      expect.stringMatching(/^tiny\.yaml:14:5: items\[0\]\.text: /),
    ]);
    expect(errorsOf(parse(edit({ 7: null })))).toEqual([
      expect.stringMatching(/^tiny\.yaml:7:3: licence\.owner: /),
    ]);
    expect(errorsOf(parse(edit({ 4: 'language: fr' })))).toEqual([
      expect.stringMatching(/^tiny\.yaml:4:11: language: /),
    ]);
    // I18N-CONTENT-2: Spanish is a language an instrument may be written in.
    const spanish = parse(edit({ 4: 'language: es' }));
    expect(spanish.ok && spanish.instrument.language).toBe('es');
    expect(errorsOf(parse(edit({ 12: 'kind: census' })))).toEqual([
      expect.stringMatching(/^tiny\.yaml:12:7: kind: /),
    ]);
  });

  it('MEASURE-INST-2: a scale has 4 to 7 points, a whole number', () => {
    for (const points of [4, 5, 6, 7]) {
      const labels = Array.from({ length: points }, (_, i) => `Point ${i + 1}`).join(', ');
      expect(parse(edit({ 10: `  points: ${points}`, 11: `  labels: [${labels}]` })).ok).toBe(true);
    }
    for (const points of ['3', '8', '4.5']) {
      expect(errorsOf(parse(edit({ 10: `  points: ${points}` })))).toEqual([
        expect.stringMatching(/^tiny\.yaml:10:11: scale\.points: /),
      ]);
    }
  });

  it('MEASURE-INST-3: the scale needs exactly one label per point, each said once', () => {
    expect(errorsOf(parse(edit({ 11: '  labels: [Disagree, Rather disagree, Agree]' })))).toEqual([
      'tiny.yaml:11:11: scale.labels: A 4-point scale needs 4 labels, lowest to highest; found 3',
    ]);
    expect(errorsOf(parse(edit({ 10: '  points: 5' })))).toEqual([
      'tiny.yaml:11:11: scale.labels: A 5-point scale needs 5 labels, lowest to highest; found 4',
    ]);
    expect(errorsOf(parse(edit({ 11: '  labels: [Disagree, Rather disagree, Agree, agree]' })))).toEqual([
      'tiny.yaml:11:46: scale.labels[3]: The label "agree" is already used by point 3',
    ]);
  });

  it('MEASURE-INST-4: item ids and wordings are unique, each repeat reported at the repeat; a wording is at most 300 characters', () => {
    expect(errorsOf(parse(edit({ 17: '  - id: first' })))).toEqual([
      'tiny.yaml:17:9: items[1].id: Item id "first" is already used by item 1',
    ]);
    expect(errorsOf(parse(edit({ 18: '    text: first  item.' })))).toEqual([
      'tiny.yaml:18:11: items[1].text: Item 1 already has this wording',
    ]);
    expect(parse(edit({ 18: `    text: ${'x'.repeat(300)}` })).ok).toBe(true);
    expect(errorsOf(parse(edit({ 18: `    text: ${'x'.repeat(301)}` })))).toEqual([
      expect.stringMatching(
        /^tiny\.yaml:18:11: items\[1\]\.text: Too big: expected string to have <=300 characters$/,
      ),
    ]);
  });

  it('MEASURE-INST-5: in a survey, each construct it measures has at least 2 items', () => {
    expect(errorsOf(parse(edit({ 19: '    construct: collective' })))).toEqual([
      'tiny.yaml:16:16: items[0].construct: A survey needs at least 2 items for "mastery" (found 1), so its reliability can be computed',
      'tiny.yaml:19:16: items[1].construct: A survey needs at least 2 items for "collective" (found 1), so its reliability can be computed',
    ]);
  });

  it('MEASURE-INST-6: a pulse has 1 to 3 items of any construct and no free text', () => {
    const pulse = (items: number, freeText: boolean) =>
      [
        ...GOOD.slice(0, 11),
        'kind: pulse',
        items === 0 ? 'items: []' : 'items:',
        ...Array.from({ length: items }, (_, i) => [
          `  - id: item-${i}`,
          `    text: Item ${i}.`,
          `    construct: ${INSTRUMENT_CONSTRUCTS[i % INSTRUMENT_CONSTRUCTS.length] ?? 'collective'}`,
        ]).flat(),
        ...(freeText ? ['freeText:', '  allowed: false'] : []),
      ].join('\n');
    expect(parse(pulse(1, false)).ok).toBe(true);
    expect(parse(pulse(3, false)).ok).toBe(true);
    expect(errorsOf(parse(pulse(4, false)))).toEqual([
      'tiny.yaml:23:5: items[3]: A pulse has at most 3 items; found 4',
    ]);
    expect(errorsOf(parse(pulse(2, true)))).toEqual(['tiny.yaml:21:3: freeText: A pulse has no free text']);
    expect(errorsOf(parse(pulse(0, false)))).toEqual([
      expect.stringMatching(/^tiny\.yaml:13:8: items: Too small: expected array to have >=1 items$/),
    ]);
  });

  it('MEASURE-INST-7: free text that is allowed needs a prompt; free text that is not allowed needs none', () => {
    expect(errorsOf(parse(edit({ 23: null })))).toEqual([
      'tiny.yaml:22:3: freeText: Free text that is allowed needs a prompt',
    ]);
    expect(parse(edit({ 22: '  allowed: false', 23: null })).ok).toBe(true);
    expect(parse(edit({ 21: null, 22: null, 23: null })).ok).toBe(true);
  });

  it('MEASURE-INST-8: a YAML syntax error, a duplicate key, several documents and an empty file are reported with file, line and column', () => {
    expect(errorsOf(parse(edit({ 15: '    text: a: b' })))).toEqual([
      'tiny.yaml:15:11: Nested mappings are not allowed in compact mappings',
    ]);
    expect(errorsOf(parse(edit({ 3: 'title: Tiny\ntitle: Again' })))).toEqual([
      'tiny.yaml:4:1: Map keys must be unique',
    ]);
    expect(errorsOf(parse(`${GOOD.join('\n')}\n---\nid: other\n`))[0]).toMatch(/^tiny\.yaml:24:1: /);
    expect(errorsOf(parseInstrument('', 'empty.yaml'))).toEqual([
      'empty.yaml:1:1: Invalid input: expected object, received null',
    ]);
  });

  it('MEASURE-INST-9: shape errors come first and alone; the rules across fields run on a well-shaped instrument', () => {
    const both = edit({ 10: '  points: 9', 17: '  - id: first' });
    expect(errorsOf(parse(both))).toEqual([expect.stringMatching(/^tiny\.yaml:10:11: scale\.points: /)]);
    const tooLong = edit({ 15: `    text: ${'x'.repeat(301)}`, 17: '  - id: first' });
    expect(errorsOf(parse(tooLong))).toEqual([
      expect.stringMatching(/^tiny\.yaml:15:11: items\[0\]\.text: /),
    ]);
  });

  it('MEASURE-INST-10: anchors and aliases are refused at their position, before anything expands', () => {
    expect(errorsOf(parse(edit({ 7: '  owner: &who Tests' })))).toEqual([
      'tiny.yaml:7:15: YAML anchors and aliases (& and *) are not allowed in an instrument file',
    ]);
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    ].join('\n');
    expect(errorsOf(parseInstrument(bomb, 'bomb.yaml'))).toEqual([
      'bomb.yaml:1:7: YAML anchors and aliases (& and *) are not allowed in an instrument file',
    ]);
  });

  it('MEASURE-INST-10: text nested more than 24 levels deep is refused at its line before it is parsed; more than 100,000 characters at 1:1', () => {
    expect(errorsOf(parse(edit({ 5: `description: ${'['.repeat(25)}` })))).toEqual([
      'tiny.yaml:5:1: Nested more than 24 levels deep',
    ]);
    expect(errorsOf(parse(`a:\n${'{b: '.repeat(20_000)}`))).toEqual([
      'tiny.yaml:2:1: Nested more than 24 levels deep',
    ]);
    expect(errorsOf(parse(`${'- '.repeat(20_000)}x`))).toEqual([
      'tiny.yaml:1:1: Nested more than 24 levels deep',
    ]);
    const padded = `${GOOD.join('\n')}\n#${' '.repeat(INSTRUMENT_TEXT_MAX)}`;
    expect(errorsOf(parse(padded))).toEqual(['tiny.yaml:1:1: File is larger than 100000 characters']);
    const justFits = `${GOOD.join('\n')}\n#${' '.repeat(INSTRUMENT_TEXT_MAX - GOOD.join('\n').length - 2)}`;
    expect(justFits).toHaveLength(INSTRUMENT_TEXT_MAX);
    expect(parse(justFits).ok).toBe(true);
  });
});

describe('parseInstrument never throws', () => {
  const located = (result: ParseInstrumentResult, lines: number) => {
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(e.file).toBe('any.yaml');
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lines + 1);
      expect(e.column).toBeGreaterThanOrEqual(1);
    }
  };
  const linesOf = (text: string) => text.split('\n').length;

  it('MEASURE-INST-8: any text gives an instrument or errors located at a line and column of the text', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(...'abc: -[]{}&*!|>"\'#?,%@`\n\t 0.5'.split('')),
      maxLength: 200,
    });
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlish);
    fc.assert(
      fc.property(anyText, (text) => {
        located(parseInstrument(text, 'any.yaml'), linesOf(text));
      }),
      { numRuns: 400 },
    );
  });

  it('MEASURE-INST-8: the shipped survey with any line replaced, removed or repeated gives an instrument or located errors', () => {
    const lines = shippedText('ensemble-efficacy.en.yaml').split('\n');
    const change = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      op: fc.constantFrom('replace', 'remove', 'repeat'),
      with: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        let text = [...lines];
        for (const { at, op, with: replacement } of changes) {
          const i = Math.min(at, text.length - 1);
          const line = text[i] ?? '';
          text =
            op === 'remove'
              ? text.toSpliced(i, 1)
              : text.toSpliced(i, 1, ...(op === 'repeat' ? [line, line] : [replacement]));
        }
        const joined = text.join('\n');
        located(parseInstrument(joined, 'any.yaml'), linesOf(joined));
      }),
      { numRuns: 200 },
    );
  });

  it('MEASURE-INST-1: any well-formed instrument written as YAML parses back to itself', () => {
    const words = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= 120);
    const instrument = fc
      .record({
        points: fc.integer({ min: 4, max: 7 }),
        construct: fc.constantFrom(...INSTRUMENT_CONSTRUCTS),
        texts: fc.uniqueArray(words, {
          minLength: 2,
          maxLength: 4,
          selector: (s) => s.toLowerCase().replace(/\s+/g, ' '),
        }),
        title: words,
        reverse: fc.boolean(),
      })
      .map(({ points, construct, texts, title, reverse }): Instrument => ({
        id: 'generated',
        version: 1,
        title,
        language: 'en',
        description: 'Generated.',
        licence: { owner: 'Someone', note: 'Held under licence.' },
        scale: { points, labels: Array.from({ length: points }, (_, i) => `Point ${i + 1}`) },
        items: texts.map((text, i) => ({ id: `item-${i}`, text, construct, reverse: reverse && i === 0 })),
        kind: 'survey',
      }));
    fc.assert(
      fc.property(instrument, (value) => {
        expect(parseInstrument(stringify(value), 'generated.yaml')).toEqual({ ok: true, instrument: value });
      }),
      { numRuns: 150 },
    );
  });
});
