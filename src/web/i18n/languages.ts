/**
 * The languages the interface comes in (ADR 0044) and which one a reader gets: the person's choice (their
 * account's, I18N-PICK-1, or this device's before signing in), else the first browser language we have, else
 * English (I18N-PICK-2).
 */
import type { Language } from '#contracts/auth';

export type { Language };

const all = { en: true, es: true } as const satisfies Record<Language, true>;
export const languages = Object.keys(all) as readonly Language[];
export const defaultLanguage = 'en' satisfies Language;

/**
 * The tag i18next and `Intl` use for each language: Spanish as written across Latin America and the US
 * (`es-419`: 95%, 1,234.5, 2:49 p.m.), with its strings under `es` (i18next falls back from `es-419` to `es`).
 */
export const localeTag = { en: 'en', es: 'es-419' } as const satisfies Record<Language, string>;

/** The language of an i18next tag ("es-419" → "es"), else English. */
export function languageOfTag(tag: string): Language {
  return pickLanguage([tag]);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(all, value);
}

/** The reader's first browser language we have a translation for ("es-MX" → "es"), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return defaultLanguage;
}

/** Each language's name in itself, as language pickers show them (with `lang` set to the language). */
export const languageNames = { en: 'English', es: 'Español' } as const satisfies Record<Language, string>;

const KEY = 'ensemble.language';

/** The language last chosen on this device (the sign-in page's switch, or the account's choice once known). */
export function rememberedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // Storage blocked (a strict browser setting): follow the browser.
  }
}

export function rememberLanguage(language: Language | null): void {
  try {
    if (language) localStorage.setItem(KEY, language);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

/** I18N-PICK-2: what a page shows before it knows whose it is. */
export function firstLanguage(): Language {
  return rememberedLanguage() ?? pickLanguage(navigator.languages);
}
