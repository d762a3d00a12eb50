/**
 * A network's cohorts (issue 14): groups of kind `cohort` in the network's tenant, each running in cycles with
 * one focus and a goal. Their meetings, memory and series are the groups' own endpoints, called in the network
 * (ADR 0032).
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { groupMembers, groups } from '../db/schema';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import type { Services } from '../services';
import { groupSubject } from '../groups/queries';
import { presentCohort } from './presenter';
import { addCycle, cohortsOf, currentCycles, loadCohort, memberCounts, type CohortRow } from './queries';
import type { DbOrTx } from '../db/client';

const networkSubject = (actor: Actor) => ({
  kind: 'network' as const,
  id: actor.districtId,
  districtId: actor.districtId,
});

async function present(db: DbOrTx, actor: Actor, cohort: CohortRow) {
  const [cycles, counts] = await Promise.all([
    currentCycles(db, actor.districtId, [cohort.id]),
    memberCounts(db, actor.districtId, [cohort.id]),
  ]);
  const cycle = cycles.get(cohort.id);
  if (!cycle) throw new Error(`cohort ${cohort.id} has no cycle`);
  return presentCohort(cohort, cycle, counts.get(cohort.id) ?? 0, {
    member: actor.groupRoles.has(cohort.id),
    canManage: can(actor, 'update', groupSubject(cohort)),
  });
}

export function registerCohortRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.listCohorts, async ({ actor }) => {
    authorize(actor, 'read', networkSubject(actor));
    const cohorts = await cohortsOf(s.db, actor.districtId);
    const ids = cohorts.map((c) => c.id);
    const [cycles, counts] = await Promise.all([
      currentCycles(s.db, actor.districtId, ids),
      memberCounts(s.db, actor.districtId, ids),
    ]);
    return {
      items: cohorts.flatMap((c) => {
        const cycle = cycles.get(c.id);
        return cycle
          ? [
              presentCohort(c, cycle, counts.get(c.id) ?? 0, {
                member: actor.groupRoles.has(c.id),
                canManage: can(actor, 'update', groupSubject(c)),
              }),
            ]
          : [];
      }),
    };
  });

  registerEndpoint(app, api.createCohort, async ({ actor, body }) => {
    authorize(actor, 'create', {
      kind: 'new-group',
      districtId: actor.districtId,
      schoolId: null,
      groupKind: 'cohort',
    });
    return s.db.transaction(async (tx) => {
      const [cohort] = await tx
        .insert(groups)
        .values({ districtId: actor.districtId, schoolId: null, kind: 'cohort', name: body.name })
        .returning();
      if (!cohort) throw new Error('insert returned no row');
      await tx.insert(groupMembers).values({
        districtId: actor.districtId,
        groupId: cohort.id,
        userId: actor.userId,
        role: 'facilitator',
      });
      await addCycle(tx, actor.districtId, cohort.id, body);
      const creator: Actor = {
        ...actor,
        groupRoles: new Map([...actor.groupRoles, [cohort.id, 'facilitator']]),
      };
      return present(tx, creator, cohort);
    });
  });

  registerEndpoint(app, api.startCohortCycle, async ({ actor, params, body }) => {
    const cohort = await loadCohort(s.db, actor.districtId, params.groupId);
    authorize(actor, 'update', groupSubject(cohort));
    return s.db.transaction(async (tx) => {
      await addCycle(tx, actor.districtId, cohort.id, body);
      return present(tx, actor, cohort);
    });
  });

  registerEndpoint(app, api.joinCohort, async ({ actor, params }) => {
    authorize(actor, 'read', networkSubject(actor));
    const cohort = await loadCohort(s.db, actor.districtId, params.groupId);
    await s.db
      .insert(groupMembers)
      .values({ districtId: actor.districtId, groupId: cohort.id, userId: actor.userId, role: 'member' })
      .onConflictDoNothing();
    const [row] = await s.db
      .select({ role: groupMembers.role })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.districtId, actor.districtId),
          eq(groupMembers.groupId, cohort.id),
          eq(groupMembers.userId, actor.userId),
        ),
      );
    const joined: Actor = {
      ...actor,
      groupRoles: new Map([...actor.groupRoles, [cohort.id, row?.role ?? 'member']]),
    };
    return present(s.db, joined, cohort);
  });
}
