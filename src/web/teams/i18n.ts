/** Imported by the team pages and their sections: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { teamsStrings } from './strings.en';

addPageStrings(teamsStrings, { es: () => import('./strings.es').then((m) => m.teamsStrings) });
