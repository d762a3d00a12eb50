/** Test support: people of a district as route tests need them (a principal of a school, a staff member). */
import { createAccount } from '../auth/accounts';
import { groupMembers, groups, schoolRoles, schools } from '../db/schema';
import { signedInClient, TEST_PASSWORD, type Client, type TestApp } from './api-harness';

/**
 * An account of `districtId` (`TEST_PASSWORD`, email verified) with a school of its own and a role there:
 * `school_leader` makes a principal, `staff` a teacher. Its name is the address's local part.
 */
export async function personAtSchool(
  t: TestApp,
  districtId: string,
  email: string,
  role: 'school_leader' | 'staff' = 'school_leader',
): Promise<{ id: string; districtId: string; email: string; schoolId: string }> {
  const [school] = await t.database.db
    .insert(schools)
    .values({ districtId, name: `School of ${email}` })
    .returning();
  if (!school) throw new Error('no school');
  const user = await createAccount(t.database.db, {
    districtId,
    email,
    name: email.split('@')[0] ?? email,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  await t.database.db.insert(schoolRoles).values({ districtId, schoolId: school.id, userId: user.id, role });
  return { id: user.id, districtId, email, schoolId: school.id };
}

/**
 * A teacher team in a school of `districtId`, facilitated by a new account (`TEST_PASSWORD`): the team and a signed-in
 * client of its facilitator, as a route test of a team's pages needs them.
 */
export async function teamWithFacilitator(
  t: TestApp,
  districtId: string,
  team: { teamName: string; email: string; name: string },
): Promise<{ groupId: string; userId: string; lead: Client }> {
  const db = t.database.db;
  const [school] = await db
    .insert(schools)
    .values({ districtId, name: `School of ${team.teamName}` })
    .returning();
  if (!school) throw new Error('no school');
  const [group] = await db
    .insert(groups)
    .values({ districtId, schoolId: school.id, kind: 'teacher_team', name: team.teamName })
    .returning();
  if (!group) throw new Error('no group');
  const user = await createAccount(db, {
    districtId,
    email: team.email,
    name: team.name,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  await db
    .insert(groupMembers)
    .values({ districtId, groupId: group.id, userId: user.id, role: 'facilitator' });
  return { groupId: group.id, userId: user.id, lead: await signedInClient(t, user) };
}
