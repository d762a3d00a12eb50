/** Imported by the single sign-on pages and the admin section: adds `sso.*` to the running i18next (DAY-PERF-5). */
import { addPageStrings } from '../i18n/page-strings';
import { ssoStrings } from './strings.en';

addPageStrings(
  { sso: ssoStrings },
  { es: () => import('./strings.es').then((m) => ({ sso: m.ssoStrings })) },
);
