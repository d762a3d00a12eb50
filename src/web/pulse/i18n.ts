/**
 * The meeting pulse's strings live in their own i18next namespace, `pulse` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { pulseStrings } from './strings.en';

export const PULSE_NS = 'pulse';

export type PulseKey = Leaves<typeof pulseStrings>;
export type PulseT = KitT<typeof pulseStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const usePulseT = kitTranslator(PULSE_NS, pulseStrings, {
  es: () => import('./strings.es').then((m) => m.pulseStrings),
});
