import { en } from './en';

/** Same keys as English, any wording: what a translation file (e.g. `es.ts`) must satisfy. */
export type Translation = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
/** A kit's strings in another language: the English object's keys, any wording (`strings.es.ts`). */
export type Translated<T> = Widen<T>;

/**
 * The strings bundled with the first chunk: English only. Other languages load when a reader needs them (`es.ts`,
 * registered in `index.ts` with the kits' translations, `kits.ts`; ADR 0044).
 */
export const resources = {
  en: { translation: en },
} as const satisfies Record<string, { translation: Translation }>;
