/**
 * The web's strings files, for the tests that read them (ADR 0044): the translations test (I18N-WEB-5) and the
 * Spanish e2e sweep's leak detector (I18N-E2E-3, `e2e/i18n-leaks.ts`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webSource = fileURLToPath(new URL('../src/web/', import.meta.url));

/** Every English strings file under `dir` (`strings.en.ts`, `sign-in-strings.en.ts`, `i18n/en.ts`…). */
export function englishStringsFiles(dir = webSource): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return englishStringsFiles(path);
    return /(^|[.-])en\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The Spanish file beside an English one. */
export const spanishFileOf = (english: string): string => english.replace(/en\.ts$/, 'es.ts');

/** Every string of a strings object, by its dotted key. */
export function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node !== 'object' || node === null) return out;
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** A module's exports by name. */
export function exportsOf(module: unknown): Record<string, unknown> {
  if (typeof module !== 'object' || module === null) throw new Error('not a module');
  return Object.fromEntries(Object.entries(module));
}
