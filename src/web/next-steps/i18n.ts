/**
 * Next steps' strings live in their own i18next namespace, `nextSteps` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { nextStepsStrings } from './strings.en';

export const NEXT_STEPS_NS = 'nextSteps';

export type NextStepsKey = Leaves<typeof nextStepsStrings>;
export type NextStepsT = KitT<typeof nextStepsStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useNextStepsT = kitTranslator(NEXT_STEPS_NS, nextStepsStrings, {
  es: () => import('./strings.es').then((m) => m.nextStepsStrings),
});
