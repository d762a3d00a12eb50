import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ShippedOrganization } from '#contracts/organizations';
import { parseDirectory } from '#core/directory/organizations';

export class DirectoryFileError extends Error {}

/** `directory/` beside the application files, found from this module (bundled or not). */
export function directoryFolder(): string {
  for (const candidate of ['../../directory', '../../../directory', '../directory']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new DirectoryFileError('Cannot find the directory folder next to the application files.');
}

/** The shipped professional organizations, validated at start: a bad file stops the start with file:line:col. */
export function loadShippedDirectory(folder = directoryFolder()): readonly ShippedOrganization[] {
  const all: ShippedOrganization[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const result = parseDirectory(readFileSync(join(folder, file), 'utf8'), `directory/${file}`);
    if (!result.ok)
      throw new DirectoryFileError(
        result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'),
      );
    for (const o of result.organizations) {
      if (all.some((x) => x.id === o.id))
        throw new DirectoryFileError(`directory/${file}: organization id "${o.id}" is used twice`);
      all.push(o);
    }
  }
  return all;
}
