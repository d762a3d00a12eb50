/**
 * The team home's strings live in their own i18next namespace, `teamHome` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { teamHomeStrings } from './strings.en';

export const TEAM_HOME_NS = 'teamHome';

export type TeamHomeKey = Leaves<typeof teamHomeStrings>;
export type TeamHomeT = KitT<typeof teamHomeStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useTeamHomeT = kitTranslator(TEAM_HOME_NS, teamHomeStrings, {
  es: () => import('./strings.es').then((m) => m.teamHomeStrings),
});
