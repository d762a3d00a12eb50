/** Test support: people of a district as route tests need them (a principal of a school, a staff member). */
import { createAccount } from '../auth/accounts';
import { schoolRoles, schools } from '../db/schema';
import { TEST_PASSWORD, type TestApp } from './api-harness';

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
