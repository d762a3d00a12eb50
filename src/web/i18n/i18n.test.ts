import { describe, expect, it } from 'vitest';
import { adminStrings } from '../admin/strings.en';
import { en } from './en';
import { pickLanguage } from './index';

describe('i18n', () => {
  it('WEB-I18N-2 picks the first browser language with a translation, else English', () => {
    expect(pickLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('WEB-I18N-1 plural keys come in pairs, so counts read naturally', () => {
    const keys: string[] = [];
    const walk = (node: object, prefix: string) => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') keys.push(prefix + key);
        else walk(value as object, `${prefix}${key}.`);
      }
    };
    walk(en, '');
    walk({ admin: adminStrings }, '');
    for (const key of keys.filter((k) => k.endsWith('_one')))
      expect(keys).toContain(key.replace(/_one$/, '_other'));
  });
});
