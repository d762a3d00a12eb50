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
    else errors.push(...result.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, routines };
}
