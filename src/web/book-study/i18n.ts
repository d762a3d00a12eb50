/**
 * Book studies' strings live in their own i18next namespace, `bookStudy` (strings.en.ts), registered on the
 * running instance by the first component that asks, as the meetings feature does (src/web/meetings/i18n.ts).
 */
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { bookStudyStrings } from './strings.en';

export const BOOK_STUDY_NS = 'bookStudy';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type KeyOf<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** Every dotted key of the English strings, with plural forms folded into their base key. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${KeyOf<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type BookStudyKey = Leaves<typeof bookStudyStrings>;
export type BookStudyT = (key: BookStudyKey, options?: Record<string, unknown>) => string;

function ensureRegistered(i18n: I18n): void {
  if (!i18n.isInitialized || i18n.hasResourceBundle('en', BOOK_STUDY_NS)) return;
  i18n.addResourceBundle('en', BOOK_STUDY_NS, bookStudyStrings, true, true);
}

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export function useBookStudyT(): BookStudyT {
  const { i18n } = useTranslation();
  ensureRegistered(i18n);
  const language = i18n.language;
  return useCallback<BookStudyT>(
    // i18next's own types know only the registered namespaces; our key type above does the checking.
    (key, options) =>
      (i18n.t as (key: string, options: Record<string, unknown>) => string)(key, {
        ...options,
        ns: BOOK_STUDY_NS,
        lng: language,
      }),
    [i18n, language],
  );
}
