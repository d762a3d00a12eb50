/**
 * Strings that load with their pages (DAY-PERF-5), not with the first chunk every page loads: a page's
 * `i18n.ts` module calls this with its English strings (keys of the default namespace, typed in
 * `i18next.d.ts`) and the loaders of their translations (ADR 0044).
 */
import { registerStrings, type Translations } from './kits';

export function addPageStrings<S extends Readonly<Record<string, object>>>(
  strings: S,
  translations: Translations<S>,
): void {
  registerStrings('translation', strings, translations);
}
