/**
 * Sharing's strings live in their own i18next namespace, `sharing` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { sharingStrings } from './strings.en';

export const SHARING_NS = 'sharing';

export type SharingKey = Leaves<typeof sharingStrings>;
export type SharingT = KitT<typeof sharingStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useSharingT = kitTranslator(SHARING_NS, sharingStrings, {
  es: () => import('./strings.es').then((m) => m.sharingStrings),
});
