import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DataDirInUseError } from './errors';
import { errorCode, sleep } from './node-helpers';
import { inspectProcess, ownStartTicks, type ProcessFacts } from './process-inspection';
import type { SupervisorLog } from './supervisor-log';

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Synchronous so it can run from a process 'exit' handler. */
  release(): void;
}

interface LockContent {
  pid: number;
  startTicks?: string;
  startedAt: string;
  nonce: string;
}

const LOCK_FILE = 'ensemble.lock';
const TAKEOVER_FILE = 'ensemble.lock.takeover';

/**
 * One Ensemble process per data directory, enforced by a lock file created atomically with O_EXCL. A lock
 * left by a dead process (kill -9, power loss) is taken over; a live holder makes this throw at once.
 */
export async function acquireDataDirLock(dataDir: string, log: SupervisorLog): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  const mine: LockContent = {
    pid: process.pid,
    ...(ownStartTicks() === undefined ? {} : { startTicks: ownStartTicks() }),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  const text = `${JSON.stringify(mine)}\n`;

  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(path, text)) return lockHandle(path, mine.nonce);
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' && holderIsAlive(holder)) throw new DataDirInUseError(dir, holder.pid);
    const pidText = holder === 'unreadable' ? 'an unreadable lock' : `pid ${holder.pid}, no longer running`;
    if (await takeOverStaleLock(dir, path, holder, text)) {
      log.warn(
        `Took over the stale lock ${path} (${pidText}): the previous Ensemble process did not shut down cleanly.`,
      );
      return lockHandle(path, mine.nonce);
    }
  }
  throw new Error(
    `Could not acquire ${path}: it keeps changing; is another Ensemble process starting on ${dir}?`,
  );
}

/**
 * APP-LOCK-1: the same refusal as `acquireDataDirLock` when a live process holds the data dir, checked before the
 * app's modules load, so a second start answers at once even on a busy machine. Takes no lock: the real
 * acquisition still happens when the embedded PostgreSQL starts.
 */
export async function refuseIfDataDirInUse(dataDir: string): Promise<void> {
  const dir = resolve(dataDir);
  const holder = await readHolder(join(dir, LOCK_FILE));
  if (holder !== 'gone' && holder !== 'unreadable' && holderIsAlive(holder))
    throw new DataDirInUseError(dir, holder.pid);
}

async function tryCreate(path: string, text: string): Promise<boolean> {
  try {
    await writeFile(path, text, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * A holder that just created the file may not have written it yet, so an unparsable young lock is
 * re-read for up to a second before it counts as garbage.
 */
async function readHolder(path: string): Promise<LockContent | 'gone' | 'unreadable'> {
  const deadline = Date.now() + 1000;
  for (;;) {
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 'gone';
      throw error;
    }
    const parsed = parseLock(raw);
    if (parsed) return parsed;
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => Infinity,
    );
    if (age > 1000 || Date.now() > deadline) return 'unreadable';
    await sleep(50);
  }
}

function parseLock(raw: string): LockContent | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, startTicks, startedAt, nonce } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof nonce !== 'string') return undefined;
    return {
      pid,
      ...(typeof startTicks === 'string' ? { startTicks } : {}),
      startedAt: typeof startedAt === 'string' ? startedAt : '',
      nonce,
    };
  } catch {
    return undefined;
  }
}

function holderIsAlive(holder: LockContent): boolean {
  const facts = inspectProcess(holder.pid);
  if (!facts || facts.zombie) return false;
  // Same start time: certainly the process that wrote the lock, even if it is this very process.
  if (holder.startTicks !== undefined && facts.startTicks !== undefined)
    return holder.startTicks === facts.startTicks;
  return looksLikeNode(facts);
}

function looksLikeNode(facts: ProcessFacts): boolean {
  if (facts.exe !== undefined)
    return facts.exe === process.execPath || basename(facts.exe).startsWith('node');
  return facts.command !== undefined && /\bnode\b/.test(facts.command);
}

/**
 * Two processes may find the same stale lock. A short-lived takeover file serialises them: whoever holds
 * it re-checks that the lock is still the stale one before replacing it, so the loser then sees the
 * winner's live lock instead of deleting it.
 */
async function takeOverStaleLock(
  dir: string,
  path: string,
  stale: LockContent | 'unreadable',
  text: string,
): Promise<boolean> {
  const takeover = join(dir, TAKEOVER_FILE);
  const deadline = Date.now() + 2000;
  while (!(await tryCreate(takeover, `${process.pid}\n`))) {
    const age = await stat(takeover).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > 5000) await unlink(takeover).catch(() => undefined);
    else if (Date.now() > deadline) return false;
    else await sleep(50);
  }
  try {
    const current = await readHolder(path);
    const unchanged =
      current === 'gone' ||
      (stale === 'unreadable'
        ? current === 'unreadable'
        : current !== 'unreadable' && current.nonce === stale.nonce);
    if (!unchanged) return false;
    await unlink(path).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
    return await tryCreate(path, text);
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

function lockHandle(path: string, nonce: string): DataDirLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      try {
        if (parseLock(readFileSync(path, 'utf8'))?.nonce === nonce) unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
