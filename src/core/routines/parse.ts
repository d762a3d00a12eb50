import { LineCounter, parseDocument, type Document } from 'yaml';
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
