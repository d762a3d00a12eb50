/** Imported by the outbox page: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { outboxStrings } from './strings.en';

addPageStrings(outboxStrings, { es: () => import('./strings.es').then((m) => m.outboxStrings) });
