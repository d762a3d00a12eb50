/**
 * Reads of the demo district (DAY-DEMO): which district it is, the people the sign-in page introduces, the
 * accounts a one-click sign-in may use, and a team's demo colleagues. Every query is scoped to the district.
 */
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import type { DemoRole, DemoTry } from '#contracts/demo';
import type { DbOrTx } from '../db/client';
import { activeMembers } from '../groups/queries';
import { districts, groupMembers, groups, schoolRoles, schools, users } from '../db/schema';
import { DEMO_DISTRICT_NAME, DEMO_DOMAIN, demoEmail } from './seed';

/** The people the sign-in page introduces, in the order a visitor would meet them. */
export const FEATURED: readonly { key: string; role: DemoRole; try: DemoTry }[] = [
  { key: 'coach', role: 'coach', try: 'coach' },
  { key: 'teacher1', role: 'teacher', try: 'teacher' },
  { key: 'teacher4', role: 'teacher', try: 'facilitator' },
  { key: 'principal.north', role: 'school_leader', try: 'principal' },
  { key: 'admin', role: 'district_admin', try: 'admin' },
];

/** Seeded demo accounts only: not someone a visitor signed up in the demo district. */
const isSeededAccount = like(users.email, `%@${DEMO_DOMAIN}`);

export async function demoDistrict(db: DbOrTx): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(eq(districts.name, DEMO_DISTRICT_NAME))
    .limit(1);
  return row ?? null;
}

export interface FeaturedPersonRow {
  userId: string;
  name: string;
  email: string;
  schoolName: string | null;
  teams: { name: string; role: 'facilitator' | 'member' }[];
}

export async function featuredPeople(
  db: DbOrTx,
  districtId: string,
): Promise<Map<string, FeaturedPersonRow>> {
  const emails = FEATURED.map((f) => demoEmail(f.key));
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.email, emails), isNull(users.deactivatedAt)));
  const ids = people.map((p) => p.id);
  if (!ids.length) return new Map();
  const schoolRows = await db
    .select({ userId: schoolRoles.userId, name: schools.name })
    .from(schoolRoles)
    .innerJoin(
      schools,
      and(eq(schools.id, schoolRoles.schoolId), eq(schools.districtId, schoolRoles.districtId)),
    )
    .where(and(eq(schoolRoles.districtId, districtId), inArray(schoolRoles.userId, ids)))
    .orderBy(asc(schools.name));
  const teamRows = await db
    .select({ userId: groupMembers.userId, name: groups.name, role: groupMembers.role })
    .from(groupMembers)
    .innerJoin(
      groups,
      and(eq(groups.id, groupMembers.groupId), eq(groups.districtId, groupMembers.districtId)),
    )
    .where(and(eq(groupMembers.districtId, districtId), inArray(groupMembers.userId, ids)))
    .orderBy(asc(groupMembers.role), asc(groups.name));
  return new Map(
    people.map((p) => [
      p.email,
      {
        userId: p.id,
        name: p.name,
        email: p.email,
        schoolName: schoolRows.find((s) => s.userId === p.id)?.name ?? null,
        teams: teamRows.filter((t) => t.userId === p.id).map((t) => ({ name: t.name, role: t.role })),
      },
    ]),
  );
}

export async function countSeededAccounts(db: DbOrTx, districtId: string): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.districtId, districtId), isSeededAccount, isNull(users.deactivatedAt)));
  return rows.length;
}

/** A seeded, active account of the demo district, or null (anyone else: a real person, a sign-up, another district). */
export async function loadDemoAccount(db: DbOrTx, districtId: string, userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.districtId, districtId),
        isSeededAccount,
        isNull(users.deactivatedAt),
      ),
    )
    .limit(1);
  return user ?? null;
}

/** The team's active members, and which of them are seeded demo accounts (who can be simulated). */
export async function teamMembers(
  db: DbOrTx,
  districtId: string,
  groupId: string,
): Promise<{ userId: string; name: string; seeded: boolean }[]> {
  const rows = await activeMembers(db, districtId, groupId);
  return rows.map((r) => ({ userId: r.id, name: r.name, seeded: r.email.endsWith(`@${DEMO_DOMAIN}`) }));
}
