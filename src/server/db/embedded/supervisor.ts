import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runnableBinaries } from './binary-cache';
import { describeExit } from './child-process';
import { ensureCluster } from './cluster-init';
import { clusterLocation } from './cluster-location';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { ensureDatabase } from './ensure-database';
import { EmbeddedPostgresError } from './errors';
import { findFreePort } from './free-port';
import { clearLeftoverPostmaster } from './leftover-postmaster';
import { locatePlatformBinaries } from './platform-binaries';
import { launchPostgres, type PostgresServer } from './postgres-server';
import { postgresRunAs } from './postgres-system-user';
import { ServerLog } from './server-log';
import type { SupervisorLog } from './supervisor-log';

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  clusterDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  log: SupervisorLog;
  port?: number;
  /**
   * Called once, as soon as the postgres process is spawned (the lock taken, a crashed run's leftovers cleared):
   * while it starts, and recovers after a crash, the caller can load what it needs (APP-START-1).
   */
  onLaunched?: () => void;
}

const DATABASE = 'ensemble';
const READY_TIMEOUT_MS = 30_000;
const PORT_ATTEMPTS = 3;

/**
 * Starts the PostgreSQL server that keeps the data of `dataDir`: one per data directory (DataDirInUseError
 * otherwise), recovering from a previous run that was killed, creating the cluster on first use.
 */
export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedPostgres> {
  const started = Date.now();
  const dataDir = resolve(opts.dataDir);
  const { log } = opts;
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const lock = await acquireDataDirLock(dataDir, log);
  const serverLog = new ServerLog(join(dataDir, 'postgres.log'));
  let server: PostgresServer | undefined;
  try {
    const runAs = await postgresRunAs(log);
    const binaries = await runnableBinaries(await locatePlatformBinaries(), runAs, log);
    const clusterDir = await clusterLocation(dataDir, runAs, log);
    await clearLeftoverPostmaster(clusterDir, log);
    const password = await ensureCluster({ dataDir, clusterDir, binaries, runAs, serverLog, log });

    let port = opts.port ?? (await findFreePort());
    const onSpawned = once(opts.onLaunched);
    for (let attempt = 1; ; attempt++) {
      try {
        server = await launchPostgres({
          binaries,
          clusterDir,
          port,
          password,
          runAs,
          serverLog,
          readyTimeoutMs: READY_TIMEOUT_MS,
          onSpawned,
        });
        break;
      } catch (error) {
        // The port was free when we looked but someone bound it before postgres did: pick another.
        if (opts.port !== undefined || attempt >= PORT_ATTEMPTS || !portWasTaken(error)) throw error;
        port = await findFreePort();
      }
    }

    const connection = { host: '127.0.0.1', port, user: 'postgres', password };
    if (await ensureDatabase(connection, DATABASE)) log.info(`Created the database "${DATABASE}".`);
    log.info(
      `PostgreSQL is ready on 127.0.0.1:${port} (cluster ${clusterDir}, started in ${Date.now() - started} ms).`,
    );
    return supervise({ server, lock, serverLog, log, port, clusterDir, password });
  } catch (error) {
    await server?.stop();
    await serverLog.close();
    lock.release();
    throw error instanceof EmbeddedPostgresError || !(error instanceof Error)
      ? error
      : new EmbeddedPostgresError(
          `Could not start the embedded PostgreSQL server for ${dataDir}: ${error.message}`,
          {
            logTail: serverLog.tail(),
            logFile: serverLog.path,
            cause: error,
          },
        );
  }
}

function once(callback: (() => void) | undefined): (() => void) | undefined {
  if (!callback) return undefined;
  let called = false;
  return () => {
    if (called) return;
    called = true;
    callback();
  };
}

function portWasTaken(error: unknown): boolean {
  return (
    error instanceof EmbeddedPostgresError &&
    error.logTail.some((line) => line.includes('Address already in use'))
  );
}

function supervise(parts: {
  server: PostgresServer;
  lock: DataDirLock;
  serverLog: ServerLog;
  log: SupervisorLog;
  port: number;
  clusterDir: string;
  password: string;
}): EmbeddedPostgres {
  const { server, lock, serverLog, log, port, clusterDir, password } = parts;
  let stopping: Promise<void> | undefined;
  let serverExited = false;

  // If the app exits without calling stop() (an uncaught exception), ask postgres for a fast shutdown
  // rather than leave it orphaned; it finishes on its own after we are gone.
  const onExit = (): void => {
    if (stopping) return;
    // Once exited, the pid may already belong to someone else.
    if (!serverExited) {
      try {
        process.kill(server.pid, 'SIGINT');
      } catch {
        // Already gone.
      }
    }
    lock.release();
  };
  process.on('exit', onExit);

  void server.exited.then((exit) => {
    serverExited = true;
    if (stopping) return;
    log.error(
      `The embedded PostgreSQL server ${describeExit(exit)} unexpectedly. Last log lines:\n${serverLog.tail(20).join('\n')}`,
    );
  });

  return {
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    port,
    clusterDir,
    stop: () =>
      (stopping ??= (async () => {
        process.off('exit', onExit);
        await server.stop();
        await serverLog.close();
        lock.release();
        log.info('PostgreSQL stopped.');
      })()),
  };
}
