/**
 * I18N-WEB-5: every English strings file has its Spanish beside it, with the same keys (the type `Translated`
 * checks that at compile time) and, string by string, the same placeholders, nesting and tags, so a translation
 * can never drop a name or a count from a sentence.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishStringsFiles, exportsOf, leaves, spanishFileOf, webSource } from './strings-files';

/** What a translation must carry over as it is: `{{x}}` placeholders, `$t(...)` nesting, `<0>` tags, line breaks. */
function marks(text: string): string[] {
  return [...text.matchAll(/\{\{[^}]+\}\}|\$t\([^)]*\)|<\/?\d+\/?>|\n/g)].map((m) => m[0]).sort();
}

const pairs = englishStringsFiles().map((english) => ({
  english,
  spanish: spanishFileOf(english),
  name: relative(webSource, english),
}));

describe('I18N-WEB-5 Spanish strings', () => {
  it('finds the English strings files (the walk is not empty)', () => {
    expect(pairs.map((p) => p.name)).toEqual(
      expect.arrayContaining(['i18n/en.ts', 'meetings/strings.en.ts', 'auth/sign-in-strings.en.ts']),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(30);
  });

  it.each(pairs)(
    'I18N-WEB-5: $name has Spanish with the same keys and placeholders',
    async ({ english, spanish }) => {
      const englishModule: unknown = await import(english);
      const spanishModule: unknown = await import(spanish);
      const en = exportsOf(englishModule);
      const es = exportsOf(spanishModule);
      // The root file exports `en`, its Spanish `es`; a kit's exports keep their names.
      const spanishName = (exported: string) => (exported === 'en' ? 'es' : exported);
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).map(spanishName).sort());
      for (const exported of Object.keys(en)) {
        const englishLeaves = leaves(en[exported]);
        const spanishLeaves = leaves(es[spanishName(exported)]);
        expect([...spanishLeaves.keys()].sort()).toEqual([...englishLeaves.keys()].sort());
        for (const [key, text] of englishLeaves) {
          const translated = spanishLeaves.get(key) ?? '';
          expect(marks(translated), `${exported}.${key}`).toEqual(marks(text));
          if (text.trim()) expect(translated.trim(), `${exported}.${key} is empty`).not.toBe('');
        }
      }
    },
  );
});
