import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Created by test/global-setup.ts with all migrations applied. */
export const TEMPLATE_DATABASE = 'ensemble_template';

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template: each test file gets its own, so files run in
 * parallel without seeing each other's rows. Call once in beforeAll and drop() in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // An idle client's error (the server stopping at teardown) must not fail the run.
  pool.on('error', () => undefined);

  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    pool,
    drop: () =>
      (dropping ??= (async () => {
        await pool.end();
        await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      })()),
  };
}

/**
 * Drops the database without making the caller wait (ADR 0048): a file's teardown need not wait for the drop, whose
 * DROP DATABASE waits for every other backend of the server to release the database's files (1.1-2.2 s measured
 * while the other browser worker's app was busy, 0.1 s on a quiet server). A failure is printed, never thrown into
 * a later test. The worker keeps running its next files meanwhile; a drop still under way when the run ends has
 * been sent, and the server finishes a statement it received (the embedded cluster is deleted with the run).
 */
export function dropInBackground(database: Pick<TestDatabase, 'drop'>): void {
  void database.drop().catch((error: unknown) => {
    console.warn('dropping a test database failed:', error);
  });
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
