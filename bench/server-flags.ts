/**
 * The Node flags `npm start` runs the server with (package.json's `start` script; ADR 0051, CAP-LIVE-10). The
 * benchmarks start every server they measure with the same flags: the app, and the bare servers it is compared
 * with, so that a figure is what `npm start` gives and a ratio compares like with like. `--no-server-flags` on
 * `bench:live` and `bench:api` leaves them out, to measure what they bring.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '#contracts/zod';

const PackageJson = z.object({ scripts: z.object({ start: z.string() }) });

/** The flags between `node` and the script in a `node --flag … script.mjs` command (none for anything else). */
export function nodeFlagsOf(command: string): string[] {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'node') return [];
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

/** `npm start`'s Node flags, read from the repository's package.json. */
export function serverNodeFlags(root: string): string[] {
  const pkg = PackageJson.parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  return nodeFlagsOf(pkg.scripts.start);
}
