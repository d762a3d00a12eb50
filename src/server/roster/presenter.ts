import type { Language } from '#contracts/auth';
import { translate } from '../i18n/translate';
import type { RosterPreview } from '#contracts/roster';
import type { Computed } from './import';

/** The preview lists at most this many changes; the counts are complete. */
const PREVIEW_CHANGES_MAX = 500;

/**
 * ROSTER-PREVIEW-1: counts, the first changes, every problem, and the plan's hash the commit must match; the
 * problems in the request's language (I18N-SRV-3).
 */
export function presentPreview(c: Computed, language: Language = 'en'): RosterPreview {
  return {
    version: c.version,
    mode: c.mode,
    counts: c.result.counts,
    changes: c.result.changes.slice(0, PREVIEW_CHANGES_MAX),
    problems: c.result.problems.map((p) => ({ ...p, message: translate(p.message, language) })),
    ok: c.ok,
    planHash: c.planHash,
  };
}
