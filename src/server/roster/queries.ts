/**
 * ROSTER-*: what earlier imports left in a district (schools and people with a `roster_sourced_id`, and accounts
 * whose address a set names), and the commit of a plan, every statement filtered by the district.
 */
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { KnownPerson, RosterCurrent, RosterPlan, SchoolRole } from '#core/roster/index';
import type { DbOrTx, Tx } from '../db/client';
import { schoolRoles, schools, users } from '../db/schema';

export async function loadRosterCurrent(
  db: DbOrTx,
  districtId: string,
  emails: string[],
): Promise<RosterCurrent> {
  const linkedSchools = await db
    .select({ schoolId: schools.id, name: schools.name, sourcedId: schools.rosterSourcedId })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), isNotNull(schools.rosterSourcedId)));
  const rows = await db
    .select({
      userId: users.id,
      districtId: users.districtId,
      sourcedId: users.rosterSourcedId,
      email: users.email,
      name: users.name,
      deactivatedAt: users.deactivatedAt,
      districtRole: users.districtRole,
    })
    .from(users)
    .where(
      or(
        and(eq(users.districtId, districtId), isNotNull(users.rosterSourcedId)),
        emails.length ? inArray(users.email, emails) : undefined,
      ),
    );
  const mine = rows.filter((r) => r.districtId === districtId).map((r) => r.userId);
  const roles = mine.length
    ? await db
        .select({ userId: schoolRoles.userId, schoolId: schoolRoles.schoolId, role: schoolRoles.role })
        .from(schoolRoles)
        .where(and(eq(schoolRoles.districtId, districtId), inArray(schoolRoles.userId, mine)))
    : [];
  const rolesOf = new Map<string, Map<string, SchoolRole>>();
  for (const r of roles) {
    const m = rolesOf.get(r.userId) ?? new Map<string, SchoolRole>();
    m.set(r.schoolId, r.role);
    rolesOf.set(r.userId, m);
  }
  return {
    schools: linkedSchools.flatMap((s) =>
      s.sourcedId === null ? [] : [{ sourcedId: s.sourcedId, schoolId: s.schoolId, name: s.name }],
    ),
    people: rows.map((r): KnownPerson => ({
      sourcedId: r.districtId === districtId ? r.sourcedId : null,
      userId: r.userId,
      sameDistrict: r.districtId === districtId,
      email: r.email,
      name: r.name,
      active: r.deactivatedAt === null,
      districtAdmin: r.districtRole === 'district_admin',
      schoolRoles: rolesOf.get(r.userId) ?? new Map<string, SchoolRole>(),
    })),
  };
}

/** ROSTER-COMMIT-1: applies a plan inside the caller's transaction. */
export async function applyRosterPlan(
  tx: Tx,
  districtId: string,
  current: RosterCurrent,
  plan: RosterPlan,
  now: Date,
) {
  const schoolIdOf = new Map(current.schools.map((s) => [s.sourcedId, s.schoolId]));
  for (const s of plan.schools.add) {
    const [row] = await tx
      .insert(schools)
      .values({ districtId, name: s.name, rosterSourcedId: s.sourcedId })
      .returning({ id: schools.id });
    if (!row) throw new Error('insert returned no row');
    schoolIdOf.set(s.sourcedId, row.id);
  }
  for (const s of plan.schools.update)
    await tx
      .update(schools)
      .set({ name: s.name })
      .where(and(eq(schools.districtId, districtId), eq(schools.id, s.schoolId)));
  const idOf = (sourcedId: string) => {
    const id = schoolIdOf.get(sourcedId);
    if (id === undefined) throw new Error('a planned role names a school the plan does not make');
    return id;
  };
  const setRoles = async (userId: string, pairs: [string, SchoolRole][]) => {
    if (!pairs.length) return;
    for (const [sid, role] of pairs)
      await tx
        .insert(schoolRoles)
        .values({ districtId, schoolId: idOf(sid), userId, role })
        .onConflictDoUpdate({ target: [schoolRoles.schoolId, schoolRoles.userId], set: { role } });
  };
  for (const p of plan.people.add) {
    const [row] = await tx
      .insert(users)
      .values({ districtId, email: p.email, name: p.name, rosterSourcedId: p.sourcedId })
      .returning({ id: users.id });
    if (!row) throw new Error('insert returned no row');
    await setRoles(row.id, p.roles);
  }
  for (const p of plan.people.update) {
    await tx
      .update(users)
      .set({
        rosterSourcedId: p.sourcedId,
        ...(p.email !== null ? { email: p.email, emailVerifiedAt: null } : {}),
        ...(p.name !== null ? { name: p.name } : {}),
        ...(p.reactivate ? { deactivatedAt: null } : {}),
      })
      .where(and(eq(users.districtId, districtId), eq(users.id, p.userId)));
    await setRoles(p.userId, p.setRoles);
    if (p.removeRoles.length)
      await tx
        .delete(schoolRoles)
        .where(
          and(
            eq(schoolRoles.districtId, districtId),
            eq(schoolRoles.userId, p.userId),
            inArray(schoolRoles.schoolId, p.removeRoles.map(idOf)),
          ),
        );
  }
  const gone = plan.people.deactivate.map((d) => d.userId);
  if (gone.length)
    await tx
      .update(users)
      .set({ deactivatedAt: now })
      .where(and(eq(users.districtId, districtId), inArray(users.id, gone)));
}
