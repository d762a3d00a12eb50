import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnableBinaries } from './binary-cache';
import { runToEnd, type RunAs } from './child-process';
import { binariesIn, locatePlatformBinaries } from './platform-binaries';
import { postgresRunAs } from './postgres-system-user';
import { recordingLog, tempDir } from './test-support';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('PostgreSQL binaries under a private folder', () => {
  let privateDir: string;
  let cacheRoot: string;
  let runAs: RunAs;

  beforeAll(async () => {
    const found = await postgresRunAs(recordingLog());
    if (!found) throw new Error('expected a postgres user when running as root');
    runAs = found;
    privateDir = await tempDir('ensemble-private-bin-', 0o700);
    cacheRoot = join(await tempDir('ensemble-bin-cache-', 0o755), 'cache');
    await cp((await locatePlatformBinaries()).nativeDir, join(privateDir, 'native'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  });

  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await rm(join(cacheRoot, '..'), { recursive: true, force: true });
  });

  it('DB-EMBED-7: binaries the postgres user cannot reach are copied once to a 0755 cache and run from there', async () => {
    const hidden = binariesIn(join(privateDir, 'native'), 'test');
    expect((await runToEnd(hidden.postgres, ['--version'], { cwd: '/', runAs })).code).not.toBe(0);

    const log = recordingLog();
    const t0 = performance.now();
    const usable = await runnableBinaries(hidden, runAs, log, cacheRoot);
    console.log(`DB-EMBED-7 copy of native/ took ${Math.round(performance.now() - t0)} ms`);
    expect(usable.nativeDir).toBe(join(cacheRoot, 'postgres-test', 'native'));
    expect(log.lines.join('\n')).toContain('copied to');
    const version = await runToEnd(usable.postgres, ['--version'], { cwd: '/', runAs });
    expect(version.output).toMatch(/postgres \(PostgreSQL\) \d+/);

    const again = recordingLog();
    expect((await runnableBinaries(hidden, runAs, again, cacheRoot)).nativeDir).toBe(usable.nativeDir);
    expect(again.lines).toEqual([]);
  });
});
