/**
 * The app as a process, from an empty data dir: first run, crash safety (`kill -9`), one instance per
 * data dir, clean shutdown. Uses the built bundle, as `npm start` does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildOnce, freePort, repoRoot, startApp, waitForHealth, type RunningApp } from './app-process';

const dataDir = mkdtempSync(join(tmpdir(), 'ensemble-lifecycle-'));
// mkdtemp makes 0700 folders; PostgreSQL's own user (we run as root here) must be able to enter it.
chmodSync(dataDir, 0o755);
const running: RunningApp[] = [];

beforeAll(() => buildOnce(), 180_000);
afterAll(async () => {
  for (const app of running) if (app.child.exitCode === null) app.child.kill('SIGKILL');
  // A killed app leaves its postmaster running: a last clean start + stop reaps it. After a run whose last app
  // stopped cleanly (APP-STOP-1 checks it) there is none, and no start is needed.
  if (postgresOf(clusterDirOf(dataDir)).length > 0) {
    const port = await freePort();
    const last = startApp({ PORT: String(port), DATA_DIR: dataDir });
    await waitForHealth(last).catch(() => undefined);
    last.child.kill('SIGTERM');
    await last.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** `<dir>/pg`, or where `<dir>/pg-location` says the cluster went (as root, when a parent is private). */
function clusterDirOf(dir: string): string {
  const pointer = join(dir, 'pg-location');
  return existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : join(dir, 'pg');
}

async function start(): Promise<RunningApp> {
  const app = startApp({ PORT: String(await freePort()), DATA_DIR: dataDir });
  running.push(app);
  await waitForHealth(app);
  return app;
}

function postgresOf(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

let cookie = '';

describe('the app as a process', { timeout: 120_000 }, () => {
  it('APP-FIRST-1: from an empty data dir it serves / and /api/health, and asks for setup', async () => {
    const app = await start();
    expect((await fetch(`${app.base}/`)).status).toBe(200);
    expect(await (await fetch(`${app.base}/api/setup`)).json()).toEqual({ needsSetup: true });
    const setup = await fetch(`${app.base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        districtName: 'Crash District',
        name: 'Ada',
        email: 'ada@crash.test',
        password: 'correct horse battery',
      }),
    });
    expect(setup.status).toBe(200);
    cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^ensemble_session=/);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('APP-CRASH-1: after kill -9 mid-writes, every acknowledged write is there and the app serves again', async () => {
    const acked: string[] = [];
    for (let round = 0; round < 3; round++) {
      const app = await start();
      const control = { stop: false };
      const writer = (async () => {
        for (let i = 0; ; i++) {
          if (control.stop) return;
          try {
            const res = await fetch(`${app.base}/api/schools`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({ name: `School r${round} #${i}` }),
            });
            if (res.status === 200) acked.push(((await res.json()) as { id: string }).id);
          } catch {
            return; // the server is gone
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 400 + round * 150));
      app.child.kill('SIGKILL');
      control.stop = true;
      await writer;
      await app.exited;
    }
    expect(acked.length).toBeGreaterThan(10);
    const app = await start();
    const res = await fetch(`${app.base}/api/schools`, { headers: { cookie } });
    const ids = new Set(((await res.json()) as { items: { id: string }[] }).items.map((s) => s.id));
    const lost = acked.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('APP-LOCK-1: a second start on the same data dir fails fast with a clear message', async () => {
    const first = await start();
    try {
      const began = Date.now();
      const second = startApp({ PORT: String(await freePort()), DATA_DIR: dataDir });
      running.push(second);
      const code = await second.exited;
      expect(code).not.toBe(0);
      expect(Date.now() - began).toBeLessThan(5_000);
      expect(second.output()).toMatch(/already|in use/i);
      expect(second.output()).toContain(dataDir);
      // The first instance is unharmed.
      expect((await fetch(`${first.base}/api/health`)).status).toBe(200);
    } finally {
      // Stopped even when an expectation above failed, so the next tests find the data dir free.
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
  });

  it('CLI-BACKUP-1, TRUST-BACKUP-7: `ensemble backup` (encrypted, key required) works while the app runs; `restore` with the key into an empty data dir brings the same data back', async () => {
    const app = await start();
    const schools = (await (await fetch(`${app.base}/api/schools`, { headers: { cookie } })).json()) as {
      items: { id: string }[];
    };
    const file = join(dataDir, '..', `${dataDir.split('/').pop() ?? 'x'}.backup`);
    const cli = (args: string[], env: Record<string, string>) =>
      execFileSync(process.execPath, [join(repoRoot, 'dist/cli/main.js'), ...args], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    // TRUST-BACKUP-7: no key, no backup; the key from BACKUP_KEY or --key-file (the same key either way).
    const failing = (args: string[], env: Record<string, string>): string => {
      try {
        cli(args, env);
      } catch (error) {
        const stderr = error instanceof Error && 'stderr' in error ? error.stderr : '';
        return typeof stderr === 'string' ? stderr : '';
      }
      throw new Error(`ensemble ${args.join(' ')} should have failed`);
    };
    const noKey = { DATA_DIR: dataDir, BACKUP_KEY: '' };
    expect(failing(['backup', file], noKey)).toMatch(/--key-file <path> or the BACKUP_KEY/);
    const key = 'lifecycle test backup passphrase';
    cli(['backup', file], { DATA_DIR: dataDir, BACKUP_KEY: key });
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const restoredDir = mkdtempSync(join(tmpdir(), 'ensemble-restored-'));
    chmodSync(restoredDir, 0o755);
    const keyFile = join(restoredDir, '..', `${restoredDir.split('/').pop() ?? 'x'}.key`);
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    try {
      // A wrong key is refused and leaves the new database empty, so the right key can restore after it.
      expect(
        failing(['restore', file], { DATA_DIR: restoredDir, BACKUP_KEY: 'not the key that made it' }),
      ).toMatch(/backup key does not match/);
      cli(['restore', file, '--key-file', keyFile], { DATA_DIR: restoredDir, BACKUP_KEY: '' });
      const restored = startApp({ PORT: String(await freePort()), DATA_DIR: restoredDir });
      running.push(restored);
      await waitForHealth(restored);
      const again = (await (await fetch(`${restored.base}/api/schools`, { headers: { cookie } })).json()) as {
        items: { id: string }[];
      };
      // Sessions are data too: the same cookie works on the restored install.
      expect(again.items.map((x) => x.id).sort()).toEqual(schools.items.map((x) => x.id).sort());
      // The restore is in the restored install's audit log, seen by its admin.
      const audit = (await (
        await fetch(`${restored.base}/api/audit?action=backup.restored`, { headers: { cookie } })
      ).json()) as { items: { action: string; ip: string }[] };
      expect(audit.items).toEqual([expect.objectContaining({ action: 'backup.restored', ip: 'cli' })]);
      restored.child.kill('SIGTERM');
      expect(await restored.exited).toBe(0);
    } finally {
      rmSync(restoredDir, { recursive: true, force: true });
      rmSync(file, { force: true });
      rmSync(keyFile, { force: true });
    }
  });

  it('APP-STOP-1: SIGTERM drains, stops PostgreSQL and exits 0', async () => {
    const app = await start();
    expect(postgresOf(dataDir).length + postgresOf('/var/lib/ensemble').length).toBeGreaterThan(0);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(postgresOf(join(dataDir, 'pg'))).toEqual([]);
  });
});
