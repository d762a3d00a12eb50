// Helpers shared by this folder's tests (not used by the app).
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisorLog } from './supervisor-log';

export interface RecordingLog extends SupervisorLog {
  readonly lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (msg) => lines.push(`info: ${msg}`),
    warn: (msg) => lines.push(`warn: ${msg}`),
    error: (msg) => lines.push(`error: ${msg}`),
  };
}

/** A fresh directory under TMPDIR; mkdtemp makes it 0700, which as root hides it from the postgres user. */
export async function tempDir(prefix: string, mode: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, mode);
  return dir;
}

/** Pids of running processes whose command line mentions `clusterDir` (the postmaster's `-D <dir>`). */
export function postgresProcessesFor(clusterDir: string): number[] {
  const result = spawnSync('pgrep', ['-f', clusterDir], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
}
