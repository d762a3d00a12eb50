/** Imported by the invitation page: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { invitationStrings } from './strings.en';

addPageStrings(invitationStrings, { es: () => import('./strings.es').then((m) => m.invitationStrings) });
