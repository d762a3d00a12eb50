/**
 * Book studies' strings live in their own i18next namespace, `bookStudy` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { bookStudyStrings } from './strings.en';

export const BOOK_STUDY_NS = 'bookStudy';

export type BookStudyKey = Leaves<typeof bookStudyStrings>;
export type BookStudyT = KitT<typeof bookStudyStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useBookStudyT = kitTranslator(BOOK_STUDY_NS, bookStudyStrings, {
  es: () => import('./strings.es').then((m) => m.bookStudyStrings),
});
