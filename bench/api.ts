/**
 * `bench:api` (docs/SPEC.md, CAP-API-1): the authenticated read path under load, beside a bare Fastify on the same
 * machine. Run it with `node bench/run.mjs api [--seconds 10] [--connections 50] [--profile]`.
 *
 * In one run and one process tree, on 127.0.0.1:
 * 1. Baseline: a bare Fastify hello-world (bench/hello-server.ts, its own process).
 * 2. The built app (`dist/cli/main.js serve --demo`) on embedded PostgreSQL (or DATABASE_URL) with the demo
 *    district; a demo teacher signs in with the demo password (a real session cookie), and the load hits
 *    `GET /api/auth/me` and `GET /api/groups/:id/home` (the read behind the team home page) for their team.
 *
 * Each target gets the same load generator (autocannon, its own process) with the same connections, a warm-up,
 * then the measured window. Requests carry what a browser's do (cookie, Accept, Accept-Language,
 * Accept-Encoding). Any non-2xx answer or error is counted and reported: a target with any is not a result.
 * ratio_me = me_rps / hello_rps, ratio_team = team_rps / hello_rps.
 *
 * `--profile`: the app runs under `--cpu-prof` and PostgreSQL with pg_stat_statements; for each app target the
 * bench prints where the app's CPU went during the measured window (by package and by function) and the
 * statements PostgreSQL ran per request. Profiling slows the app: its figures are for finding the time, not for
 * the headline. The last line of output is one JSON object with the headline figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#server/db/embedded/index';
import { children, healthy, root, sleep, startChild, stopChild } from './children';
import { cpuMsOf, cpuMsWithChildren, freePort, machineBusyMs, postmasterOf } from './procs';
import { serverNodeFlags } from './server-flags';

interface Options {
  seconds: number;
  warmup: number;
  connections: number;
  profile: boolean;
  keep: boolean;
  /** A git ref whose app is measured too, in the same run, against the same baseline (figures before a change). */
  beforeRef: string | null;
  /** `npm start`'s Node flags for every server (bench/server-flags.ts); `--no-server-flags`: none. */
  serverFlags: string[];
}

function parseOptions(argv: readonly string[]): Options {
  const opts: Options = {
    seconds: 10,
    warmup: 3,
    connections: 50,
    profile: false,
    keep: false,
    beforeRef: null,
    serverFlags: serverNodeFlags(root),
  };
  for (let i = 0; i < argv.length && i < 100; i++) {
    const flag = argv[i];
    const int = (min: number, max: number) => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${flag ?? ''} must be an integer in ${min}..${max}`);
      return n;
    };
    switch (flag) {
      case '--seconds':
        opts.seconds = int(1, 600);
        break;
      case '--warmup':
        opts.warmup = int(0, 60);
        break;
      case '--connections':
        opts.connections = int(1, 1_000);
        break;
      case '--profile':
        opts.profile = true;
        break;
      case '--keep':
        opts.keep = true;
        break;
      case '--no-server-flags':
        opts.serverFlags = [];
        break;
      case '--before': {
        const ref = argv[++i];
        if (!ref || !/^[\w./-]{1,100}$/.test(ref))
          throw new Error('--before needs a git ref (a commit or a tag)');
        opts.beforeRef = ref;
        break;
      }
      default:
        throw new Error(
          `unknown flag ${flag ?? ''}; flags: --seconds N --warmup N --connections N --profile --before REF --no-server-flags --keep`,
        );
    }
  }
  return opts;
}

const log = (line: string) => {
  process.stderr.write(`${line}\n`);
};
const cleanups: (() => Promise<void>)[] = [];

/** What the bench reads of autocannon's `--json` report. */
const CannonReport = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  duration: z.number(),
});
type CannonReport = z.infer<typeof CannonReport>;

/** Runs autocannon (its own process) against `url`; returns its report and its own CPU time. */
async function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<{ report: CannonReport; cpuMs: number }> {
  const args = [
    join(root, 'node_modules/autocannon/autocannon.js'),
    '--json',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    url,
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let cpuMs = 0;
  const sampler = setInterval(() => {
    // The last sample before the exit: autocannon's own CPU (a load generator on the same cores).
    cpuMs = cpuMsOf(child.pid ?? 0) || cpuMs;
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  children.delete(child);
  if (code !== 0) throw new Error(`autocannon exited ${code}: ${err.slice(-2_000)}`);
  return { report: CannonReport.parse(JSON.parse(out)), cpuMs };
}

interface Measured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  bad: number;
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number | null;
  transactionsPerRequest: number | null;
  loadGeneratorCores: number;
  otherCores: number;
  /** Monotonic clock (ns) at the start and end of the measured window, to cut the CPU profile. */
  window: readonly [bigint, bigint];
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  opts: Options,
  serverPid: number,
  database: { postmaster: number | null; pool: pg.Pool } | null,
): Promise<Measured> {
  if (opts.warmup > 0) await cannon(url, headers, opts.connections, opts.warmup);
  const commits = async () =>
    database
      ? Number(
          (
            await database.pool.query<{ n: string }>(
              'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
            )
          ).rows[0]?.n ?? 0,
        )
      : 0;
  if (database && opts.profile) await database.pool.query('SELECT pg_stat_statements_reset()');
  const xact0 = await commits();
  const server0 = cpuMsOf(serverPid);
  const db0 = database?.postmaster ? cpuMsWithChildren(database.postmaster) : 0;
  const machine0 = machineBusyMs();
  const from = process.hrtime.bigint();
  const { report, cpuMs: cannonMs } = await cannon(url, headers, opts.connections, opts.seconds);
  const to = process.hrtime.bigint();
  const serverMs = cpuMsOf(serverPid) - server0;
  const dbMs = database?.postmaster ? cpuMsWithChildren(database.postmaster) - db0 : null;
  const machineMs = machineBusyMs() - machine0;
  // Our own two pg statements (and the stats reset) are a handful of transactions among tens of thousands.
  const xacts = database ? (await commits()) - xact0 : null;
  const n = Math.max(1, report.requests.total);
  const wallS = Number(to - from) / 1e9;
  const measured: Measured = {
    rps: Math.round(report.requests.average),
    p50Ms: report.latency.p50,
    p99Ms: report.latency.p99,
    maxMs: report.latency.max,
    requests: report.requests.total,
    bad: report.non2xx + report.errors + report.timeouts,
    serverCpuMsPerRequest: round3(serverMs / n),
    databaseCpuMsPerRequest: dbMs === null ? null : round3(dbMs / n),
    transactionsPerRequest: xacts === null ? null : round3(xacts / n),
    loadGeneratorCores: round3(cannonMs / 1000 / wallS),
    otherCores: round3(Math.max(0, machineMs - serverMs - (dbMs ?? 0) - cannonMs) / 1000 / wallS),
    window: [from, to],
  };
  const { window: _, ...shown } = measured;
  log(`  ${name}: ${JSON.stringify(shown)}`);
  if (measured.bad > 0)
    log(
      `  ${name}: ${report.non2xx} non-2xx answers, ${report.errors} errors, ${report.timeouts} timeouts: NOT a valid result`,
    );
  if (database && opts.profile) await printStatements(name, database.pool, n);
  return measured;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** pg_stat_statements since the reset before the window: the statements behind each request. */
async function printStatements(name: string, pool: pg.Pool, requests: number): Promise<void> {
  const rows = await pool.query<{ query: string; calls: string; mean: number; total: number; rows: string }>(
    `SELECT query, calls, mean_exec_time AS mean, total_exec_time AS total, rows
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT 15`,
  );
  const all = await pool.query<{ calls: string; total: number }>(
    `SELECT coalesce(sum(calls), 0) AS calls, coalesce(sum(total_exec_time), 0) AS total FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  const sum = all.rows[0];
  log(
    `  ${name}: PostgreSQL ran ${round3(Number(sum?.calls ?? 0) / requests)} statements per request, ${round3((sum?.total ?? 0) / requests)} ms of execution per request; the top ones:`,
  );
  for (const r of rows.rows) {
    log(
      `    ${round3(Number(r.calls) / requests)}/req mean ${round3(r.mean)} ms rows/call ${round3(Number(r.rows) / Math.max(1, Number(r.calls)))}: ${r.query.replace(/\s+/g, ' ').slice(0, 220)}`,
    );
    // How PostgreSQL runs it (EXPLAIN GENERIC_PLAN takes the statement with its $n): the indexes it uses.
    if (Number(r.calls) / requests >= 0.5 && /^\s*(select|with)\b/i.test(r.query))
      try {
        const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (GENERIC_PLAN) ${r.query}`);
        const steps = plan.rows
          .map(
            (p) => /(?:->\s+)?([A-Z][A-Za-z ]+?(?: using \S+)?(?: on \S+)?)\s+\(/.exec(p['QUERY PLAN'])?.[1],
          )
          .filter((x): x is string => x !== undefined);
        log(`      plan: ${steps.join(' / ')}`);
      } catch (err) {
        log(`      plan: not explained (${err instanceof Error ? err.message : String(err)})`);
      }
  }
}

/** What a `.cpuprofile` says about where the CPU went between two monotonic instants (ns). */
const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.optional(z.array(z.number())),
    }),
  ),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url.split('/')[0] === 'node:internal' ? 'node:internal' : url;
  if (url.includes('/dist/')) return 'ensemble (dist)';
  return url;
}

function printProfile(name: string, file: string, window: readonly [bigint, bigint]): void {
  const profile = CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  /** Who called the hottest native function: the first frames above it that are not Node's own. */
  const callersOf = (id: number) => {
    const names: string[] = [];
    for (let p = parents.get(id); p !== undefined && names.length < 4; p = parents.get(p)) {
      const f = nodes.get(p);
      if (f && f.url && !f.url.startsWith('node:'))
        names.push(`${f.functionName || '(anonymous)'} ${bucketOf(f.url, f.functionName)}`);
    }
    return names.join(' < ') || '(node internals only)';
  };
  const byCaller = new Map<string, number>();
  const fromUs = Number(window[0] / 1000n);
  const toUs = Number(window[1] / 1000n);
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromUs || t > toUs) continue;
    const frame = nodes.get(profile.samples[i] ?? -1);
    if (!frame || frame.functionName === '(idle)') continue;
    const next = profile.timeDeltas[i + 1] ?? dt;
    const bucket = bucketOf(frame.url, frame.functionName);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + next);
    const fn = `${frame.functionName || '(anonymous)'} ${bucket === 'ensemble (dist)' ? `${frame.url.replace(/^.*\/dist\//, 'dist/')}:${frame.lineNumber + 1}` : bucket}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + next);
    if (
      frame.functionName === 'writev' ||
      frame.functionName === 'writeBuffer' ||
      frame.functionName === 'writeUtf8String'
    ) {
      const caller = `${frame.functionName} < ${callersOf(profile.samples[i] ?? -1)}`;
      byCaller.set(caller, (byCaller.get(caller) ?? 0) + next);
    }
    total += next;
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([key, us]) => `${((us / Math.max(1, total)) * 100).toFixed(1)}% ${key}`);
  log(
    `  ${name}: app CPU in the window (${Math.round(total / 1000)} ms sampled, idle excluded), by package:`,
  );
  for (const line of top(byBucket, 14)) log(`    ${line}`);
  log(`  ${name}: by function (self time):`);
  for (const line of top(byFunction, 25)) log(`    ${line}`);
  log(`  ${name}: socket writes by caller:`);
  for (const line of top(byCaller, 6)) log(`    ${line}`);
}

async function signIn(base: string, password: string): Promise<{ cookie: string; groupId: string }> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'teacher1@demo.ensemble.test', password }),
  });
  if (!res.ok) throw new Error(`sign-in -> ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const groups = await fetch(`${base}/api/groups`, { headers: { cookie } });
  const list = z
    .object({ items: z.array(z.object({ id: z.string(), kind: z.string() })) })
    .parse(await groups.json()).items;
  const team = list.find((g) => g.kind === 'teacher_team');
  if (!team) throw new Error('the demo teacher has no teacher team');
  return { cookie, groupId: team.id };
}

/** Builds the app of `ref` in a git worktree under `work` (node_modules shared): its root directory. */
function checkoutOf(ref: string, work: string): string {
  const dir = join(work, 'before');
  const run = (cmd: string, args: string[], cwd: string) => {
    const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  };
  run('git', ['worktree', 'add', '--detach', dir, ref], root);
  cleanups.push(() => {
    spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
    return Promise.resolve();
  });
  // Its own dependencies when they differ from ours (npm's cache has them), else ours.
  if (
    readFileSync(join(dir, 'package-lock.json'), 'utf8') ===
    readFileSync(join(root, 'package-lock.json'), 'utf8')
  )
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  else run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  run(process.execPath, [join(dir, 'scripts/build.mjs'), '--server-only'], dir);
  return dir;
}

/**
 * One app (the repository's build, or an earlier commit's under `appRoot`) on its own fresh PostgreSQL with the
 * demo district: `me` and `team` measured.
 */
async function runApp(
  name: string,
  appRoot: string,
  opts: Options,
  work: string,
): Promise<{ me: Measured; team: Measured }> {
  log(`${name}: ${appRoot === root ? '' : `${appRoot}/`}dist/cli/main.js serve --demo`);
  const dir = mkdtempSync(join(work, 'app-'));
  chmodSync(dir, 0o755);
  let databaseUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | null = null;
  if (!databaseUrl) {
    const start = () =>
      startEmbeddedPostgres({
        dataDir: join(dir, 'pg-data'),
        log: { info: () => undefined, warn: log, error: log },
      });
    embedded = await start();
    if (opts.profile) {
      // pg_stat_statements must be preloaded: set it, then restart.
      const admin = new pg.Client({ connectionString: embedded.connectionString });
      await admin.connect();
      await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
      await admin.end();
      await embedded.stop();
      embedded = await start();
    }
    databaseUrl = embedded.connectionString;
  } else if (opts.beforeRef) throw new Error('--before needs the embedded PostgreSQL (unset DATABASE_URL)');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', (err) => {
    log(`  bench pool: ${err.message}`);
  });
  if (opts.profile) await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profDir = join(dir, 'prof');
  const server = await startChild(
    name,
    [
      ...opts.serverFlags,
      ...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
      join(appRoot, 'dist/cli/main.js'),
      'serve',
      '--demo',
    ],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(dir, 'app-data'),
      LOG_LEVEL: 'warn',
      // One address sends everything here; the limit is counted, not reached.
      RATE_LIMIT_PER_MINUTE: '10000000',
    },
    join(dir, 'app.log'),
    (out) => /password for this run: \S+/.test(out),
    120_000,
    appRoot,
  );
  try {
    await healthy(base, 60_000);
    const password = /password for this run: (\S+)/.exec(server.output())?.[1] ?? '';
    const { cookie, groupId } = await signIn(base, password);
    const browser = {
      cookie,
      accept: 'application/json',
      'accept-language': 'en-US,en;q=0.9',
      'accept-encoding': 'gzip, deflate, br, zstd',
    };
    const database = { postmaster: embedded ? postmasterOf(embedded.clusterDir) : null, pool };
    const serverPid = server.child.pid ?? 0;
    const me = await measure(`${name} me`, `${base}/api/auth/me`, browser, opts, serverPid, database);
    const team = await measure(
      `${name} team`,
      `${base}/api/groups/${groupId}/home`,
      browser,
      opts,
      serverPid,
      database,
    );
    await stopChild(server.child);
    if (opts.profile) {
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error('the app wrote no CPU profile');
      printProfile(`${name} me`, join(profDir, file), me.window);
      printProfile(`${name} team`, join(profDir, file), team.window);
    }
    return { me, team };
  } finally {
    await stopChild(server.child);
    await pool.end();
    await embedded?.stop();
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'ensemble-bench-api-'));
  // As root, the embedded PostgreSQL runs as `postgres` and must traverse the directory.
  chmodSync(work, 0o755);
  cleanups.push(() => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    return Promise.resolve();
  });
  log(
    `bench:api on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' ',
      )}, servers run with ${opts.serverFlags.join(' ') || 'no Node flags'}, ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.seconds} s per target${opts.profile ? ', PROFILING (slower)' : ''}`,
  );

  log('hello: bare Fastify');
  const hello = await startChild(
    'hello',
    [...opts.serverFlags, join(root, 'bench/.out/hello-server.mjs')],
    { PORT: '0' },
    join(work, 'hello.log'),
    (out) => /listening \d+/.test(out),
  );
  const helloPort = Number(/listening (\d+)/.exec(hello.output())?.[1]);
  const helloResult = await measure(
    'hello',
    `http://127.0.0.1:${helloPort}/`,
    { accept: 'application/json' },
    opts,
    hello.child.pid ?? 0,
    null,
  );
  await stopChild(hello.child);

  const before = opts.beforeRef
    ? await runApp(`before (${opts.beforeRef})`, checkoutOf(opts.beforeRef, work), opts, work)
    : null;
  const { me, team } = await runApp('app', root, opts, work);
  const valid =
    helloResult.bad === 0 &&
    me.bad === 0 &&
    team.bad === 0 &&
    (before ? before.me.bad === 0 && before.team.bad === 0 : true);
  const ratio = (x: number) => (helloResult.rps > 0 ? round3(x / helloResult.rps) : null);
  const headline = {
    hello_rps: helloResult.rps,
    me_rps: me.rps,
    team_rps: team.rps,
    me_p99_ms: me.p99Ms,
    team_p99_ms: team.p99Ms,
    ratio_me: ratio(me.rps),
    ratio_team: ratio(team.rps),
    me_cpu_ms: me.serverCpuMsPerRequest,
    team_cpu_ms: team.serverCpuMsPerRequest,
    me_db_cpu_ms: me.databaseCpuMsPerRequest,
    team_db_cpu_ms: team.databaseCpuMsPerRequest,
    connections: opts.connections,
    seconds: opts.seconds,
    profiled: opts.profile,
    ...(before
      ? {
          before_ref: opts.beforeRef,
          before_me_rps: before.me.rps,
          before_team_rps: before.team.rps,
          before_me_p99_ms: before.me.p99Ms,
          before_team_p99_ms: before.team.p99Ms,
          before_ratio_me: ratio(before.me.rps),
          before_ratio_team: ratio(before.team.rps),
        }
      : {}),
    valid,
  };
  process.stdout.write(`${JSON.stringify(headline)}\n`);
  if (!valid) process.exitCode = 1;
}

async function cleanup(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
}

main()
  .catch((err: unknown) => {
    log(`bench:api failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    void cleanup().then(async () => {
      await sleep(10);
    });
  });
