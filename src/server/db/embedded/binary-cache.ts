import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { runToEnd, type RunAs } from './child-process';
import { EmbeddedPostgresError } from './errors';
import { pathExists } from './node-helpers';
import { binariesIn, type PostgresBinaries } from './platform-binaries';
import type { SupervisorLog } from './supervisor-log';

export const DEFAULT_BINARY_CACHE = '/var/cache/ensemble';
const COMPLETE_MARKER = '.complete';

/**
 * Binaries the postgres user can run. When node_modules sits under a private folder (a checkout in
 * /root), the postgres user cannot reach the package's `native/` folder, so it is copied once into a
 * root-owned, world-readable cache. The copy works because the binaries find their libraries through
 * RUNPATH $ORIGIN/../lib.
 */
export async function runnableBinaries(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  log: SupervisorLog,
  cacheRoot = DEFAULT_BINARY_CACHE,
): Promise<PostgresBinaries> {
  if (!runAs || (await canRun(binaries, runAs))) return binaries;

  const cached = join(cacheRoot, `postgres-${binaries.version}`);
  const copy = binariesIn(join(cached, 'native'), binaries.version);
  if (!(await pathExists(join(cached, COMPLETE_MARKER)))) {
    await copyNativeFolder(binaries.nativeDir, cacheRoot, cached);
    log.warn(
      `The user "${runAs.user}" cannot run PostgreSQL from ${binaries.nativeDir} (a parent folder is private), ` +
        `so the binaries were copied to ${cached}.`,
    );
  }
  if (!(await canRun(copy, runAs))) {
    throw new EmbeddedPostgresError(
      `The user "${runAs.user}" cannot run ${copy.postgres} either. Check that ${cacheRoot} and its parents are ` +
        `traversable (mode 755) and not on a noexec mount.`,
    );
  }
  return copy;
}

async function canRun(binaries: PostgresBinaries, runAs: RunAs): Promise<boolean> {
  const result = await runToEnd(binaries.postgres, ['--version'], { cwd: '/', runAs });
  return result.code === 0;
}

/**
 * Copies into a temporary sibling and renames it into place, so a crash mid-copy never leaves a
 * half-filled cache that looks complete, and two processes copying at once do not clash.
 */
async function copyNativeFolder(nativeDir: string, cacheRoot: string, cached: string): Promise<void> {
  await mkdir(cacheRoot, { recursive: true, mode: 0o755 });
  await chmod(cacheRoot, 0o755);
  const staging = `${cached}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { mode: 0o755 });
    await chmod(staging, 0o755);
    await copyTree(nativeDir, join(staging, 'native'));
    await writeFile(join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`, { mode: 0o644 });
    if (await pathExists(join(cached, COMPLETE_MARKER))) {
      await rm(staging, { recursive: true, force: true }); // another process finished the same copy first
      return;
    }
    await rm(cached, { recursive: true, force: true });
    await rename(staging, cached);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (await pathExists(join(cached, COMPLETE_MARKER))) return; // another process finished the same copy
    throw new EmbeddedPostgresError(`Could not copy the PostgreSQL binaries to ${cached}.`, { cause: error });
  }
}

/** Readable by everyone, executable where the source was executable: the source may be private (0700/0600). */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  await chmod(to, 0o755);
  for (const entry of await readdir(from)) {
    const source = join(from, entry);
    const target = join(to, entry);
    const info = await lstat(source);
    if (info.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else if (info.isDirectory()) {
      await copyTree(source, target);
    } else if (info.isFile()) {
      await copyFile(source, target);
      await chmod(target, info.mode & 0o111 ? 0o755 : 0o644);
    }
  }
}
