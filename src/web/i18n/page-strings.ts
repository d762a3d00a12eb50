/**
 * Strings that load with their pages (DAY-PERF-5), not with the first chunk every page loads: a page's
 * `i18n.ts` module calls this with its English strings (keys of the default namespace, typed in
 * `i18next.d.ts`). Pages load after i18next starts; anything that imports them earlier (a test) gets the
 * strings when it starts. `admin/i18n.ts` does the same for `admin.*`.
 */
import i18next from 'i18next';
import { defaultLanguage } from './resources';

export function addPageStrings(strings: Readonly<Record<string, object>>): void {
  const add = () => i18next.addResourceBundle(defaultLanguage, 'translation', strings, true, false);
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
