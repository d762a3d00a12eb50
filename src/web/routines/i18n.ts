/**
 * The routine pages' strings live in their own i18next namespace, `routines` (strings.en.ts), with its
 * Spanish in strings.es.ts (ADR 0044).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { routinesStrings } from './strings.en';

export const ROUTINES_NS = 'routines';

export type RoutinesKey = Leaves<typeof routinesStrings>;
export type RoutinesT = KitT<typeof routinesStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useRoutinesT = kitTranslator(ROUTINES_NS, routinesStrings, {
  es: () => import('./strings.es').then((m) => m.routinesStrings),
});
