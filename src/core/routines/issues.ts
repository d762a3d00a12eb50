import type { LocatedIssue, PathIssue } from '../yaml/issues';

/** A problem found in a routine definition, located by its path inside the document. */
export type RoutineIssue = PathIssue;

/** A routine issue located in a source file (1-based line and column). */
export type RoutineFileIssue = LocatedIssue;

export type RoutineResult<T> = { ok: true; routine: T } | { ok: false; errors: RoutineIssue[] };

/** `steps[2].minutes` and `share-successes.yaml:12:5: steps[2].minutes: Too big`, as for every YAML file. */
export { formatPath, formatLocatedIssue as formatFileIssue } from '../yaml/issues';
