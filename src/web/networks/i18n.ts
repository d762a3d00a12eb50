/**
 * The networks kit's strings live in their own i18next namespace, `networks` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { networksStrings } from './strings.en';

export const NETWORKS_NS = 'networks';

export type NetworksKey = Leaves<typeof networksStrings>;
export type NetworksT = KitT<typeof networksStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useNetworksT = kitTranslator(NETWORKS_NS, networksStrings, {
  es: () => import('./strings.es').then((m) => m.networksStrings),
});
