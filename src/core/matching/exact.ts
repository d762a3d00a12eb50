/**
 * The exact maximum-weight matching (Edmonds' blossom algorithm; npm `edmonds-blossom-fixed`, O(n^3), ADR 0033):
 * the reference the matcher is measured against (MATCH-8), and the matcher itself for small pools
 * (`EXACT_UP_TO`). Weights are integers, so its arithmetic is exact.
 */
import maxWeightMatching from 'edmonds-blossom-fixed';
import { allowedPair, graphOf, type CandidateGraph, type Pool } from './candidates';
import { fitScore, MIN_FIT } from './fit';

/** The exact maximum-weight matching of a graph, as a mate array (-1 unmatched). */
export function exactMates(graph: CandidateGraph): Int32Array {
  const edges: [number, number, number][] = [];
  for (let e = 0; e < graph.edgeU.length; e += 1)
    edges.push([graph.edgeU[e] ?? 0, graph.edgeV[e] ?? 0, graph.edgeW[e] ?? 0]);
  const mate = new Int32Array(graph.n).fill(-1);
  maxWeightMatching(edges).forEach((m, v) => {
    if (v < graph.n) mate[v] = m;
  });
  return mate;
}

/**
 * Every allowed pair of a pool with fit at least `minFit` (O(n^2) scores: for tests and the benchmark). When
 * `perPerson` is given, only the pairs among the best `perPerson` of either end (the "top-k of either endpoint"
 * graph, which kept the optimum in the measurements of ADR 0033).
 */
export function allowedGraph(
  pool: Pool,
  options: { minFit?: number; perPerson?: number } = {},
): CandidateGraph {
  const minFit = options.minFit ?? MIN_FIT;
  const n = pool.features.length;
  const feature = (i: number) => {
    const x = pool.features[i];
    if (!x) throw new Error(`no person ${i}`);
    return x;
  };
  const keys: number[] = [];
  const perPerson = options.perPerson;
  if (perPerson === undefined) {
    for (let u = 0; u < n; u += 1)
      for (let v = u + 1; v < n; v += 1)
        if (allowedPair(pool, u, v) && fitScore(feature(u), feature(v)) >= minFit) keys.push(u * n + v);
  } else {
    const chosen = new Set<number>();
    for (let u = 0; u < n; u += 1) {
      const row: [number, number][] = [];
      for (let v = 0; v < n; v += 1) {
        if (!allowedPair(pool, u, v)) continue;
        const w = fitScore(feature(u), feature(v));
        if (w >= minFit) row.push([w, v]);
      }
      row.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      for (const [, v] of row.slice(0, perPerson)) chosen.add(u < v ? u * n + v : v * n + u);
    }
    keys.push(...chosen);
  }
  return graphOf(n, Float64Array.from(keys), (u, v) => fitScore(feature(u), feature(v)));
}
