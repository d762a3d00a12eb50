/** Imported by the setup and first-steps pages: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { setupStrings } from './strings.en';

addPageStrings(setupStrings, { es: () => import('./strings.es').then((m) => m.setupStrings) });
