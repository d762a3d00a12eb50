/**
 * `bench:matching` (docs/SPEC.md MATCH-8, MATCH-10; ADR 0033): trusted-colleague matching of seeded, realistic
 * principals (src/core/matching/generate.ts). Run it with `node bench/run.mjs matching [--principals 20000]
 * [--reference 2000] [--seed 1]`.
 *
 * 1. Quality at `--reference` (2,000): the heuristic (`approximateMates` on the candidate graph, which is what
 *    `matchColleagues` runs above EXACT_UP_TO) against the exact maximum-weight matching (Edmonds' blossom,
 *    edmonds-blossom-fixed) on the top-30-of-either-end allowed graph: every allowed pair is scored and each
 *    person's 30 best kept. The full allowed graph is too large for the O(n^3) solver at 2,000; at 300 the top-30
 *    optimum is within 0.1 % of the full one (match.test.ts), so this ratio may overstate by that much.
 * 2. Speed at `--principals` (20,000): wall time of `matchColleagues` (pool, candidate graph and matching).
 *    Also the tail (minimum, 10th percentile and median fit of the pairs), the matched share, and the total
 *    weight against a loose upper bound (half of each person's best allowed fit, summed: an LP dual).
 * The last line is one JSON object: {"principals","seconds","weight_ratio_vs_exact_at_2000",...}.
 */
import { allowedPair, candidateGraph, poolOf } from '#core/matching/candidates';
import { allowedGraph, exactMates } from '#core/matching/exact';
import { fitScore, MIN_FIT } from '#core/matching/fit';
import { generatePrincipals } from '#core/matching/generate';
import { approximateMates, matchColleagues, weightOf } from '#core/matching/match';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) ? v : fallback;
}
const principalsN = option('principals', 20_000);
const referenceN = option('reference', 2_000);
const seed = option('seed', 1);
const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

// 1. Quality against the exact optimum.
const small = generatePrincipals(referenceN, seed);
const smallPool = poolOf(small.principals, small.at);
let t = performance.now();
const graph = candidateGraph(smallPool);
const heuristic = weightOf(graph, approximateMates(graph));
log(
  `${referenceN}: heuristic ${heuristic} in ${round((performance.now() - t) / 1000, 2)} s (${graph.edgeU.length} edges)`,
);
t = performance.now();
const reference = allowedGraph(smallPool, { perPerson: 30 });
log(
  `${referenceN}: reference graph ${reference.edgeU.length} edges in ${round((performance.now() - t) / 1000, 2)} s`,
);
t = performance.now();
const optimum = weightOf(reference, exactMates(reference));
const ratio = heuristic / optimum;
log(
  `${referenceN}: exact optimum ${optimum} in ${round((performance.now() - t) / 1000, 2)} s; ratio ${round(ratio, 5)}`,
);

// 2. Speed at full size, through the function the server will call.
const big = generatePrincipals(principalsN, seed);
t = performance.now();
const result = matchColleagues(big.principals, { at: big.at });
const seconds = (performance.now() - t) / 1000;
const fits = result.pairs.map((p) => p.fit).sort((a, b) => a - b);
const at = (q: number) => fits[Math.min(fits.length - 1, Math.floor(q * fits.length))] ?? 0;
log(
  `${principalsN}: ${result.pairs.length} pairs, ${result.unmatched.length} unmatched, weight ${result.weight} in ${round(seconds, 2)} s`,
);

// A loose upper bound on the optimum at full size: every pair's fit is at most half of each end's best (O(n^2)).
t = performance.now();
const bigPool = poolOf(big.principals, big.at);
let bound = 0;
const n = bigPool.features.length;
const best = new Int32Array(n);
for (let u = 0; u < n; u += 1) {
  const fu = bigPool.features[u];
  if (!fu) continue;
  for (let v = u + 1; v < n; v += 1) {
    const fv = bigPool.features[v];
    if (!fv || !allowedPair(bigPool, u, v)) continue;
    const w = fitScore(fu, fv);
    if (w < MIN_FIT) continue;
    if (w > (best[u] ?? 0)) best[u] = w;
    if (w > (best[v] ?? 0)) best[v] = w;
  }
}
for (let u = 0; u < n; u += 1) bound += (best[u] ?? 0) / 2;
log(`${principalsN}: upper bound ${bound} in ${round((performance.now() - t) / 1000, 2)} s`);

console.log(
  JSON.stringify({
    principals: principalsN,
    seconds: round(seconds, 2),
    weight_ratio_vs_exact_at_2000: round(ratio, 5),
    reference_principals: referenceN,
    exact_optimum: optimum,
    heuristic_weight: heuristic,
    matched_share: round((2 * result.pairs.length) / principalsN, 4),
    min_fit: fits[0] ?? 0,
    p10_fit: at(0.1),
    median_fit: at(0.5),
    weight_vs_upper_bound: round(result.weight / bound, 4),
  }),
);
