/**
 * Bare rows for tests of the meeting log's storage (group commit, catch-up pages): a district with one school,
 * one team and one person, and meetings of that team with no agenda of their own, whose logs the tests write.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { connectDatabase, type Database } from '../src/server/db/client';
import { createTestDatabase, type TestDatabase } from './db';

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

export interface MeetingLogFixture {
  readonly testDb: TestDatabase;
  /** The app's own connection (Drizzle and its pool), as a runtime or a committer gets it. */
  readonly database: Database;
  readonly tenant: MeetingTenant;
}

/**
 * A test file's database with one meeting tenant, for tests of the runtime over bare log rows: created before the
 * file's tests and dropped after them. Read its fields inside the tests.
 */
export function useMeetingLog(district: string, email: string): MeetingLogFixture {
  let ready: MeetingLogFixture | null = null;
  beforeAll(async () => {
    const testDb = await createTestDatabase();
    const database = connectDatabase(testDb.url, { max: 4 });
    ready = { testDb, database, tenant: await seedMeetingTenant(testDb.pool, district, email) };
  });
  afterAll(async () => {
    if (!ready) return;
    await ready.database.pool.end();
    await ready.testDb.drop();
  });
  const get = (): MeetingLogFixture => {
    if (!ready) throw new Error('useMeetingLog: read its fields inside a test, after beforeAll');
    return ready;
  };
  return {
    get testDb() {
      return get().testDb;
    },
    get database() {
      return get().database;
    },
    get tenant() {
      return get().tenant;
    },
  };
}
