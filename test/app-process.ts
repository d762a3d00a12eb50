/** Runs the built app as a real child process, the way `npm start` does, for crash and lifecycle tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function buildOnce() {
  const res = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`build failed:\n${res.stdout}\n${res.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

export function startApp(env: Record<string, string>, args: string[] = []): RunningApp {
  let out = '';
  const child = spawn(process.execPath, [join(repoRoot, 'dist/cli/main.js'), 'serve', ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = Number(env.PORT);
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/**
 * Resolves on the app's next output or after `ms`: the app prints its address once it listens, so the health check
 * that follows answers at once instead of at the next tick of the poll.
 */
function outputOrTimeout(app: RunningApp, ms: number): Promise<void> {
  const streams = [app.child.stdout, app.child.stderr].filter((s) => s !== null);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const stream of streams) stream.off('data', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const stream of streams) stream.on('data', done);
  });
}

export async function waitForHealth(app: RunningApp, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (app.child.exitCode !== null)
      throw new Error(`app exited early (${app.child.exitCode}):\n${app.output()}`);
    try {
      const res = await fetch(`${app.base}/api/health`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await outputOrTimeout(app, 100);
  }
  throw new Error(`app not healthy after ${timeoutMs} ms:\n${app.output()}`);
}
