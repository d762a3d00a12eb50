import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagIdentifying, type FlagReason } from './identifying';

const ROSTER = ['Maya Lopez', 'Daniel Okafor', 'Will Brown'];

/** [text, expected flags as "text:reason"]. */
const CASES: readonly (readonly [string, readonly string[]])[] = [
  // SHARE-FLAG-2: roster names, first, last and full, case-insensitive, whole words
  ['We asked maya to explain her steps.', ['maya:known-name']],
  ['Maya Lopez explained her steps.', ['Maya Lopez:known-name']],
  ['LOPEZ finished first.', ['LOPEZ:known-name']],
  ['Mayan history came up.', []],
  ['We will try it again.', []],
  ['Then Will presented.', ['Will:known-name']],
  // SHARE-FLAG-3: capitalized words not at a sentence start, not common / calendar / subject / school words
  ['The group helped Jaylen with fractions.', ['Jaylen:capitalized']],
  ['Jaylen helped the group.', []],
  ['It worked. Jaylen helped the group.', []],
  ['We tried it on Monday in Math class in March.', []],
  ['Our ELA and IEP students joined.', []],
  ['I think Ms. Rivera saw it too.', ['Rivera:capitalized']],
  ['We met with Dr Chen.', ['Chen:capitalized']],
  ['Notes:\nJaylen led the talk.', []],
  ['Priya’s answer surprised us.', []],
  ['Priya spoke. We thanked Priya.', ['Priya:capitalized', 'Priya:capitalized']],
  ['We loved Priya’s answer.', ['Priya:capitalized']],
  // SHARE-FLAG-4: initials, ages, ids, dates, emails, phones, grades with a name
  ['The student J.M. improved.', ['J.M.:initials']],
  ['One boy, J. M. improved.', ['J. M.:initials']],
  ['a 9-year-old in my class', ['9-year-old:age']],
  ['she is 10 years old', ['10 years old:age']],
  ['a student aged 11 joined', ['aged 11:age']],
  ['student id 4821937 was on the list', ['4821937:id-number']],
  ['look up S12345 and #4821', ['S12345:id-number', '#4821:id-number']],
  ['on 3/14/2026 it clicked', ['3/14/2026:date']],
  ['on 2026-03-14 it clicked', ['2026-03-14:date']],
  ['since March 14th things changed', ['March 14th:date']],
  ['since the 14th of march things changed', ['14th of march:date']],
  ['write to maya.l@example.org today', ['maya.l@example.org:known-name'.replace(':known-name', ':email')]],
  ['call 555-123-4567 or (555) 123-4567', ['555-123-4567:phone', '(555) 123-4567:phone']],
  ['The class said Jaylen scored 42% on the quiz.', ['Jaylen:capitalized', 'scored 42%:grade-with-name']],
  ['the class scored 42% on the quiz', []],
  ['we saw that maya got a B+ this time', ['maya:known-name', 'got a B+:grade-with-name']],
  ['about 2.5 points higher, 30% more', []],
  ['', []],
];

describe('SHARE-FLAG-1..4: flagIdentifying', () => {
  it.each(CASES)('%s', (text, expected) => {
    const flags = flagIdentifying(text, { knownNames: ROSTER });
    expect(flags.map((f) => `${f.text}:${f.reason}`)).toEqual(expected);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('SHARE-FLAG-2: a full name is one span, not three', () => {
    const flags = flagIdentifying('Then Maya Lopez spoke.', { knownNames: ['Maya Lopez'] });
    expect(flags).toEqual([{ start: 5, end: 15, text: 'Maya Lopez', reason: 'known-name' }]);
  });

  it('SHARE-FLAG-2: names with regular-expression characters are matched literally', () => {
    expect(
      flagIdentifying('ask axb (ann about it', { knownNames: ['A.B. (Ann'] }).map((f) => f.text),
    ).toEqual(['ann']);
    expect(flagIdentifying('ask o’neil today', { knownNames: ['Sam O’Neil'] }).map((f) => f.text)).toEqual([
      'o’neil',
    ]);
  });
});

const lowerText = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz    .,;!?'-\n".split('')), { maxLength: 200 })
  .map((cs) => cs.join(''));
const anyText = fc.array(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Maya', 'J.M.', ' 12 years old', '3/4/2025', ' a@b.co', '555 123 4567', '. ', 'Ms. Lee'),
  ),
  { maxLength: 30 },
);
const names = fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 });

describe('SHARE-FLAG-1: properties', () => {
  it('spans lie inside the text, are sorted and never overlap', () => {
    fc.assert(
      fc.property(anyText, names, (parts, knownNames) => {
        const text = parts.join('');
        const flags = flagIdentifying(text, { knownNames });
        let end = 0;
        for (const f of flags) {
          expect(f.start).toBeGreaterThanOrEqual(end);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          end = f.end;
        }
      }),
    );
  });

  it('a text with no capitals, no digits (and no @) has no flags but known names', () => {
    fc.assert(
      fc.property(
        lowerText,
        fc.array(fc.stringMatching(/^[a-z]{2,8}$/), { maxLength: 3 }),
        (text, roster) => {
          const reasons = new Set<FlagReason>(
            flagIdentifying(text, { knownNames: roster }).map((f) => f.reason),
          );
          reasons.delete('known-name');
          expect([...reasons]).toEqual([]);
          expect(flagIdentifying(text, { knownNames: [] })).toEqual([]);
        },
      ),
    );
  });

  it('every whole-word occurrence of a known first name is flagged', () => {
    fc.assert(
      fc.property(lowerText, lowerText, (before, after) => {
        const text = `${before} zyxtla ${after}`;
        const flags = flagIdentifying(text, { knownNames: ['Zyxtla Qorv'] });
        expect(flags.some((f) => f.text.toLowerCase() === 'zyxtla' && f.reason === 'known-name')).toBe(true);
      }),
    );
  });
});
