/** Imported by the demo's sign-in panel and practice offer: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { demoStrings } from './strings.en';

addPageStrings(demoStrings, { es: () => import('./strings.es').then((m) => m.demoStrings) });
