/**
 * CAP-LIVE-10 (ADR 0051): `npm start` runs the server with a 64 MB young generation, and the benchmarks start every
 * server with the flags `npm start` uses.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeFlagsOf, serverNodeFlags } from '../bench/server-flags';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('CAP-LIVE-10: the server runtime flags', () => {
  it('reads the flags between node and the script', () => {
    expect(nodeFlagsOf('node --max-semi-space-size=64 --trace-gc scripts/start.mjs --demo')).toEqual([
      '--max-semi-space-size=64',
      '--trace-gc',
    ]);
    expect(nodeFlagsOf('node scripts/start.mjs')).toEqual([]);
    expect(nodeFlagsOf('tsx scripts/start.mjs --x')).toEqual([]);
  });

  it('npm start gives the server a 64 MB semi-space, and the benchmarks use the same flags', () => {
    expect(serverNodeFlags(root)).toContain('--max-semi-space-size=64');
  });
});
