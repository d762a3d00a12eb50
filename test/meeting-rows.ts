/**
 * Bare rows for tests of the meeting log's storage (group commit, catch-up pages): a district with one school,
 * one team and one person, and meetings of that team with no agenda of their own, whose logs the tests write.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface MeetingTenant {
  districtId: string;
  groupId: string;
  userId: string;
}

export async function seedMeetingTenant(
  pool: pg.Pool,
  district: string,
  email: string,
): Promise<MeetingTenant> {
  const q = async (sql: string, values: unknown[]) =>
    (await pool.query<{ id: string }>(sql, values)).rows[0]?.id ?? '';
  const districtId = await q(`INSERT INTO districts (name) VALUES ($1) RETURNING id`, [district]);
  const schoolId = await q(`INSERT INTO schools (district_id, name) VALUES ($1, 'S') RETURNING id`, [
    districtId,
  ]);
  const groupId = await q(
    `INSERT INTO groups (district_id, school_id, kind, focus, name) VALUES ($1, $2, 'teacher_team', 'plc', 'T') RETURNING id`,
    [districtId, schoolId],
  );
  const userId = await q(
    `INSERT INTO users (district_id, email, name) VALUES ($1, $2, 'Log Tester') RETURNING id`,
    [districtId, email],
  );
  return { districtId, groupId, userId };
}

/** A new meeting row of the tenant's team; its log is empty. */
export async function newMeetingRow(pool: pg.Pool, tenant: MeetingTenant): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO meetings (district_id, group_id, title, agenda, total_minutes, join_code, created_by)
     VALUES ($1, $2, 'M', '[]', 30, $3, $4) RETURNING id`,
    [tenant.districtId, tenant.groupId, randomUUID().slice(0, 8), tenant.userId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no meeting row');
  return id;
}
