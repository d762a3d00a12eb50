/** Imported by the forgot-password, reset-password and verify-email pages: adds their strings to the running i18next (DAY-PERF-5, `i18n/page-strings.ts`). */
import { addPageStrings } from '../i18n/page-strings';
import { passwordStrings } from './strings.en';

addPageStrings(passwordStrings, { es: () => import('./strings.es').then((m) => m.passwordStrings) });
