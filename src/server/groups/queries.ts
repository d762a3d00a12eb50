import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { GroupDetail, GroupSummary, JoinRequest } from '#contracts/org';
import type { UpdateMeetingSettings } from '#contracts/meeting-settings';
import { recordAudit } from '../audit/record';
import type { DbOrTx } from '../db/client';
import { groupJoinRequests, groupMembers, groups, joinCodes, schools, users } from '../db/schema';
import { notFound } from '../http/errors';
import type { Actor } from '../policy/actor';
import { can, type GroupSubject, type JoinRequestSubject } from '../policy/policy';

export type GroupRow = typeof groups.$inferSelect;

export function groupSubject(g: GroupRow): GroupSubject {
  return { kind: 'group', id: g.id, districtId: g.districtId, schoolId: g.schoolId, groupKind: g.kind };
}

/** Loads a group of the caller's district; another district's group is simply not found. */
export async function loadGroup(db: DbOrTx, actor: Actor, groupId: string): Promise<GroupRow> {
  const [g] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.districtId, actor.districtId)));
  if (!g) throw notFound('That group');
  return g;
}

/** DAY-TIMER-2: changes the team's meeting settings (meetings opened afterwards copy them). */
/** The group's active (not deactivated) members, by name. */
export async function activeMembers(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(groupMembers)
    .innerJoin(users, and(eq(users.id, groupMembers.userId), eq(users.districtId, groupMembers.districtId)))
    .where(
      and(
        eq(groupMembers.districtId, districtId),
        eq(groupMembers.groupId, groupId),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name));
}

export async function updateMeetingSettings(
  db: DbOrTx,
  g: GroupRow,
  change: UpdateMeetingSettings,
): Promise<GroupRow> {
  if (change.autoStartTimer === undefined) return g;
  const [row] = await db
    .update(groups)
    .set({ autoStartTimer: change.autoStartTimer })
    .where(and(eq(groups.id, g.id), eq(groups.districtId, g.districtId)))
    .returning();
  return row ?? g;
}

const memberCount = sql<number>`(select count(*)::int from ${groupMembers} gm where gm.group_id = ${groups.id} and gm.district_id = ${groups.districtId})`;

/** Groups the caller belongs to, plus those they lead (their schools' groups; every group for admins). */
export async function listVisibleGroups(db: DbOrTx, actor: Actor): Promise<GroupSummary[]> {
  const mine = [...actor.groupRoles.keys()];
  const led = [...actor.schoolRoles].filter(([, r]) => r === 'school_leader').map(([id]) => id);
  const isAdmin = actor.districtRole === 'district_admin';
  const visible = isAdmin
    ? undefined
    : or(
        mine.length ? inArray(groups.id, mine) : sql`false`,
        led.length ? inArray(groups.schoolId, led) : sql`false`,
      );
  const rows = await db
    .select({ group: groups, schoolName: schools.name, memberCount })
    .from(groups)
    .leftJoin(schools, and(eq(schools.id, groups.schoolId), eq(schools.districtId, groups.districtId)))
    .where(and(eq(groups.districtId, actor.districtId), visible))
    .orderBy(asc(groups.name));
  return rows.map((r) => ({
    id: r.group.id,
    name: r.group.name,
    kind: r.group.kind,
    focus: r.group.focus,
    schoolId: r.group.schoolId,
    schoolName: r.schoolName,
    memberCount: r.memberCount,
    myRole: actor.groupRoles.get(r.group.id) ?? null,
  }));
}

/** The full group as its page shows it; join code and emails only for those who manage the group. */
export async function presentGroupDetail(
  db: DbOrTx,
  actor: Actor,
  g: GroupRow,
  myRoleOverride?: GroupDetail['myRole'],
): Promise<GroupDetail> {
  const subject = groupSubject(g);
  const abilities = {
    update: can(actor, 'update', subject),
    manageMembers: can(actor, 'manage-members', subject),
    manageJoinCode: can(actor, 'manage-join-code', subject),
    invite: can(actor, 'invite', subject),
    decideJoinRequests: can(actor, 'decide', {
      kind: 'join-request',
      id: g.id,
      districtId: g.districtId,
      group: subject,
      requesterId: '',
    }),
  };
  const [school] = g.schoolId
    ? await db
        .select({ name: schools.name })
        .from(schools)
        .where(and(eq(schools.id, g.schoolId), eq(schools.districtId, g.districtId)))
    : [];
  const members = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      kind: users.kind,
      role: groupMembers.role,
      deactivatedAt: users.deactivatedAt,
    })
    .from(groupMembers)
    .innerJoin(users, and(eq(users.id, groupMembers.userId), eq(users.districtId, groupMembers.districtId)))
    .where(and(eq(groupMembers.groupId, g.id), eq(groupMembers.districtId, g.districtId)))
    .orderBy(asc(users.name));
  const [code] = abilities.manageJoinCode
    ? await db
        .select({ code: joinCodes.code, expiresAt: joinCodes.expiresAt })
        .from(joinCodes)
        .where(
          and(
            eq(joinCodes.groupId, g.id),
            eq(joinCodes.districtId, g.districtId),
            isNull(joinCodes.revokedAt),
            gt(joinCodes.expiresAt, new Date()),
          ),
        )
        .orderBy(sql`${joinCodes.createdAt} desc`)
        .limit(1)
    : [];
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    focus: g.focus,
    schoolId: g.schoolId,
    schoolName: school?.name ?? null,
    memberCount: members.length,
    myRole: myRoleOverride !== undefined ? myRoleOverride : (actor.groupRoles.get(g.id) ?? null),
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      // Colleagues see names; addresses are for those who run the group. A network's member row has no address
      // of its own (a placeholder under `.invalid`, ADR 0032): never shown.
      email: m.kind === 'account' && (abilities.manageMembers || m.userId === actor.userId) ? m.email : '',
      role: m.role,
      active: m.deactivatedAt === null,
    })),
    joinCode: code ? { code: code.code, expiresAt: code.expiresAt.toISOString() } : null,
    joinRequests: await listPendingJoinRequests(db, g),
    can: abilities,
  };
}

/** Adds (or keeps) a membership; an existing member keeps the higher of the two roles. */
export async function addMembership(
  db: DbOrTx,
  g: { id: string; districtId: string },
  userId: string,
  role: 'facilitator' | 'member',
) {
  await db
    .insert(groupMembers)
    .values({ districtId: g.districtId, groupId: g.id, userId, role })
    .onConflictDoUpdate({
      target: [groupMembers.groupId, groupMembers.userId],
      set: {
        role: sql`case when ${groupMembers.role} = 'facilitator' then 'facilitator' else excluded.role end`,
      },
    });
}

/**
 * Someone who manages group `g` by rank only (its school's leader, a district admin) and does not facilitate
 * it: adding themselves, or raising their own role, waits for a facilitator (TRUST-LEAD-1, TRUST-LEAD-2).
 */
export function managesByRankOnly(actor: Actor, g: GroupRow): boolean {
  return can(actor, 'manage-members', groupSubject(g)) && actor.groupRoles.get(g.id) !== 'facilitator';
}

/** Pending requests to join, oldest first, with the requester's name. */
export async function listPendingJoinRequests(
  db: DbOrTx,
  g: { id: string; districtId: string },
): Promise<JoinRequest[]> {
  const rows = await db
    .select({ request: groupJoinRequests, name: users.name })
    .from(groupJoinRequests)
    .innerJoin(
      users,
      and(eq(users.id, groupJoinRequests.userId), eq(users.districtId, groupJoinRequests.districtId)),
    )
    .where(
      and(
        eq(groupJoinRequests.groupId, g.id),
        eq(groupJoinRequests.districtId, g.districtId),
        eq(groupJoinRequests.status, 'pending'),
      ),
    )
    .orderBy(asc(groupJoinRequests.requestedAt));
  return rows.map((r) => ({
    id: r.request.id,
    userId: r.request.userId,
    name: r.name,
    role: r.request.role,
    via: r.request.via,
    requestedAt: r.request.requestedAt.toISOString(),
  }));
}

/**
 * Asks to join (TRUST-LEAD-1/2): one pending request per person and group (a repeated ask keeps the first,
 * raising its role when a higher one is asked). Recorded in the audit log as `group.join_requested`.
 */
export async function requestToJoin(
  db: DbOrTx,
  g: GroupRow,
  actor: Actor,
  role: 'facilitator' | 'member',
  via: 'self_add' | 'join_code',
  req: FastifyRequest,
): Promise<void> {
  const [row] = await db
    .insert(groupJoinRequests)
    .values({ districtId: g.districtId, groupId: g.id, userId: actor.userId, role, via })
    .onConflictDoNothing()
    .returning({ id: groupJoinRequests.id });
  if (!row) {
    if (role === 'facilitator')
      await db
        .update(groupJoinRequests)
        .set({ role })
        .where(
          and(
            eq(groupJoinRequests.groupId, g.id),
            eq(groupJoinRequests.districtId, g.districtId),
            eq(groupJoinRequests.userId, actor.userId),
            eq(groupJoinRequests.status, 'pending'),
          ),
        );
    return;
  }
  await recordAudit(db, {
    districtId: g.districtId,
    actorId: actor.userId,
    action: 'group.join_requested',
    subject: { type: 'group', id: g.id },
    details: { requestId: row.id, role, via },
    from: req,
  });
}

export type JoinRequestRow = typeof groupJoinRequests.$inferSelect;

/** A pending request of group `g`; anything else (decided, another group's, another district's) is not found. */
export async function loadPendingJoinRequest(
  db: DbOrTx,
  g: GroupRow,
  requestId: string,
): Promise<{ row: JoinRequestRow; subject: JoinRequestSubject }> {
  const [row] = await db
    .select()
    .from(groupJoinRequests)
    .where(
      and(
        eq(groupJoinRequests.id, requestId),
        eq(groupJoinRequests.groupId, g.id),
        eq(groupJoinRequests.districtId, g.districtId),
        eq(groupJoinRequests.status, 'pending'),
      ),
    )
    .for('update');
  if (!row) throw notFound('That request');
  return {
    row,
    subject: {
      kind: 'join-request',
      id: row.id,
      districtId: row.districtId,
      group: groupSubject(g),
      requesterId: row.userId,
    },
  };
}
