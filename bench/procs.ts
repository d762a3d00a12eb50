/** CPU time of processes from /proc (Linux), to tell where a benchmark's CPU went. */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const TICKS_PER_S = 100; // USER_HZ on Linux

function statOf(pid: number): { ppid: number; cpuMs: number; reapedMs: number } | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
    // cutime + cstime: children that exited and were waited for (backends that ended).
    const reapedMs = ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_S;
    return { ppid, cpuMs, reapedMs };
  } catch {
    return null;
  }
}

/** CPU ms used so far by `pid` alone (its threads included). */
export function cpuMsOf(pid: number): number {
  return statOf(pid)?.cpuMs ?? 0;
}

/** The postmaster serving `clusterDir`, found by its command line (`postgres -D <clusterDir> ...`). */
export function postmasterOf(clusterDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const d = cmd.indexOf('-D');
      if (d >= 0 && cmd[d + 1] === clusterDir && (cmd[0] ?? '').endsWith('postgres')) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU ms of a process and its children, living or ended (a postmaster and its backends). */
export function cpuMsWithChildren(pid: number): number {
  const own = statOf(pid);
  let total = own ? own.cpuMs + own.reapedMs : 0;
  for (const entry of readdirSync('/proc')) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const st = statOf(child);
    if (st?.ppid === pid) total += st.cpuMs;
  }
  return total;
}

/**
 * The whole machine's CPU time so far by state, in ticks (all cores, the first line of /proc/stat): user, nice,
 * system, idle, iowait, irq, softirq, steal. Empty where there is no /proc/stat.
 */
export function machineCpuTicks(): number[] {
  try {
    return (
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1, 9).map(Number) ?? []
    );
  } catch {
    return [];
  }
}

/** CPU ms the whole machine has spent busy (all cores, from /proc/stat): to tell how much went to other processes. */
export function machineBusyMs(): number {
  // Busy = every state but idle (3) and iowait (4).
  const busy = machineCpuTicks().reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
  return (busy * 1000) / TICKS_PER_S;
}

/** A TCP port free on 127.0.0.1 right now, for an app or server a benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}
