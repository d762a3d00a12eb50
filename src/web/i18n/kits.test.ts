import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStrings, setLanguage, stringsReady, wantedLanguage } from './kits';

/** i18next's own `t`, untyped: these test namespaces are not the app's (whose keys `i18next.d.ts` types). */
const t = (key: string, options: Record<string, unknown>): string =>
  (i18next.t as (key: string, options: Record<string, unknown>) => string)(key, options);

const english = {
  greeting: 'Hello, {{name}}',
  people_one: '{{count}} person',
  people_other: '{{count}} people',
};

describe('the strings registry (ADR 0044)', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', fallbackLng: 'en', resources: {}, initAsync: false });
    await setLanguage('en');
  });
  // Test files may share a module registry (the unit project does not isolate them): leave English as found.
  afterAll(async () => {
    await setLanguage('en');
  });

  it('I18N-WEB-1: switching loads every registered kit’s Spanish before the app changes language', async () => {
    let loads = 0;
    registerStrings('kitA', english, {
      es: () => {
        loads += 1;
        return Promise.resolve({
          greeting: 'Hola, {{name}}',
          people_one: '{{count}} persona',
          people_other: '{{count}} personas',
        });
      },
    });
    expect(loads).toBe(0); // I18N-WEB-2: English readers never load a translation.
    expect(t('greeting', { ns: 'kitA', name: 'Ana' })).toBe('Hello, Ana');
    await setLanguage('es');
    expect(loads).toBe(1);
    expect(i18next.language).toBe('es-419');
    expect(t('greeting', { ns: 'kitA', name: 'Ana' })).toBe('Hola, Ana');
    expect(t('people', { ns: 'kitA', count: 1 })).toBe('1 persona');
    expect(t('people', { ns: 'kitA', count: 3 })).toBe('3 personas');
    // I18N-WEB-4: Spanish's third plural form (1,000,000) reads as the `other` form, not as a bare key.
    expect(t('people', { ns: 'kitA', count: 1_000_000 })).toBe('1000000 personas');
  });

  it('I18N-WEB-1: a kit that loads after the switch brings its Spanish, and stringsReady waits for it', async () => {
    expect(wantedLanguage()).toBe('es');
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    registerStrings('kitB', { title: 'Team' }, { es: () => arrived.then(() => ({ title: 'Equipo' })) });
    let ready = false;
    const waiting = stringsReady().then(() => {
      ready = true;
    });
    await Promise.resolve();
    expect(ready).toBe(false);
    release();
    await waiting;
    expect(t('title', { ns: 'kitB' })).toBe('Equipo');
  });

  it('I18N-WEB-1: a translation that fails to load leaves English showing, and is asked again on the next switch', async () => {
    let tries = 0;
    registerStrings(
      'kitC',
      { title: 'Notes' },
      {
        es: () => {
          tries += 1;
          return tries === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ title: 'Notas' });
        },
      },
    );
    await stringsReady();
    expect(t('title', { ns: 'kitC' })).toBe('Notes');
    await setLanguage('en');
    await setLanguage('es');
    expect(tries).toBe(2);
    expect(t('title', { ns: 'kitC' })).toBe('Notas');
  });
});
