/**
 * ROSTER-CLI-1: `ensemble import-roster` against a real database: the dry run changes nothing, the import commits,
 * a second dry run has nothing to do, and a refused set exits 1 with `file:line: message` lines, nothing changed.
 */
import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { loadConfig } from '../server/config';
import { importRosterCommand } from './import-roster';

let testDb: TestDatabase;
let dir: string;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const fixtures = new URL('../../test/fixtures/oneroster/', import.meta.url);

async function run(path: string, opts: { dryRun?: boolean; district?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importRosterCommand(
    { ...loadConfig({}), databaseUrl: testDb.url },
    quiet,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    path,
    opts,
  );
  return { code, out, err };
}

/** Every row of the tables an import writes, as text. */
async function rows(): Promise<string> {
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  try {
    const parts: string[] = [];
    for (const table of ['districts', 'schools', 'users', 'school_roles', 'audit_events']) {
      const r = await client.query<{ t: string }>(
        `SELECT coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '') AS t FROM ${table} x`,
      );
      parts.push(r.rows[0]?.t ?? '');
    }
    return parts.join('\n--\n');
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.pool.query(`INSERT INTO districts (name) VALUES ('CLI District')`);
  dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await testDb.drop();
});

describe('ensemble import-roster', () => {
  it('ROSTER-CLI-1: --dry-run prints the preview and changes nothing; the import commits; again, nothing to do', async () => {
    const before = await rows();
    const dry = await run(new URL('v1p1', fixtures).pathname, { dryRun: true });
    expect(dry.code).toBe(0);
    expect(dry.out[0]).toBe(
      'OneRoster 1.1 bulk: 2 schools to add, 0 to update; 4 staff to add, 0 to update, 0 to deactivate; 3 students and family members skipped',
    );
    expect(dry.out).toContain('dry run: nothing changed');
    expect(await rows()).toBe(before);

    const real = await run(new URL('v1p1', fixtures).pathname, { district: 'CLI District' });
    expect(real.code).toBe(0);
    expect(real.out.at(-1)).toBe('committed');
    expect(await rows()).not.toBe(before);

    const again = await run(new URL('v1p1', fixtures).pathname, { dryRun: true });
    expect(again.out[0]).toMatch(
      /^OneRoster 1\.1 bulk: 0 schools to add, 0 to update; 0 staff to add, 0 to update, 0 to deactivate/,
    );
  });

  it('ROSTER-CLI-2: a refused set exits 1 with file:line lines on stderr and leaves the database unchanged', async () => {
    const bad = join(dir, 'bad');
    cpSync(new URL('v1p1', fixtures).pathname, bad, { recursive: true });
    writeFileSync(
      join(bad, 'users.csv'),
      'sourcedId,orgSourcedIds,role,givenName,familyName,email\r\nt1,s1,teacher,Ann,Lee,ann@x.example\r\nt2,zz,teacher,Bo,Ng,bo@x.example\r\n',
    );
    const before = await rows();
    const r = await run(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('users.csv:3: orgSourcedIds "zz" is not in orgs.csv');
    expect(await rows()).toBe(before);
  });

  it('ROSTER-LIMIT-2: a 50 MB file in a folder is refused by its size before it is read', async () => {
    const big = join(dir, 'big');
    cpSync(new URL('v1p1', fixtures).pathname, big, { recursive: true });
    // A sparse file: 50 MB long, nothing written, so the test stays cheap.
    truncateSync(join(big, 'users.csv'), 50 * 1024 * 1024);
    const before = await rows();
    const r = await run(big);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['users.csv: is larger than 20 MB, the most a roster file may be']);
    expect(await rows()).toBe(before);
  });
});
