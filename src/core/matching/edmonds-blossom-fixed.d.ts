/**
 * Types for `edmonds-blossom-fixed` 1.0.1 (MIT; Van Rantwijk's mwmatching.py ported to JavaScript, ADR 0033), which
 * ships none. CommonJS (`module.exports = function`): the default import is the function, in Node's ESM, Vitest
 * and esbuild alike.
 */
declare module 'edmonds-blossom-fixed' {
  /**
   * Maximum-weight matching of a general graph. `edges` are `[i, j, weight]` with vertex numbers from 0; the
   * answer is the mate of each vertex (-1 when unmatched), as long as the highest vertex number in an edge (an
   * empty list gives an empty list). `maxCardinality` first maximises the number of pairs.
   */
  export default function maxWeightMatching(
    edges: (readonly [number, number, number])[],
    maxCardinality?: boolean,
  ): number[];
}
