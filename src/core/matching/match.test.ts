/**
 * Colleague matching (MATCH-2, MATCH-3, MATCH-6..MATCH-9): on seeded, realistic pools (generate.ts) the proposals
 * are a valid matching of allowed candidate pairs, never within a district, never within a region when either
 * asked, never a previous partner, deterministic, and near the exact optimum; a rematch leaves pairs as they are.
 *
 * How the ratio is computed (MATCH-8): the exact optimum is Edmonds' blossom (edmonds-blossom-fixed, integer
 * weights) on the *full allowed graph*: every pair from different districts (and regions when asked), not
 * forbidden, with fit >= MIN_FIT; no sparsification. The heuristic (forced with `exactUpTo: 0`) runs on its own
 * candidate graph; ratio = heuristic total fit / exact total fit. Here at 300 principals (the full graph has
 * ~28,000 edges and solves in ~2 s); bench:matching does it at 2,000, where the full graph (1.45 million
 * edges at seed 1) is out of reach of the O(n^3) solver and the reference is the exact optimum on the top-30-of-either-end
 * graph (every allowed pair scored, each person's 30 best kept), which the test below shows to be within 0.1 % of
 * the full optimum at 300 (so the bench's ratio may overstate by that much; it says so).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedPair, candidateGraph, poolOf, type Principal } from './candidates';
import { allowedGraph, exactMates } from './exact';
import { fitScore, MIN_FIT } from './fit';
import { generatePrincipals } from './generate';
import { approximateMates, matchColleagues, rematch, weightOf, type MatchResult } from './match';

const at = new Date('2027-02-01T17:00:00Z');

/** Checks the invariants every result must hold, and returns the result. */
function checkValid(
  principals: readonly Principal[],
  result: MatchResult,
  forbidden: readonly (readonly [string, string])[] = [],
) {
  const byId = new Map(principals.map((p) => [p.id, p]));
  const pool = poolOf(principals, at, forbidden);
  const index = new Map(pool.ids.map((id, i) => [id, i]));
  const seen = new Set<string>();
  for (const { a, b, fit: w } of result.pairs) {
    const pa = byId.get(a)!;
    const pb = byId.get(b)!;
    // MATCH-7: each person at most once, in a pair or unmatched.
    expect(seen.has(a) || seen.has(b)).toBe(false);
    seen.add(a);
    seen.add(b);
    // MATCH-2: never the same district.
    expect(pa.districtId).not.toBe(pb.districtId);
    // MATCH-3: never the same region when either asked.
    if (pa.profile.avoidSameRegion || pb.profile.avoidSameRegion) expect(pa.regionId).not.toBe(pb.regionId);
    // MATCH-6: never a forbidden (previous) partner.
    expect(forbidden.some(([x, y]) => (x === a && y === b) || (x === b && y === a))).toBe(false);
    // The pair is an allowed candidate edge, with its real fit, above the cut-off.
    const i = index.get(a)!;
    const j = index.get(b)!;
    expect(allowedPair(pool, i, j)).toBe(true);
    expect(w).toBe(fitScore(pool.features[i]!, pool.features[j]!));
    expect(w).toBeGreaterThanOrEqual(MIN_FIT);
  }
  for (const id of result.unmatched) expect(seen.has(id)).toBe(false);
  expect(seen.size + result.unmatched.length).toBe(principals.length);
  expect(result.weight).toBe(result.pairs.reduce((s, p) => s + p.fit, 0));
  return result;
}

/** Small pools with crowded districts and regions, where the rules bite. */
const poolArb = fc.record({
  n: fc.integer({ min: 2, max: 160 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  districts: fc.integer({ min: 1, max: 12 }),
  regions: fc.integer({ min: 1, max: 4 }),
  avoidShare: fc.double({ min: 0, max: 1, noNaN: true }),
  exact: fc.boolean(),
});
function crowded(
  n: number,
  seed: number,
  districts: number,
  regions: number,
  avoidShare: number,
): Principal[] {
  return generatePrincipals(n, seed).principals.map((p, i) => ({
    ...p,
    districtId: `d${(i * 7919) % districts}`,
    regionId: `r${(i * 104729) % regions}`,
    profile: { ...p.profile, avoidSameRegion: ((i * 2654435761) % 1000) / 1000 < avoidShare },
  }));
}

describe('colleague matching (MATCH-2, MATCH-3, MATCH-6, MATCH-7)', () => {
  it('MATCH-2, MATCH-3, MATCH-7: never the same district, never the same region when either asked, each person once', () => {
    fc.assert(
      fc.property(poolArb, ({ n, seed, districts, regions, avoidShare, exact }) => {
        const principals = crowded(n, seed, districts, regions, avoidShare);
        const result = matchColleagues(principals, { at, exactUpTo: exact ? 1000 : 0 });
        checkValid(principals, result);
        if (districts === 1) expect(result.pairs).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('MATCH-6: forbidden pairs (previous partners) are never proposed, even when they were the best pairs', () => {
    fc.assert(
      fc.property(poolArb, ({ n, seed, districts, regions, avoidShare, exact }) => {
        const principals = crowded(n, seed, districts, regions, avoidShare);
        const options = { at, exactUpTo: exact ? 1000 : 0 };
        const first = matchColleagues(principals, options);
        const forbidden = first.pairs.map((p) => [p.a, p.b] as const);
        checkValid(principals, matchColleagues(principals, { ...options, forbidden }), forbidden);
      }),
      { numRuns: 40 },
    );
  });

  it('MATCH-7: the same people in any order give the same pairs (deterministic, ties broken by id)', () => {
    const { principals } = generatePrincipals(600, 11);
    const shuffled = [...principals].sort(
      (x, y) => ((x.id.charCodeAt(6) * 31) % 7) - ((y.id.charCodeAt(6) * 31) % 7) || (x.id < y.id ? 1 : -1),
    );
    const a = matchColleagues(principals, { at, exactUpTo: 0 });
    const b = matchColleagues(shuffled, { at, exactUpTo: 0 });
    expect(b).toEqual(a);
    expect(a.pairs.length).toBeGreaterThan(250);
  });
});

describe('near the exact optimum (MATCH-8)', () => {
  it('MATCH-8: the exact reference matches a brute-force optimum on tiny pools', () => {
    const brute = (n: number, w: (u: number, v: number) => number): number => {
      const memo = new Map<number, number>();
      const go = (mask: number): number => {
        if (mask === 0) return 0;
        const cached = memo.get(mask);
        if (cached !== undefined) return cached;
        const u = 31 - Math.clz32(mask & -mask);
        const rest = mask & ~(1 << u);
        let best = go(rest);
        for (let v = 0; v < n; v += 1)
          if ((rest >> v) & 1 && w(u, v) > 0) best = Math.max(best, w(u, v) + go(rest & ~(1 << v)));
        memo.set(mask, best);
        return best;
      };
      return go((1 << n) - 1);
    };
    for (let seed = 1; seed <= 30; seed += 1) {
      const principals = crowded(12, seed, 4, 2, 0.3);
      const pool = poolOf(principals, at);
      const graph = allowedGraph(pool);
      const weights = new Map<number, number>();
      graph.edgeU.forEach((u, e) => weights.set(u * 12 + graph.edgeV[e]!, graph.edgeW[e]!));
      const w = (u: number, v: number) => weights.get(Math.min(u, v) * 12 + Math.max(u, v)) ?? 0;
      expect(weightOf(graph, exactMates(graph))).toBe(brute(12, w));
    }
  });

  it('MATCH-8: the heuristic reaches at least 99 % of the exact optimum on the full allowed graph (300 principals)', () => {
    for (const seed of [1, 2]) {
      const { principals } = generatePrincipals(300, seed);
      const pool = poolOf(principals, at);
      const heuristic = approximateMates(candidateGraph(pool));
      const graph = candidateGraph(pool);
      const full = allowedGraph(pool);
      const optimum = weightOf(full, exactMates(full));
      const ratio = weightOf(graph, heuristic) / optimum;
      expect(ratio).toBeGreaterThanOrEqual(0.99);
      expect(ratio).toBeLessThanOrEqual(1);
      // The benchmark's reference at 2,000: the top-30-of-either-end graph keeps the full optimum within 0.1 % here
      // (measured: equal for seed 2, 9,863 of 9,865 for seed 1), so it understates the optimum a little.
      const top30 = allowedGraph(pool, { perPerson: 30 });
      const top30Optimum = weightOf(top30, exactMates(top30));
      expect(top30Optimum).toBeLessThanOrEqual(optimum);
      expect(top30Optimum).toBeGreaterThanOrEqual(0.999 * optimum);
    }
  });
});

describe('no-fault rematch (MATCH-9)', () => {
  it('MATCH-9: existing pairs stay as they are; only free people are matched, never with a previous partner', () => {
    const { principals } = generatePrincipals(400, 5);
    const first = matchColleagues(principals, { at, exactUpTo: 0 });
    // Three pairs end (no fault): their six people are free again, with their old partners forbidden.
    const ended = first.pairs.slice(0, 3);
    const kept = first.pairs.slice(3);
    const free = [...ended.flatMap((p) => [p.a, p.b]), ...first.unmatched];
    const forbidden = ended.map((p) => [p.a, p.b] as const);
    const next = rematch(principals, kept, free, forbidden, { at });
    const pool = principals.filter((p) => free.includes(p.id));
    checkValid(pool, next, forbidden);
    for (const p of next.pairs) {
      expect(free).toContain(p.a);
      expect(free).toContain(p.b);
    }
    expect(next.pairs.length).toBeGreaterThan(0);
    expect(() => rematch(principals, kept, [kept[0]!.a], [], { at })).toThrow(/existing pair/);
  });
});
