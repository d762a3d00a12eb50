import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Routine } from '#contracts/routine';
import { IMPORT_BODY_MAX } from '#contracts/routine-library';
import { customizeRoutine, formatFileIssue, formatPath, validateRoutine } from '#core/routines/index';
import { routineToYaml } from '#core/routines/export';
import { copyRoutine, slugFromName } from '#core/routines/library';
import { parseRoutineFiles } from '#core/routines/parse';
import { recordAudit } from '../audit/record';
import { teamRoutines } from '../db/schema';
import { groupSubject, loadGroup } from '../groups/queries';
import { badRequest, conflict, notFound } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize, can, type LibraryRoutineSubject } from '../policy/policy';
import { isUniqueViolation } from '../meetings/store';
import type { Services } from '../services';
import { routineIn } from './catalog';
import { presentOffered, presentShared } from './presenter';
import {
  insertNewRoutines,
  libraryEntriesOf,
  offeredRoutines,
  publishRoutine,
  resolveRoutine,
  schoolNameOf,
  teamRoutinesOf,
  withdrawRoutine,
  type LibraryEntry,
} from './queries';

const librarySubject = (districtId: string, routineId: string, entries: readonly LibraryEntry[]) =>
  ({
    kind: 'library-routine',
    id: routineId,
    districtId,
    authorIds: entries.map((e) => e.row.authorId),
  }) satisfies LibraryRoutineSubject;

/** A new routine's problems, each at its field under `prefix` (`routine.steps.2.minutes`). */
function invalid(prefix: string, errors: readonly { path: readonly (string | number)[]; message: string }[]) {
  return badRequest(
    'The routine is not valid.',
    errors.map((e) => ({ path: [prefix, ...e.path].join('.'), message: e.message })),
  );
}

export function registerRoutineRoutes(app: FastifyInstance, s: Services) {
  /** Whether `routineId` is one the group may adapt in place: Ensemble's, or one of its own. */
  async function adaptable(actor: Actor, groupId: string, routineId: string) {
    if (s.routines.has(routineId)) return true;
    return (await teamRoutinesOf(s.db, actor.districtId, groupId)).some((r) => r.id === routineId);
  }

  registerEndpoint(app, api.listRoutines, async ({ actor, params, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const offered = await offeredRoutines(s.db, s.routines, group);
    // I18N-CONTENT-3: Ensemble's routines in the reader's language; a team's copies as the team wrote them.
    const language = languageOf(req);
    const shipped = offered.shipped.map((x) => ({ ...x, routine: routineIn(x.routine, language) }));
    return {
      items: presentOffered({ ...offered, shipped }, (e) =>
        can(actor, 'withdraw', librarySubject(actor.districtId, e.row.routineId, [e])),
      ),
    };
  });

  registerEndpoint(app, api.getRoutine, async ({ actor, params, query, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const routine = await resolveRoutine(
      s.db,
      s.routines,
      actor.districtId,
      group.id,
      params.routine,
      query.version,
    );
    if (!routine) throw notFound('That routine');
    return routineIn(routine, languageOf(req));
  });

  registerEndpoint(app, api.customizeRoutine, async ({ actor, params, body, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const found = await resolveRoutine(s.db, s.routines, actor.districtId, group.id, body.baseId);
    // I18N-CONTENT-7: the team adapts the words it was shown, so its copy is wholly in the language it read.
    const base = found && routineIn(found, languageOf(req));
    if (!base)
      throw badRequest('Choose a routine this team can run.', [
        { path: 'baseId', message: 'Unknown routine' },
      ]);
    // ROUTINE-LIB-NEW-2: a library routine is another team's; it is adapted as a copy under a new name.
    if (!(await adaptable(actor, group.id, base.id)))
      throw badRequest('Copy this routine under a new name to adapt it.', [
        { path: 'baseId', message: 'A routine from the library is copied, not changed in place' },
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

  registerEndpoint(app, api.createRoutine, async ({ actor, params, body, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    let draft: Routine;
    if (body.from === 'scratch' && body.routine) {
      const checked = validateRoutine({ ...body.routine, id: slugFromName(body.routine.name), version: 1 });
      if (!checked.ok) throw invalid('routine', checked.errors);
      draft = checked.routine;
    } else if (body.from === 'copy' && body.routineId !== undefined && body.name !== undefined) {
      const source = await resolveRoutine(
        s.db,
        s.routines,
        actor.districtId,
        group.id,
        body.routineId,
        body.version,
        { current: true },
      );
      if (!source)
        throw badRequest('Choose a routine this team can run.', [
          { path: 'routineId', message: 'Unknown routine or version' },
        ]);
      const words = routineIn(source, languageOf(req));
      const checked = validateRoutine(copyRoutine(words, slugFromName(body.name), body.name));
      if (!checked.ok) throw invalid('routine', checked.errors);
      draft = checked.routine;
    } else {
      throw badRequest('Say what the new routine starts from.', [
        { path: 'from', message: 'Incomplete request' },
      ]);
    }
    const [saved] = await s.db.transaction((tx) =>
      insertNewRoutines(tx, s.routines, actor, group.id, [draft]),
    );
    if (!saved) throw new Error('the new routine was not saved');
    return saved;
  });

  registerEndpoint(
    app,
    api.importRoutines,
    async ({ actor, params, body }) => {
      const group = await loadGroup(s.db, actor, params.groupId);
      authorize(actor, 'run-meetings', groupSubject(group));
      const parsed = parseRoutineFiles(body.files);
      // ROUTINE-LIB-IO-1: one problem anywhere and nothing is saved; every problem names its file and line.
      if (!parsed.ok) {
        const files = new Set(parsed.errors.map((e) => e.file)).size;
        throw badRequest(
          `Nothing was imported: ${files === 1 ? 'a file has' : `${files} files have`} problems to fix.`,
          parsed.errors.map((e) => ({ path: `${e.file}:${e.line}`, message: formatFileIssue(e) })),
        );
      }
      const routines = parsed.routines.map(({ routine }) => ({ ...routine, version: 1 }));
      const saved = await s.db.transaction((tx) =>
        insertNewRoutines(tx, s.routines, actor, group.id, routines),
      );
      return {
        items: saved.map((r, i) => {
          const fileId = parsed.routines[i]?.routine.id ?? r.id;
          return {
            file: parsed.routines[i]?.file ?? '',
            id: r.id,
            name: r.name,
            renamedFrom: fileId === r.id ? null : fileId,
          };
        }),
      };
    },
    // Several routine files (a few KB each) fit; a larger body gets a 413 like any over-long body.
    { bodyLimit: IMPORT_BODY_MAX, rateLimit: { max: 30, timeWindow: 60_000 } },
  );

  registerEndpoint(app, api.exportRoutine, async ({ actor, params, query, reply, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const routine = await resolveRoutine(
      s.db,
      s.routines,
      actor.districtId,
      group.id,
      params.routine,
      query.version,
    );
    if (!routine) throw notFound('That routine');
    void reply.header('content-disposition', `attachment; filename="${routine.id}.yaml"`);
    return routineToYaml(routineIn(routine, languageOf(req)));
  });

  registerEndpoint(app, api.shareRoutine, async ({ actor, params, body, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'share-routines', groupSubject(group));
    if (s.routines.has(params.routine))
      throw badRequest('Copy this routine under a new name to share it.', [
        {
          path: 'routine',
          message: "A team's version of an Ensemble routine is shared as a copy with its own name",
        },
      ]);
    const routine = (await teamRoutinesOf(s.db, actor.districtId, group.id)).find(
      (r) => r.id === params.routine,
    );
    if (!routine) throw notFound('That routine');
    if (body.scope === 'school' && group.schoolId === null)
      throw badRequest('This team belongs to no school: share it with the district.', [
        { path: 'scope', message: 'This team has no school' },
      ]);
    const row = await s.db.transaction(async (tx) => {
      const published = await publishRoutine(tx, actor, group, routine, body.scope);
      if (!published) return null;
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'routine.shared',
        subject: { type: 'routine', id: routine.id },
        details: { version: routine.version, scope: body.scope, groupId: group.id },
        from: req,
      });
      return published;
    });
    if (!row) throw conflict('Another team already shares a routine with this id. Copy it under a new name.');
    const entry = {
      row,
      authorName: actor.name,
      schoolName: await schoolNameOf(s.db, actor.districtId, row.schoolId),
    };
    return presentShared(
      entry,
      can(actor, 'withdraw', librarySubject(actor.districtId, row.routineId, [entry])),
    );
  });

  registerEndpoint(app, api.withdrawRoutine, async ({ actor, params, req }) => {
    const active = (await libraryEntriesOf(s.db, actor.districtId, params.routine)).filter(
      (e) => e.row.withdrawnAt === null,
    );
    if (active.length === 0) throw notFound('That routine in the library');
    authorize(actor, 'withdraw', librarySubject(actor.districtId, params.routine, active));
    await s.db.transaction(async (tx) => {
      const count = await withdrawRoutine(tx, actor.districtId, params.routine);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'routine.withdrawn',
        subject: { type: 'routine', id: params.routine },
        details: { versions: count },
        from: req,
      });
    });
    return { ok: true as const };
  });
}
