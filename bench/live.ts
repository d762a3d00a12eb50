/**
 * `bench:live` (docs/SPEC.md, MEET-BENCH-1): live meetings under load, on this machine only
 * (127.0.0.1). Run it with `node bench/run.mjs live [--meetings 500] [--clients-per-meeting 6] [--seconds 30]
 * [--nodes 2] [--saturate]`.
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
 *
 * `--nodes 2` (CAP-LIVE-1): the app phase runs two app nodes (CLUSTER=1, the Socket.IO PostgreSQL adapter) on
 * one PostgreSQL; member k of every meeting connects to node k mod 2, so about half of each broadcast's receivers
 * are on the other node. Latency is also split into same-node and cross-node samples (`cross_node_p99_ms`), and
 * the server CPU is the sum of both node processes (each printed). The baseline stays one bare server.
 *
 * `--saturate` (CAP-LIVE-2): for the baseline, then the app, the same 3,000 clients offer 250/s, then x1.5 per
 * step (10-s windows; bench/saturation.ts has the rule and the search) until a step fails (p99 > 50 ms, an event
 * lost or duplicated, an ack timeout, a skipped turn, a disconnect, a refusal for load), or, when the first step
 * fails, /1.5 per step (not below 50/s) until one holds; then once between the highest rate that held and the lowest
 * above it that failed. The figure is the events/s delivered at the best step that held.
 * Each step prints its figures and every process's CPU in cores: the load generator shares the machine's cores
 * with the server and PostgreSQL, and when it is itself near a core (or its loop lags on a quiet machine) at the
 * baseline's last steps, the baseline's figure is a floor (`baseline_load_generator_bound`). With `--probe`, every
 * step also prints its 2-s slices and the app's own view of them (event-loop delay, GC, statement times).
 *
 * Both servers run with `npm start`'s Node flags (bench/server-flags.ts, ADR 0051); `--no-server-flags` drops them.
 * The load generator (this process) always runs with them (bench/run.mjs, ADR 0053): its own collector pauses
 * delay every receipt of the moment, whichever server it measures.
 * With DATABASE_URL, `BENCH_PG_DIR=<its data directory>` finds that PostgreSQL's postmaster so its CPU is counted.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#server/db/embedded/index';
import { ACK_TIMEOUT_MS, Fleet, type FleetMeeting, type FleetResult } from './fleet';
import { children, healthy, root, sleep, startChild, stopChild } from './children';
import { cpuMsOf, cpuMsWithChildren, freePort, machineBusyMs, postmasterOf } from './procs';
import { serverNodeFlags } from './server-flags';
import { intervalFor, judge, MAX_COMMANDS_PER_CLIENT_S, nextRate, P99_LIMIT_MS } from './saturation';
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
  /** `npm start`'s Node flags for the app and the baseline server (bench/server-flags.ts); `--no-server-flags`: none. */
  serverFlags: string[];
  probe: boolean;
  keep: boolean;
  /** App nodes (CAP-LIVE-1): members of each meeting alternate between them. */
  nodes: number;
  /** CAP-LIVE-2: raise the offered rate step by step instead of one fixed load. */
  saturate: boolean;
  stepSeconds: number;
  startRate: number;
  stepFactor: number;
  maxSteps: number;
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
    serverFlags: serverNodeFlags(root),
    probe: false,
    keep: false,
    nodes: 1,
    saturate: false,
    stepSeconds: 10,
    startRate: 250,
    stepFactor: 1.5,
    maxSteps: 10,
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
      case '--no-server-flags':
        opts.serverFlags = [];
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
      case '--nodes':
        opts.nodes = int(1, 4);
        break;
      case '--saturate':
        opts.saturate = true;
        break;
      case '--step-seconds':
        opts.stepSeconds = int(3, 120);
        break;
      case '--start-rate':
        opts.startRate = int(50, 100_000);
        break;
      case '--step-factor': {
        const f = Number(value());
        if (!(f >= 1.1 && f <= 4)) throw new Error('--step-factor must be in 1.1..4');
        opts.stepFactor = f;
        break;
      }
      case '--max-steps':
        opts.maxSteps = int(1, 20);
        break;
      default:
        throw new Error(
          `unknown flag ${flag ?? ''}; flags: --meetings N --clients-per-meeting N --seconds N --interval-ms MIN-MAX --max-in-flight N --no-baseline --baseline-only --app-node-args "..." --no-server-flags --probe --keep --nodes N --saturate --step-seconds N --start-rate N --step-factor X --max-steps N`,
        );
    }
  }
  return opts;
}

const log = (line: string) => {
  process.stderr.write(`${line}\n`);
};
const cleanups: (() => Promise<void>)[] = [];

interface Phase {
  result: FleetResult;
  /** Wall-clock bounds of the measured window and drain (Date.now()). */
  from: number;
  to: number;
  /** Events the server committed from the window's start until the drain ended (app only: counted in the log). */
  committed: number | null;
  /** WAL PostgreSQL wrote meanwhile (app only). */
  walBytes: number | null;
  /** All server processes together (two with `--nodes 2`), and each one. */
  serverCpuMs: number;
  serverCpuMsByNode: number[];
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

/** The server side of a phase: one bare Socket.IO server, or one or more app nodes. */
interface Target {
  name: string;
  urls: string[];
  pids: number[];
  postmaster: number | null;
  database: { countEvents: () => Promise<number>; walLsn: () => Promise<string> } | null;
  /** The meetings of round `r` (r = 0 first; `--saturate` opens a fresh set for each step). */
  round: (r: number) => Promise<FleetMeeting[]>;
  /** The app's log files (one per node), where `--probe` writes its lines. */
  logs?: string[];
}

const cores = (ms: number, seconds: number) => Math.round((ms / 1000 / seconds) * 100) / 100;

/** Connects a fleet to the target, joins every client to round 0's meetings and starts them (not measured). */
async function prepare(target: Target, opts: Options): Promise<Fleet> {
  const { name } = target;
  const fleet = new Fleet({
    urls: target.urls,
    meetings: await target.round(0),
    intervalMs: opts.intervalMs,
    maxInFlight: opts.maxInFlight,
    log,
  });
  cleanups.push(() => {
    fleet.close();
    return Promise.resolve();
  });
  let t = Date.now();
  await fleet.connect();
  log(`  ${name}: ${fleet.size} clients connected in ${Date.now() - t} ms (${target.urls.length} node(s))`);
  t = Date.now();
  await fleet.joinAll();
  log(`  ${name}: joined in ${Date.now() - t} ms`);
  t = Date.now();
  await fleet.startMeetings();
  log(`  ${name}: ${opts.meetings} meetings started (meeting + timer) in ${Date.now() - t} ms`);
  return fleet;
}

/**
 * A window's latency by 2-s slice: pushes, p50/p99/max, the load generator's longest loop delay, and its own GC
 * time in the slice with its major GC entries (`M`: mark-compacts and their incremental marking, as `--probe`
 * counts them), so a slice's tail shows whose stall it was.
 */
function slicesText(timeline: FleetResult['timeline']): string {
  const slices = timeline.map(
    (t) =>
      `${t.atS}: ${t.n} ${Math.round(t.p50Ms)}/${Math.round(t.p99Ms)}/${Math.round(t.maxMs)} ${Math.round(t.loopMaxMs)} gc ${Math.round(t.gcMs)}${t.gcMajors ? `${t.gcMajors}M` : ''}`,
  );
  return `by 2-s slice (start s: pushes p50/p99/max ms, load generator's longest loop delay ms, its GC ms and major GC entries M): ${slices.join(', ')}`;
}

/** One measured window of `seconds` on a prepared fleet, with the CPU every process used meanwhile. */
async function measure(target: Target, fleet: Fleet, seconds: number, quiet = false): Promise<Phase> {
  const { name, database, postmaster } = target;
  await sleep(1_000);
  const before = database ? await database.countEvents() : 0;
  const walBefore = database ? await database.walLsn() : null;
  const cpu0 = {
    servers: target.pids.map(cpuMsOf),
    db: postmaster ? cpuMsWithChildren(postmaster) : 0,
    client: process.cpuUsage(),
    machine: machineBusyMs(),
  };
  if (!quiet) log(`  ${name}: driving for ${seconds} s`);
  const from = Date.now();
  const result = await fleet.run(seconds);
  const to = Date.now();
  const clientUsage = process.cpuUsage(cpu0.client);
  const machineMs = machineBusyMs() - cpu0.machine;
  if (!quiet)
    log(
      `  ${name}: load average after the window ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  const serverCpuMsByNode = target.pids.map((pid, i) => Math.round(cpuMsOf(pid) - (cpu0.servers[i] ?? 0)));
  const serverCpuMs = serverCpuMsByNode.reduce((a, b) => a + b, 0);
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
    serverCpuMsByNode,
    databaseCpuMs,
    clientCpuMs,
    otherCpuMs: Math.max(0, Math.round(machineMs - serverCpuMs - (databaseCpuMs ?? 0) - clientCpuMs)),
  };
  if (quiet) return phase;
  const { timeline, ...figures } = result;
  log(`  ${name}: ${JSON.stringify({ ...phase, result: figures })}`);
  log(`  ${name}: latency ${slicesText(timeline)}`);
  return phase;
}

/** Starts the bare Socket.IO server: always one process (it has no adapter; `--nodes` is the app's). */
async function startBaseline(
  work: string,
  opts: Options,
): Promise<{ target: Target; stop: () => Promise<void> }> {
  log('baseline: bare Socket.IO server');
  const server = await startChild(
    'baseline',
    [...opts.serverFlags, join(root, 'bench/.out/baseline-server.mjs')],
    { PORT: '0' },
    join(work, 'baseline.log'),
    (out) => /listening \d+/.test(out),
  );
  const port = Number(/listening (\d+)/.exec(server.output())?.[1]);
  const fake = (r: number): FleetMeeting[] =>
    Array.from({ length: opts.meetings }, (_, m) => ({
      id: `00000000-0000-4000-8${String(r).padStart(3, '0')}-${String(m).padStart(12, '0')}`,
      members: Array.from({ length: opts.perMeeting }, (_, k) => ({
        session: `bench-${m}-${k}`,
        facilitator: k === 0,
      })),
    }));
  return {
    target: {
      name: 'baseline',
      urls: [`http://127.0.0.1:${port}`],
      pids: [server.child.pid ?? 0],
      postmaster: null,
      database: null,
      round: (r) => Promise.resolve(fake(r)),
    },
    stop: () => stopChild(server.child),
  };
}

interface AppNodes {
  target: Target;
  logs: string[];
  outputs: (() => string)[];
  countEvents: () => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * Starts `opts.nodes` app nodes on one PostgreSQL (with two or more, each with CLUSTER=1: the Socket.IO
 * PostgreSQL adapter over the same database) one after the other (the first one migrates), and seeds through the
 * first: every node reads the same tables.
 */
async function startApp(work: string, opts: Options, rounds: number): Promise<AppNodes> {
  log(`app: dist/cli/main.js serve${opts.nodes > 1 ? `, ${opts.nodes} nodes with CLUSTER=1` : ''}`);
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
  const probe = opts.probe ? ['--import', join(root, 'bench/.out/app-probe.mjs')] : [];
  const urls: string[] = [];
  const pids: number[] = [];
  const logs: string[] = [];
  const outputs: (() => string)[] = [];
  const stops: (() => Promise<void>)[] = [];
  for (let n = 0; n < opts.nodes; n++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const logFile = join(work, opts.nodes > 1 ? `app-${n}.log` : 'app.log');
    const server = await startChild(
      opts.nodes > 1 ? `app node ${n}` : 'app',
      [...opts.serverFlags, ...probe, ...opts.appNodeArgs, join(root, 'dist/cli/main.js'), 'serve'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(work, `app-data-${n}`),
        LOG_LEVEL: 'warn',
        // Every simulated person comes from 127.0.0.1: the per-address REST limit (TRUST-LIMIT-1, 600/min) would
        // refuse the setup's 1,000 requests (and each --saturate round's); the sockets keep their own limits.
        RATE_LIMIT_PER_MINUTE: '1000000',
        ...(opts.nodes > 1 ? { CLUSTER: '1' } : {}),
      },
      logFile,
      () => true,
    );
    const stop = () => stopChild(server.child);
    cleanups.push(stop);
    stops.push(stop);
    await healthy(base, 60_000);
    urls.push(base);
    pids.push(server.child.pid ?? 0);
    logs.push(logFile);
    outputs.push(server.output);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', (err) => {
    log(`  bench pool: ${err.message}`);
  });
  cleanups.push(() => pool.end());
  const seeded = await seedApp({
    base: urls[0] ?? '',
    pool,
    meetings: opts.meetings,
    perMeeting: opts.perMeeting,
    rounds,
    log,
  });
  const countEvents = async () =>
    Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM meeting_events')).rows[0]?.n ?? 0);
  const walLsn = async () =>
    (await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn ?? '0/0';
  return {
    target: {
      name: 'app',
      urls,
      pids,
      postmaster: embedded
        ? postmasterOf(embedded.clusterDir)
        : process.env.BENCH_PG_DIR
          ? postmasterOf(process.env.BENCH_PG_DIR)
          : null,
      database: { countEvents, walLsn },
      round: (r) => (r === 0 ? Promise.resolve(seeded.meetings) : seeded.openRound(r)),
      logs,
    },
    logs,
    outputs,
    countEvents,
    stop: async () => {
      for (const stop of stops) await stop();
    },
  };
}

/** The `--probe` lines one node wrote during a window (and the 2 s after), each with its offset in the window. */
function probeLines(file: string, window: Phase): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const at = Number(/^probe at=(\d+)/.exec(line)?.[1] ?? NaN);
      return at >= window.from && at <= window.to + 2_000
        ? [`+${((at - window.from) / 1000).toFixed(0)} s ${line.replace(/^probe at=\d+ /, '')}`]
        : [];
    });
}

/** After the app stopped: the `--probe` lines of the window, and the tail of each node's output. */
function appAftermath(nodes: AppNodes, window: Phase | null, opts: Options): void {
  nodes.logs.forEach((file, n) => {
    const who = nodes.logs.length > 1 ? `app node ${n}` : 'app';
    if (opts.probe && window) {
      log(`  ${who} probe (every 2 s of the window: event-loop delay ms, GC, statement ms):`);
      for (const line of probeLines(file, window)) log(`    ${line}`);
    }
    const tail = (nodes.outputs[n]?.() ?? '').trim().split('\n').slice(-3).join(' | ');
    if (tail) log(`  ${who} output (tail): ${tail.slice(0, 600)}`);
  });
}

// --- --saturate ------------------------------------------------------------------------------------------

interface Step {
  offeredPerS: number;
  phase: Phase;
  held: boolean;
  /** Why it did not hold (empty when it held). */
  why: string[];
}

/**
 * Raises the offered rate geometrically (x `opts.stepFactor`) from `opts.startRate` until a step fails the rule,
 * then tries once between the last step that held and the first that failed. The clients stay connected; each
 * step uses a fresh round of meetings (same people), so every step starts from meetings of the same size.
 */
/** Commands per client in one round of meetings: well below the per-person caps of the core. */
const COMMANDS_PER_ROUND = 30;
/** A step that fails while other processes used this much CPU is run once more (the machine is shared). */
const NOISY_CORES = 0.3;

async function saturate(target: Target, opts: Options): Promise<Step[]> {
  const fleet = await prepare(target, opts);
  const clients = opts.meetings * opts.perMeeting;
  // The app's per-socket command limit is 5/s (TRUST-RT-LIMIT-1): stay below it, or the limit is what fails.
  const maxRate = clients * MAX_COMMANDS_PER_CLIENT_S;
  const steps: Step[] = [];
  // Commands each client has been offered in the current meetings: a fresh round before the per-person caps of
  // the core (TRUST-RT-CAP-1: 40 suggestions, 40 questions, 50 reflections) could refuse the load.
  let used = 0;
  let r = 0;
  let windows = 0;
  const runStep = async (rate: number): Promise<Step> => {
    const perClient = (rate / clients) * opts.stepSeconds;
    const left = await fleet.idle(ACK_TIMEOUT_MS);
    if (left)
      log(`  ${target.name}: ${left} commands of the last step still unanswered after ${ACK_TIMEOUT_MS} ms`);
    if (windows++ > 0 && used + perClient > COMMANDS_PER_ROUND) {
      fleet.newRound(await target.round(++r));
      await fleet.joinAll();
      await fleet.startMeetings();
      used = 0;
    } else if (windows > 1) fleet.continueRound();
    used += perClient;
    const intervalMs = intervalFor(clients, rate);
    fleet.setInterval(intervalMs);
    const phase = await measure(target, fleet, opts.stepSeconds, true);
    const why = judge(phase.result);
    const step: Step = { offeredPerS: Math.round(rate), phase, held: why.length === 0, why };
    const res = phase.result;
    const span = res.seconds + res.drainMs / 1000;
    log(
      `  ${target.name} step ${steps.length + 1} (round ${r}): offered ${step.offeredPerS}/s (interval ${intervalMs[0]}-${intervalMs[1]} ms): ` +
        `${JSON.stringify({ events_per_s: res.eventsPerS, p50_ms: res.p50Ms, p99_ms: res.p99Ms, ...(target.urls.length > 1 ? { cross_node_p99_ms: res.crossNode.p99Ms } : {}), ack_p99_ms: res.ackP99Ms, sent: res.sent, events: res.events, lost: res.lost, duplicated: res.duplicated, failed: res.failed, skipped: res.skipped, rejected: res.rejected })} ` +
        `cpu cores: server ${cores(phase.serverCpuMs, span)}${phase.serverCpuMsByNode.length > 1 ? ` (${phase.serverCpuMsByNode.map((ms) => cores(ms, span)).join(' + ')})` : ''}, ` +
        `postgres ${phase.databaseCpuMs === null ? 'n/a' : cores(phase.databaseCpuMs, span)}, load generator ${cores(phase.clientCpuMs, span)} ` +
        `(loop delay p99 ${res.fleetLoopDelayP99Ms} ms), other processes ${cores(phase.otherCpuMs, span)}; load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')} -> ${step.held ? 'held' : `failed: ${why.join(', ')}`}`,
    );
    if (!step.held || opts.probe)
      log(`    from ${new Date(phase.from).toISOString()}, ${slicesText(res.timeline)}`);
    // With --probe, every step of the app: its own view of each 2-s slice (after the probe's next line is out).
    const logs = target.logs ?? [];
    if (opts.probe && logs.length) {
      await sleep(2_100);
      logs.forEach((file, n) => {
        for (const line of probeLines(file, phase))
          log(`    ${logs.length > 1 ? `node ${n} ` : ''}probe ${line}`);
      });
    }
    steps.push(step);
    return step;
  };
  const search = { ...opts, maxRate };
  for (let rate = nextRate([], search); rate !== null;) {
    let step = await runStep(rate);
    const span = step.phase.result.seconds + step.phase.result.drainMs / 1000;
    if (!step.held && cores(step.phase.otherCpuMs, span) >= NOISY_CORES) {
      log(
        `  ${target.name}: other processes used ${cores(step.phase.otherCpuMs, span)} cores during that step: running it once more`,
      );
      steps.pop();
      step = await runStep(rate);
    }
    if (step.held && rate >= maxRate)
      log(`  ${target.name}: reached ${maxRate}/s, the most the clients may send (5 commands/s per socket)`);
    rate = nextRate(
      steps.map((s) => ({ rate: s.offeredPerS, held: s.held })),
      search,
    );
  }
  fleet.close();
  return steps;
}

/** The highest rate a server held (events/s delivered at a step that met the rule), and what limited it. */
function saturationOf(steps: readonly Step[]): { eventsPerS: number; step: Step | null; limit: string } {
  let best: Step | null = null;
  for (const s of steps)
    if (s.held && (!best || s.phase.result.eventsPerS > best.phase.result.eventsPerS)) best = s;
  const failed = steps.find((s) => !s.held);
  return {
    eventsPerS: best?.phase.result.eventsPerS ?? 0,
    step: best,
    limit: failed ? failed.why.join(', ') : 'no step failed',
  };
}

/** Whether the load generator (this process, one core at most) was itself near its limit at a step. */
function generatorBound(step: Step | undefined): boolean {
  if (!step) return false;
  const res = step.phase.result;
  const span = res.seconds + res.drainMs / 1000;
  // A late loop while other processes took the cores is their doing, not the load generator's.
  const quiet = cores(step.phase.otherCpuMs, span) < NOISY_CORES;
  return cores(step.phase.clientCpuMs, span) >= 0.85 || (quiet && res.fleetLoopDelayP99Ms > 20);
}

async function runSaturation(work: string, opts: Options): Promise<void> {
  log(
    `  --saturate: ${opts.meetings * opts.perMeeting} clients stay connected; each step a fresh set of meetings for ${opts.stepSeconds} s, ` +
      `offered rate from ${opts.startRate}/s x ${opts.stepFactor} per step until p99 > ${P99_LIMIT_MS} ms, a loss, a duplicate, an ack timeout or a skipped turn; then once between. ` +
      `The load generator (this process) shares the ${cpus().length} cores with the server and PostgreSQL.`,
  );
  // A step may be run twice (NOISY_CORES) and may need fresh meetings each time.
  const rounds = 2 * (opts.maxSteps + 1);
  let baseSteps: Step[] = [];
  if (opts.baseline) {
    const baseline = await startBaseline(work, opts);
    baseSteps = await saturate(baseline.target, opts);
    await baseline.stop();
  }
  let appSteps: Step[] = [];
  if (opts.app) {
    const app = await startApp(work, opts, rounds);
    appSteps = await saturate(app.target, opts);
    await app.stop();
    // Every step's probe lines are out already: only the nodes' output is left to print.
    appAftermath(app, null, opts);
  }
  const a = saturationOf(appSteps);
  const b = saturationOf(baseSteps);
  const firstFailedB = baseSteps.find((s) => !s.held);
  const bBound = generatorBound(firstFailedB) || generatorBound(b.step ?? undefined);
  log(`app: held ${a.eventsPerS} events/s; stopped by: ${a.limit}`);
  log(`baseline: held ${b.eventsPerS} events/s; stopped by: ${b.limit}`);
  if (bBound)
    log(
      `baseline: the load generator was near its own limit (>= 0.85 core or loop delay p99 > 20 ms) at the baseline's last steps: its figure is a floor, and the ratio a ceiling`,
    );
  const ratio = b.eventsPerS > 0 ? Math.round((a.eventsPerS / b.eventsPerS) * 1000) / 1000 : null;
  process.stdout.write(
    `${JSON.stringify({
      saturation_events_per_s: a.eventsPerS,
      baseline_saturation_events_per_s: b.eventsPerS,
      saturation_ratio: ratio,
      ...(opts.nodes > 1 ? { nodes: opts.nodes } : {}),
      clients: opts.meetings * opts.perMeeting,
      step_seconds: opts.stepSeconds,
      app_steps: appSteps.length,
      baseline_steps: baseSteps.length,
      app_p99_ms: a.step?.phase.result.p99Ms ?? null,
      baseline_p99_ms: b.step?.phase.result.p99Ms ?? null,
      baseline_load_generator_bound: bBound,
    })}\n`,
  );
}

// --- the fixed load (default, and --nodes 2) -------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'ensemble-bench-'));
  chmodSync(work, 0o755);
  cleanups.push(() => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    return Promise.resolve();
  });
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const serverFlags = opts.serverFlags.join(' ') || 'no Node flags';
  const loadGeneratorFlags = process.execArgv.join(' ') || 'no Node flags';
  log(
    `bench:live on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${load}, servers run with ${serverFlags}, the load generator with ${loadGeneratorFlags}, work dir ${work}`,
  );
  if (opts.saturate) {
    await runSaturation(work, opts);
    return;
  }
  log(
    `  ${opts.meetings} meetings x ${opts.perMeeting} clients, ${opts.seconds} s, one command per client every ${opts.intervalMs[0]}-${opts.intervalMs[1]} ms`,
  );

  let baseline: Phase | null = null;
  if (opts.baseline) {
    const server = await startBaseline(work, opts);
    const fleet = await prepare(server.target, opts);
    baseline = await measure(server.target, fleet, opts.seconds);
    // ADR 0060: the app's phase starts with a load generator that holds nothing of this one.
    fleet.close();
    await server.stop();
  }

  let app: Phase | null = null;
  if (opts.app) {
    const nodes = await startApp(work, opts, 1);
    app = await measure(nodes.target, await prepare(nodes.target, opts), opts.seconds);
    log(
      `  app: ${await nodes.countEvents()} events in meeting_events; app log: ${nodes.logs
        .map((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).length)
        .join(' + ')} lines`,
    );
    await nodes.stop();
    appAftermath(nodes, app, opts);
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
    `cpu ms per event: app ${perEvent(app, app?.serverCpuMs ?? null)}${app && app.serverCpuMsByNode.length > 1 ? ` (nodes ${app.serverCpuMsByNode.map((ms) => perEvent(app, ms)).join(' + ')})` : ''}, postgres ${perEvent(app, app?.databaseCpuMs ?? null)}, clients ${perEvent(app, app?.clientCpuMs ?? null)}; ` +
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
  if (a && opts.nodes > 1)
    log(
      `app, ${opts.nodes} nodes: same node ${JSON.stringify(a.sameNode)}, cross node ${JSON.stringify(a.crossNode)} (ms; sender and receiver on different nodes)`,
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
      ...(opts.nodes > 1
        ? {
            nodes: opts.nodes,
            cross_node_p99_ms: a?.crossNode.p99Ms ?? null,
            same_node_p99_ms: a?.sameNode.p99Ms ?? null,
          }
        : {}),
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
