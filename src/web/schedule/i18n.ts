/**
 * The strings of weekly series, moving and cancelling meetings and calendar links live in their own i18next
 * namespace, `schedule` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044);
 * they load with the team page only.
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { scheduleStrings } from './strings.en';

export const SCHEDULE_NS = 'schedule';

export type ScheduleKey = Leaves<typeof scheduleStrings>;
export type ScheduleT = KitT<typeof scheduleStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useScheduleT = kitTranslator(SCHEDULE_NS, scheduleStrings, {
  es: () => import('./strings.es').then((m) => m.scheduleStrings),
});
