import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/** The system user PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (ENOENT, EACCES, ...). */
  spawnError?: Error;
}

export interface SupervisedChild {
  child: ChildProcess;
  /** Resolves once, when the child has exited or failed to start; never rejects. */
  exited: Promise<ChildExit>;
  /** Resolves when its output has been read to the end too ('exit' can come before the last output). */
  closed: Promise<void>;
}

/**
 * Spawns a program with an 'error' handler attached before anything else can happen: an unhandled 'error'
 * event (EACCES when node_modules is private) would otherwise crash the whole Node process.
 */
export function spawnSupervised(
  command: string,
  args: readonly string[],
  opts: { cwd: string; runAs: RunAs | undefined; output: (stream: Readable) => void },
): SupervisedChild {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: serverEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.runAs ? { uid: opts.runAs.uid, gid: opts.runAs.gid } : {}),
  });
  const exited = new Promise<ChildExit>((settle) => {
    child.once('exit', (code, signal) => {
      settle({ code, signal });
    });
    child.on('error', (error) => {
      // After a successful spawn an 'error' is a failed kill(); the 'exit' still follows.
      if (child.pid === undefined) settle({ code: null, signal: null, spawnError: error });
    });
  });
  const closed = new Promise<void>((settle) => {
    child.once('close', () => {
      settle();
    });
    void exited.then((exit) => {
      if (exit.spawnError) settle();
    });
  });
  opts.output(child.stdout);
  opts.output(child.stderr);
  return { child, exited, closed };
}

/**
 * The environment without PG* variables, which would otherwise change what initdb and postgres do
 * (PGDATA, PGPORT, ...) depending on the shell the app was started from.
 */
function serverEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
}

export function describeExit(exit: ChildExit): string {
  if (exit.spawnError) return `could not be started: ${exit.spawnError.message}`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code ?? 'unknown'}`;
}

/** Runs a short program to completion and returns how it ended with its combined output. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  opts: { cwd: string; runAs: RunAs | undefined },
): Promise<ChildExit & { output: string }> {
  const chunks: Buffer[] = [];
  const { exited, closed } = spawnSupervised(command, args, {
    ...opts,
    output: (stream) => stream.on('data', (chunk: Buffer) => chunks.push(chunk)),
  });
  const exit = await exited;
  await closed;
  return { ...exit, output: Buffer.concat(chunks).toString('utf8') };
}
