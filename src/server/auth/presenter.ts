import { and, eq, sql } from 'drizzle-orm';
import type { Me } from '#contracts/auth';
import { z } from '#contracts/zod';
import { SchoolRole } from '#contracts/org';
import type { DbOrTx } from '../db/client';
import { isRootDatabase, preparedPerDatabase } from '../db/prepared';
import { districts, schoolRoles, schools, users } from '../db/schema';
import { notFound } from '../http/errors';

const SchoolRows = z.array(z.object({ schoolId: z.string(), role: SchoolRole, schoolName: z.string() }));

/**
 * CAP-API-2: the person, their district's name and their schools in one statement, prepared once per pool
 * (`GET /api/auth/me` is the most frequent read).
 */
function meQuery(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      districtId: users.districtId,
      districtRole: users.districtRole,
      language: users.language,
      districtName: districts.name,
      schools: sql<unknown>`(SELECT coalesce(json_agg(json_build_object('schoolId', ${schoolRoles.schoolId}, 'role', ${schoolRoles.role}, 'schoolName', ${schools.name}) ORDER BY ${schools.name}), '[]'::json) FROM ${schoolRoles} JOIN ${schools} ON ${schools.id} = ${schoolRoles.schoolId} AND ${schools.districtId} = ${schoolRoles.districtId} WHERE ${schoolRoles.districtId} = ${users.districtId} AND ${schoolRoles.userId} = ${users.id})`,
    })
    .from(users)
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(and(eq(users.id, sql.placeholder('userId')), eq(users.districtId, sql.placeholder('districtId'))))
    .prepare('me');
}
const preparedMe = preparedPerDatabase(meQuery);

/** The signed-in person as the web app sees them. */
export async function presentMe(db: DbOrTx, user: { id: string; districtId: string }): Promise<Me> {
  const [row] = await (isRootDatabase(db) ? preparedMe(db) : meQuery(db)).execute({
    userId: user.id,
    districtId: user.districtId,
  });
  if (!row) throw notFound('That person');
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    districtId: row.districtId,
    districtName: row.districtName,
    districtRole: row.districtRole,
    schools: SchoolRows.parse(row.schools),
    language: row.language,
  };
}
