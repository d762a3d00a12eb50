/**
 * `bench:live --probe` preloads this into the app (`node --import`): every 2 s it writes one line to stderr
 * (the app's log) with the app's event-loop delay, its GC pauses, the whole machine's CPU by state (% of all
 * cores; the app's own share in % of one core), the machine's pressure-stall totals (Linux PSI: ms in which
 * some task waited for a CPU, or for I/O), and the latency of its PostgreSQL statements by first word (the
 * group commit's append is the `WITH` statement), from the app's point of view (so a busy event loop shows in
 * them too). bench/live.ts prints the lines of the measured window. Diagnostic only: it wraps pg's
 * `Client.prototype.query`, which the app itself never does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { machineCpuTicks } from './procs';

type Query = (this: unknown, ...args: unknown[]) => unknown;
// The app is started with the repository as its working directory: the same `pg` it loads.
const pg = createRequire(join(process.cwd(), 'package.json'))('pg') as {
  Client: { prototype: { query: Query } };
};

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
/**
 * PROBE_TIMELINE=1: also one line for every major GC (its start, wall clock in ms) and for every time a 10-ms
 * timer fired more than 40 ms late (when it should have fired), so a stall can be set beside the GC.
 */
const TIMELINE = process.env.PROBE_TIMELINE === '1';
/** GC pauses by kind: scavenges of the young generation, and the rest (mark-compact and its incremental steps). */
const gc = { minor: { n: 0, ms: 0, max: 0 }, major: { n: 0, ms: 0, max: 0 } };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
    const g = detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? gc.minor : gc.major;
    g.n++;
    g.ms += entry.duration;
    g.max = Math.max(g.max, entry.duration);
    if (TIMELINE && g === gc.major)
      process.stderr.write(
        `probe-timeline gc at=${(performance.timeOrigin + entry.startTime).toFixed(1)} ms=${entry.duration.toFixed(1)} kind=${detail?.kind ?? '?'}\n`,
      );
  }
}).observe({ entryTypes: ['gc'] });

if (TIMELINE) {
  let due = performance.now() + 10;
  setInterval(() => {
    const now = performance.now();
    const late = now - due;
    if (late > 40)
      process.stderr.write(
        `probe-timeline stall at=${(performance.timeOrigin + due).toFixed(1)} late=${late.toFixed(1)}\n`,
      );
    due = now + 10;
  }, 10).unref();
}

const statements = new Map<string, number[]>();
/** The first word, and for a SELECT what it reads or calls (a cross-node flush is `SELECT:pg_notify`). */
function kindOf(text: string): string {
  const words = text.trimStart().split(/\s+/);
  const first = (words[0] ?? '').toUpperCase();
  if (first !== 'SELECT') return first;
  const from = /\bfrom\s+"?([a-z_]+)"?/i.exec(text)?.[1];
  const call = /^\s*select\s+([a-z_]+)\(/i.exec(text)?.[1];
  return `SELECT:${call ?? from ?? '?'}`;
}
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const config = args[0];
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  const kind = typeof text === 'string' ? kindOf(text) : '';
  if (!kind) return query.apply(this, args);
  const began = performance.now();
  const done = () => {
    const list = statements.get(kind) ?? [];
    list.push(performance.now() - began);
    statements.set(kind, list);
  };
  // pg.Pool#query passes a callback (then no promise comes back); a direct client.query returns a promise.
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function') {
    args[last] = (...answer: unknown[]) => {
      done();
      return (callback as (...a: unknown[]) => unknown)(...answer);
    };
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  if (result instanceof Promise) result.then(done, () => undefined);
  return result;
};

/** The whole machine's CPU time by state (/proc/stat, in ticks) and its pressure stall totals (µs), where Linux has them. */
function machine(): { cpu: number[]; pressure: number[] } {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const cpu = machineCpuTicks();
  const total = (file: string, line: string) =>
    Number(new RegExp(`^${line} .*total=(\\d+)`, 'm').exec(read(file))?.[1] ?? NaN);
  const pressure = [
    total('/proc/pressure/cpu', 'some'),
    total('/proc/pressure/io', 'some'),
    total('/proc/pressure/io', 'full'),
    total('/proc/pressure/memory', 'some'),
  ];
  return { cpu, pressure };
}
let lastMachine = machine();
let lastCpu = process.cpuUsage();

/** The 2 s just gone, machine-wide: % of all cores by state, the app's own CPU, and the stall totals in ms. */
function machineLine(): string {
  const now = machine();
  const d = now.cpu.map((v, i) => v - (lastMachine.cpu[i] ?? 0));
  const sum = d.reduce((a, b) => a + b, 0) || 1;
  const share = (...states: number[]) =>
    ((100 * states.reduce((a, i) => a + (d[i] ?? 0), 0)) / sum).toFixed(0);
  const stall = now.pressure.map((v, i) => ((v - (lastMachine.pressure[i] ?? 0)) / 1000).toFixed(0));
  const cpuNow = process.cpuUsage();
  const ownUs = cpuNow.user - lastCpu.user + cpuNow.system - lastCpu.system;
  lastMachine = now;
  lastCpu = cpuNow;
  return (
    `cpu% user=${share(0, 1)} sys=${share(2, 5, 6)} iowait=${share(4)} steal=${share(7)} idle=${share(3)} ` +
    `app=${(ownUs / 20_000).toFixed(0)} ` +
    `stall-ms cpu=${stall[0]} io=${stall[1]}/${stall[2]} mem=${stall[3]}`
  );
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;
const ms = (ns: number) => (ns / 1e6).toFixed(1);

setInterval(() => {
  const parts = [...statements].map(([kind, list]) => {
    const sorted = list.sort((a, b) => a - b);
    return `${kind} n=${sorted.length} p50=${pct(sorted, 50).toFixed(1)} p99=${pct(sorted, 99).toFixed(1)} max=${pct(sorted, 100).toFixed(1)}`;
  });
  process.stderr.write(
    `probe at=${Date.now()} loop p50=${ms(loop.percentile(50))} p99=${ms(loop.percentile(99))} max=${ms(loop.max)} ` +
      `gc minor n=${gc.minor.n} ms=${gc.minor.ms.toFixed(0)} max=${gc.minor.max.toFixed(1)} ` +
      `major n=${gc.major.n} ms=${gc.major.ms.toFixed(0)} max=${gc.major.max.toFixed(1)} ${machineLine()}` +
      `${parts.length ? ` | ${parts.join(' | ')}` : ''}\n`,
  );
  loop.reset();
  for (const g of [gc.minor, gc.major]) {
    g.n = 0;
    g.ms = 0;
    g.max = 0;
  }
  statements.clear();
}, 2_000).unref();
