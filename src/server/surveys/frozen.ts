/**
 * What never changes about a wave, parsed once per process and kept within bounds (least recently used first
 * out). A wave's frame and instrument, parsed once per process. Both are written when the wave is launched and never
 * updated (ADR 0029: the frame is the launch's, the instrument a frozen copy), so the parse of a wave id's row
 * stays right for as long as the wave exists. A district of 5,000 teams has a frame of some 10,000 entries (about
 * 1 MB of JSON): loading and validating it on every report took most of a report's time (bench:report).
 * Bounded: the least recently used waves go first once the entries held pass `MAX_WEIGHT`.
 */
import type { Instrument } from '#contracts/instrument';
import type { FrozenCell, SummaryCell, WaveFrame } from '#contracts/surveys';

export interface FrozenParts {
  frame?: WaveFrame;
  instrument?: Instrument;
  /** How many answered a closed wave: final, since no answer is taken once closed (`lockOpenWave`, routes.ts). */
  responses?: number;
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

/**
 * A closed wave's frozen cells at one node and role filter, parsed: the node's own cell whole (its comments are
 * paged from here, MEASURE-REPORT-7) and the cells under it as summaries, sorted by name (ADR 0031). They were frozen at
 * close and are never recomputed (ADR 0029), so reading and validating them again would only redo the same work.
 * Who may see which of them is decided on every request, after this.
 */
export interface FrozenAt {
  own: FrozenCell | null;
  children: readonly SummaryCell[];
}

const MAX_CELL_WEIGHT = 200_000;
const reports = new Map<string, { cells: FrozenAt; weight: number }>();
let cellWeight = 0;

/** Roughly the values held: the own cell's numbers and comments, and each summary's constructs. */
const cellWeightOf = ({ own, children }: FrozenAt) =>
  1 +
  (own?.status === 'shown' ? own.items.length + own.constructs.length + own.freeText.length : 0) +
  children.reduce((sum, c) => sum + 1 + (c.status === 'shown' ? c.constructs.length : 0), 0);

const reportKey = (waveId: string, at: string, role: string) => `${waveId}|${at}|${role}`;

export function frozenCells(waveId: string, at: string, role: string): FrozenAt | undefined {
  const key = reportKey(waveId, at, role);
  const found = reports.get(key);
  if (!found) return undefined;
  reports.delete(key);
  reports.set(key, found);
  return found.cells;
}

export function rememberCells(waveId: string, at: string, role: string, cells: FrozenAt): void {
  const key = reportKey(waveId, at, role);
  const before = reports.get(key);
  if (before) cellWeight -= before.weight;
  reports.delete(key);
  const weight = cellWeightOf(cells);
  reports.set(key, { cells, weight });
  cellWeight += weight;
  for (const [k, entry] of reports) {
    if (cellWeight <= MAX_CELL_WEIGHT || k === key) break;
    reports.delete(k);
    cellWeight -= entry.weight;
  }
}
