import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Routine } from '#contracts/routine';
import { formatFileIssue } from '#core/routines/index';
import { parseRoutine } from '#core/routines/parse';
import { deepFreeze } from '../system/deep-freeze';

export class RoutineFileError extends Error {}

/** `protocols/` beside the application files, found from this module (bundled or not), not the working dir. */
export function protocolsFolder(): string {
  for (const candidate of ['../../protocols', '../../../protocols', '../protocols']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new RoutineFileError('Cannot find the protocols folder next to the application files.');
}

let shipped: ReadonlyMap<string, Routine> | undefined;

/**
 * Loads and validates every `*.yaml` routine; a bad file stops the start with its file and line. The shipped folder
 * is read once a process (APP-START-1: the app and the demo seed each asked for it at every start) and its routines
 * are frozen, since every caller shares them; another folder is read on each call.
 */
export function loadShippedRoutines(folder?: string): ReadonlyMap<string, Routine> {
  if (folder !== undefined) return readRoutines(folder);
  shipped ??= deepFreeze(readRoutines(protocolsFolder()));
  return shipped;
}

function readRoutines(folder: string): ReadonlyMap<string, Routine> {
  const routines = new Map<string, Routine>();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const result = parseRoutine(readFileSync(join(folder, file), 'utf8'), `protocols/${file}`);
    if (!result.ok) throw new RoutineFileError(result.errors.map(formatFileIssue).join('\n'));
    if (routines.has(result.routine.id))
      throw new RoutineFileError(`protocols/${file}: routine id "${result.routine.id}" is used twice`);
    routines.set(result.routine.id, result.routine);
  }
  // ROUTINE-LIB-LEAD-1: a wording for other groups runs the same steps, kinds and minutes as the routine it words.
  const plan = (r: Routine) =>
    JSON.stringify(r.steps.map((s) => [s.id, s.kind, s.minutes, s.variable ?? false]));
  for (const r of routines.values()) {
    if (r.variantOf === undefined) continue;
    const base = routines.get(r.variantOf);
    if (!base || plan(base) !== plan(r))
      throw new RoutineFileError(
        `protocols: routine "${r.id}" words "${r.variantOf}" differently, so it needs that routine with the same steps, kinds and minutes`,
      );
  }
  return routines;
}

/** Moved to `./queries` (the routines feature's tenant-scoped queries); kept here for existing imports. */
export { resolveRoutine } from './queries';
