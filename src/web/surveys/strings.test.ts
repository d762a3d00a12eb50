/** DAY-WORDS-1, MEASURE-WEB-5: the words of the surveys pages. */
import { describe, expect, it } from 'vitest';
import { EFFICACY_SOURCE_WORDS } from '#contracts/efficacy-sources';
import { INSTRUMENT_CONSTRUCTS } from '#contracts/surveys';
import { EFFICACY_SOURCES } from '#contracts/routine';
import { surveysStrings } from './strings.en';

describe('words on the surveys pages', () => {
  it('DAY-WORDS-1 the results name each source with the one shared name, and every construct has a name', () => {
    for (const source of EFFICACY_SOURCES)
      expect(surveysStrings.results.constructs[source]).toBe(EFFICACY_SOURCE_WORDS[source].name);
    expect(Object.keys(surveysStrings.results.constructs).sort()).toEqual([...INSTRUMENT_CONSTRUCTS].sort());
    expect(surveysStrings.results.constructs.collective).toBe('Collective efficacy');
  });

  it('MEASURE-WEB-5, MEASURE-WEB-7 the plain words make no causal claim', () => {
    const words = JSON.stringify([surveysStrings.results, surveysStrings.compare]);
    expect(words).not.toMatch(
      /\b(caused|causes|because of|led to|leads to|improved by|thanks to|proves?)\b/i,
    );
    expect(surveysStrings.results.howTo2).toMatch(/do not say why/);
    expect(surveysStrings.compare.howTo2).toMatch(/do not say why/);
  });

  it('plural keys come in pairs', () => {
    const keys: string[] = [];
    const walk = (node: object, prefix: string) => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') keys.push(prefix + key);
        else walk(value as object, `${prefix}${key}.`);
      }
    };
    walk(surveysStrings, '');
    for (const key of keys.filter((k) => k.endsWith('_one')))
      expect(keys).toContain(key.replace(/_one$/, '_other'));
  });
});
