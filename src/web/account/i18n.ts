/** Imported by the account page: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { accountStrings } from './strings.en';

addPageStrings(accountStrings, { es: () => import('./strings.es').then((m) => m.accountStrings) });
