import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Person } from '#contracts/org';
import type { DbOrTx } from '../db/client';
import { issueOneTimeLink } from '../auth/one-time-links';
import { hashSecret } from '../auth/tokens';
import { recordAudit } from '../audit/record';
import { districts, oneTimeTokens, schoolRoles, schools, sessions, users } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentDistrict, presentPerson, presentSchool } from './presenter';

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
    return presentDistrict(d);
  });

  registerEndpoint(app, api.updateDistrict, async ({ actor, body }) => {
    authorize(actor, 'update', { kind: 'district', id: actor.districtId, districtId: actor.districtId });
    const [d] = await s.db
      .update(districts)
      .set({ timeZone: body.timeZone })
      .where(eq(districts.id, actor.districtId))
      .returning();
    if (!d) throw notFound('That district');
    return presentDistrict(d);
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
      .values({ districtId: actor.districtId, name: body.name, timeZone: body.timeZone ?? null })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return presentSchool(row);
  });

  registerEndpoint(app, api.updateSchool, async ({ actor, body, params }) => {
    const school = await loadSchool(s.db, actor, params.schoolId);
    authorize(actor, 'update', { kind: 'school', id: school.id, districtId: school.districtId });
    const patch: Partial<typeof schools.$inferInsert> = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.timeZone !== undefined) patch.timeZone = body.timeZone;
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

  registerEndpoint(app, api.updatePerson, async ({ actor, body, params, req }) => {
    const updated = await s.db.transaction(async (tx) => {
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
      // TRUST-AUDIT-2: role changes, deactivations and reactivations, in the same transaction.
      const subject = { type: 'person', id: person.id };
      if (body.districtRole !== undefined && body.districtRole !== person.districtRole) {
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: 'person.district_role_changed',
          subject,
          details: { from: person.districtRole, to: body.districtRole },
          from: req,
        });
      }
      if (body.active !== undefined && body.active === (person.deactivatedAt !== null)) {
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: body.active ? 'person.reactivated' : 'person.deactivated',
          subject,
          from: req,
        });
      }
      if (body.active === false) {
        // Deactivation ends access at once; the person's contributions stay, still attributed.
        await tx
          .delete(sessions)
          .where(and(eq(sessions.districtId, actor.districtId), eq(sessions.userId, person.id)));
      }
      return presentPersonById(tx, actor, person.id);
    });
    s.access.personChanged(actor.districtId, updated.id); // TRUST-REVOKE-4 (deactivation), TRUST-REVOKE-5 (role)
    return updated;
  });

  registerEndpoint(app, api.setSchoolRole, async ({ actor, body, params, req }) => {
    const updated = await s.db.transaction(async (tx) => {
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
      if ((current?.role ?? null) !== body.role) {
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: 'person.school_role_changed',
          subject: { type: 'person', id: person.id },
          details: { schoolId: school.id, from: current?.role ?? null, to: body.role },
          from: req,
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
    s.access.personChanged(actor.districtId, updated.id); // TRUST-REVOKE-5
    return updated;
  });

  registerEndpoint(app, api.issueResetLink, async ({ actor, params, req }) => {
    return s.db.transaction(async (tx) => {
      const person = await loadPerson(tx, actor, params.userId);
      authorize(actor, 'reset-password', { kind: 'person', id: person.id, districtId: person.districtId });
      if (person.deactivatedAt)
        throw conflict('This person is deactivated. Reactivate them before creating a reset link.');
      // TRUST-RESET-LINK-5: with email set up, people reset their own password; a link an admin holds would
      // let the admin sign in as them.
      if (s.mailer.mode === 'smtp')
        throw conflict(
          'Email is set up on this server: ask them to use “Forgot your password?” on the sign-in page.',
        );
      // TRUST-RESET-LINK-1: one live link at a time; earlier unused ones stop working.
      await tx
        .update(oneTimeTokens)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(oneTimeTokens.districtId, actor.districtId),
            eq(oneTimeTokens.userId, person.id),
            inArray(oneTimeTokens.purpose, ['password_reset', 'admin_password_reset']),
            isNull(oneTimeTokens.usedAt),
          ),
        );
      // Only the hash is stored; the link is in this answer and nowhere else (not mailed, not logged).
      const secret = await issueOneTimeLink(tx, person, 'admin_password_reset');
      const [token] = await tx
        .select({ expiresAt: oneTimeTokens.expiresAt })
        .from(oneTimeTokens)
        .where(eq(oneTimeTokens.tokenHash, hashSecret(secret)));
      if (!token) throw new Error('reset link was not stored');
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'auth.reset_link_issued',
        subject: { type: 'person', id: person.id },
        from: req,
      });
      return {
        link: s.link(`/reset-password?token=${encodeURIComponent(secret)}`, req),
        expiresAt: token.expiresAt.toISOString(),
      };
    });
  });
}
