/**
 * My reflections' strings live in their own i18next namespace, `reflections` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { reflectionsStrings } from './strings.en';

export const REFLECTIONS_NS = 'reflections';

export type ReflectionsKey = Leaves<typeof reflectionsStrings>;
export type ReflectionsT = KitT<typeof reflectionsStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useReflectionsT = kitTranslator(REFLECTIONS_NS, reflectionsStrings, {
  es: () => import('./strings.es').then((m) => m.reflectionsStrings),
});
