/**
 * The contract's limits the forms show (`#contracts/book-study`), written out here: importing a value from the
 * contract would make it a chunk of its own beside the networks catalogue, listed on every page (DAY-PERF-1).
 * `draft.test.ts` keeps them in step.
 */
export const AUTHORS_MAX = 10;
export const SECTIONS_MAX = 40;
export const REFLECTION_MAX = 4000;
