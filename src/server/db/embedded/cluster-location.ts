import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunAs } from './child-process';
import { pathExists } from './node-helpers';
import type { SupervisorLog } from './supervisor-log';
import { firstUntraversable } from './traversal';

export const DEFAULT_RELOCATION_ROOT = '/var/lib/ensemble';
export const LOCATION_POINTER_FILE = 'pg-location';

/**
 * Where the PostgreSQL cluster of `dataDir` lives: normally `<dataDir>/pg`. As root, the postgres user
 * must traverse every parent of the cluster; when one is private (a checkout under /root, mode 700), the
 * cluster goes to a root-owned 0755 place instead, and `<dataDir>/pg-location` records where.
 */
export async function clusterLocation(
  dataDir: string,
  runAs: RunAs | undefined,
  log: SupervisorLog,
  relocationRoot = DEFAULT_RELOCATION_ROOT,
): Promise<string> {
  const pointer = join(dataDir, LOCATION_POINTER_FILE);
  if (await pathExists(pointer)) {
    const recorded = (await readFile(pointer, 'utf8')).trim();
    if (recorded !== '') {
      log.info(`The PostgreSQL cluster of ${dataDir} is at ${recorded} (recorded in ${pointer}).`);
      return recorded;
    }
  }
  const inPlace = join(dataDir, 'pg');
  if (!runAs || (await pathExists(join(inPlace, 'PG_VERSION')))) return inPlace;

  const blocked = await firstUntraversable(dataDir, runAs);
  if (blocked === undefined) return inPlace;

  const key = createHash('sha256')
    .update(await realpath(dataDir))
    .digest('hex')
    .slice(0, 16);
  const home = join(relocationRoot, key);
  const relocated = join(home, 'pg');
  for (const dir of [relocationRoot, home]) {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await chmod(dir, 0o755);
  }
  await setAsideOrphanedCluster(relocated, dataDir, log);
  await writeFile(pointer, `${relocated}\n`, { mode: 0o644 });
  log.warn(
    `The user "${runAs.user}" cannot traverse ${blocked}, so the PostgreSQL cluster of ${dataDir} lives in ` +
      `${relocated} (recorded in ${pointer}). Back up both, or make ${blocked} traversable (chmod o+x) before the ` +
      `first start to keep the cluster inside the data directory.`,
  );
  return relocated;
}

/**
 * A cluster at the relocation target without a pointer file belongs to a data directory that was
 * deleted and re-created at the same path (a reset). Reusing it would resurrect old data under a new
 * password, so it is moved aside, never deleted.
 */
async function setAsideOrphanedCluster(
  relocated: string,
  dataDir: string,
  log: SupervisorLog,
): Promise<void> {
  if (!(await pathExists(join(relocated, 'PG_VERSION')))) return;
  if (await pathExists(join(dataDir, 'pg-password'))) return; // only the pointer was lost: keep using it
  const aside = `${relocated}.orphaned-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(relocated, aside);
  log.warn(`Moved the cluster left by an earlier data directory at ${dataDir} aside to ${aside}.`);
}
