import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * What we can learn about a pid. `kill(pid, 0)` is not enough: this machine's PID 1 reaps late, so a dead
 * postmaster lingers as a zombie that still "exists"; and pids are reused (pid_max can be as low as 32768).
 */
export interface ProcessFacts {
  pid: number;
  /** A zombie has exited; only its process-table entry is left. */
  zombie: boolean;
  /** The executable (Linux only): tells a postgres or node process from whatever reused the pid. */
  exe: string | undefined;
  /** The working directory (Linux only): a postmaster's cwd is its data directory. */
  cwd: string | undefined;
  /** The command line, for platforms without /proc. */
  command: string | undefined;
  /** Start time in clock ticks since boot (Linux only): identifies a process across pid reuse. */
  startTicks: string | undefined;
}

const hasProc = existsSync('/proc/self/stat');

/** Facts about `pid`, or undefined when no such process exists (not even as a zombie). */
export function inspectProcess(pid: number): ProcessFacts | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return hasProc ? inspectViaProc(pid) : inspectViaPs(pid);
}

/** True when `pid` is a process that has not exited. */
export function isRunning(pid: number): boolean {
  const facts = inspectProcess(pid);
  return facts !== undefined && !facts.zombie;
}

export function ownStartTicks(): string | undefined {
  return hasProc ? inspectViaProc(process.pid)?.startTicks : undefined;
}

function inspectViaProc(pid: number): ProcessFacts | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name in parentheses may itself contain spaces and parentheses: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0] ?? '';
  return {
    pid,
    zombie: state === 'Z' || state === 'X',
    exe: readLink(`/proc/${pid}/exe`)?.replace(/ \(deleted\)$/, ''),
    cwd: readLink(`/proc/${pid}/cwd`),
    command: readCommand(pid),
    // Field 22 of /proc/PID/stat; `fields` starts at field 3.
    startTicks: fields[19],
  };
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function readCommand(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

function inspectViaPs(pid: number): ProcessFacts | undefined {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'stat=', '-o', 'command=', '-p', String(pid)], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
  if (out === '') return undefined;
  const space = out.indexOf(' ');
  const state = space === -1 ? out : out.slice(0, space);
  return {
    pid,
    zombie: state.startsWith('Z'),
    exe: undefined,
    cwd: undefined,
    command: space === -1 ? '' : out.slice(space + 1).trim(),
    startTicks: undefined,
  };
}
