import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Actor } from '../policy/actor';
import { newJoinCode } from '../auth/tokens';
import type { DbOrTx } from '../db/client';
import { groupJoinRequests, groupMembers, groups, joinCodes, schools, users } from '../db/schema';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import {
  addMembership,
  groupSubject,
  listPendingJoinRequests,
  listVisibleGroups,
  loadGroup,
  loadPendingJoinRequest,
  managesByRankOnly,
  presentGroupDetail,
  requestToJoin,
  updateMeetingSettings,
} from './queries';
import { presentMeetingSettings } from './presenter';

/** After a membership change the actor's own role map is stale for this request: refresh it. */
async function withFreshRoles(db: DbOrTx, actor: Actor): Promise<Actor> {
  const rows = await db
    .select({ groupId: groupMembers.groupId, role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.districtId, actor.districtId), eq(groupMembers.userId, actor.userId)));
  return { ...actor, groupRoles: new Map(rows.map((r) => [r.groupId, r.role])) };
}

export function registerGroupRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.listGroups, async ({ actor }) => ({
    items: await listVisibleGroups(s.db, actor),
  }));

  registerEndpoint(app, api.createGroup, async ({ actor, body }) => {
    const schoolId = body.schoolId ?? null;
    authorize(actor, 'create', {
      kind: 'new-group',
      districtId: actor.districtId,
      schoolId,
      groupKind: body.kind,
    });
    return s.db.transaction(async (tx) => {
      if (schoolId) {
        const [school] = await tx
          .select()
          .from(schools)
          .where(and(eq(schools.id, schoolId), eq(schools.districtId, actor.districtId)));
        if (!school)
          throw badRequest('Choose a school of your district.', [
            { path: 'schoolId', message: 'Unknown school' },
          ]);
        if (school.archivedAt)
          throw badRequest('That school is archived.', [
            { path: 'schoolId', message: 'The school is archived' },
          ]);
      }
      const [g] = await tx
        .insert(groups)
        .values({
          districtId: actor.districtId,
          schoolId,
          kind: body.kind,
          focus: body.kind === 'teacher_team' ? (body.focus ?? 'plc') : null,
          name: body.name,
        })
        .returning();
      if (!g) throw new Error('insert returned no row');
      // Whoever creates a team facilitates it until they hand that over.
      await addMembership(tx, g, actor.userId, 'facilitator');
      return presentGroupDetail(tx, await withFreshRoles(tx, actor), g);
    });
  });

  registerEndpoint(app, api.getGroup, async ({ actor, params }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(g));
    return presentGroupDetail(s.db, actor, g);
  });

  // DAY-TIMER-2: the team's meeting settings; members read them, those who run its meetings change them.
  registerEndpoint(app, api.getMeetingSettings, async ({ actor, params }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(g));
    return presentMeetingSettings(actor, g);
  });

  registerEndpoint(app, api.updateMeetingSettings, async ({ actor, params, body }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(g));
    return presentMeetingSettings(actor, await updateMeetingSettings(s.db, g, body));
  });

  registerEndpoint(app, api.updateGroup, async ({ actor, params, body }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'update', groupSubject(g));
    const patch: Partial<typeof groups.$inferInsert> = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.focus !== undefined && g.kind === 'teacher_team') patch.focus = body.focus;
    const [row] = Object.keys(patch).length
      ? await s.db
          .update(groups)
          .set(patch)
          .where(and(eq(groups.id, g.id), eq(groups.districtId, actor.districtId)))
          .returning()
      : [g];
    return presentGroupDetail(s.db, actor, row ?? g);
  });

  registerEndpoint(app, api.addMember, async ({ actor, params, body, req }) => {
    const newMember: { userId: string | null } = { userId: null };
    const detail = await s.db.transaction(async (tx) => {
      const g = await loadGroup(tx, actor, params.groupId);
      authorize(actor, 'manage-members', groupSubject(g));
      if (body.userId === actor.userId && managesByRankOnly(actor, g)) {
        // TRUST-LEAD-1: a leader or admin cannot make themselves a member silently: the team decides.
        const current = actor.groupRoles.get(g.id);
        if (current !== body.role) await requestToJoin(tx, g, actor, body.role, 'self_add', req);
        return presentGroupDetail(tx, actor, g);
      }
      const [person] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, body.userId), eq(users.districtId, actor.districtId)));
      if (!person)
        throw badRequest('Choose a person of your district.', [
          { path: 'userId', message: 'Unknown person' },
        ]);
      if (person.deactivatedAt)
        throw badRequest('That person is deactivated.', [{ path: 'userId', message: 'Deactivated' }]);
      // Adding only adds: a role change goes through updateMember, with its last-facilitator check, its audit
      // entry and the closing of the person's sockets (TRUST-LEAD-9).
      const added = await tx
        .insert(groupMembers)
        .values({ districtId: actor.districtId, groupId: g.id, userId: person.id, role: body.role })
        .onConflictDoNothing({ target: [groupMembers.groupId, groupMembers.userId] })
        .returning({ userId: groupMembers.userId });
      if (!added.length)
        throw conflict('Already a member of this team: change their role in the member list.', [
          { path: 'userId', message: 'Already a member' },
        ]);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'group.member_added',
        subject: { type: 'group', id: g.id },
        details: { userId: person.id, role: body.role },
        from: req,
      });
      newMember.userId = person.id;
      return presentGroupDetail(tx, await withFreshRoles(tx, actor), g);
    });
    // PM-ROSTER-1: someone added while the team's meeting runs takes part in it at once.
    if (newMember.userId)
      await s.meetings.addToOpenMeetings(actor.districtId, params.groupId, newMember.userId);
    return detail;
  });

  registerEndpoint(app, api.updateMember, async ({ actor, params, body, req }) => {
    const detail = await s.db.transaction(async (tx) => {
      const g = await loadGroup(tx, actor, params.groupId);
      authorize(actor, 'manage-members', groupSubject(g));
      if (params.userId === actor.userId && body.role === 'facilitator' && managesByRankOnly(actor, g)) {
        // TRUST-LEAD-1: a leader who is a member does not make themselves the team's facilitator alone.
        if (!actor.groupRoles.has(g.id)) throw notFound('That member');
        await requestToJoin(tx, g, actor, 'facilitator', 'self_add', req);
        return presentGroupDetail(tx, actor, g);
      }
      await ensureAnotherFacilitatorIfDemoting(
        tx,
        g.id,
        actor.districtId,
        params.userId,
        body.role === 'member',
      );
      const updated = await tx
        .update(groupMembers)
        .set({ role: body.role })
        .where(
          and(
            eq(groupMembers.groupId, g.id),
            eq(groupMembers.userId, params.userId),
            eq(groupMembers.districtId, actor.districtId),
          ),
        )
        .returning();
      if (!updated.length) throw notFound('That member');
      return presentGroupDetail(tx, await withFreshRoles(tx, actor), g);
    });
    s.access.personChanged(actor.districtId, params.userId); // TRUST-REVOKE-5
    return detail;
  });

  registerEndpoint(app, api.removeMember, async ({ actor, params }) => {
    const detail = await s.db.transaction(async (tx) => {
      const g = await loadGroup(tx, actor, params.groupId);
      const leaving = params.userId === actor.userId;
      authorize(actor, leaving ? 'leave' : 'manage-members', groupSubject(g));
      await ensureAnotherFacilitatorIfDemoting(tx, g.id, actor.districtId, params.userId, true);
      const removed = await tx
        .delete(groupMembers)
        .where(
          and(
            eq(groupMembers.groupId, g.id),
            eq(groupMembers.userId, params.userId),
            eq(groupMembers.districtId, actor.districtId),
          ),
        )
        .returning();
      if (!removed.length) throw notFound('That member');
      const fresh = await withFreshRoles(tx, actor);
      if (
        leaving &&
        !(
          fresh.districtRole === 'district_admin' ||
          (g.schoolId && fresh.schoolRoles.get(g.schoolId) === 'school_leader')
        )
      ) {
        // Someone who left and does not lead the group can no longer read it: answer with what they may see.
        return presentGroupDetail(tx, fresh, g, null).then((d) => ({
          ...d,
          members: [],
          joinCode: null,
          joinRequests: [],
        }));
      }
      return presentGroupDetail(tx, fresh, g);
    });
    // TRUST-REVOKE-6: off the rosters of the team's open meetings first, then their sockets close.
    await s.meetings.removeFromOpenMeetings(actor.districtId, params.groupId, params.userId);
    s.access.personChanged(actor.districtId, params.userId);
    return detail;
  });

  registerEndpoint(app, api.listJoinRequests, async ({ actor, params }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(g));
    return { items: await listPendingJoinRequests(s.db, g) };
  });

  for (const [endpoint, status] of [
    [api.acceptJoinRequest, 'accepted'],
    [api.declineJoinRequest, 'declined'],
  ] as const) {
    registerEndpoint(app, endpoint, async ({ actor, params, req }) => {
      const joined: { userId: string | null } = { userId: null };
      const detail = await s.db.transaction(async (tx) => {
        const g = await loadGroup(tx, actor, params.groupId);
        const { row, subject } = await loadPendingJoinRequest(tx, g, params.requestId);
        authorize(actor, 'decide', subject);
        await tx
          .update(groupJoinRequests)
          .set({ status, decidedBy: actor.userId, decidedAt: new Date() })
          .where(and(eq(groupJoinRequests.id, row.id), eq(groupJoinRequests.districtId, actor.districtId)));
        if (status === 'accepted') {
          const [person] = await tx
            .select({ deactivatedAt: users.deactivatedAt })
            .from(users)
            .where(and(eq(users.id, row.userId), eq(users.districtId, actor.districtId)));
          if (!person || person.deactivatedAt) throw conflict('That person is deactivated and cannot join.');
          await addMembership(tx, g, row.userId, row.role);
          joined.userId = row.userId;
        }
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: status === 'accepted' ? 'group.join_request_accepted' : 'group.join_request_declined',
          subject: { type: 'group', id: g.id },
          details: { requestId: row.id, requesterId: row.userId, role: row.role, via: row.via },
          from: req,
        });
        return presentGroupDetail(tx, actor, g);
      });
      // PM-ROSTER-1: a request accepted while the team's meeting runs: they take part in it at once.
      if (joined.userId) await s.meetings.addToOpenMeetings(actor.districtId, params.groupId, joined.userId);
      return detail;
    });
  }

  registerEndpoint(app, api.withdrawJoinRequest, async ({ actor, params, req }) => {
    return s.db.transaction(async (tx) => {
      const g = await loadGroup(tx, actor, params.groupId);
      const { row, subject } = await loadPendingJoinRequest(tx, g, params.requestId);
      authorize(actor, 'withdraw', subject);
      await tx
        .update(groupJoinRequests)
        .set({ status: 'withdrawn', decidedBy: actor.userId, decidedAt: new Date() })
        .where(and(eq(groupJoinRequests.id, row.id), eq(groupJoinRequests.districtId, actor.districtId)));
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'group.join_request_withdrawn',
        subject: { type: 'group', id: g.id },
        details: { requestId: row.id, role: row.role, via: row.via },
        from: req,
      });
      return presentGroupDetail(tx, actor, g);
    });
  });

  registerEndpoint(app, api.createJoinCode, async ({ actor, params, body }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'manage-join-code', groupSubject(g));
    return s.db.transaction(async (tx) => {
      // One live code per group: a new one replaces the old.
      await tx
        .update(joinCodes)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(joinCodes.groupId, g.id),
            eq(joinCodes.districtId, actor.districtId),
            isNull(joinCodes.revokedAt),
          ),
        );
      const expiresAt = new Date(Date.now() + body.expiresInHours * 3_600_000);
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = newJoinCode();
        const inserted = await tx
          .insert(joinCodes)
          .values({ districtId: actor.districtId, groupId: g.id, code, expiresAt, createdBy: actor.userId })
          .onConflictDoNothing()
          .returning();
        if (inserted.length) return { code, expiresAt: expiresAt.toISOString() };
      }
      throw conflict('Could not make a unique code. Try again.');
    });
  });

  registerEndpoint(app, api.revokeJoinCode, async ({ actor, params }) => {
    const g = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'manage-join-code', groupSubject(g));
    await s.db
      .update(joinCodes)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(joinCodes.groupId, g.id),
          eq(joinCodes.districtId, actor.districtId),
          isNull(joinCodes.revokedAt),
        ),
      );
    return { ok: true as const };
  });
}

/** A group keeps at least one facilitator, so someone can always run its meetings. */
async function ensureAnotherFacilitatorIfDemoting(
  tx: DbOrTx,
  groupId: string,
  districtId: string,
  userId: string,
  demoting: boolean,
) {
  if (!demoting) return;
  const [target] = await tx
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.userId, userId),
        eq(groupMembers.districtId, districtId),
      ),
    );
  if (target?.role !== 'facilitator') return;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.districtId, districtId),
        eq(groupMembers.role, 'facilitator'),
      ),
    );
  if ((row?.n ?? 0) <= 1)
    throw conflict('A group needs at least one facilitator. Make someone else facilitator first.');
}
