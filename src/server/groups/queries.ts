import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { GroupDetail, GroupSummary } from '#contracts/org';
import type { DbOrTx } from '../db/client';
import { groupMembers, groups, joinCodes, schools, users } from '../db/schema';
import { notFound } from '../http/errors';
import type { Actor } from '../policy/actor';
import { can, type GroupSubject } from '../policy/policy';

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
      // Colleagues see names; addresses are for those who run the group.
      email: abilities.manageMembers || m.userId === actor.userId ? m.email : '',
      role: m.role,
      active: m.deactivatedAt === null,
    })),
    joinCode: code ? { code: code.code, expiresAt: code.expiresAt.toISOString() } : null,
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
