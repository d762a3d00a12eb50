/**
 * The candidate graph of colleague matching (MATCH-2, MATCH-3, MATCH-6; ADR 0033): which pairs may be proposed
 * at all, and the few best of them per person that the matcher chooses from, found without scoring all n^2 pairs.
 *
 * A pair is allowed when the two are in different districts, in different regions if either asked for that,
 * not a forbidden pair (a previous partner), and fit at least `MIN_FIT`. Frozen people (already paired) are not
 * in the pool at all: `rematch` leaves them out.
 *
 * Candidates: each person scans, within a budget of `scanBudget` scores, first the people who offer something
 * they want *and* want something they offer (mutual buckets, keyed by that want/offer pair and school level:
 * their own level first, then overlapping levels, then the rest), then anyone offering something they want, then
 * anyone; a large bucket is entered at a different place for each person, so the budget spreads over it. Each
 * keeps their best `perPerson` allowed pairs; the graph is the union of everyone's lists (an edge is kept when it
 * is among the best of either end).
 */
import { type ColleagueProfile } from '#contracts/colleague';
import { featuresOf, fitScore, levelScore, MAX_FIT, MIN_FIT, type Features } from './fit';

/** A principal as matching sees them; district and region are opaque keys. */
export interface Principal {
  id: string;
  districtId: string;
  /** `regionKey` of the profile's region (or any opaque key the server chooses). */
  regionId: string;
  profile: ColleagueProfile;
}

/** The key two region texts are compared by: trimmed, lower case, inner spaces collapsed. */
export function regionKey(region: string): string {
  return region.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The people being matched, sorted by id (so the result never depends on input order), with their features. */
export interface Pool {
  ids: readonly string[];
  features: readonly Features[];
  district: Int32Array;
  region: Int32Array;
  avoidRegion: Uint8Array;
  /** Index -> indices it must not be paired with. */
  forbidden: ReadonlyMap<number, ReadonlySet<number>>;
}

/** An unordered pair of ids, the smaller first. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function poolOf(
  principals: readonly Principal[],
  at: Date,
  forbidden: Iterable<readonly [string, string]> = [],
): Pool {
  const sorted = [...principals].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const index = new Map<string, number>();
  sorted.forEach((p, i) => {
    if (index.has(p.id)) throw new Error(`principal ${p.id} is listed twice`);
    index.set(p.id, i);
  });
  const intern = (keys: string[]): Int32Array => {
    const seen = new Map<string, number>();
    return Int32Array.from(keys, (k) => {
      const known = seen.get(k);
      if (known !== undefined) return known;
      seen.set(k, seen.size);
      return seen.size - 1;
    });
  };
  const forbid = new Map<number, Set<number>>();
  for (const [a, b] of forbidden) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    for (const [x, y] of [
      [i, j],
      [j, i],
    ] as const) {
      const set = forbid.get(x) ?? new Set<number>();
      set.add(y);
      forbid.set(x, set);
    }
  }
  return {
    ids: sorted.map((p) => p.id),
    features: sorted.map((p) => featuresOf(p.profile, at)),
    district: intern(sorted.map((p) => p.districtId)),
    region: intern(sorted.map((p) => p.regionId)),
    avoidRegion: Uint8Array.from(sorted, (p) => (p.profile.avoidSameRegion ? 1 : 0)),
    forbidden: forbid,
  };
}

/** MATCH-2, MATCH-3, MATCH-6: may i and j be proposed to each other at all (before the fit cut-off)? */
export function allowedPair(pool: Pool, i: number, j: number): boolean {
  if (i === j || pool.district[i] === pool.district[j]) return false;
  if ((pool.avoidRegion[i] || pool.avoidRegion[j]) && pool.region[i] === pool.region[j]) return false;
  return pool.forbidden.size === 0 || !pool.forbidden.get(i)?.has(j);
}

/** The graph the matcher chooses from: edges u < v, sorted by weight (highest first), then u, then v. */
export interface CandidateGraph {
  n: number;
  edgeU: Int32Array;
  edgeV: Int32Array;
  edgeW: Int32Array;
  /** Adjacency (CSR): the neighbours of v are adjTo[adjStart[v] .. adjStart[v+1]), heaviest first. */
  adjStart: Int32Array;
  adjTo: Int32Array;
  adjW: Int32Array;
}

/** Builds the sorted graph and its adjacency from unordered pair keys u * n + v (u < v) and their weights. */
export function graphOf(
  n: number,
  pairs: Float64Array,
  weightOf: (u: number, v: number) => number,
): CandidateGraph {
  const m = pairs.length;
  const order = new Float64Array(m);
  const nn = n * n;
  for (let e = 0; e < m; e += 1) {
    const key = pairs[e] ?? 0;
    const u = Math.floor(key / n);
    const v = key - u * n;
    order[e] = (MAX_FIT - weightOf(u, v)) * nn + key;
  }
  order.sort();
  const edgeU = new Int32Array(m);
  const edgeV = new Int32Array(m);
  const edgeW = new Int32Array(m);
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e += 1) {
    const k = order[e] ?? 0;
    const w = MAX_FIT - Math.floor(k / nn);
    const key = k - (MAX_FIT - w) * nn;
    const u = Math.floor(key / n);
    const v = key - u * n;
    edgeU[e] = u;
    edgeV[e] = v;
    edgeW[e] = w;
    degree[u + 1] = (degree[u + 1] ?? 0) + 1;
    degree[v + 1] = (degree[v + 1] ?? 0) + 1;
  }
  const adjStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v += 1) adjStart[v + 1] = (adjStart[v] ?? 0) + (degree[v + 1] ?? 0);
  const fill = adjStart.slice(0, n);
  const adjTo = new Int32Array(2 * m);
  const adjW = new Int32Array(2 * m);
  for (let e = 0; e < m; e += 1) {
    const u = edgeU[e] ?? 0;
    const v = edgeV[e] ?? 0;
    const w = edgeW[e] ?? 0;
    const pu = fill[u] ?? 0;
    adjTo[pu] = v;
    adjW[pu] = w;
    fill[u] = pu + 1;
    const pv = fill[v] ?? 0;
    adjTo[pv] = u;
    adjW[pv] = w;
    fill[v] = pv + 1;
  }
  return { n, edgeU, edgeV, edgeW, adjStart, adjTo, adjW };
}

export interface CandidateOptions {
  /** Each person's best this many allowed pairs are kept (default 10). */
  perPerson?: number;
  /** Each person scores at most this many others (default 600). */
  scanBudget?: number;
  /** Pairs below this fit are dropped (default `MIN_FIT`). */
  minFit?: number;
}

const FOCUS = 8;
const LEVELS = 6;

/** People lists by key; each list in index order. */
function buckets(count: number, keysOf: (i: number) => number[], n: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i += 1) for (const k of keysOf(i)) lists[k]?.push(i);
  return lists.map((l) => Int32Array.from(l));
}
const bits = (mask: number): number[] => {
  const out: number[] = [];
  for (let b = 0; b < 31; b += 1) if ((mask >> b) & 1) out.push(b);
  return out;
};

/** MATCH-7: the candidate graph of a pool, in O(n * scanBudget) scores. */
export function candidateGraph(pool: Pool, options: CandidateOptions = {}): CandidateGraph {
  const k = options.perPerson ?? 10;
  const budget = options.scanBudget ?? 600;
  const minFit = options.minFit ?? MIN_FIT;
  const { features } = pool;
  const n = features.length;
  const f = (i: number): Features => {
    const x = features[i];
    if (!x) throw new Error(`no person ${i}`);
    return x;
  };
  const mutual = buckets(
    FOCUS * FOCUS * LEVELS,
    (i) =>
      bits(f(i).offers).flatMap((w) => bits(f(i).wants).map((v) => (w * FOCUS + v) * LEVELS + f(i).level)),
    n,
  );
  const offering = buckets(FOCUS * LEVELS, (i) => bits(f(i).offers).map((w) => w * LEVELS + f(i).level), n);
  const everyone = buckets(LEVELS, (i) => [f(i).level], n);
  // Levels in the order a person scans them: their own, then by the level points they would score.
  const levelOrder: number[][] = Array.from({ length: LEVELS }, (_, level) =>
    Array.from({ length: LEVELS }, (_, l) => l).sort(
      (x, y) => levelScore(level, y) - levelScore(level, x) || x - y,
    ),
  );

  const seen = new Int32Array(n).fill(-1);
  const topJ = new Int32Array(k);
  const topW = new Int32Array(k);
  const pairs = new Float64Array(n * k);
  let pairCount = 0;

  for (let a = 0; a < n; a += 1) {
    const fa = f(a);
    let kept = 0;
    let scanned = 0;
    const consider = (b: number) => {
      if (seen[b] === a || b === a) return;
      seen[b] = a;
      scanned += 1;
      if (!allowedPair(pool, a, b)) return;
      const w = fitScore(fa, f(b));
      if (w < minFit) return;
      if (kept === k && w <= (topW[k - 1] ?? 0)) return;
      let p = kept === k ? k - 1 : kept;
      if (kept < k) kept += 1;
      while (p > 0 && (topW[p - 1] ?? 0) < w) {
        topW[p] = topW[p - 1] ?? 0;
        topJ[p] = topJ[p - 1] ?? 0;
        p -= 1;
      }
      topW[p] = w;
      topJ[p] = b;
    };
    // Scans a group of lists, sharing what is left of the budget between them.
    const scanAll = (lists: (Int32Array | undefined)[]) => {
      lists.forEach((list, i) => {
        if (!list || list.length === 0 || scanned >= budget) return;
        const cap = scanned + Math.ceil((budget - scanned) / (lists.length - i));
        // Enter the list at a place that differs between people (Knuth's multiplicative hash of a).
        const start = Math.imul(a + 1, 2654435761) >>> 0;
        const len = list.length;
        for (let s = 0; s < len && scanned < cap; s += 1) consider(list[(start + s) % len] ?? a);
      });
    };
    const order = levelOrder[fa.level] ?? [];
    const wants = bits(fa.wants);
    const offers = bits(fa.offers);
    for (const level of order)
      scanAll(wants.flatMap((w) => offers.map((v) => mutual[(w * FOCUS + v) * LEVELS + level])));
    for (const level of order) scanAll(wants.map((w) => offering[w * LEVELS + level]));
    for (const level of order) scanAll([everyone[level]]);
    for (let t = 0; t < kept; t += 1) {
      const b = topJ[t] ?? 0;
      pairs[pairCount] = a < b ? a * n + b : b * n + a;
      pairCount += 1;
    }
  }
  const unique = uniqueSorted(pairs.subarray(0, pairCount));
  return graphOf(n, unique, (u, v) => fitScore(f(u), f(v)));
}

/** The distinct values of a list, sorted. */
export function uniqueSorted(list: Float64Array): Float64Array {
  const sorted = Float64Array.from(list).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const x = sorted[i] ?? 0;
    if (i === 0 || x !== sorted[m - 1]) {
      sorted[m] = x;
      m += 1;
    }
  }
  return sorted.slice(0, m);
}
