import type { Routine } from '../../contracts/routine';
import { parseLocatedYaml } from '../yaml/located';
import type { RoutineFileIssue } from './issues';
import { validateRoutine } from './validate';

/** Routine files are a few kilobytes; anything far larger is a mistake, not a routine. */
export const ROUTINE_TEXT_MAX = 200_000;

/**
 * How deep a routine file may nest (a routine itself needs four levels). ROUTINE-LIB-IO-3: thousands of levels
 * exhaust the parser's stack, so deeper text is refused at its line before it is parsed.
 */
export const NESTING_MAX = 24;

export type ParseRoutineResult = { ok: true; routine: Routine } | { ok: false; errors: RoutineFileIssue[] };

/**
 * Parses one routine file's text. Every error names the file and the 1-based line and column of the fault:
 * YAML syntax errors where the parser stopped, schema and rule errors at the field they concern
 * (or, for a missing field, at the object that lacks it). The size cap, the nesting cap and the refusal of
 * anchors and aliases (ROUTINE-LIB-IO-3) are the shared `parseLocatedYaml`'s.
 */
export function parseRoutine(yamlText: string, fileName: string): ParseRoutineResult {
  const yaml = parseLocatedYaml(yamlText, fileName, {
    maxChars: ROUTINE_TEXT_MAX,
    maxDepth: NESTING_MAX,
    fileKind: 'a routine file',
  });
  if (!yaml.ok) return yaml;
  const result = validateRoutine(yaml.value);
  return result.ok ? result : { ok: false, errors: result.errors.map(yaml.locate) };
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
