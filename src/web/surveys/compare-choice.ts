/**
 * MEASURE-WEB-7: which waves a reader may compare, and which two the comparison shows. Two waves compare when both
 * are closed, the reader may read both reports, and both asked the same questions (the instrument's slug and
 * version, as the server checks, MEASURE-REPORT-5). The earlier of the two is always "before".
 */
import type { WaveSummary } from '#contracts/surveys';
import { sameGroupAt } from '#core/measure/same-group';

export interface WavePair {
  before: WaveSummary;
  after: WaveSummary;
  /** Every wave either side may be, oldest first (both of the pair among them). */
  comparable: readonly WaveSummary[];
}

/** Oldest first: by the day it opened, then the day it closed. */
export function byTime(a: WaveSummary, b: WaveSummary): number {
  return (
    a.opensOn.localeCompare(b.opensOn) || a.closesOn.localeCompare(b.closesOn) || a.id.localeCompare(b.id)
  );
}

function sameQuestions(a: WaveSummary, b: WaveSummary): boolean {
  return a.instrument.slug === b.instrument.slug && a.instrument.version === b.instrument.version;
}

function readable(waves: readonly WaveSummary[]): WaveSummary[] {
  return waves.filter((w) => w.status === 'closed' && w.abilities.report);
}

/**
 * The closed waves the reader may read that asked the same questions as `wave` of the same people at `at`
 * (MEASURE-REPORT-8; it included), oldest first.
 */
export function comparableWaves(
  waves: readonly WaveSummary[],
  wave: WaveSummary,
  at = 'district',
): WaveSummary[] {
  return readable(waves)
    .filter((w) => sameQuestions(w, wave) && sameGroupAt(w.scope, wave.scope, at))
    .sort(byTime);
}

/**
 * The pair a wave's results page offers: the wave with the latest comparable wave before it, or, when it is the
 * first, with the next one after it; null when there is no other wave to compare it with.
 */
export function defaultPair(waves: readonly WaveSummary[], waveId: string, at = 'district'): WavePair | null {
  const wave = readable(waves).find((w) => w.id === waveId);
  if (!wave) return null;
  const comparable = comparableWaves(waves, wave, at);
  const index = comparable.findIndex((w) => w.id === wave.id);
  const earlier = comparable[index - 1];
  if (earlier) return { before: earlier, after: wave, comparable };
  const later = comparable[index + 1];
  return later ? { before: wave, after: later, comparable } : null;
}

/**
 * The pair the comparison page shows for its query: the two waves asked for when they compare (in time order
 * whichever way they were given); else the default pair of the one that is readable; else the newest wave that
 * has another to compare with. Null when the reader has no two waves to compare.
 */
export function chosenPair(
  waves: readonly WaveSummary[],
  before: string | null,
  after: string | null,
  at = 'district',
): WavePair | null {
  const closed = readable(waves);
  const a = closed.find((w) => w.id === after);
  const b = closed.find((w) => w.id === before);
  if (a && b && a.id !== b.id && sameQuestions(a, b) && sameGroupAt(a.scope, b.scope, at)) {
    const [first, second] = byTime(a, b) <= 0 ? [a, b] : [b, a];
    return { before: first, after: second, comparable: comparableWaves(waves, a, at) };
  }
  const anchor = a ?? b;
  const anchored = anchor ? defaultPair(waves, anchor.id, at) : null;
  if (anchored) return anchored;
  for (const wave of [...closed].sort(byTime).reverse()) {
    const pair = defaultPair(waves, wave.id, at);
    if (pair) return pair;
  }
  return null;
}

/** The comparison page's address for a pair, at a group and a role filter (the defaults left out). */
export function compareHref(pair: { before: string; after: string }, at: string, role: string): string {
  const query = new URLSearchParams({ before: pair.before, after: pair.after });
  if (at !== 'district') query.set('at', at);
  if (role !== 'all') query.set('role', role);
  return `/surveys/compare?${query.toString()}`;
}

const AT = /^(district|(school|team):[0-9a-f-]{36})$/;

/** The group of a `?at=` (the district when missing or malformed), as the results page reads it. */
export function reportAt(value: string | null): string {
  return value !== null && AT.test(value) ? value : 'district';
}

/** The role filter of a `?role=` (all answers when missing or unknown). */
export function reportRole(value: string | null): 'all' | 'staff' | 'leader' {
  return value === 'staff' || value === 'leader' ? value : 'all';
}
