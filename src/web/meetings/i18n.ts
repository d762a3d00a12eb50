/**
 * The meetings UI's strings live in their own i18next namespace, `meetings` (strings.en.ts). Until the app
 * registers it with its other resources, the first component that asks registers it on the running instance
 * (it cannot happen at import time: the router module is imported before i18next is initialised).
 */
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingsStrings } from './strings.en';

export const MEETINGS_NS = 'meetings';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type KeyOf<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** Every dotted key of the English strings, with plural forms folded into their base key. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${KeyOf<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MeetingsKey = Leaves<typeof meetingsStrings>;
export type MeetingsT = (key: MeetingsKey, options?: Record<string, unknown>) => string;

function ensureRegistered(i18n: I18n): void {
  if (!i18n.isInitialized || i18n.hasResourceBundle('en', MEETINGS_NS)) return;
  i18n.addResourceBundle('en', MEETINGS_NS, meetingsStrings, true, true);
}

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export function useMeetingsT(): MeetingsT {
  const { i18n } = useTranslation();
  ensureRegistered(i18n);
  const language = i18n.language;
  return useCallback<MeetingsT>(
    // i18next's own types know only the registered namespaces; our key type above does the checking.
    (key, options) =>
      (i18n.t as (key: string, options: Record<string, unknown>) => string)(key, {
        ...options,
        ns: MEETINGS_NS,
        lng: language,
      }),
    [i18n, language],
  );
}
