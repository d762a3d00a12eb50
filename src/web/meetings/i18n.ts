/**
 * The meetings UI's strings live in their own i18next namespace, `meetings` (strings.en.ts). It is in
 * the registry of every kit's strings (`i18n/kits.ts`, ADR 0044), with its Spanish in strings.es.ts.
 *
 * The strings of the minutes page, the projector view and the team page's section (`minutes.*`,
 * `projector.*`, `team.*`) load with those pages, not with the device page (DAY-PERF-5): each passes them to
 * `addMeetingsStrings` when its code loads, and they are registered with the rest.
 */
import { kitTranslator, registerStrings, type KitT, type Leaves, type Translations } from '../i18n/kits';
import type { minutesStrings } from './minutes/strings.en';
import type { projectorStrings } from './projector/strings.en';
import { meetingsStrings } from './strings.en';
import type { teamMeetingsStrings } from './team/strings.en';

export const MEETINGS_NS = 'meetings';

type AllMeetingsStrings = typeof meetingsStrings &
  typeof minutesStrings &
  typeof projectorStrings &
  typeof teamMeetingsStrings;
export type MeetingsKey = Leaves<AllMeetingsStrings>;
export type MeetingsT = KitT<AllMeetingsStrings>;

/** Called by a page's module with the strings only that page uses, and their translations' loaders. */
export function addMeetingsStrings<S extends object>(strings: S, translations: Translations<S>): void {
  registerStrings(MEETINGS_NS, strings, translations);
}

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useMeetingsT: () => MeetingsT = kitTranslator<typeof meetingsStrings, AllMeetingsStrings>(
  MEETINGS_NS,
  meetingsStrings,
  { es: () => import('./strings.es').then((m) => m.meetingsStrings) },
);
