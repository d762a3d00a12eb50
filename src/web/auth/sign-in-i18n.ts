/** Imported by the sign-in page: adds the sign-in strings to the running i18next (DAY-PERF-5). */
import { addPageStrings } from '../i18n/page-strings';
import { signInStrings } from './sign-in-strings.en';

addPageStrings(signInStrings, { es: () => import('./sign-in-strings.es').then((m) => m.signInStrings) });
