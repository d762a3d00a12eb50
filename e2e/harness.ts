/**
 * Browser-test harness: build once, run the real app as a child process on a free port with a fresh
 * data directory, and drive Debian's Chromium through playwright-core (never a downloaded browser).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, describe, test } from 'vitest';
import { createTestDatabase, dropInBackground } from '../test/db';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const chromiumPath = '/usr/bin/chromium';

/** Flags that keep Chromium quiet on this machine's closed network (see the machine notes). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function isChromiumInstalled(): boolean {
  return existsSync(chromiumPath);
}

/**
 * `describe` for browser tests. Without Chromium: with REQUIRE_E2E=1 (CI) a failing test says how to
 * install it; otherwise the suite is skipped with a loud warning, never silently.
 */
export function describeE2E(name: string, body: () => void): void {
  if (isChromiumInstalled()) {
    describe(name, body);
    return;
  }
  const message = `${chromiumPath} is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\` (never a downloaded browser).`;
  if (process.env.REQUIRE_E2E === '1') {
    describe(name, () => {
      test('E2E-REQUIRED Chromium is installed for browser tests', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(
    `\n\n⚠️  ⚠️  SKIPPING BROWSER TESTS "${name}": ${message}\n    Set REQUIRE_E2E=1 to make this a failure.\n\n`,
  );
  // A developer without Chromium still runs the rest; CI sets REQUIRE_E2E=1, where this branch is never taken.
  describe.skip(name, body); // reason: Chromium missing and REQUIRE_E2E unset (warned loudly above)
}

export async function launchBrowser(): Promise<Browser> {
  return blockServiceWorkersByDefault(
    await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }),
  );
}

/**
 * ADR 0043: the app registers a service worker, and requests a worker answers never reach `page.route`, which
 * several journeys use to stage a slow or failing answer. So a context blocks service workers unless its test
 * asks for them (`serviceWorkers: 'allow'`), as the PWA journey does.
 */
function blockServiceWorkersByDefault(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/**
 * PWA-INSTALL-1: a browser profile on disk, as a person's own browser is. Chromium never offers to install an app
 * from an incognito-like context (Playwright's usual ones), so the installability check needs this. Service
 * workers run here. The caller closes the context; the profile is deleted with it.
 */
export async function ownBrowserProfile(
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  const dir = await mkdtemp(join(tmpdir(), 'ensemble-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    serviceWorkers: 'allow',
    ...options,
  });
  context.on('close', () => {
    void rm(dir, { recursive: true, force: true }).catch(() => undefined);
  });
  return context;
}

let workerBrowser: Promise<Browser> | undefined;
/**
 * The test worker's one Chromium, launched on first use and shared by the files the worker runs one after
 * another (the e2e project does not isolate files, vitest.config.ts): a launch costs about 2 s of a core. Each
 * file has its own contexts (cookies, storage, cache) and closes them with `releaseBrowser`; Playwright ends the
 * browser when the worker exits. A browser that has gone (crashed, or closed by a test) is launched again.
 */
export function sharedBrowser(): Promise<Browser> {
  const current = workerBrowser;
  if (current) return current.then((browser) => (browser.isConnected() ? browser : relaunch(current)));
  return relaunch(undefined);
}

function relaunch(gone: Promise<Browser> | undefined): Promise<Browser> {
  // Two callers that both found the browser gone share the one new launch.
  if (workerBrowser !== gone && workerBrowser) return workerBrowser;
  const launching = launchBrowser();
  workerBrowser = launching;
  launching.catch(() => {
    if (workerBrowser === launching) workerBrowser = undefined;
  });
  return launching;
}

/** A file is done with the shared browser: every context still open (all of them are the file's) is closed. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((context) => context.close().catch(() => undefined)));
}

let built = false;
/** `node scripts/build.mjs` once per run (it skips work that is already up to date). */
export function buildOnce(): void {
  if (built) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  built = true;
}

/**
 * A private copy of the build for one app run. The checkout is shared: another engineer's build empties
 * and rewrites dist/ (new asset names) while our browser is using it, which showed up as "404 Not Found"
 * pages mid-test. The copy keeps the layout the bundle expects: `<root>/app/{cli,web}` with
 * `<root>/drizzle`, `<root>/protocols` and `<root>/instruments` two levels up, and node_modules reachable from
 * `app/`.
 */
async function snapshotBuild(): Promise<{ root: string; entry: string }> {
  for (let attempt = 1; ; attempt++) {
    const root = await mkdtemp(join(tmpdir(), 'ensemble-e2e-build-'));
    const app = join(root, 'app');
    await cp(join(repoRoot, 'dist'), app, { recursive: true, filter: (source) => !source.endsWith('.map') });
    await writeFile(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    await symlink(join(repoRoot, 'node_modules'), join(app, 'node_modules'), 'dir');
    await symlink(join(repoRoot, 'drizzle'), join(root, 'drizzle'), 'dir');
    await symlink(join(repoRoot, 'protocols'), join(root, 'protocols'), 'dir');
    await symlink(join(repoRoot, 'instruments'), join(root, 'instruments'), 'dir');
    await symlink(join(repoRoot, 'directory'), join(root, 'directory'), 'dir');
    if (await isCompleteBuild(app)) return { root, entry: join(app, 'cli', 'main.js') };
    await rm(root, { recursive: true, force: true });
    if (attempt === 3)
      throw new Error('dist/ kept changing while it was copied (another build running?); try again');
    built = false;
    buildOnce();
  }
}

/** The copy has the server entry, the page, and every asset the page names. */
async function isCompleteBuild(app: string): Promise<boolean> {
  const indexHtml = join(app, 'web', 'index.html');
  if (!existsSync(join(app, 'cli', 'main.js')) || !existsSync(indexHtml)) return false;
  const assets = [...(await readFile(indexHtml, 'utf8')).matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  return assets.every((asset) => existsSync(join(app, 'web', asset)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * One app for every journey (describe) of a test file, and the worker's Chromium: each app start costs seconds,
 * so journeys that need the same kind of app (the same `startApp` options) share it, each with its own data and
 * browser contexts. Call at the top of the file; the app starts on first use and stops after the file's last
 * test, when the file's browser contexts are closed.
 */
export function appForFile(options: Parameters<typeof startApp>[0]): {
  app: () => Promise<AppUnderTest>;
  browser: () => Promise<Browser>;
} {
  let app: Promise<AppUnderTest> | undefined;
  let browser: Promise<Browser> | undefined;
  afterAll(async () => {
    const started = Date.now();
    await releaseBrowser(await browser?.catch(() => undefined));
    if (process.env.E2E_TIMING) console.log(`contexts closed in ${Date.now() - started} ms`);
    await (await app?.catch(() => undefined))?.stop();
  });
  return {
    app: () => (app ??= startApp(options)),
    browser: () => (browser ??= sharedBrowser()),
  };
}

export interface AppUnderTest {
  baseUrl: string;
  dataDir: string;
  /** Everything the app printed (the demo password, errors). */
  output: () => string;
  stop: () => Promise<void>;
  /** With `database: 'shared'`: the app's own database, for tests that seed rows the UI cannot make yet. */
  databaseUrl?: string;
}

/**
 * Starts the built app in development mode (`--dev`) by default, so tests can read emails at /dev/outbox;
 * `dev: false` runs it as in production (no outbox: mail is off without SMTP).
 *
 * `database: 'embedded'` (the default) lets the app create its own PostgreSQL cluster under a fresh DATA_DIR,
 * as a new install does: initdb and every migration, 5-20 s on two busy cores. `database: 'shared'` hands it
 * its own fresh database (DATABASE_URL, as a district's PostgreSQL would be) cloned from the run's migrated
 * template (test/global-setup.ts): the same schema and the same app, started in about a second. Journeys that
 * are about a new install (foundation, first run) keep the default.
 */
export async function startApp(
  options: {
    demo?: boolean;
    dev?: boolean;
    database?: 'embedded' | 'shared';
    /** RATE_LIMIT_PER_MINUTE, for journeys where many people's browsers share one address (as behind a NAT). */
    rateLimitPerMinute?: number;
  } = {},
): Promise<AppUnderTest> {
  const startedAt = Date.now();
  buildOnce();
  const builtAt = Date.now();
  const [build, database] = await Promise.all([
    snapshotBuild(),
    options.database === 'shared' ? createTestDatabase() : undefined,
  ]);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-e2e-'));
  // mkdtemp gives 0700; as root, the embedded PostgreSQL runs as `postgres` and must traverse it.
  await chmod(dataDir, 0o755);
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [build.entry, 'serve', ...(options.demo ? ['--demo'] : []), ...(options.dev === false ? [] : ['--dev'])],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PUBLIC_URL: baseUrl,
        LOG_LEVEL: 'warn',
        ...(options.rateLimitPerMinute ? { RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute) } : {}),
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );

  const stop = async () => {
    const stopping = Date.now();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killTimer);
    }
    const exitedAt = Date.now();
    // The next file need not wait for the drop (test/db.ts).
    if (database) dropInBackground(database);
    await Promise.all([
      rm(dataDir, { recursive: true, force: true }),
      rm(build.root, { recursive: true, force: true }),
    ]);
    if (process.env.E2E_TIMING)
      console.log(`app stop: exit ${exitedAt - stopping} ms, rm ${Date.now() - exitedAt} ms`);
  };
  const spawnedAt = Date.now();

  try {
    await waitForHealth(baseUrl, child, () => output);
    if (process.env.E2E_TIMING)
      console.log(
        `app start: build ${builtAt - startedAt} ms, copy+db ${spawnedAt - builtAt} ms, healthy ${Date.now() - spawnedAt} ms`,
      );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    stop,
    ...(database ? { databaseUrl: database.url } : {}),
  };
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`the app exited early (code ${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the app was not healthy after ${timeoutMs} ms:\n${output()}`);
}
