import { and, desc, eq } from 'drizzle-orm';
import type { ScheduleMeetingRequest } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import type { DbOrTx } from '../db/client';
import { teamRoutines } from '../db/schema';
import { badRequest } from '../http/errors';
import type { Actor } from '../policy/actor';

/**
 * The routines build on one another: sharing a success asks least of a team, a dilemma asks more, peer
 * modeling most. Teams see them in that order, so the gentlest is the default choice.
 */
export const PROGRESSION = ['share-successes', 'problem-solve', 'peer-modeling'];
export const progressionRank = (id: string) =>
  PROGRESSION.includes(id) ? PROGRESSION.indexOf(id) : PROGRESSION.length;

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

/** The routines a schedule request names, each resolved for this group; a 400 names the one at fault. */
export async function resolveAgenda(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  actor: Actor,
  groupId: string,
  body: ScheduleMeetingRequest,
): Promise<Routine[]> {
  const choices =
    body.agenda ??
    (body.routineId === undefined
      ? []
      : [{ routineId: body.routineId, routineVersion: body.routineVersion }]);
  const routines: Routine[] = [];
  for (const [i, choice] of choices.entries()) {
    const routine = await resolveRoutine(
      db,
      shipped,
      actor.districtId,
      groupId,
      choice.routineId,
      choice.routineVersion,
    );
    if (!routine)
      throw badRequest('Choose a routine this team can run.', [
        { path: body.agenda ? `agenda.${i}.routineId` : 'routineId', message: 'Unknown routine or version' },
      ]);
    routines.push(routine);
  }
  return routines;
}
