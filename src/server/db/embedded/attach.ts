import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PASSWORD_FILE } from './cluster-init';
import { LOCATION_POINTER_FILE } from './cluster-location';
import { pathExists } from './node-helpers';

/**
 * The connection string of the PostgreSQL that a running Ensemble serves from `dataDir`, so CLI commands
 * (backup, create-admin) work while the app runs instead of asking people to stop it.
 */
export async function runningClusterConnection(dataDir: string): Promise<string | null> {
  const pointer = join(dataDir, LOCATION_POINTER_FILE);
  const clusterDir = (await pathExists(pointer))
    ? (await readFile(pointer, 'utf8')).trim()
    : join(dataDir, 'pg');
  const pidFile = join(clusterDir, 'postmaster.pid');
  const passwordFile = join(dataDir, PASSWORD_FILE);
  if (!(await pathExists(pidFile)) || !(await pathExists(passwordFile))) return null;
  // postmaster.pid: line 4 is the port (PostgreSQL's documented layout).
  const port = Number((await readFile(pidFile, 'utf8')).split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const password = (await readFile(passwordFile, 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/ensemble`;
}
