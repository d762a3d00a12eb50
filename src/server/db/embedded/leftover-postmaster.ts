import { readFile, realpath, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EmbeddedPostgresError } from './errors';
import { errorCode, sleep } from './node-helpers';
import { inspectProcess, isRunning, type ProcessFacts } from './process-inspection';
import type { SupervisorLog } from './supervisor-log';

const FAST_SHUTDOWN_WAIT_MS = 15_000;
const IMMEDIATE_SHUTDOWN_WAIT_MS = 5_000;

/**
 * Clears what a previous run left in the cluster. After `kill -9` of Node the postmaster is orphaned and
 * keeps serving, and postgres would refuse to start next to it; if it died too, its postmaster.pid is
 * stale. A live orphan of this cluster is shut down (fast, then immediate); WAL recovery on the next start
 * replays whatever it had committed. A pid that is gone, a zombie, or someone else's is just a stale file.
 */
export async function clearLeftoverPostmaster(clusterDir: string, log: SupervisorLog): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const pid = await readPostmasterPid(pidFile);
  if (pid === undefined) return;

  const facts = inspectProcess(pid);
  if (facts && !facts.zombie && (await isPostmasterOf(facts, clusterDir))) {
    log.warn(
      `A PostgreSQL server (pid ${pid}) left by an Ensemble process that did not stop cleanly still serves ${clusterDir}; stopping it.`,
    );
    const started = Date.now();
    await stopOrphan(pid);
    log.info(`Stopped the leftover PostgreSQL server (pid ${pid}) in ${Date.now() - started} ms.`);
  } else {
    const why = !facts
      ? 'is not running'
      : facts.zombie
        ? 'has exited (zombie)'
        : 'belongs to another program';
    log.warn(`Removed the stale ${pidFile}: its pid ${pid} ${why}.`);
  }
  // A clean shutdown removes the file itself; after an immediate one or a crash it stays behind.
  await unlink(pidFile).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
  });
}

async function readPostmasterPid(pidFile: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  // A negative pid marks a single-user backend; either way the absolute value is the process.
  return Number.isFinite(pid) ? Math.abs(pid) : 0;
}

async function isPostmasterOf(facts: ProcessFacts, clusterDir: string): Promise<boolean> {
  if (facts.exe !== undefined && facts.cwd !== undefined) {
    return basename(facts.exe) === 'postgres' && facts.cwd === (await realpath(clusterDir));
  }
  // Without /proc, the command line is what we have: `postgres -D <clusterDir> ...`.
  return (
    facts.command !== undefined && /\bpostgres\b/.test(facts.command) && facts.command.includes(clusterDir)
  );
}

async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', FAST_SHUTDOWN_WAIT_MS],
    ['SIGQUIT', IMMEDIATE_SHUTDOWN_WAIT_MS],
    ['SIGKILL', IMMEDIATE_SHUTDOWN_WAIT_MS],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if (errorCode(error) === 'ESRCH') return;
      throw new EmbeddedPostgresError(`Cannot stop the leftover PostgreSQL server (pid ${pid}).`, {
        cause: error,
      });
    }
    if (await exitsWithin(pid, waitMs)) return;
  }
  throw new EmbeddedPostgresError(
    `The leftover PostgreSQL server (pid ${pid}) does not exit; stop it by hand.`,
  );
}

async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await sleep(20);
  }
  return !isRunning(pid);
}
