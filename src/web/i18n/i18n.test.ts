import { describe, expect, it } from 'vitest';
import { accountStrings } from '../account/strings.en';
import { adminStrings } from '../admin/strings.en';
import { passwordStrings } from '../auth/strings.en';
import { signInStrings } from '../auth/sign-in-strings.en';
import { demoStrings } from '../demo/strings.en';
import { outboxStrings } from '../dev/strings.en';
import { invitationStrings } from '../invitations/strings.en';
import { joinStrings } from '../join/strings.en';
import { setupStrings } from '../setup/strings.en';
import { teamsStrings } from '../teams/strings.en';
import { en } from './en';
import { pickLanguage } from './index';

describe('i18n', () => {
  it('WEB-I18N-2 picks the first browser language with a translation, else English', () => {
    expect(pickLanguage(['fr-FR', 'en-US'])).toBe('en');
    // I18N-PICK-2: Spanish from any Spanish-speaking region, in the order the reader prefers.
    expect(pickLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(pickLanguage(['fr-FR', 'es-419', 'en'])).toBe('es');
    expect(pickLanguage(['en-US', 'es'])).toBe('en');
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
    // The strings that load with their pages (DAY-PERF-5).
    for (const strings of [
      accountStrings,
      passwordStrings,
      signInStrings,
      demoStrings,
      outboxStrings,
      invitationStrings,
      joinStrings,
      setupStrings,
      teamsStrings,
    ])
      walk(strings, '');
    for (const key of keys.filter((k) => k.endsWith('_one')))
      expect(keys).toContain(key.replace(/_one$/, '_other'));
  });
});
