/**
 * Test support (imported by *.test.ts only, never by production code): the attacker of ADR 0028 as exact linear
 * algebra, independent of how `planReport` decides (MEASURE-ANON-11).
 *
 * Every shown result is a row: the 0/1 indicator of its respondents over the non-empty atoms (empty atoms are known
 * to be 0 and drop out). Adding and subtracting shown totals (n, sums, counts) yields exactly the combinations in
 * the rows' span over the rationals, so a group of atoms is exposed iff its indicator lies in the row space. The
 * row space is kept in reduced row echelon form with bigint entries: no floating point anywhere.
 */
import { aggregateStatus, type AtomKey, type ReportPlan } from './suppression';

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

interface BasisRow {
  pivot: number;
  /** Dense, integer, divided by the gcd of its entries, pivot entry > 0. */
  row: bigint[];
}

/** `a * ka - b * kb`, entry by entry. */
const combine = (a: readonly bigint[], ka: bigint, b: readonly bigint[], kb: bigint): bigint[] =>
  a.map((x, i) => x * ka - (b[i] ?? 0n) * kb);

function normalized(row: bigint[], pivot: number): bigint[] {
  let g = 0n;
  for (const x of row) g = gcd(g, x);
  const sign = (row[pivot] ?? 0n) < 0n ? -1n : 1n;
  return g <= 1n && sign === 1n ? row : row.map((x) => (x * sign) / g);
}

/** The span over the rationals of 0/1 rows over `columns` columns. */
export class RowSpace {
  private readonly basis: BasisRow[] = [];

  constructor(readonly columns: number) {}

  get rank(): number {
    return this.basis.length;
  }

  private indicator(support: readonly number[]): bigint[] {
    const v = new Array<bigint>(this.columns).fill(0n);
    for (const c of support) {
      if (!Number.isInteger(c) || c < 0 || c >= this.columns) throw new RangeError(`no column ${c}`);
      v[c] = 1n;
    }
    return v;
  }

  /** `v` minus its projection on the basis: all zeros iff `v` is in the span. */
  private reduce(v: bigint[]): bigint[] {
    let r = v;
    for (const { pivot, row } of this.basis) {
      const k = r[pivot] ?? 0n;
      if (k !== 0n) r = combine(r, row[pivot] ?? 1n, row, k);
    }
    return r;
  }

  /** Adds the row whose 1s are at `support`; true when it raised the rank. */
  add(support: readonly number[]): boolean {
    const r = this.reduce(this.indicator(support));
    const pivot = r.findIndex((x) => x !== 0n);
    if (pivot < 0) return false;
    const fresh = normalized(r, pivot);
    const p = fresh[pivot] ?? 1n;
    for (const b of this.basis) {
      const k = b.row[pivot] ?? 0n;
      if (k !== 0n) b.row = normalized(combine(b.row, p, fresh, k), b.pivot);
    }
    this.basis.push({ pivot, row: fresh });
    return true;
  }

  /** Whether the group of columns `support` (its 0/1 indicator) is a rational combination of the rows. */
  contains(support: readonly number[]): boolean {
    if (support.length === 0) return true;
    const v = this.indicator(support);
    // Reduced form: other rows are 0 at a pivot, so only rows whose pivot is in the group can take part, and a
    // group holding no pivot is not in the span.
    if (!this.basis.some((b) => v[b.pivot] === 1n)) return false;
    return this.reduce(v).every((x) => x === 0n);
  }
}

/**
 * The first group (column indexes, ascending) whose total respondents is between 1 and `threshold - 1` and which the
 * rows determine, or undefined. `counts[c] >= 1` for every column, so such a group has at most `threshold - 1`
 * columns; every one of them is tried.
 */
export function smallDerivableGroup(
  space: RowSpace,
  counts: readonly number[],
  threshold: number,
): number[] | undefined {
  if (counts.some((n) => !Number.isSafeInteger(n) || n < 1))
    throw new RangeError('columns are non-empty atoms');
  const group: number[] = [];
  const search = (from: number, total: number): number[] | undefined => {
    for (let c = from; c < counts.length; c += 1) {
      const n = counts[c] ?? 0;
      if (total + n >= threshold) continue;
      group.push(c);
      if (space.contains(group)) return [...group];
      const found = search(c + 1, total + n);
      if (found) return found;
      group.pop();
    }
    return undefined;
  };
  return search(0, 0);
}

/** What an attacker sees of a plan: the non-empty atoms (columns), their counts, and each shown result as a row. */
export interface AttackerView {
  atoms: AtomKey[];
  counts: number[];
  rows: number[][];
}

/**
 * Rows for every shown cell of `plan`, plus every ad-hoc union in `adHoc` that `aggregateStatus` shows (the
 * union of all a viewer, or all viewers together, can ever be given).
 */
export function attackerView<R extends string>(
  plan: ReportPlan<R>,
  adHoc: readonly (readonly AtomKey[])[] = [],
): AttackerView {
  const atoms = [...plan.counts]
    .filter(([, n]) => n > 0)
    .map(([atom]) => atom)
    .sort();
  const column = new Map(atoms.map((atom, i) => [atom, i]));
  const rowOf = (set: readonly AtomKey[]): number[] =>
    [...new Set(set)].flatMap((atom) => {
      const c = column.get(atom);
      return c === undefined ? [] : [c];
    });
  const shown = [
    ...plan.cells.filter((cell) => cell.status === 'shown').map((cell) => cell.atoms),
    ...adHoc.filter((set) => aggregateStatus(plan, set).status === 'shown'),
  ];
  return { atoms, counts: atoms.map((atom) => plan.counts.get(atom) ?? 0), rows: shown.map(rowOf) };
}

/** The first group of fewer than `plan.threshold` respondents the attacker can isolate (its atoms), or undefined. */
export function leakOf<R extends string>(
  plan: ReportPlan<R>,
  adHoc: readonly (readonly AtomKey[])[] = [],
): AtomKey[] | undefined {
  const view = attackerView(plan, adHoc);
  const space = new RowSpace(view.atoms.length);
  for (const row of view.rows) space.add(row);
  const group = smallDerivableGroup(space, view.counts, plan.threshold);
  return group?.flatMap((c) => view.atoms[c] ?? []);
}
