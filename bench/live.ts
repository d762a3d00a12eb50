/**
 * `bench:live` (docs/SPEC.md, MEET-BENCH-1): live meetings under load, on this machine only
 * (127.0.0.1). Run it with `node bench/run.mjs live [--meetings 500] [--clients-per-meeting 6] [--seconds 30]`.
 *
 * 1. Baseline: a bare Socket.IO server (bench/baseline-server.ts, no database) with the same clients, rooms
 *    and message mix: how fast this machine moves the same traffic with nothing behind it.
 * 2. The built app (`dist/cli/main.js serve`) on embedded PostgreSQL (or DATABASE_URL), seeded by fast paths
 *    (bench/setup.ts), every meeting opened over REST and started by its facilitator over the socket.
 *
 * Each client sends one command every 2-4 s (open loop; a client with 4 unanswered commands skips its turn).
 * Latency: from send to the receipt of the broadcast by each OTHER member of the room. Lost: committed events
 * that some member of the room never received. Duplicated: events a member received twice.
 * ratio = events_per_s of the app / events_per_s of the baseline at the same offered load, where events_per_s
 * counts the events acknowledged for commands sent during the window, divided by the time from the window's
 * start to the last of those acks (so a server that falls behind is charged for its backlog).
 * The last line of output is one JSON object with the headline figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#server/db/embedded/index';
import { ACK_TIMEOUT_MS, Fleet, type FleetMeeting, type FleetResult } from './fleet';
import { cpuMsOf, cpuMsWithChildren, freePort, machineBusyMs, postmasterOf } from './procs';
import { seedApp } from './setup';

interface Options {
  meetings: number;
  perMeeting: number;
  seconds: number;
  intervalMs: readonly [number, number];
  maxInFlight: number;
  baseline: boolean;
  app: boolean;
  appNodeArgs: string[];
  probe: boolean;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const opts: Options = {
    meetings: 500,
    perMeeting: 6,
    seconds: 30,
    intervalMs: [2_000, 4_000],
    maxInFlight: 4,
    baseline: true,
    app: true,
    appNodeArgs: [],
    probe: false,
    keep: false,
  };
  for (let i = 0; i < argv.length && i < 100; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag ?? ''} needs a value`);
      return v;
    };
    const int = (min: number, max: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${flag ?? ''} must be an integer in ${min}..${max}`);
      return n;
    };
    switch (flag) {
      case '--meetings':
        opts.meetings = int(1, 5_000);
        break;
      case '--clients-per-meeting':
        opts.perMeeting = int(2, 50);
        break;
      case '--seconds':
        opts.seconds = int(1, 600);
        break;
      case '--interval-ms': {
        const [lo, hi] = value().split('-').map(Number);
        if (!lo || !hi || lo > hi || lo < 50) throw new Error('--interval-ms takes MIN-MAX, e.g. 2000-4000');
        opts.intervalMs = [lo, hi];
        break;
      }
      case '--max-in-flight':
        opts.maxInFlight = int(1, 100);
        break;
      case '--no-baseline':
        opts.baseline = false;
        break;
      case '--baseline-only':
        opts.app = false;
        break;
      case '--app-node-args':
        opts.appNodeArgs = value().split(' ').filter(Boolean);
        break;
      case '--probe':
        opts.probe = true;
        break;
      case '--keep':
        opts.keep = true;
        break;
      default:
        throw new Error(
          `unknown flag ${flag ?? ''}; flags: --meetings N --clients-per-meeting N --seconds N --interval-ms MIN-MAX --max-in-flight N --no-baseline --baseline-only --app-node-args "..." --probe --keep`,
        );
    }
  }
  return opts;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = (line: string) => {
  process.stderr.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

/** Starts a Node child, its output into `logFile`; resolves when `ready(output)` holds. */
async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  ready: (out: string) => boolean,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const file = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: root,
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

async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
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

async function healthy(base: string, timeoutMs: number): Promise<void> {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${base} not healthy after ${timeoutMs} ms`);
}

interface Phase {
  result: FleetResult;
  /** Wall-clock bounds of the measured window and drain (Date.now()). */
  from: number;
  to: number;
  /** Events the server committed from the window's start until the drain ended (app only: counted in the log). */
  committed: number | null;
  /** WAL PostgreSQL wrote meanwhile (app only). */
  walBytes: number | null;
  serverCpuMs: number;
  databaseCpuMs: number | null;
  clientCpuMs: number;
  /** CPU the rest of the machine used meanwhile (other processes: noise the figures suffered). */
  otherCpuMs: number;
}

/** A PostgreSQL LSN (`16/B374D848`) as a byte position. */
function lsnBytes(lsn: string): bigint {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

async function drive(
  name: string,
  url: string,
  meetings: FleetMeeting[],
  opts: Options,
  serverPid: number,
  postmaster: number | null,
  database: { countEvents: () => Promise<number>; walLsn: () => Promise<string> } | null,
): Promise<Phase> {
  const fleet = new Fleet({ url, meetings, intervalMs: opts.intervalMs, maxInFlight: opts.maxInFlight, log });
  cleanups.push(() => {
    fleet.close();
    return Promise.resolve();
  });
  let t = Date.now();
  await fleet.connect();
  log(`  ${name}: ${fleet.size} clients connected in ${Date.now() - t} ms`);
  t = Date.now();
  await fleet.joinAll();
  log(`  ${name}: joined in ${Date.now() - t} ms`);
  t = Date.now();
  await fleet.startMeetings();
  log(`  ${name}: ${meetings.length} meetings started (meeting + timer) in ${Date.now() - t} ms`);
  await sleep(1_000);
  const before = database ? await database.countEvents() : 0;
  const walBefore = database ? await database.walLsn() : null;
  const cpu0 = {
    server: cpuMsOf(serverPid),
    db: postmaster ? cpuMsWithChildren(postmaster) : 0,
    client: process.cpuUsage(),
    machine: machineBusyMs(),
  };
  log(`  ${name}: driving for ${opts.seconds} s`);
  const from = Date.now();
  const result = await fleet.run(opts.seconds);
  const to = Date.now();
  const clientUsage = process.cpuUsage(cpu0.client);
  const machineMs = machineBusyMs() - cpu0.machine;
  log(
    `  ${name}: load average after the window ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const serverCpuMs = Math.round(cpuMsOf(serverPid) - cpu0.server);
  const databaseCpuMs = postmaster ? Math.round(cpuMsWithChildren(postmaster) - cpu0.db) : null;
  const clientCpuMs = Math.round((clientUsage.user + clientUsage.system) / 1000);
  const phase: Phase = {
    result,
    from,
    to,
    committed: database ? (await database.countEvents()) - before : null,
    walBytes:
      database && walBefore !== null
        ? Number(await database.walLsn().then((lsn) => lsnBytes(lsn) - lsnBytes(walBefore)))
        : null,
    serverCpuMs,
    databaseCpuMs,
    clientCpuMs,
    otherCpuMs: Math.max(0, Math.round(machineMs - serverCpuMs - (databaseCpuMs ?? 0) - clientCpuMs)),
  };
  fleet.close();
  const { timeline, ...figures } = result;
  log(`  ${name}: ${JSON.stringify({ ...phase, result: figures })}`);
  log(
    `  ${name}: latency by 2-s slice (start s: pushes p50/p99/max ms, load generator's longest loop delay ms): ${timeline
      .map(
        (s) =>
          `${s.atS}: ${s.n} ${Math.round(s.p50Ms)}/${Math.round(s.p99Ms)}/${Math.round(s.maxMs)} ${Math.round(s.loopMaxMs)}`,
      )
      .join(', ')}`,
  );
  return phase;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'ensemble-bench-'));
  chmodSync(work, 0o755);
  cleanups.push(() => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    return Promise.resolve();
  });
  log(
    `bench:live on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, work dir ${work}`,
  );
  log(
    `  ${opts.meetings} meetings x ${opts.perMeeting} clients, ${opts.seconds} s, one command per client every ${opts.intervalMs[0]}-${opts.intervalMs[1]} ms`,
  );

  const fakeMeetings: FleetMeeting[] = Array.from({ length: opts.meetings }, (_, m) => ({
    id: `00000000-0000-4000-8000-${String(m).padStart(12, '0')}`,
    members: Array.from({ length: opts.perMeeting }, (_, k) => ({
      session: `bench-${m}-${k}`,
      facilitator: k === 0,
    })),
  }));

  let baseline: Phase | null = null;
  if (opts.baseline) {
    log('baseline: bare Socket.IO server');
    const server = await startChild(
      'baseline',
      [join(root, 'bench/.out/baseline-server.mjs')],
      { PORT: '0' },
      join(work, 'baseline.log'),
      (out) => /listening \d+/.test(out),
    );
    const port = Number(/listening (\d+)/.exec(server.output())?.[1]);
    baseline = await drive(
      'baseline',
      `http://127.0.0.1:${port}`,
      fakeMeetings,
      opts,
      server.child.pid ?? 0,
      null,
      null,
    );
    await stopChild(server.child);
  }

  let app: Phase | null = null;
  if (opts.app) {
    log('app: dist/cli/main.js serve');
    let databaseUrl = process.env.DATABASE_URL;
    let embedded: EmbeddedPostgres | null = null;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: join(work, 'pg-data'),
        log: { info: () => undefined, warn: log, error: log },
      });
      const stop = embedded.stop.bind(embedded);
      cleanups.push(stop);
      databaseUrl = embedded.connectionString;
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const probe = opts.probe ? ['--import', join(root, 'bench/.out/app-probe.mjs')] : [];
    const server = await startChild(
      'app',
      [...probe, ...opts.appNodeArgs, join(root, 'dist/cli/main.js'), 'serve'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(work, 'app-data'),
        LOG_LEVEL: 'warn',
      },
      join(work, 'app.log'),
      () => true,
    );
    cleanups.push(() => stopChild(server.child));
    await healthy(base, 60_000);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', (err) => {
      log(`  bench pool: ${err.message}`);
    });
    cleanups.push(() => pool.end());
    const meetings = await seedApp({ base, pool, meetings: opts.meetings, perMeeting: opts.perMeeting, log });
    const postmaster = embedded ? postmasterOf(embedded.clusterDir) : null;
    const countEvents = async () =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM meeting_events')).rows[0]?.n ?? 0);
    const walLsn = async () =>
      (await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn ?? '0/0';
    app = await drive('app', base, meetings, opts, server.child.pid ?? 0, postmaster, {
      countEvents,
      walLsn,
    });
    log(
      `  app: ${await countEvents()} events in meeting_events; app log: ${readFileSync(join(work, 'app.log'), 'utf8').split('\n').filter(Boolean).length} lines`,
    );
    await stopChild(server.child);
    if (opts.probe) {
      const window = app;
      const lines = readFileSync(join(work, 'app.log'), 'utf8')
        .split('\n')
        .filter((line) => {
          const at = Number(/^probe at=(\d+)/.exec(line)?.[1] ?? NaN);
          return at >= window.from && at <= window.to + 2_000;
        });
      log(`  app probe (every 2 s of the window: event-loop delay ms, GC, statement ms):`);
      for (const line of lines)
        log(
          `    +${((Number(/at=(\d+)/.exec(line)?.[1]) - window.from) / 1000).toFixed(0)} s ${line.replace(/^probe at=\d+ /, '')}`,
        );
    }
    const tail = server.output().trim().split('\n').slice(-3).join(' | ');
    if (tail) log(`  app output (tail): ${tail.slice(0, 600)}`);
  }

  const a = app?.result;
  const b = baseline?.result;
  const ratio = a && b && b.eventsPerS > 0 ? Math.round((a.eventsPerS / b.eventsPerS) * 1000) / 1000 : null;
  // Per committed event where the log tells (acks that timed out still cost CPU), else per acknowledged one.
  const perEvent = (phase: Phase | null, ms: number | null) => {
    const n = phase ? (phase.committed ?? phase.result.events) : 0;
    return phase && ms !== null && n ? Math.round((ms / n) * 1000) / 1000 : null;
  };
  if (app && app.committed !== null)
    log(
      `app: committed ${app.committed} events from the window's start to the end of the drain; ${app.result.events} were acknowledged within ${ACK_TIMEOUT_MS / 1000} s of their send`,
    );
  log(
    `cpu ms per event: app ${perEvent(app, app?.serverCpuMs ?? null)}, postgres ${perEvent(app, app?.databaseCpuMs ?? null)}, clients ${perEvent(app, app?.clientCpuMs ?? null)}; ` +
      `baseline server ${perEvent(baseline, baseline?.serverCpuMs ?? null)}, clients ${perEvent(baseline, baseline?.clientCpuMs ?? null)}`,
  );
  // What else ran: the figures are only comparable between runs where the rest of the machine was quiet.
  const share = (phase: Phase | null) =>
    phase
      ? `${(phase.otherCpuMs / 1000 / (phase.result.seconds + phase.result.drainMs / 1000)).toFixed(2)} cores`
      : 'n/a';
  log(
    `other processes meanwhile: baseline ${share(baseline)}, app ${share(app)}; postgres WAL ${app?.walBytes != null && app.committed ? Math.round(app.walBytes / app.committed) : 'n/a'} bytes per event`,
  );
  if (b)
    log(
      `baseline: ${JSON.stringify({ events: b.events, events_per_s: b.eventsPerS, p50_ms: b.p50Ms, p99_ms: b.p99Ms, lost: b.lost, duplicated: b.duplicated })}`,
    );
  const clients = opts.meetings * opts.perMeeting;
  process.stdout.write(
    `${JSON.stringify({
      meetings: opts.meetings,
      clients,
      events: a?.events ?? null,
      p50_ms: a?.p50Ms ?? null,
      p99_ms: a?.p99Ms ?? null,
      lost: a?.lost ?? null,
      duplicated: a?.duplicated ?? null,
      baseline_events_per_s: b?.eventsPerS ?? null,
      events_per_s: a?.eventsPerS ?? null,
      ratio,
    })}\n`,
  );
}

async function cleanup(): Promise<void> {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  cleanups.length = 0;
  for (const child of children) child.kill('SIGKILL');
}

process.once('SIGINT', () => {
  void cleanup().finally(() => process.exit(130));
});
process.once('uncaughtException', (err) => {
  log(`bench:live crashed: ${err.stack ?? err.message}`);
  void cleanup().finally(() => process.exit(1));
});

let exitCode = 0;
try {
  await main();
} catch (err) {
  log(`bench:live failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
