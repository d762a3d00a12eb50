import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negotiateLanguage, socketLanguage } from './language';

describe('I18N-SRV-1: the language a request is answered in', () => {
  it('I18N-SRV-1: any Spanish tag is Spanish; English, other languages and no header are English', () => {
    expect(negotiateLanguage('es')).toBe('es');
    expect(negotiateLanguage('es-MX')).toBe('es');
    expect(negotiateLanguage('es-419')).toBe('es');
    expect(negotiateLanguage('ES-us')).toBe('es');
    expect(negotiateLanguage('en')).toBe('en');
    expect(negotiateLanguage('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLanguage('fr-FR, de;q=0.8')).toBe('en');
    expect(negotiateLanguage('*')).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage(undefined)).toBe('en');
    // `esperanto` is not `es`: the primary subtag is compared, not a prefix.
    expect(negotiateLanguage('esperanto')).toBe('en');
  });

  it('I18N-SRV-1: quality values decide between English and Spanish; q=0 refuses one; ties go to the first', () => {
    expect(negotiateLanguage('en;q=0.5, es-MX;q=0.8')).toBe('es');
    expect(negotiateLanguage('es;q=0.4, en;q=0.7')).toBe('en');
    expect(negotiateLanguage('fr, es;q=0.2')).toBe('es');
    expect(negotiateLanguage('es;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLanguage('es;q=0')).toBe('en');
    expect(negotiateLanguage('es-419, en')).toBe('es');
    expect(negotiateLanguage('en, es')).toBe('en');
    expect(negotiateLanguage('es;q=abc, en;q=0.5')).toBe('en');
  });

  it('I18N-SRV-1: every header answers English or Spanish, and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        expect(['en', 'es']).toContain(negotiateLanguage(header));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/), (region) => {
        expect(negotiateLanguage(`es-${region}`)).toBe('es');
        expect(negotiateLanguage(`fr;q=0.9, es-${region};q=0.95`)).toBe('es');
      }),
    );
  });

  it("I18N-SRV-1: a meeting socket's language is its handshake's auth.language, English otherwise", () => {
    expect(socketLanguage({ language: 'es' })).toBe('es');
    expect(socketLanguage({ language: 'en', network: 'x' })).toBe('en');
    expect(socketLanguage({ language: 'es-MX' })).toBe('en');
    expect(socketLanguage({ language: 3 })).toBe('en');
    expect(socketLanguage({})).toBe('en');
    expect(socketLanguage(undefined)).toBe('en');
    expect(socketLanguage('es')).toBe('en');
  });
});
