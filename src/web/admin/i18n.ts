/**
 * Imported by each admin page: adds the admin strings (`admin.*`) to the default namespace, so the first chunk
 * every page loads does not carry them (DAY-PERF-1), with their Spanish in strings.es.ts (ADR 0044).
 */
import { addPageStrings } from '../i18n/page-strings';
import { adminStrings } from './strings.en';

addPageStrings(
  { admin: adminStrings },
  { es: () => import('./strings.es').then((m) => ({ admin: m.adminStrings })) },
);
