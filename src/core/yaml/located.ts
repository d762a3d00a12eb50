/**
 * YAML read with every problem located: the part shared by every file Ensemble takes as YAML (routines,
 * survey instruments). It refuses oversized and over-nested text before parsing, reports syntax errors and
 * duplicate keys where the parser stopped, refuses anchors and aliases, and turns a schema issue's path into the
 * 1-based line and column of the field at fault. What a file must contain is the caller's business.
 *
 * It imports the `yaml` package, so only the server and tests import it, never the web app (DAY-PERF-2).
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { LocatedIssue, PathIssue } from './issues';

export type { LocatedIssue, PathIssue } from './issues';

export interface LocatedYamlOptions {
  /** Longer text is refused unread. */
  readonly maxChars: number;
  /** Text nesting deeper than this is refused before it is parsed (see `tooDeepAt`). */
  readonly maxDepth: number;
  /** How the refusal of anchors names the file, e.g. `a routine file`. */
  readonly fileKind: string;
}

export type LocatedYaml =
  | {
      ok: true;
      /** The document as plain data, for the caller's schema. */
      value: unknown;
      /** Locates an issue of that schema: at its field, or at the object that lacks a missing field. */
      locate: (issue: PathIssue) => LocatedIssue;
    }
  | { ok: false; errors: LocatedIssue[] };

/**
 * Parses one file's text. Every error names the file and the 1-based line and column of the fault: the size
 * at 1:1, the nesting at the line where it goes too deep, YAML syntax errors (also duplicate keys, several
 * documents, an empty file) where the parser stopped, the first anchor or alias at its own position.
 */
export function parseLocatedYaml(text: string, fileName: string, options: LocatedYamlOptions): LocatedYaml {
  const at = (line: number, column: number, message: string): LocatedIssue => ({
    file: fileName,
    line,
    column,
    path: [],
    message,
  });
  if (text.length > options.maxChars)
    return { ok: false, errors: [at(1, 1, `File is larger than ${options.maxChars} characters`)] };
  // Thousands of levels exhaust the parser's stack, and V8 can then fail fatally (a crash, not an exception).
  // Such text is refused before it is parsed.
  const deep = tooDeepAt(text, options.maxDepth);
  if (deep !== null)
    return { ok: false, errors: [at(deep, 1, `Nested more than ${options.maxDepth} levels deep`)] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return at(line, col, e.message);
      }),
    };
  }

  // Anchors and aliases have no use in these files; refusing them stops "billion laughs" files.
  const refs: LocatedIssue[] = [];
  visit(doc, (_key, node) => {
    if (!(isAlias(node) || hasAnchor(node))) return undefined;
    const { line, col } = lineCounter.linePos(startOf(node) ?? 0);
    refs.push(at(line, col, `YAML anchors and aliases (& and *) are not allowed in ${options.fileKind}`));
    return visit.BREAK;
  });
  if (refs.length > 0) return { ok: false, errors: refs };

  return {
    ok: true,
    value: doc.toJS(),
    locate: (issue) => {
      const { line, col } = lineCounter.linePos(offsetOf(doc, issue.path));
      return { ...issue, file: fileName, line, column: col };
    },
  };
}

/**
 * The 1-based line where `text` nests deeper than `maxDepth`, or null. Counts open flow brackets outside
 * quotes and comments, and a line's block depth (its indentation and `- ` markers, two columns a level): a
 * cheap bound that errs on the side of refusing, run before the parser.
 */
export function tooDeepAt(text: string, maxDepth: number): number | null {
  let depth = 0;
  let line = 1;
  let quote: '"' | "'" | null = null;
  let atLineStart = true;
  let blockColumns = 0;
  /** The last character on this line that was not a space (null at its start). */
  let last: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      atLineStart = true;
      blockColumns = 0;
      last = null;
      if (quote === "'") quote = null;
      continue;
    }
    if (atLineStart) {
      if (c === ' ' || (c === '-' && text[i + 1] === ' ')) {
        blockColumns += c === '-' ? 0 : 1;
        if (c === '-') {
          blockColumns += 2;
          last = '-';
          i++;
        }
        if (blockColumns > maxDepth * 2) return line;
        continue;
      }
      atLineStart = false;
    }
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    const opensValue = last === null || last === ':' || last === '-' || last === '?' || depth > 0;
    // A quote opens a quoted scalar only where a scalar starts; `a"b` is plain text (and its quote opens nothing).
    const startsScalar =
      last === null ||
      last === ':' ||
      last === '-' ||
      last === '?' ||
      last === ',' ||
      last === '[' ||
      last === '{';
    if ((c === '"' || c === "'") && startsScalar) quote = c;
    else if ((c === '[' || c === '{') && opensValue) {
      // Outside flow collections, a bracket only opens one where a value starts (`key: [`, `- {`).
      if (++depth > maxDepth) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c !== undefined && c !== ' ' && c !== '\t') last = c;
  }
  return null;
}

function hasAnchor(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'anchor' in node && Boolean(node.anchor);
}

/** Where a node of the document starts (its `range[0]`), if it has a range. */
function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/** Start offset of the deepest node that exists along `path` (a missing field points at its parent). */
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const start = startOf(depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true));
    if (start !== undefined) return start;
  }
  return 0;
}
