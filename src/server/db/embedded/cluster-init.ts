import { randomBytes } from 'node:crypto';
import {
  chmod,
  chown,
  lchown,
  lstat,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeExit, runToEnd, type RunAs } from './child-process';
import { EmbeddedPostgresError } from './errors';
import { pathExists } from './node-helpers';
import type { PostgresBinaries } from './platform-binaries';
import type { ServerLog } from './server-log';
import type { SupervisorLog } from './supervisor-log';

export const PASSWORD_FILE = 'pg-password';

export interface ClusterInitOptions {
  dataDir: string;
  clusterDir: string;
  binaries: PostgresBinaries;
  runAs: RunAs | undefined;
  serverLog: ServerLog;
  log: SupervisorLog;
}

/**
 * Creates the cluster on first start and returns the superuser password. An existing cluster (it has
 * PG_VERSION) is never re-initialised. initdb writes into a sibling folder that is renamed into place
 * only when complete, so a crash during initdb cannot leave a half-made cluster that looks real.
 */
export async function ensureCluster(opts: ClusterInitOptions): Promise<string> {
  const { dataDir, clusterDir, runAs } = opts;
  const passwordFile = join(dataDir, PASSWORD_FILE);
  if (await pathExists(join(clusterDir, 'PG_VERSION'))) {
    if (runAs) await ensureOwnedBy(clusterDir, runAs);
    return readPassword(passwordFile, clusterDir);
  }
  if ((await pathExists(clusterDir)) && (await readdir(clusterDir)).length > 0) {
    throw new EmbeddedPostgresError(
      `${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Ensemble will not overwrite it: ` +
        `move it away, or choose another data directory.`,
    );
  }
  const password = randomBytes(24).toString('base64url');
  await writeSecret(passwordFile, password, undefined);
  await initialise(opts, password);
  return password;
}

async function initialise(opts: ClusterInitOptions, password: string): Promise<void> {
  const { clusterDir, binaries, runAs, serverLog, log } = opts;
  const parent = dirname(clusterDir);
  const staging = join(parent, `${basename(clusterDir)}.initdb`);
  // initdb reads the password from a file. It sits next to the cluster (never in TMPDIR), readable only
  // by the server user, and is removed as soon as initdb is done.
  const pwfile = join(parent, `.${basename(clusterDir)}.initdb-password`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  if (runAs) await chown(staging, runAs.uid, runAs.gid);
  await writeSecret(pwfile, password, runAs);

  const started = Date.now();
  serverLog.note(`initdb ${staging}`);
  let result;
  try {
    result = await runToEnd(
      binaries.initdb,
      [
        '-D',
        staging,
        '-U',
        'postgres',
        '--auth=scram-sha-256',
        `--pwfile=${pwfile}`,
        '-E',
        'UTF8',
        '--locale=C',
      ],
      { cwd: parent, runAs },
    );
  } finally {
    await unlink(pwfile).catch(() => undefined);
  }
  for (const line of result.output.split('\n')) if (line.trim() !== '') serverLog.note(`initdb: ${line}`);
  if (result.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new EmbeddedPostgresError(
      `initdb ${describeExit(result)} while creating the cluster in ${clusterDir}.`,
      {
        logTail: serverLog.tail(),
        logFile: serverLog.path,
      },
    );
  }
  if (await pathExists(clusterDir)) await rmdir(clusterDir); // empty, checked by the caller
  await rename(staging, clusterDir);
  log.info(`Created a PostgreSQL cluster in ${clusterDir} (initdb took ${Date.now() - started} ms).`);
}

async function readPassword(passwordFile: string, clusterDir: string): Promise<string> {
  try {
    const password = (await readFile(passwordFile, 'utf8')).trim();
    if (password !== '') return password;
  } catch {
    // Reported below.
  }
  throw new EmbeddedPostgresError(
    `The cluster in ${clusterDir} exists but its password file ${passwordFile} is missing or empty, so Ensemble ` +
      `cannot connect to it. Restore that file from the same backup as the cluster.`,
  );
}

/** Written to a temporary name and renamed, so a crash never leaves a truncated password file. */
async function writeSecret(path: string, secret: string, owner: RunAs | undefined): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, `${secret}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  if (owner) await chown(temporary, owner.uid, owner.gid);
  await rename(temporary, path);
}

/** A restored backup or a changed uid can leave the cluster owned by someone else; postgres then refuses. */
async function ensureOwnedBy(clusterDir: string, runAs: RunAs): Promise<void> {
  const info = await stat(clusterDir);
  if (info.uid === runAs.uid) return;
  await chownTree(clusterDir, runAs);
}

async function chownTree(path: string, runAs: RunAs): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) {
    await lchown(path, runAs.uid, runAs.gid);
    return;
  }
  await chown(path, runAs.uid, runAs.gid);
  if (info.isDirectory()) for (const entry of await readdir(path)) await chownTree(join(path, entry), runAs);
}
