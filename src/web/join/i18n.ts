/** Imported by the join-by-code pages: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { joinStrings } from './strings.en';

addPageStrings(joinStrings, { es: () => import('./strings.es').then((m) => m.joinStrings) });
