/**
 * The meetings UI's strings live in their own i18next namespace, `meetings` (strings.en.ts). Until the app
 * registers it with its other resources, the first component that asks registers it on the running instance
 * (it cannot happen at import time: the router module is imported before i18next is initialised).
 *
 * The strings of the minutes page, the projector view and the team page's section (`minutes.*`,
 * `projector.*`, `team.*`) load with those pages, not with the device page (DAY-PERF-5): each passes them to
 * `addMeetingsStrings` when its code loads, and they are registered with the rest.
 */
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { minutesStrings } from './minutes/strings.en';
import type { projectorStrings } from './projector/strings.en';
import { meetingsStrings } from './strings.en';
import type { teamMeetingsStrings } from './team/strings.en';

export const MEETINGS_NS = 'meetings';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type KeyOf<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** Every dotted key of the English strings, with plural forms folded into their base key. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${KeyOf<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MeetingsKey = Leaves<
  typeof meetingsStrings & typeof minutesStrings & typeof projectorStrings & typeof teamMeetingsStrings
>;
export type MeetingsT = (key: MeetingsKey, options?: Record<string, unknown>) => string;

/** The English bundles of the namespace: the device page's, then those pages added as they loaded. */
const bundles: object[] = [meetingsStrings];
/** How many of `bundles` each i18next instance has. */
const registered = new WeakMap<I18n, number>();

/** Called by a page's module with the strings only that page uses (e.g. `{ minutes: minutesStrings }`). */
export function addMeetingsStrings(strings: object): void {
  bundles.push(strings);
}

function ensureRegistered(i18n: I18n): void {
  const done = registered.get(i18n) ?? 0;
  if (!i18n.isInitialized || done === bundles.length) return;
  for (const strings of bundles.slice(done)) i18n.addResourceBundle('en', MEETINGS_NS, strings, true, true);
  registered.set(i18n, bundles.length);
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
