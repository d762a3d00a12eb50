import type { RosterPreview } from '#contracts/roster';
import type { Computed } from './import';

/** The preview lists at most this many changes; the counts are complete. */
const PREVIEW_CHANGES_MAX = 500;

/** ROSTER-PREVIEW-1: counts, the first changes, every problem, and the plan's hash the commit must match. */
export function presentPreview(c: Computed): RosterPreview {
  return {
    version: c.version,
    mode: c.mode,
    counts: c.result.counts,
    changes: c.result.changes.slice(0, PREVIEW_CHANGES_MAX),
    problems: c.result.problems,
    ok: c.ok,
    planHash: c.planHash,
  };
}
