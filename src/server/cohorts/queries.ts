/** Cohorts' reads and writes (issue 14): every statement names the network's tenant. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { NewCycle } from '#contracts/cohorts';
import type { DbOrTx } from '../db/client';
import { cohortCycles, groupMembers, groups, users } from '../db/schema';
import { notFound } from '../http/errors';

export type CohortRow = typeof groups.$inferSelect;
export type CycleRow = typeof cohortCycles.$inferSelect;

/** A cohort of the caller's network, or 404 (another tenant's group, or a group that is not a cohort). */
export async function loadCohort(db: DbOrTx, networkId: string, groupId: string): Promise<CohortRow> {
  const [g] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.districtId, networkId), eq(groups.id, groupId), eq(groups.kind, 'cohort')));
  if (!g) throw notFound('That cohort');
  return g;
}

export async function cohortsOf(db: DbOrTx, networkId: string): Promise<CohortRow[]> {
  return db
    .select()
    .from(groups)
    .where(and(eq(groups.districtId, networkId), eq(groups.kind, 'cohort')))
    .orderBy(groups.name, groups.id);
}

/** Each cohort's newest cycle. */
export async function currentCycles(db: DbOrTx, networkId: string, groupIds: string[]) {
  const byGroup = new Map<string, CycleRow>();
  if (!groupIds.length) return byGroup;
  const rows = await db
    .selectDistinctOn([cohortCycles.groupId])
    .from(cohortCycles)
    .where(and(eq(cohortCycles.districtId, networkId), inArray(cohortCycles.groupId, groupIds)))
    .orderBy(cohortCycles.groupId, desc(cohortCycles.number));
  for (const r of rows) byGroup.set(r.groupId, r);
  return byGroup;
}

/** Active members of each cohort. */
export async function memberCounts(db: DbOrTx, networkId: string, groupIds: string[]) {
  const counts = new Map<string, number>();
  if (!groupIds.length) return counts;
  const rows = await db
    .select({ groupId: groupMembers.groupId, n: sql<number>`count(*)::int` })
    .from(groupMembers)
    .innerJoin(users, and(eq(users.districtId, groupMembers.districtId), eq(users.id, groupMembers.userId)))
    .where(
      and(
        eq(groupMembers.districtId, networkId),
        inArray(groupMembers.groupId, groupIds),
        sql`${users.deactivatedAt} is null`,
      ),
    )
    .groupBy(groupMembers.groupId);
  for (const r of rows) counts.set(r.groupId, r.n);
  return counts;
}

/** Adds the next cycle of a cohort (numbered after the newest); call inside the command's transaction. */
export async function addCycle(tx: DbOrTx, networkId: string, groupId: string, cycle: NewCycle) {
  // The cohort's row is locked first, so two cycles started at once are numbered one after the other.
  await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.districtId, networkId), eq(groups.id, groupId)))
    .for('update');
  const [newest] = await tx
    .select({ number: cohortCycles.number })
    .from(cohortCycles)
    .where(and(eq(cohortCycles.districtId, networkId), eq(cohortCycles.groupId, groupId)))
    .orderBy(desc(cohortCycles.number))
    .limit(1);
  const [row] = await tx
    .insert(cohortCycles)
    .values({
      districtId: networkId,
      groupId,
      number: (newest?.number ?? 0) + 1,
      focusArea: 'area' in cycle.focus ? cycle.focus.area : null,
      focusText: 'custom' in cycle.focus ? cycle.focus.custom : null,
      goal: cycle.goal,
      startsOn: cycle.startsOn ?? null,
      endsOn: cycle.endsOn ?? null,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
