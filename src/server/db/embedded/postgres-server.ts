import pg from 'pg';
import { describeExit, spawnSupervised, type ChildExit, type RunAs } from './child-process';
import { EmbeddedPostgresError } from './errors';
import { errorCode, sleep } from './node-helpers';
import type { PostgresBinaries } from './platform-binaries';
import type { ServerLog } from './server-log';

const FAST_SHUTDOWN_WAIT_MS = 15_000;
const IMMEDIATE_SHUTDOWN_WAIT_MS = 5_000;

export interface LaunchOptions {
  binaries: PostgresBinaries;
  clusterDir: string;
  port: number;
  password: string;
  runAs: RunAs | undefined;
  serverLog: ServerLog;
  readyTimeoutMs: number;
  /** Called right after the process is spawned, before it accepts connections. */
  onSpawned?: (() => void) | undefined;
}

export interface PostgresServer {
  pid: number;
  /** Settles when the server process has exited, whether stopped or crashed. */
  exited: Promise<ChildExit>;
  /** Fast shutdown (SIGINT), escalating if it hangs. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Runs `postgres` as our child (not detached, so it is ours to stop) on 127.0.0.1 only, with no unix
 * socket, and resolves once it accepts a password login.
 */
export async function launchPostgres(opts: LaunchOptions): Promise<PostgresServer> {
  const { binaries, clusterDir, port, runAs, serverLog } = opts;
  serverLog.note(`starting postgres on 127.0.0.1:${port} for ${clusterDir}`);
  const args = [
    '-D',
    clusterDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
  ];
  const { child, exited, closed } = spawnSupervised(binaries.postgres, args, {
    cwd: clusterDir,
    runAs,
    output: (stream) => {
      serverLog.follow(stream);
    },
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  opts.onSpawned?.();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const [signal, waitMs] of [
        ['SIGINT', FAST_SHUTDOWN_WAIT_MS],
        ['SIGQUIT', IMMEDIATE_SHUTDOWN_WAIT_MS],
        ['SIGKILL', Infinity],
      ] as const) {
        if (hasExited) return;
        child.kill(signal);
        if (await settlesWithin(exited, waitMs)) return;
      }
    })());

  const failure = await waitUntilReady(opts, exited);
  if (failure !== undefined) {
    await stop();
    // Its last words (the reason) may still be in the pipe when 'exit' arrives.
    await Promise.race([closed, sleep(500)]);
    throw new EmbeddedPostgresError(failure, { logTail: serverLog.tail(), logFile: serverLog.path });
  }
  if (child.pid === undefined)
    throw new EmbeddedPostgresError('PostgreSQL answered but its process has no pid.');
  return { pid: child.pid, exited, stop };
}

/** Undefined once a login works; otherwise why the server will not come up. */
async function waitUntilReady(opts: LaunchOptions, exited: Promise<ChildExit>): Promise<string | undefined> {
  const deadline = Date.now() + opts.readyTimeoutMs;
  // Raced against every step: when another program holds the port, a login attempt can hang until its
  // own timeout although postgres has long given up.
  const exitedFirst = exited.then((exit) => ({ exit }));
  for (let delay = 10; ; delay = Math.min(delay * 2, 100)) {
    const outcome = await Promise.race([tryLogin(opts).then((problem) => ({ problem })), exitedFirst]);
    if ('exit' in outcome) return `PostgreSQL ${describeExit(outcome.exit)} during start.`;
    const { problem } = outcome;
    if (problem === undefined) return undefined;
    if (problem.fatal) return problem.message;
    if (Date.now() > deadline) {
      return `PostgreSQL did not accept connections within ${opts.readyTimeoutMs / 1000} s (last error: ${problem.message}).`;
    }
    const early = await Promise.race([sleep(delay).then(() => undefined), exitedFirst]);
    if (early) return `PostgreSQL ${describeExit(early.exit)} during start.`;
  }
}

async function tryLogin(opts: LaunchOptions): Promise<{ message: string; fatal: boolean } | undefined> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: opts.port,
    user: 'postgres',
    password: opts.password,
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    await client.end().catch(() => undefined);
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    // 28P01: wrong password. The server is up, so waiting cannot help.
    if (code === '28P01') {
      return {
        fatal: true,
        message: `PostgreSQL rejected the password from the data directory's pg-password file (${message}).`,
      };
    }
    return { fatal: false, message };
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms === Infinity) {
    await promise;
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((done) => {
    timer = setTimeout(() => {
      done(false);
    }, ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
