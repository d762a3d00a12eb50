/**
 * NODE-ENGINES-1: the README's promise (Node 20.19+, 22.13+, 24+) holds for every package the lockfile installs,
 * runtime and development alike. A package whose `engines.node` excludes one of those lines fails here, so a
 * dependency update cannot quietly drop a Node line (as cookie@2 and content-disposition@3 did, ADR 0037).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  engines?: Record<string, string> | string[];
}
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};

/** The oldest release of each Node line we promise, and the first of the newest. */
const PROMISED = ['20.19.0', '22.13.0', '24.0.0'];

function nodeRange(entry: LockEntry): string | null {
  const engines = entry.engines;
  if (!engines || Array.isArray(engines)) return null;
  return engines.node ?? null;
}

describe('NODE-ENGINES-1: every installed package runs on the Node versions the README promises', () => {
  it('the package itself declares those lines and no other', () => {
    for (const version of PROMISED) expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
    expect(semver.satisfies('20.18.0', manifest.engines.node)).toBe(false);
    expect(semver.satisfies('21.7.0', manifest.engines.node)).toBe(false);
    expect(semver.satisfies('23.11.0', manifest.engines.node)).toBe(false);
  });

  it('no package in the lockfile excludes one of them', () => {
    const refusals: string[] = [];
    let checked = 0;
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '') continue;
      const range = nodeRange(entry);
      if (range === null) continue;
      checked += 1;
      for (const version of PROMISED) {
        if (!semver.satisfies(version, range))
          refusals.push(`${path}@${entry.version ?? '?'}: node ${range} excludes ${version}`);
      }
    }
    expect(refusals).toEqual([]);
    // The lockfile really carries engines (npm 7+ writes them): a format change must not make this vacuous.
    expect(checked).toBeGreaterThan(50);
  });
});
