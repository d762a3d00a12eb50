import { en } from './en';

/** Same keys as English, any wording: what a translation file (e.g. `es.ts`) must satisfy. */
export type Translation = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
/** A kit's strings in another language: the English object's keys, any wording (`strings.es.ts`). */
export type Translated<T> = Widen<T>;

/**
 * Every language the app ships. To add Spanish: create `es.ts` exporting `export const es: Translation = {…}`
 * and add `es: { translation: es }` here. Detection and `<html lang>` follow automatically.
 */
export const resources = {
  en: { translation: en },
} as const satisfies Record<string, { translation: Translation }>;

export type Language = keyof typeof resources;
export const defaultLanguage: Language = 'en';
