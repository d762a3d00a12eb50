/** A problem found in a routine definition, located by its path inside the document. */
export interface RoutineIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A routine issue located in a source file (1-based line and column). */
export interface RoutineFileIssue extends RoutineIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type RoutineResult<T> = { ok: true; routine: T } | { ok: false; errors: RoutineIssue[] };

/** `steps[2].minutes`: the path as a person would write it. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(document)' : out;
}

/** `share-successes.yaml:12:5: steps[2].minutes: Too big`: the shape editors and CI logs link to. */
export function formatFileIssue(issue: RoutineFileIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path.length === 0
    ? `${where}: ${issue.message}`
    : `${where}: ${formatPath(issue.path)}: ${issue.message}`;
}
