/**
 * The surveys' strings live in their own i18next namespace, `surveys` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { surveysStrings } from './strings.en';

export const SURVEYS_NS = 'surveys';

export type SurveysKey = Leaves<typeof surveysStrings>;
export type SurveysT = KitT<typeof surveysStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useSurveysT = kitTranslator(SURVEYS_NS, surveysStrings, {
  es: () => import('./strings.es').then((m) => m.surveysStrings),
});
