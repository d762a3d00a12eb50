import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, desc, eq } from 'drizzle-orm';
import type { Routine } from '#contracts/routine';
import type { RoutineSummary } from '#contracts/meetings-api';
import { formatFileIssue, totalMinutes } from '#core/routines/index';
import { parseRoutine } from '#core/routines/parse';
import type { DbOrTx } from '../db/client';
import { teamRoutines } from '../db/schema';

export class RoutineFileError extends Error {}

/** `protocols/` beside the application files, found from this module (bundled or not), not the working dir. */
export function protocolsFolder(): string {
  for (const candidate of ['../../protocols', '../../../protocols', '../protocols']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new RoutineFileError('Cannot find the protocols folder next to the application files.');
}

/** Loads and validates every `*.yaml` routine; a bad file stops the start with its file and line. */
export function loadShippedRoutines(folder = protocolsFolder()): ReadonlyMap<string, Routine> {
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
  return routines;
}

export function summarize(r: Routine, custom: boolean): RoutineSummary {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    summary: r.summary,
    focus: r.focus,
    totalMinutes: totalMinutes(r),
    stepCount: r.steps.length,
    custom,
    basedOn: r.basedOn ?? null,
  };
}

/** The latest version of each of a group's own routines. */
export async function teamRoutinesOf(db: DbOrTx, districtId: string, groupId: string): Promise<Routine[]> {
  const rows = await db
    .select()
    .from(teamRoutines)
    .where(and(eq(teamRoutines.districtId, districtId), eq(teamRoutines.groupId, groupId)))
    .orderBy(teamRoutines.routineId, desc(teamRoutines.version));
  const latest = new Map<string, Routine>();
  for (const row of rows)
    if (!latest.has(row.routineId)) latest.set(row.routineId, row.definition as Routine);
  return [...latest.values()];
}

/** A routine a group may run: its own copy (a given or the latest version) first, then Ensemble's. */
export async function resolveRoutine(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  districtId: string,
  groupId: string,
  routineId: string,
  version?: number,
): Promise<Routine | null> {
  const rows = await db
    .select()
    .from(teamRoutines)
    .where(
      and(
        eq(teamRoutines.districtId, districtId),
        eq(teamRoutines.groupId, groupId),
        eq(teamRoutines.routineId, routineId),
      ),
    )
    .orderBy(desc(teamRoutines.version));
  const own = version === undefined ? rows[0] : rows.find((r) => r.version === version);
  if (own) return own.definition as Routine;
  const base = shipped.get(routineId);
  if (base && (version === undefined || version === base.version)) return base;
  return null;
}
