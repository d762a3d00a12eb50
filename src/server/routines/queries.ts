/**
 * The routines feature's queries, every one filtered by district (ADR 0003). A group runs its own routines, the
 * library's (shared with its school or the district) and Ensemble's; routine ids are unique in a district
 * (ADR 0018), so an id and version name one routine whichever of the three holds it.
 */
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ScheduleMeetingRequest } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import type { LibraryScope } from '#contracts/routine-library';
import { orderShipped, PROGRESSION, uniqueRoutineId } from '#core/routines/library';
import type { DbOrTx } from '../db/client';
import { groups, routineLibrary, schools, teamRoutines, users } from '../db/schema';
import { badRequest } from '../http/errors';
import type { Actor } from '../policy/actor';
import type { GroupRow } from '../groups/queries';

export { PROGRESSION };
export const progressionRank = (id: string) => {
  const i = PROGRESSION.indexOf(id as (typeof PROGRESSION)[number]);
  return i < 0 ? PROGRESSION.length : i;
};

export type LibraryRow = typeof routineLibrary.$inferSelect;

/** The latest version of each of a group's own routines. */
export async function teamRoutinesOf(db: DbOrTx, districtId: string, groupId: string): Promise<Routine[]> {
  const rows = await db
    .select()
    .from(teamRoutines)
    .where(and(eq(teamRoutines.districtId, districtId), eq(teamRoutines.groupId, groupId)))
    .orderBy(teamRoutines.routineId, desc(teamRoutines.version));
  const latest = new Map<string, Routine>();
  for (const row of rows) if (!latest.has(row.routineId)) latest.set(row.routineId, row.definition);
  return [...latest.values()];
}

/** Library rows a group of `schoolId` may see: shared with the district, or with that school. */
const visibleTo = (districtId: string, schoolId: string | null) =>
  and(
    eq(routineLibrary.districtId, districtId),
    schoolId === null
      ? isNull(routineLibrary.schoolId)
      : or(isNull(routineLibrary.schoolId), eq(routineLibrary.schoolId, schoolId)),
  );

export interface LibraryEntry {
  row: LibraryRow;
  authorName: string;
  schoolName: string | null;
}

async function libraryEntries(db: DbOrTx, where: ReturnType<typeof and>): Promise<LibraryEntry[]> {
  const rows = await db
    .select({ row: routineLibrary, authorName: users.name, schoolName: schools.name })
    .from(routineLibrary)
    .innerJoin(
      users,
      and(eq(users.id, routineLibrary.authorId), eq(users.districtId, routineLibrary.districtId)),
    )
    .leftJoin(
      schools,
      and(eq(schools.id, routineLibrary.schoolId), eq(schools.districtId, routineLibrary.districtId)),
    )
    .where(where)
    .orderBy(routineLibrary.routineId, desc(routineLibrary.version));
  return rows;
}

/** The newest entry of each routine in `entries` (sorted by routine, newest version first). */
const newestEach = (entries: LibraryEntry[]) => {
  const out = new Map<string, LibraryEntry>();
  for (const e of entries) if (!out.has(e.row.routineId)) out.set(e.row.routineId, e);
  return out;
};

/** ROUTINE-LIB-SHARE-2: the library as a group sees it: the newest shared version of each routine in reach. */
export async function libraryFor(db: DbOrTx, group: GroupRow): Promise<Map<string, LibraryEntry>> {
  return newestEach(
    await libraryEntries(
      db,
      and(visibleTo(group.districtId, group.schoolId), isNull(routineLibrary.withdrawnAt)),
    ),
  );
}

/** The library entries (newest first) of one routine, withdrawn or not. */
export async function libraryEntriesOf(db: DbOrTx, districtId: string, routineId: string) {
  return libraryEntries(
    db,
    and(eq(routineLibrary.districtId, districtId), eq(routineLibrary.routineId, routineId)),
  );
}

/** What a group's routines list shows: Ensemble's (in offer order, a team's adapted copy in its place), then
 * the team's own new routines, then the library's. */
export interface OfferedRoutines {
  shipped: { routine: Routine; custom: boolean; shared: LibraryEntry | null }[];
  own: { routine: Routine; shared: LibraryEntry | null }[];
  library: LibraryEntry[];
}

export async function offeredRoutines(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  group: GroupRow,
): Promise<OfferedRoutines> {
  const own = await teamRoutinesOf(db, group.districtId, group.id);
  const ownById = new Map(own.map((r) => [r.id, r]));
  const library = await libraryFor(db, group);
  const mine = newestEach(
    own.length === 0
      ? []
      : await libraryEntries(
          db,
          and(
            eq(routineLibrary.districtId, group.districtId),
            eq(routineLibrary.groupId, group.id),
            isNull(routineLibrary.withdrawnAt),
          ),
        ),
  );
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const offered = orderShipped([...shipped.values()], group.kind);
  const placed = new Set(offered.map((r) => r.id));
  return {
    shipped: offered.map((r) => {
      const copy = ownById.get(r.id);
      return { routine: copy ?? r, custom: copy !== undefined, shared: null };
    }),
    // Everything else the team holds, including an adapted copy of a wording it is not offered.
    own: own
      .filter((r) => !placed.has(r.id))
      .sort(byName)
      .map((routine) => ({ routine, shared: mine.get(routine.id) ?? null })),
    library: [...library.values()]
      .filter((e) => !ownById.has(e.row.routineId))
      .sort((a, b) => byName(a.row.definition, b.row.definition)),
  };
}

/**
 * A routine a group may run: its own (a given or the latest version), else the library's (shared with its
 * school or the district), else Ensemble's. With an exact version, a withdrawn library version still resolves
 * (a meeting scheduled before the withdrawal opens with it) unless `current` asks for routines on offer only.
 */
export async function resolveRoutine(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  districtId: string,
  groupId: string,
  routineId: string,
  version?: number,
  opts: { current?: boolean } = {},
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
  if (own) return own.definition;
  const [group] = await db
    .select({ schoolId: groups.schoolId })
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.districtId, districtId)));
  if (group) {
    const [shared] = await db
      .select({ definition: routineLibrary.definition })
      .from(routineLibrary)
      .where(
        and(
          visibleTo(districtId, group.schoolId),
          eq(routineLibrary.routineId, routineId),
          version === undefined ? undefined : eq(routineLibrary.version, version),
          version === undefined || opts.current ? isNull(routineLibrary.withdrawnAt) : undefined,
        ),
      )
      .orderBy(desc(routineLibrary.version))
      .limit(1);
    if (shared) return shared.definition;
  }
  const base = shipped.get(routineId);
  if (base && (version === undefined || version === base.version)) return base;
  return null;
}

/** The routines a schedule request names, each resolved for this group; a 400 names the one at fault. */
/**
 * The routines an agenda names, each resolved for this group (its own, the library's current versions,
 * Ensemble's); a 400 names the choice at fault (`<path>.<i>.routineId`).
 */
export async function resolveAgenda(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  districtId: string,
  groupId: string,
  choices: readonly { routineId: string; routineVersion?: number | undefined }[],
  path = 'agenda',
): Promise<Routine[]> {
  const routines: Routine[] = [];
  for (const [i, choice] of choices.entries()) {
    const routine = await resolveRoutine(
      db,
      shipped,
      districtId,
      groupId,
      choice.routineId,
      choice.routineVersion,
      { current: true },
    );
    if (!routine)
      throw badRequest('Choose a routine this team can run.', [
        { path: `${path}.${i}.routineId`, message: 'Unknown routine or version' },
      ]);
    routines.push(routine);
  }
  return routines;
}

/** A schedule request's agenda, or its one-routine shorthand (`routineId`, whose 400 names `routineId`). */
export function resolveScheduleAgenda(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  actor: Actor,
  groupId: string,
  body: ScheduleMeetingRequest,
): Promise<Routine[]> {
  if (body.agenda) return resolveAgenda(db, shipped, actor.districtId, groupId, body.agenda);
  if (body.routineId === undefined) return Promise.resolve([]);
  return resolveRoutine(db, shipped, actor.districtId, groupId, body.routineId, body.routineVersion, {
    current: true,
  }).then((routine) => {
    if (!routine)
      throw badRequest('Choose a routine this team can run.', [
        { path: 'routineId', message: 'Unknown routine or version' },
      ]);
    return [routine];
  });
}

/**
 * ROUTINE-LIB-NEW-3: new routine ids are unique in the district. Creating takes this transaction lock first,
 * so two teams naming a routine alike at the same moment still get different ids.
 */
export async function lockRoutineIds(tx: DbOrTx, districtId: string): Promise<Set<string>> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`routine-ids:${districtId}`}))`);
  const [own, shared] = await Promise.all([
    tx
      .selectDistinct({ id: teamRoutines.routineId })
      .from(teamRoutines)
      .where(eq(teamRoutines.districtId, districtId)),
    tx
      .selectDistinct({ id: routineLibrary.routineId })
      .from(routineLibrary)
      .where(eq(routineLibrary.districtId, districtId)),
  ]);
  return new Set([...own, ...shared].map((r) => r.id));
}

/** Saves new routines of a group under ids unique in the district; returns each with the id it got. */
export async function insertNewRoutines(
  tx: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  actor: Actor,
  groupId: string,
  routines: readonly Routine[],
): Promise<Routine[]> {
  const taken = await lockRoutineIds(tx, actor.districtId);
  for (const id of shipped.keys()) taken.add(id);
  const saved: Routine[] = [];
  for (const routine of routines) {
    const id = uniqueRoutineId(routine.id, taken);
    taken.add(id);
    saved.push({ ...routine, id });
  }
  if (saved.length > 0)
    await tx.insert(teamRoutines).values(
      saved.map((r) => ({
        districtId: actor.districtId,
        groupId,
        routineId: r.id,
        version: r.version,
        definition: r,
        createdBy: actor.userId,
      })),
    );
  return saved;
}

/**
 * ROUTINE-LIB-SHARE-1: publishes `routine` (the group's latest version) to the library. Sharing the same
 * version again changes whom it is shared with (and brings a withdrawn routine back); a new version is a new
 * row. Returns null when the id belongs to another group's routine in the library.
 */
export async function publishRoutine(
  tx: DbOrTx,
  actor: Actor,
  group: GroupRow,
  routine: Routine,
  scope: LibraryScope,
): Promise<LibraryRow | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`routine-ids:${actor.districtId}`}))`);
  const existing = await tx
    .select({ groupId: routineLibrary.groupId })
    .from(routineLibrary)
    .where(and(eq(routineLibrary.districtId, actor.districtId), eq(routineLibrary.routineId, routine.id)))
    .limit(1);
  if (existing[0] && existing[0].groupId !== group.id) return null;
  const schoolId = scope === 'school' ? group.schoolId : null;
  const [row] = await tx
    .insert(routineLibrary)
    .values({
      districtId: actor.districtId,
      schoolId,
      groupId: group.id,
      routineId: routine.id,
      version: routine.version,
      definition: routine,
      authorId: actor.userId,
    })
    .onConflictDoUpdate({
      target: [routineLibrary.districtId, routineLibrary.routineId, routineLibrary.version],
      set: { schoolId, authorId: actor.userId, sharedAt: sql`now()`, withdrawnAt: null },
    })
    .returning();
  // Only the newest version is on offer: older shared versions leave the library.
  await tx
    .update(routineLibrary)
    .set({ withdrawnAt: sql`now()` })
    .where(
      and(
        eq(routineLibrary.districtId, actor.districtId),
        eq(routineLibrary.routineId, routine.id),
        sql`${routineLibrary.version} <> ${routine.version}`,
        isNull(routineLibrary.withdrawnAt),
      ),
    );
  return row ?? null;
}

/** ROUTINE-LIB-SHARE-4: takes every version of a routine out of the library. */
export async function withdrawRoutine(tx: DbOrTx, districtId: string, routineId: string): Promise<number> {
  const rows = await tx
    .update(routineLibrary)
    .set({ withdrawnAt: sql`now()` })
    .where(
      and(
        eq(routineLibrary.districtId, districtId),
        eq(routineLibrary.routineId, routineId),
        isNull(routineLibrary.withdrawnAt),
      ),
    )
    .returning({ id: routineLibrary.id });
  return rows.length;
}

/** Names of the schools of the given ids (for the library's labels). */
export async function schoolNameOf(db: DbOrTx, districtId: string, schoolId: string | null) {
  if (schoolId === null) return null;
  const [row] = await db
    .select({ name: schools.name })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), inArray(schools.id, [schoolId])));
  return row?.name ?? null;
}
