import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { customizeRoutine, formatPath } from '#core/routines/index';
import { teamRoutines } from '../db/schema';
import { groupSubject, loadGroup } from '../groups/queries';
import { badRequest, conflict, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import { isUniqueViolation } from '../meetings/store';
import type { Services } from '../services';
import { presentRoutineSummary } from './presenter';
import { progressionRank, resolveRoutine, teamRoutinesOf } from './queries';

export function registerRoutineRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.listRoutines, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const own = await teamRoutinesOf(s.db, actor.districtId, group.id);
    const ownIds = new Set(own.map((r) => r.id));
    const shipped = [...s.routines.values()]
      .filter((r) => !ownIds.has(r.id))
      .sort((a, b) => progressionRank(a.id) - progressionRank(b.id));
    return {
      items: [
        ...own.map((r) => presentRoutineSummary(r, true)),
        ...shipped.map((r) => presentRoutineSummary(r, false)),
      ],
    };
  });

  registerEndpoint(app, api.getRoutine, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const routine = await resolveRoutine(s.db, s.routines, actor.districtId, group.id, params.routine);
    if (!routine) throw notFound('That routine');
    return routine;
  });

  registerEndpoint(app, api.customizeRoutine, async ({ actor, params, body }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const base = await resolveRoutine(s.db, s.routines, actor.districtId, group.id, body.baseId);
    if (!base)
      throw badRequest('Choose a routine this team can run.', [
        { path: 'baseId', message: 'Unknown routine' },
      ]);
    const result = customizeRoutine(base, body.changes);
    if (!result.ok) {
      throw badRequest(
        'The changed routine is not valid.',
        result.errors.map((e) => ({ path: `changes: ${formatPath(e.path)}`, message: e.message })),
      );
    }
    try {
      await s.db.insert(teamRoutines).values({
        districtId: actor.districtId,
        groupId: group.id,
        routineId: result.routine.id,
        version: result.routine.version,
        definition: result.routine,
        createdBy: actor.userId,
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict(
          'Someone saved a newer version of this routine at the same time. Reload and try again.',
        );
      throw err;
    }
    return result.routine;
  });
}
