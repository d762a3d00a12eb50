/** Child processes a benchmark starts (the app, a baseline server, a load generator), and their health. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository (benchmarks run from bench/.out/*.mjs). */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every child still running, so that an interrupted benchmark can stop them all. */
export const children = new Set<ChildProcess>();

/** Starts a Node child, its output into `logFile`; resolves when `ready(output)` holds. */
export async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  ready: (out: string) => boolean,
  timeoutMs = 60_000,
  cwd = root,
): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const file = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const take = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
    file.write(d);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const began = Date.now();
  while (!ready(out)) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${out}`);
    if (Date.now() - began > timeoutMs) throw new Error(`${name} not ready after ${timeoutMs} ms:\n${out}`);
    await sleep(50);
  }
  return { child, output: () => out };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Waits until `base` answers `/api/health` with 200; with `watch`, fails at once when that child exits. */
export async function healthy(
  base: string,
  timeoutMs: number,
  watch?: { child: ChildProcess; output: () => string },
): Promise<void> {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    if (watch && watch.child.exitCode !== null)
      throw new Error(`the app exited (${watch.child.exitCode}):\n${watch.output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${base} not healthy after ${timeoutMs} ms${watch ? `:\n${watch.output()}` : ''}`);
}
