/**
 * Search's strings live in their own i18next namespace, `search` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { searchStrings } from './strings.en';

export const SEARCH_NS = 'search';

export type SearchKey = Leaves<typeof searchStrings>;
export type SearchT = KitT<typeof searchStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useSearchT = kitTranslator(SEARCH_NS, searchStrings, {
  es: () => import('./strings.es').then((m) => m.searchStrings),
});
