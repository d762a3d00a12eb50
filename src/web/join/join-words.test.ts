/** DAY-WORDS-5: the join page's hint and its example agree, and the code is accepted with or without the dash. */
import { describe, expect, it } from 'vitest';
import { JoinCode } from '#contracts/org';
import { joinStrings } from './strings.en';

describe('the join page explains the code it shows', () => {
  it('DAY-WORDS-5 the example code in the hint parses, with and without its dash, and the hint says the dash is optional', () => {
    const hint = joinStrings.join.codeHint;
    const example = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(hint)?.[1];
    expect(example, 'the hint shows an example code').toBeDefined();
    const code = example ?? '';
    expect(JoinCode.parse(code)).toBe(code.replace('-', ''));
    expect(JoinCode.parse(code.replace('-', ''))).toBe(code.replace('-', ''));
    expect(JoinCode.parse(code.toLowerCase())).toBe(code.replace('-', ''));
    // The example has a dash: the hint must say whether to type it.
    expect(hint).toMatch(/dash/i);
    expect(`${joinStrings.join.intro} ${hint}`).toMatch(/8 letters and digits/);
  });
});
