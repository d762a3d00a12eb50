/**
 * A wave's frame and instrument, parsed once per process. Both are written when the wave is launched and never
 * updated (ADR 0029: the frame is the launch's, the instrument a frozen copy), so the parse of a wave id's row
 * stays right for as long as the wave exists. A district of 5,000 teams has a frame of some 10,000 entries (about
 * 1 MB of JSON): loading and validating it on every report took most of a report's time (bench:report).
 * Bounded: the least recently used waves go first once the entries held pass `MAX_WEIGHT`.
 */
import type { Instrument } from '#contracts/instrument';
import type { WaveFrame } from '#contracts/surveys';

export interface FrozenParts {
  frame?: WaveFrame;
  instrument?: Instrument;
}

/** Frame entries (units and atoms) held at most, over all waves: some 20 MB of parsed objects. */
const MAX_WEIGHT = 100_000;

const parts = new Map<string, FrozenParts>();
let weight = 0;

const weightOf = (p: FrozenParts) =>
  1 + (p.frame ? p.frame.units.length + p.frame.invited.length : 0) + (p.instrument?.items.length ?? 0);

/** The parts of a wave parsed so far (and marks the wave as recently used). */
export function frozenParts(waveId: string): FrozenParts | undefined {
  const found = parts.get(waveId);
  if (found) {
    parts.delete(waveId);
    parts.set(waveId, found);
  }
  return found;
}

export function rememberFrozen(waveId: string, part: FrozenParts): void {
  const before = parts.get(waveId);
  if (before) weight -= weightOf(before);
  parts.delete(waveId);
  const now = { ...before, ...part };
  parts.set(waveId, now);
  weight += weightOf(now);
  for (const [id, p] of parts) {
    if (weight <= MAX_WEIGHT || id === waveId) break;
    parts.delete(id);
    weight -= weightOf(p);
  }
}
