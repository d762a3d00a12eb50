import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { RunAs } from './child-process';

/**
 * The first of `path` and its ancestors that `runAs` cannot traverse, or undefined when all can be.
 * Decided from mode bits for the user and its primary group only: Node's spawn with a uid drops the
 * supplementary groups, so those never help the postgres process.
 */
export async function firstUntraversable(path: string, runAs: RunAs): Promise<string | undefined> {
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let info;
    try {
      info = await stat(dir);
    } catch {
      // Not created yet: whoever creates it decides its mode.
      continue;
    }
    const bit = info.uid === runAs.uid ? 0o100 : info.gid === runAs.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return dir;
  }
  return undefined;
}
