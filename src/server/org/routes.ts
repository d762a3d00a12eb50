import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Person } from '#contracts/org';
import type { DbOrTx } from '../db/client';
import { districts, schoolRoles, schools, sessions, users } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentPerson, presentSchool } from './presenter';

async function loadSchool(db: DbOrTx, actor: Actor, schoolId: string) {
  const [school] = await db
    .select()
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.districtId, actor.districtId)));
  if (!school) throw notFound('That school');
  return school;
}

async function loadPerson(db: DbOrTx, actor: Actor, userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.districtId, actor.districtId)));
  if (!user) throw notFound('That person');
  return user;
}

async function schoolRolesOf(db: DbOrTx, districtId: string, userIds: string[]) {
  const byUser = new Map<string, Person['schools']>();
  if (!userIds.length) return byUser;
  const rows = await db
    .select({ userId: schoolRoles.userId, schoolId: schoolRoles.schoolId, role: schoolRoles.role })
    .from(schoolRoles)
    .where(and(eq(schoolRoles.districtId, districtId), inArray(schoolRoles.userId, userIds)));
  for (const r of rows) {
    const list = byUser.get(r.userId) ?? [];
    list.push({ schoolId: r.schoolId, role: r.role });
    byUser.set(r.userId, list);
  }
  return byUser;
}

export async function presentPersonById(db: DbOrTx, actor: Actor, userId: string): Promise<Person> {
  const user = await loadPerson(db, actor, userId);
  const roles = await schoolRolesOf(db, actor.districtId, [user.id]);
  return presentPerson(user, roles.get(user.id) ?? []);
}

export function registerOrgRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.district, async ({ actor }) => {
    const [d] = await s.db.select().from(districts).where(eq(districts.id, actor.districtId));
    if (!d) throw notFound('That district');
    authorize(actor, 'read', { kind: 'district', id: d.id, districtId: d.id });
    return { id: d.id, name: d.name, createdAt: d.createdAt.toISOString() };
  });

  registerEndpoint(app, api.listSchools, async ({ actor }) => {
    const rows = await s.db
      .select()
      .from(schools)
      .where(eq(schools.districtId, actor.districtId))
      .orderBy(asc(schools.name));
    return { items: rows.map(presentSchool) };
  });

  registerEndpoint(app, api.createSchool, async ({ actor, body }) => {
    authorize(actor, 'create', { kind: 'school', id: '', districtId: actor.districtId });
    const [row] = await s.db
      .insert(schools)
      .values({ districtId: actor.districtId, name: body.name })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return presentSchool(row);
  });

  registerEndpoint(app, api.updateSchool, async ({ actor, body, params }) => {
    const school = await loadSchool(s.db, actor, params.schoolId);
    authorize(actor, 'update', { kind: 'school', id: school.id, districtId: school.districtId });
    const patch: Partial<typeof schools.$inferInsert> = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.archived !== undefined)
      patch.archivedAt = body.archived ? (school.archivedAt ?? new Date()) : null;
    if (!Object.keys(patch).length) return presentSchool(school);
    const [row] = await s.db
      .update(schools)
      .set(patch)
      .where(and(eq(schools.id, school.id), eq(schools.districtId, actor.districtId)))
      .returning();
    if (!row) throw notFound('That school');
    return presentSchool(row);
  });

  registerEndpoint(app, api.listPeople, async ({ actor }) => {
    authorize(actor, 'list-people', { kind: 'district', id: actor.districtId, districtId: actor.districtId });
    let rows;
    if (actor.districtRole === 'district_admin') {
      rows = await s.db
        .select()
        .from(users)
        .where(eq(users.districtId, actor.districtId))
        .orderBy(asc(users.name));
    } else {
      // A principal sees the people of the schools they lead.
      const led = [...actor.schoolRoles].filter(([, r]) => r === 'school_leader').map(([id]) => id);
      const ids = await s.db
        .selectDistinct({ userId: schoolRoles.userId })
        .from(schoolRoles)
        .where(and(eq(schoolRoles.districtId, actor.districtId), inArray(schoolRoles.schoolId, led)));
      rows = ids.length
        ? await s.db
            .select()
            .from(users)
            .where(
              and(
                eq(users.districtId, actor.districtId),
                inArray(
                  users.id,
                  ids.map((r) => r.userId),
                ),
              ),
            )
            .orderBy(asc(users.name))
        : [];
    }
    const roles = await schoolRolesOf(
      s.db,
      actor.districtId,
      rows.map((u) => u.id),
    );
    return { items: rows.map((u) => presentPerson(u, roles.get(u.id) ?? [])) };
  });

  registerEndpoint(app, api.updatePerson, async ({ actor, body, params }) => {
    return s.db.transaction(async (tx) => {
      const person = await loadPerson(tx, actor, params.userId);
      authorize(actor, 'update', { kind: 'person', id: person.id, districtId: person.districtId });
      const losingAdmin =
        person.districtRole === 'district_admin' && (body.districtRole === 'member' || body.active === false);
      if (losingAdmin) {
        // Lock the admins so two concurrent demotions cannot leave the district without one.
        const [others] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(
            and(
              eq(users.districtId, actor.districtId),
              eq(users.districtRole, 'district_admin'),
              isNull(users.deactivatedAt),
              ne(users.id, person.id),
            ),
          );
        if ((others?.n ?? 0) === 0)
          throw conflict('A district needs at least one active admin. Make someone else an admin first.');
      }
      const patch: Partial<typeof users.$inferInsert> = {};
      if (body.districtRole !== undefined) patch.districtRole = body.districtRole;
      if (body.active !== undefined)
        patch.deactivatedAt = body.active ? null : (person.deactivatedAt ?? new Date());
      if (Object.keys(patch).length) {
        await tx
          .update(users)
          .set(patch)
          .where(and(eq(users.id, person.id), eq(users.districtId, actor.districtId)));
      }
      if (body.active === false) {
        // Deactivation ends access at once; the person's contributions stay, still attributed.
        await tx
          .delete(sessions)
          .where(and(eq(sessions.districtId, actor.districtId), eq(sessions.userId, person.id)));
      }
      return presentPersonById(tx, actor, person.id);
    });
  });

  registerEndpoint(app, api.setSchoolRole, async ({ actor, body, params }) => {
    return s.db.transaction(async (tx) => {
      const school = await loadSchool(tx, actor, params.schoolId);
      const person = await loadPerson(tx, actor, params.userId);
      authorize(actor, 'update', {
        kind: 'school-role',
        districtId: school.districtId,
        schoolId: school.id,
        role: body.role,
      });
      const [current] = await tx
        .select()
        .from(schoolRoles)
        .where(
          and(
            eq(schoolRoles.schoolId, school.id),
            eq(schoolRoles.userId, person.id),
            eq(schoolRoles.districtId, actor.districtId),
          ),
        );
      if (current?.role === 'school_leader' && actor.districtRole !== 'district_admin') {
        authorize(actor, 'update', {
          kind: 'school-role',
          districtId: school.districtId,
          schoolId: school.id,
          role: 'school_leader',
        });
      }
      if (body.role === null) {
        await tx
          .delete(schoolRoles)
          .where(
            and(
              eq(schoolRoles.schoolId, school.id),
              eq(schoolRoles.userId, person.id),
              eq(schoolRoles.districtId, actor.districtId),
            ),
          );
      } else {
        await tx
          .insert(schoolRoles)
          .values({ districtId: actor.districtId, schoolId: school.id, userId: person.id, role: body.role })
          .onConflictDoUpdate({
            target: [schoolRoles.schoolId, schoolRoles.userId],
            set: { role: body.role },
          });
      }
      return presentPersonById(tx, actor, person.id);
    });
  });
}
