/**
 * The colleague exchange's strings live in their own i18next namespace, `colleague` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { colleagueStrings } from './strings.en';

export const COLLEAGUE_NS = 'colleague';

export type ColleagueKey = Leaves<typeof colleagueStrings>;
export type ColleagueT = KitT<typeof colleagueStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useColleagueT = kitTranslator(COLLEAGUE_NS, colleagueStrings, {
  es: () => import('./strings.es').then((m) => m.colleagueStrings),
});
