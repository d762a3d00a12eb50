import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, realpath, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DataDirInUseError,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from './index';
import { postgresProcessesFor, recordingLog, tempDir } from './test-support';

const isRoot = process.getuid?.() === 0;

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL supervisor', () => {
  let root: string;
  let dataDir: string;
  const clusterDirs = new Set<string>();
  const running: EmbeddedPostgres[] = [];

  async function start(dir = dataDir, log = recordingLog()): Promise<EmbeddedPostgres> {
    const server = await startEmbeddedPostgres({ dataDir: dir, log });
    running.push(server);
    clusterDirs.add(server.clusterDir);
    return server;
  }

  beforeAll(async () => {
    root = await tempDir('ensemble-embed-', 0o755);
    dataDir = join(root, 'data');
  });

  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    for (const dir of clusterDirs)
      expect(postgresProcessesFor(dir), `postgres left running for ${dir}`).toEqual([]);
    await rm(root, { recursive: true, force: true });
  });

  it('DB-EMBED-1: first start initialises the cluster and serves the ensemble database on 127.0.0.1 only', async () => {
    const log = recordingLog();
    const t0 = performance.now();
    const server = await start(dataDir, log);
    console.log(`DB-EMBED-1 first start (initdb included): ${Math.round(performance.now() - t0)} ms`);

    expect(server.connectionString).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/ensemble$/);
    expect(server.clusterDir).toBe(join(dataDir, 'pg'));
    const [facts] = await query<{
      db: string;
      addr: string;
      sockets: string;
      encoding: string;
      auth: string;
    }>(
      server.connectionString,
      `SELECT current_database() AS db, inet_server_addr()::text AS addr, current_setting('unix_socket_directories') AS sockets,
              pg_encoding_to_char(encoding) AS encoding, current_setting('password_encryption') AS auth
       FROM pg_database WHERE datname = current_database()`,
    );
    expect(facts).toEqual({
      db: 'ensemble',
      addr: '127.0.0.1/32',
      sockets: '',
      encoding: 'UTF8',
      auth: 'scram-sha-256',
    });

    const password = await stat(join(dataDir, 'pg-password'));
    expect(password.mode & 0o777).toBe(0o600);
    const cluster = await stat(server.clusterDir);
    if (isRoot) expect(cluster.uid).not.toBe(0);
    const lock = JSON.parse(await readFile(join(dataDir, 'ensemble.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    expect(log.lines.some((line) => line.includes('Created a PostgreSQL cluster'))).toBe(true);

    const wrong = new URL(server.connectionString);
    wrong.password = 'not-the-password';
    await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);

    await query(server.connectionString, 'CREATE TABLE kept (id int PRIMARY KEY, note text)');
    await query(server.connectionString, "INSERT INTO kept VALUES (1, 'survives a restart')");
    await server.stop();
    await server.stop(); // idempotent
    expect(postgresProcessesFor(server.clusterDir)).toEqual([]);
    await expect(stat(join(dataDir, 'ensemble.lock'))).rejects.toThrow(/ENOENT/);
    expect((await readFile(join(dataDir, 'postgres.log'), 'utf8')).length).toBeGreaterThan(0);
  });

  it('DB-EMBED-2: a restart keeps the data and never re-initialises the cluster', async () => {
    const passwordBefore = await readFile(join(dataDir, 'pg-password'), 'utf8');
    const log = recordingLog();
    const t0 = performance.now();
    const server = await start(dataDir, log);
    console.log(`DB-EMBED-2 restart: ${Math.round(performance.now() - t0)} ms`);
    expect(log.lines.some((line) => line.includes('Created a PostgreSQL cluster'))).toBe(false);
    expect(await readFile(join(dataDir, 'pg-password'), 'utf8')).toBe(passwordBefore);
    expect(await query(server.connectionString, 'SELECT * FROM kept')).toEqual([
      { id: 1, note: 'survives a restart' },
    ]);
  });

  it('DB-EMBED-3: a second start on the same data dir fails fast with a clear message', async () => {
    const first = running.at(-1);
    expect(first).toBeDefined();
    const t0 = performance.now();
    const error: unknown = await startEmbeddedPostgres({ dataDir, log: recordingLog() }).catch(
      (e: unknown) => e,
    );
    const elapsed = performance.now() - t0;
    console.log(`DB-EMBED-3 refusal took ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(2000);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    // The refused start must not have disturbed the running server.
    expect(await query(first?.connectionString ?? '', 'SELECT count(*)::int AS n FROM kept')).toEqual([
      { n: 1 },
    ]);
    await first?.stop();
  });

  it('DB-EMBED-5: a stale postmaster.pid (dead, zombie or foreign pid) is removed and start succeeds', async () => {
    const clusterDir = join(dataDir, 'pg');
    const pidFile = join(clusterDir, 'postmaster.pid');

    const dead = spawn('true');
    await new Promise((done) => dead.once('exit', done));
    // `sleep 0` becomes a child of `exec sleep 5`, which never reaps it: a zombie, which kill(pid, 0) calls alive.
    const zombieParent = spawn('sh', ['-c', 'sleep 0 & exec sleep 5']);
    const zombie = await zombieChildOf(zombieParent.pid ?? 0);
    try {
      for (const [kind, pid] of [
        ['dead', dead.pid ?? 0],
        ['zombie', zombie],
        ['foreign', process.pid],
      ] as const) {
        await writeFile(
          pidFile,
          `${pid}\n${clusterDir}\n1700000000\n5432\n\n127.0.0.1\n  1234567  7\nready   \n`,
        );
        const log = recordingLog();
        const server = await start(dataDir, log);
        expect(log.lines.join('\n'), kind).toMatch(
          new RegExp(`Removed the stale .*postmaster\\.pid: its pid ${pid}`),
        );
        expect(await query(server.connectionString, 'SELECT count(*)::int AS n FROM kept')).toEqual([
          { n: 1 },
        ]);
        await server.stop();
      }
    } finally {
      zombieParent.kill();
    }
  });

  it('DB-EMBED-8: a start that PostgreSQL refuses fails with the reason from its log and releases the data dir', async () => {
    // Another program on the port; it hangs up at once so the test's own server can close.
    const blocker = createServer((socket) => socket.destroy());
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const error: unknown = await startEmbeddedPostgres({ dataDir, log: recordingLog(), port }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect((error as EmbeddedPostgresError).logTail.join('\n')).toMatch(/Address already in use/);
      expect((error as Error).message).toMatch(/Address already in use/);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
    await expect(stat(join(dataDir, 'ensemble.lock'))).rejects.toThrow(/ENOENT/);
    expect(postgresProcessesFor(join(dataDir, 'pg'))).toEqual([]);
  });

  it('APP-START-1: the caller hears once that postgres is spawned: with the lock held, leftovers cleared, before the start resolves', async () => {
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    const dead = spawn('true');
    await new Promise((done) => dead.once('exit', done));
    await writeFile(pidFile, `${dead.pid ?? 0}\n${join(dataDir, 'pg')}\n1700000000\n5432\n`);
    const log = recordingLog();
    const seen: string[] = [];
    const server = await startEmbeddedPostgres({
      dataDir,
      log,
      onLaunched: () => {
        seen.push('launched');
        // The app loads its modules from here on: the steps that need this thread are done.
        expect(readFileSync(join(dataDir, 'ensemble.lock'), 'utf8')).toContain(`"pid":${process.pid}`);
        expect(log.lines.join('\n')).toMatch(/Removed the stale .*postmaster\.pid/);
      },
    });
    running.push(server);
    seen.push('resolved');
    expect(seen).toEqual(['launched', 'resolved']);
    expect(await query(server.connectionString, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    await server.stop();
  });

  it.skipIf(!isRoot)(
    'DB-EMBED-6: as root, a data dir under a private folder gets its cluster in /var/lib/ensemble',
    async () => {
      const relocationRootExisted = await stat('/var/lib/ensemble').then(
        () => true,
        () => false,
      );
      const privateParent = await tempDir('ensemble-private-', 0o700);
      const privateDataDir = join(privateParent, 'data');
      let relocatedHome: string | undefined;
      try {
        const log = recordingLog();
        const server = await start(privateDataDir, log);
        relocatedHome = join(server.clusterDir, '..');
        const key = createHash('sha256')
          .update(await realpath(privateDataDir))
          .digest('hex')
          .slice(0, 16);
        expect(server.clusterDir).toBe(`/var/lib/ensemble/${key}/pg`);
        expect((await readFile(join(privateDataDir, 'pg-location'), 'utf8')).trim()).toBe(server.clusterDir);
        expect(log.lines.join('\n')).toContain(`cannot traverse ${privateParent}`);
        expect((await stat('/var/lib/ensemble')).mode & 0o777).toBe(0o755);
        for (const file of ['ensemble.lock', 'pg-password', 'postgres.log'])
          await stat(join(privateDataDir, file));
        await query(server.connectionString, 'CREATE TABLE relocated (id int)');
        await server.stop();

        const again = await start(privateDataDir);
        expect(again.clusterDir).toBe(server.clusterDir);
        expect(await query(again.connectionString, "SELECT to_regclass('relocated')::text AS t")).toEqual([
          { t: 'relocated' },
        ]);
        await again.stop();
      } finally {
        if (relocatedHome) await rm(relocatedHome, { recursive: true, force: true });
        if (!relocationRootExisted) await rmdir('/var/lib/ensemble').catch(() => undefined); // only if empty
        await rm(privateParent, { recursive: true, force: true });
      }
    },
  );
});

async function zombieChildOf(parentPid: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const children = await readFile(`/proc/${parentPid}/task/${parentPid}/children`, 'utf8').catch(() => '');
    const pid = Number(children.trim().split(' ')[0]);
    if (pid > 0) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return pid;
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('no zombie appeared');
}
