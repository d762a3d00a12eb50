import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db';

describe('test databases', () => {
  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });

  afterAll(async () => {
    await Promise.all([a.drop(), b.drop()]);
  });

  it('TEST-DB-1: two created databases are isolated, migrated, and dropped afterwards', async () => {
    expect(a.url).not.toBe(b.url);
    const migrations = 'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations';
    const [inA, inB] = await Promise.all([
      a.pool.query<{ n: number }>(migrations),
      b.pool.query<{ n: number }>(migrations),
    ]);
    expect(inA.rows[0]?.n).toBeGreaterThan(0);
    expect(inB.rows[0]?.n).toBe(inA.rows[0]?.n);

    await a.pool.query('CREATE TABLE isolation_probe (id int PRIMARY KEY)');
    await a.pool.query('INSERT INTO isolation_probe VALUES (1)');
    const inOther = await b.pool.query("SELECT to_regclass('public.isolation_probe') AS t");
    expect(inOther.rows[0]).toEqual({ t: null });

    const extra = await createTestDatabase();
    await extra.drop();
    const probe = new pg.Client({ connectionString: extra.url });
    await expect(probe.connect()).rejects.toThrow(/does not exist/);
  });
});
