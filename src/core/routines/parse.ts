import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Routine } from '../../contracts/routine';
import type { RoutineFileIssue } from './issues';
import { validateRoutine } from './validate';

/** Routine files are a few kilobytes; anything far larger is a mistake, not a routine. */
export const ROUTINE_TEXT_MAX = 200_000;

export type ParseRoutineResult = { ok: true; routine: Routine } | { ok: false; errors: RoutineFileIssue[] };

/**
 * Parses one routine file's text. Every error names the file and the 1-based line and column of the fault:
 * YAML syntax errors where the parser stopped, schema and rule errors at the field they concern
 * (or, for a missing field, at the object that lacks it).
 */
export function parseRoutine(yamlText: string, fileName: string): ParseRoutineResult {
  if (yamlText.length > ROUTINE_TEXT_MAX) {
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          line: 1,
          column: 1,
          path: [],
          message: `File is larger than ${ROUTINE_TEXT_MAX} characters`,
        },
      ],
    };
  }
  // ROUTINE-LIB-IO-3: a routine nests four levels deep; thousands of levels exhaust the parser's stack, and V8
  // can then fail fatally (a crash, not an exception). Such text is refused before it is parsed.
  const deep = tooDeepAt(yamlText);
  if (deep !== null)
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          line: deep,
          column: 1,
          path: [],
          message: `Nested more than ${NESTING_MAX} levels deep`,
        },
      ],
    };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { file: fileName, line, column: col, path: [], message: e.message };
      }),
    };
  }

  // ROUTINE-LIB-IO-3: routines have no use for anchors and aliases; refusing them stops "billion laughs" files.
  const refs: RoutineFileIssue[] = [];
  visit(doc, (_key, node) => {
    const anchored =
      isAlias(node) || (typeof node === 'object' && node !== null && 'anchor' in node && node.anchor);
    if (!anchored || refs.length > 0) return;
    const { line, col } = lineCounter.linePos((node as Ranged).range?.[0] ?? 0);
    refs.push({
      file: fileName,
      line,
      column: col,
      path: [],
      message: 'YAML anchors and aliases (& and *) are not allowed in a routine file',
    });
  });
  if (refs.length > 0) return { ok: false, errors: refs };
  const result = validateRoutine(doc.toJS());
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((issue) => {
      const { line, col } = lineCounter.linePos(offsetOf(doc, issue.path));
      return { ...issue, file: fileName, line, column: col };
    }),
  };
}

/** How deep a routine file may nest (a routine itself needs four levels). */
export const NESTING_MAX = 24;

/**
 * The 1-based line where `text` nests deeper than NESTING_MAX, or null. Counts open flow brackets outside
 * quotes and comments, and a line's block depth (its indentation and `- ` markers, two columns a level): a
 * cheap bound that errs on the side of refusing, run before the parser.
 */
function tooDeepAt(text: string): number | null {
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
        if (blockColumns > NESTING_MAX * 2) return line;
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
      if (++depth > NESTING_MAX) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c !== undefined && c !== ' ' && c !== '\t') last = c;
  }
  return null;
}

interface Ranged {
  range?: readonly [number, number, number] | null;
}

/** Start offset of the deepest node that exists along `path` (a missing field points at its parent). */
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as
      Ranged | null | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}

/** ROUTINE-LIB-IO-1: a file of an import is at most this long (routines are a few kilobytes). */
export const IMPORT_TEXT_MAX = 50_000;
/** At most this many problems are reported per file of an import. */
export const IMPORT_ISSUES_PER_FILE = 10;

export interface RoutineFileText {
  readonly name: string;
  readonly text: string;
}

export type ParseRoutineFilesResult =
  { ok: true; routines: { file: string; routine: Routine }[] } | { ok: false; errors: RoutineFileIssue[] };

/**
 * ROUTINE-LIB-IO-1: parses every file of an import and returns either all the routines or every problem of
 * every file (each with its file and line), so that a caller saves all of them or none.
 */
export function parseRoutineFiles(files: readonly RoutineFileText[]): ParseRoutineFilesResult {
  const errors: RoutineFileIssue[] = [];
  const routines: { file: string; routine: Routine }[] = [];
  const names = new Set<string>();
  for (const { name, text } of files) {
    const at = (message: string): RoutineFileIssue => ({ file: name, line: 1, column: 1, path: [], message });
    if (names.has(name)) {
      errors.push(at('Another file of this import has the same name'));
      continue;
    }
    names.add(name);
    if (text.length > IMPORT_TEXT_MAX) {
      errors.push(at(`File is larger than ${IMPORT_TEXT_MAX} characters`));
      continue;
    }
    const result = parseRoutine(text, name);
    if (result.ok) routines.push({ file: name, routine: result.routine });
    // A broken file can yield hundreds of parser errors; the first few locate the fault.
    else errors.push(...result.errors.slice(0, IMPORT_ISSUES_PER_FILE));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, routines };
}
