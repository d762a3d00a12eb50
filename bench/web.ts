/**
 * `bench:web` (docs/SPEC.md, DAY-PERF-1 and DAY-PERF-3): what the sign-in page and a meeting device page make
 * a browser download, measured in Chromium against the built app. Run it with `npm run bench:web`
 * (bench/run.mjs builds what is stale, then runs this).
 *
 * 1. The built app (`dist/cli/main.js serve --demo`) on embedded PostgreSQL in a fresh data directory.
 * 2. Over the API: the demo coach signs in, schedules a meeting for their team, opens and starts it.
 * 3. Chromium (Debian's, through playwright-core), a fresh context per load, so nothing comes from cache:
 *    /sign-in signed out, then the meeting's device page signed in. Every script response's body as it came
 *    over the wire (CDP `Network.loadingFinished.encodedDataLength` less the response's header bytes) is added up,
 *    once with the browser asking for gzip only (the `_gz_` figures) and once as it asks by itself (brotli).
 * 4. The CPU the server spends compressing JSON: the same large JSON answer (the OpenAPI document) asked for
 *    200 times with and without `Accept-Encoding`.
 *
 * The last line of output is one JSON object: {"signin_js_gz_kb":…,"meeting_js_gz_kb":…, …}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { ClientEvents, PROTOCOL_VERSION, SOCKET_PATH } from '#contracts/realtime';
import { cpuMsOf, freePort } from './procs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = (line: string) => {
  process.stderr.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function startApp(): Promise<{ base: string; child: ChildProcess; password: string; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ensemble-bench-web-'));
  // As root, the embedded PostgreSQL runs as `postgres` and must traverse the directory.
  chmodSync(dataDir, 0o755);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'serve', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const began = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${out}`);
    if (Date.now() - began > 90_000) throw new Error(`the app did not start:\n${out}`);
    const password = /password for this run: (\S+)/.exec(out)?.[1];
    if (password) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return { base, child, password, dataDir };
      } catch {
        // not listening yet
      }
    }
    await sleep(100);
  }
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function api(base: string, method: string, path: string, cookie: string | null, body?: unknown) {
  const headers: Record<string, string> = { origin: base, accept: 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return { json: (text ? JSON.parse(text) : null) as unknown, setCookie: res.headers.getSetCookie() };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The demo coach's session cookie and a started meeting of their team. */
async function prepareMeeting(
  base: string,
  password: string,
): Promise<{ cookie: string; meetingId: string }> {
  const signIn = await api(base, 'POST', '/api/auth/sign-in', null, {
    email: 'coach@demo.ensemble.test',
    password,
  });
  const cookie = signIn.setCookie.map((c) => c.split(';')[0]).join('; ');
  const groups = (await api(base, 'GET', '/api/groups', cookie)).json;
  const list = Array.isArray(groups) ? groups : field(groups, 'items');
  const team = (Array.isArray(list) ? (list as unknown[]) : []).find(
    (g) => field(g, 'name') === 'Grade 3 Team',
  );
  const groupId = field(team, 'id');
  if (typeof groupId !== 'string')
    throw new Error(`the demo coach has no Grade 3 Team: ${JSON.stringify(groups).slice(0, 300)}`);
  const scheduled = await api(base, 'POST', `/api/groups/${groupId}/meetings`, cookie, {
    title: 'bench:web meeting',
    routineId: 'share-successes',
  });
  const meetingId = field(scheduled.json, 'id');
  if (typeof meetingId !== 'string') throw new Error('scheduling returned no id');
  await api(base, 'POST', `/api/meetings/${meetingId}/open`, cookie);
  const socket = io(base, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    extraHeaders: { cookie, origin: base },
    reconnection: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await socket
      .timeout(10_000)
      .emitWithAck(ClientEvents.join, { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq: 0 });
    await socket.timeout(10_000).emitWithAck(ClientEvents.command, {
      meetingId,
      command: { type: 'startMeeting', idempotencyKey: crypto.randomUUID() },
    });
  } finally {
    socket.disconnect();
  }
  return { cookie, meetingId };
}

interface Load {
  jsKb: number;
  scripts: number;
  encodings: string[];
}

/** Loads `url` in a fresh context and adds up the bytes of every script response. */
async function measure(
  browser: Browser,
  base: string,
  url: string,
  opts: { cookie: string | null; gzipOnly: boolean; ready: string },
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    if (opts.cookie) {
      const [name, ...rest] = opts.cookie.split('=');
      await context.addCookies([{ name: name ?? '', value: rest.join('='), url: base }]);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (opts.gzipOnly)
      await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
    // Per script: the header bytes (response.encodedDataLength at responseReceived), taken off the total.
    const scripts = new Map<string, number>();
    let bytes = 0;
    const encodings = new Set<string>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script' || /javascript/.test(e.response.mimeType)) {
        scripts.set(e.requestId, e.response.encodedDataLength);
        const headers = e.response.headers as Record<string, string>;
        const encoding = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
        encodings.add(encoding ?? 'identity');
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      const headerBytes = scripts.get(e.requestId);
      if (headerBytes !== undefined) bytes += e.encodedDataLength - headerBytes;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator(opts.ready).first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    return { jsKb: Math.round((bytes / 1024) * 10) / 10, scripts: scripts.size, encodings: [...encodings] };
  } finally {
    await context.close();
  }
}

/** Server CPU ms per request for the same JSON answer, compressed and not. */
async function compressionCost(
  base: string,
  pid: number,
): Promise<{ identity: number; br: number; kb: number }> {
  const url = `${base}/api/docs/json`;
  const run = async (encoding: string) => {
    for (let i = 0; i < 20; i++)
      await (await fetch(url, { headers: { 'accept-encoding': encoding } })).arrayBuffer();
    const before = cpuMsOf(pid);
    for (let i = 0; i < 200; i++)
      await (await fetch(url, { headers: { 'accept-encoding': encoding } })).arrayBuffer();
    return (cpuMsOf(pid) - before) / 200;
  };
  const identity = await run('identity');
  const br = await run('br, gzip');
  const size = (await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
    .byteLength;
  return { identity, br, kb: Math.round(size / 1024) };
}

async function main(): Promise<void> {
  log('bench:web: starting the built app with the demo district');
  const app = await startApp();
  let browser: Browser | null = null;
  try {
    const { cookie, meetingId } = await prepareMeeting(app.base, app.password);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const signInUrl = `${app.base}/sign-in`;
    const meetingUrl = `${app.base}/meetings/${meetingId}`;
    const signInReady = 'input[type="password"]';
    const meetingReady = 'main h1';
    const signinGz = await measure(browser, app.base, signInUrl, {
      cookie: null,
      gzipOnly: true,
      ready: signInReady,
    });
    const meetingGz = await measure(browser, app.base, meetingUrl, {
      cookie,
      gzipOnly: true,
      ready: meetingReady,
    });
    const signinBr = await measure(browser, app.base, signInUrl, {
      cookie: null,
      gzipOnly: false,
      ready: signInReady,
    });
    const meetingBr = await measure(browser, app.base, meetingUrl, {
      cookie,
      gzipOnly: false,
      ready: meetingReady,
    });
    log(
      `  sign-in: ${signinGz.scripts} scripts, ${signinGz.jsKb} KB gzip (${signinGz.encodings.join(',')}), ${signinBr.jsKb} KB as sent (${signinBr.encodings.join(',')})`,
    );
    log(
      `  meeting: ${meetingGz.scripts} scripts, ${meetingGz.jsKb} KB gzip (${meetingGz.encodings.join(',')}), ${meetingBr.jsKb} KB as sent (${meetingBr.encodings.join(',')})`,
    );
    const cost = await compressionCost(app.base, app.child.pid ?? 0);
    log(
      `  JSON compression: ${cost.kb} KB answer, server CPU ${cost.identity.toFixed(2)} ms/request plain, ${cost.br.toFixed(2)} ms/request brotli`,
    );
    console.log(
      JSON.stringify({
        signin_js_gz_kb: signinGz.jsKb,
        meeting_js_gz_kb: meetingGz.jsKb,
        signin_js_br_kb: signinBr.jsKb,
        meeting_js_br_kb: meetingBr.jsKb,
        goal_kb: 120,
        json_kb: cost.kb,
        json_cpu_ms_identity: Math.round(cost.identity * 100) / 100,
        json_cpu_ms_br: Math.round(cost.br * 100) / 100,
      }),
    );
  } finally {
    await browser?.close();
    await stopApp(app.child);
    rmSync(app.dataDir, { recursive: true, force: true });
  }
}

await main();
