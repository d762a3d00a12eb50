import { and, eq } from 'drizzle-orm';
import type { Me } from '#contracts/auth';
import type { DbOrTx } from '../db/client';
import { districts, schoolRoles, schools, users } from '../db/schema';
import { notFound } from '../http/errors';

/** The signed-in person as the web app sees them. */
export async function presentMe(db: DbOrTx, user: { id: string; districtId: string }): Promise<Me> {
  const [row] = await db
    .select({ user: users, districtName: districts.name })
    .from(users)
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(and(eq(users.id, user.id), eq(users.districtId, user.districtId)));
  if (!row) throw notFound('That person');
  const roles = await db
    .select({ schoolId: schoolRoles.schoolId, role: schoolRoles.role, schoolName: schools.name })
    .from(schoolRoles)
    .innerJoin(
      schools,
      and(eq(schools.id, schoolRoles.schoolId), eq(schools.districtId, schoolRoles.districtId)),
    )
    .where(and(eq(schoolRoles.districtId, user.districtId), eq(schoolRoles.userId, user.id)))
    .orderBy(schools.name);
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    emailVerified: row.user.emailVerifiedAt !== null,
    districtId: row.user.districtId,
    districtName: row.districtName,
    districtRole: row.user.districtRole,
    schools: roles,
    language: row.user.language,
  };
}
