/**
 * The order test files start in (vitest.config.ts `sequence.sequencer`): the longest first, from the seconds each
 * file took in a full run on the two-core CI (`test/timings.json`, written by `npm run test:timings`). Vitest's own
 * order needs its result cache, which a clean clone does not have: it then starts the largest files first, and a
 * one-test file that waits a minute for a network cut or twenty restarts started last and ran on alone
 * (ADR 0036). Each worker takes the next file when it is free, so longest-first keeps the workers' ends close.
 * A file not in the list yet is taken as one of median length.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** `<project>:<path from the repository root>` -> seconds. */
export type Timings = Readonly<Record<string, number>>;

export function readTimings(): Timings {
  const parsed: unknown = JSON.parse(readFileSync(new URL('./timings.json', import.meta.url), 'utf8'));
  const timings: Record<string, number> = {};
  if (parsed && typeof parsed === 'object')
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'number') timings[key] = value;
  return timings;
}

/** The files in longest-first order; ties and unknown files keep the order they came in. */
export function longestFirst<T>(files: readonly T[], keyOf: (file: T) => string, timings: Timings): T[] {
  const known = Object.values(timings).sort((a, b) => a - b);
  const median = known.length > 0 ? (known[Math.floor(known.length / 2)] ?? 0) : 0;
  const seconds = (file: T) => timings[keyOf(file)] ?? median;
  return files
    .map((file, index) => ({ file, index, seconds: seconds(file) }))
    .sort((a, b) => b.seconds - a.seconds || a.index - b.index)
    .map(({ file }) => file);
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const root = this.ctx.config.root;
    return longestFirst(
      base,
      (spec) => `${spec.project.name}:${relative(root, spec.moduleId)}`,
      readTimings(),
    );
  }
}
