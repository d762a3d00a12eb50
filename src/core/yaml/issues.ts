/**
 * Problems in a data file (a routine, a survey instrument), first by their path in the document, then located in
 * the file by `parseLocatedYaml` (`./located`). This module has no parser, so the browser can use it.
 */

/** A problem found in a document, located by its path inside it (`['steps', 2, 'minutes']`). */
export interface PathIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A problem located in a source file (1-based line and column). */
export interface LocatedIssue extends PathIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The fields of a Zod issue that locating it needs. */
interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/**
 * A schema's issues as path issues, one per unknown key so that each points at its own line. Zod's path keys
 * are PropertyKeys; YAML documents only have string and number keys.
 */
export function pathIssuesOf(issues: readonly SchemaIssue[]): PathIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    return issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({ path: [...path, key], message: `Unknown field "${key}"` }))
      : [{ path, message: issue.message }];
  });
}

/** `steps[2].minutes`: the path as a person would write it. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(document)' : out;
}

/** `share-successes.yaml:12:5: steps[2].minutes: Too big`: the shape editors and CI logs link to. */
export function formatLocatedIssue(issue: LocatedIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path.length === 0
    ? `${where}: ${issue.message}`
    : `${where}: ${formatPath(issue.path)}: ${issue.message}`;
}
