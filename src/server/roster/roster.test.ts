/**
 * ROSTER-*: the OneRoster import through its routes against a real database: the sample sets, the preview
 * matching the commit, re-import, deactivation, and malformed sets that leave every table byte-for-byte as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterPreview } from '#contracts/roster';
import { auditEvents, schoolRoles, schools, users } from '../db/schema';
import { createDistrictWithAdmin, createTestApp, signedInClient, type TestApp } from '../testing/api-harness';

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;

const enc = new TextEncoder();
const fixture = (name: string): Record<string, Uint8Array> => {
  const dir = new URL(`../../../test/fixtures/oneroster/${name}/`, import.meta.url);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(new URL(f, dir)))]));
};
const zip = (files: Zippable) => Buffer.from(zipSync(files, { level: 1 })).toString('base64');
const asBytes = (set: Record<string, string | Uint8Array>) =>
  Object.fromEntries(Object.entries(set).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v]));

const manifest11 = 'propertyName,value\noneroster.version,1.1\nfile.orgs,bulk\nfile.users,bulk\n';
const orgs =
  'sourcedId,status,dateLastModified,name,type\nd1,,,District,district\ns1,,,North,school\ns2,,,South,school\n';
const usersHead = 'sourcedId,orgSourcedIds,role,givenName,familyName,email\n';
const users2 = `${usersHead}t1,s1,teacher,Ann,Lee,ann@north.example\nt2,"s1,s2",principal,Bo,Ng,bo@north.example\n`;
const base = { 'manifest.csv': manifest11, 'orgs.csv': orgs, 'users.csv': users2 };

/** A digest of every row of every table: what "byte-for-byte as it was" is checked against. */
async function databaseDigest(): Promise<Record<string, string>> {
  const tables = await t.database.db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await t.database.db.execute<{ digest: string }>(
      sql`SELECT md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) AS digest FROM ${sql.identifier(name)} x`,
    );
    out[name] = r.rows[0]?.digest ?? '';
  }
  return out;
}

const preview = (client: typeof a.client, files: Zippable) =>
  client.post<RosterPreview & { error?: { message: string } }>('/api/roster/preview', { zip: zip(files) });
async function commit(client: typeof a.client, files: Zippable, planHash?: string) {
  const hash = planHash ?? (await preview(client, files)).body.planHash;
  return client.post<{ counts: Record<string, number>; error?: { message: string; code: string } }>(
    '/api/roster/commit',
    {
      zip: zip(files),
      planHash: hash,
    },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'Roster A', 'admin@roster-a.example');
  b = await createDistrictWithAdmin(t, 'Roster B', 'admin@roster-b.example');
});
afterAll(async () => {
  await t.close();
});

describe('OneRoster import', () => {
  it('ROSTER-PREVIEW-1, ROSTER-COMMIT-1: the 1.1 sample set previews, commits what it previewed, and a re-import changes nothing (ROSTER-IDEMP-1)', async () => {
    const files = fixture('v1p1');
    const p = await preview(b.client, files);
    expect(p.status).toBe(200);
    expect(p.body.ok).toBe(true);
    expect(p.body.counts).toEqual({
      schoolsAdded: 2,
      schoolsUpdated: 0,
      peopleAdded: 4,
      peopleUpdated: 0,
      peopleDeactivated: 0,
      learnersSkipped: 3,
    });
    const before = await databaseDigest();
    const c = await commit(b.client, files, p.body.planHash);
    expect(c.status).toBe(200);
    expect(c.body.counts).toEqual(p.body.counts);
    const after = await databaseDigest();
    expect(
      Object.keys(after)
        .filter((k) => after[k] !== before[k])
        .sort(),
    ).toEqual(['audit_events', 'school_roles', 'schools', 'users']);
    // What the preview listed is what is there: two schools, four staff, no student or guardian.
    const made = await t.database.db.select().from(users).where(eq(users.districtId, b.district.id));
    expect(
      made
        .filter((u) => u.rosterSourcedId !== null)
        .map((u) => [u.rosterSourcedId, u.email, u.passwordHash, u.districtRole])
        .sort(),
    ).toEqual([
      ['a1', 'kath@riverside.example', null, 'member'],
      ['p1', 'alan@riverside.example', null, 'member'],
      ['t1', 'ada@riverside.example', null, 'member'],
      ['t2', 'grace@riverside.example', null, 'member'],
    ]);
    expect(made.some((u) => u.email.includes('students') || u.email === 'gail@home.example')).toBe(false);
    const roles = await t.database.db
      .select({ email: users.email, school: schools.name, role: schoolRoles.role })
      .from(schoolRoles)
      .innerJoin(users, eq(users.id, schoolRoles.userId))
      .innerJoin(schools, eq(schools.id, schoolRoles.schoolId))
      .where(eq(schoolRoles.districtId, b.district.id));
    expect(roles.map((r) => `${r.email} ${r.school} ${r.role}`).sort()).toEqual([
      'ada@riverside.example Lincoln Elementary staff',
      'ada@riverside.example Washington Middle School, East Campus staff', // from enrollments.csv
      'alan@riverside.example Washington Middle School, East Campus school_leader',
      'grace@riverside.example Lincoln Elementary staff',
      'grace@riverside.example Washington Middle School, East Campus staff',
      'kath@riverside.example Washington Middle School, East Campus staff',
    ]);
    // ROSTER-COMMIT-3: one audit entry, counts only.
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.districtId, b.district.id), eq(auditEvents.action, 'roster.imported')));
    expect(audit?.details).toEqual({ version: '1.1', ...p.body.counts, warnings: p.body.problems.length });
    expect(JSON.stringify(audit)).not.toMatch(/riverside|Lovelace|Ada/);

    const again = await preview(b.client, files);
    expect(again.body.counts).toMatchObject({
      schoolsAdded: 0,
      schoolsUpdated: 0,
      peopleAdded: 0,
      peopleUpdated: 0,
      peopleDeactivated: 0,
    });
    expect(again.body.changes).toEqual([]);
    const before2 = await databaseDigest();
    expect((await commit(b.client, files, again.body.planHash)).status).toBe(200);
    const after2 = await databaseDigest();
    expect(Object.keys(after2).filter((k) => after2[k] !== before2[k])).toEqual(['audit_events']);
  });

  it('ROSTER-COMMIT-2: a commit whose plan differs from the previewed one is refused with 409 and changes nothing', async () => {
    const p = await preview(a.client, asBytes(base));
    const stale = p.body.planHash;
    const other = asBytes({ ...base, 'users.csv': `${users2}t3,s2,teacher,Cy,Do,cy@north.example\n` });
    const before = await databaseDigest();
    const c = await commit(a.client, other, stale);
    expect(c.status).toBe(409);
    expect(await databaseDigest()).toEqual(before);
  });

  it('ROSTER-DEACT-1, ROSTER-LINK-2: a later bulk set deactivates rostered staff it no longer names, renames, moves, and takes in an existing account; unrostered people untouched', async () => {
    expect((await commit(a.client, asBytes(base))).status).toBe(200);
    const local = await t.database.db.select().from(users).where(eq(users.email, 'admin@roster-a.example'));
    const next = asBytes({
      ...base,
      'orgs.csv': orgs.replace('North', 'North Campus'),
      'users.csv': `${usersHead}t2,s2,teacher,Bo,Ng-Smith,bo@north.example\nt9,s1,teacher,Roster,Admin,admin@roster-a.example\n`,
    });
    const p = await preview(a.client, next);
    expect(p.body.counts).toMatchObject({
      schoolsUpdated: 1,
      peopleAdded: 0,
      peopleUpdated: 2,
      peopleDeactivated: 1,
    });
    expect(p.body.changes.map((c) => `${c.action} ${c.sourcedId}: ${c.detail}`)).toEqual([
      'update s1: renamed from North',
      'update t2: name was Bo Ng; now South (staff); leaves North Campus',
      'update t9: linked to the roster; name was Roster A Admin; now North Campus (staff)',
      'deactivate t1: missing from the roster',
    ]);
    expect((await commit(a.client, next, p.body.planHash)).status).toBe(200);
    const rows = await t.database.db.select().from(users).where(eq(users.districtId, a.district.id));
    expect(rows.find((u) => u.rosterSourcedId === 't1')?.deactivatedAt).not.toBeNull();
    expect(rows.find((u) => u.id === local[0]?.id)?.districtRole).toBe('district_admin');
    expect((await preview(a.client, next)).body.changes).toEqual([]);
  });

  it('ROSTER-READ-2: the 1.2 sample set imports cleanly', async () => {
    const d = await createDistrictWithAdmin(t, 'Roster C', 'admin@roster-c.example');
    const p = await preview(d.client, fixture('v1p2'));
    expect(p.body.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(p.body.counts).toMatchObject({ schoolsAdded: 2, peopleAdded: 3, learnersSkipped: 1 });
    expect((await commit(d.client, fixture('v1p2'), p.body.planHash)).status).toBe(200);
  });
});

/** A zip entry with Unix attributes (a symbolic link). */
const symlink = (target: string): [Uint8Array, { os: number; attrs: number }] => [
  enc.encode(target),
  { os: 3, attrs: (0o120777 << 16) >>> 0 },
];
const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
/** 50 MB of one row repeated: made here, never checked in; deflated to a small zip, refused by its declared size. */
const fiftyMb = () => {
  const row = enc.encode('t1,s1,teacher,Ann,Lee,ann@north.example\n');
  const out = new Uint8Array(50 * 1024 * 1024);
  out.set(enc.encode(usersHead));
  for (let i = usersHead.length; i + row.length <= out.length; i += row.length) out.set(row, i);
  return out;
};

/** ROSTER-BAD-*: each set, its expected "file:line" and words; the commit refuses it and no table changes. */
const malformed: [string, () => Zippable, RegExp][] = [
  [
    'missing columns',
    () =>
      asBytes({
        ...base,
        'users.csv': 'sourcedId,orgSourcedIds,role,givenName,familyName\nt1,s1,teacher,Ann,Lee\n',
      }),
    /^users\.csv:1: missing column "email"/m,
  ],
  [
    'a bad date',
    () => asBytes({ ...base, 'orgs.csv': orgs.replace('s2,,,', 's2,,2026-13-45,') }),
    /^orgs\.csv:4: dateLastModified "2026-13-45" is not a date/m,
  ],
  [
    'duplicate sourcedIds',
    () => asBytes({ ...base, 'users.csv': `${users2}t1,s2,teacher,Al,Ex,al@north.example\n` }),
    /^users\.csv:4: sourcedId "t1" repeats line 2/m,
  ],
  [
    'an unknown org reference',
    () => asBytes({ ...base, 'users.csv': `${usersHead}t1,s7,teacher,Ann,Lee,ann@north.example\n` }),
    /^users\.csv:2: orgSourcedIds "s7" is not in orgs\.csv/m,
  ],
  [
    'wrong encoding (Latin-1)',
    () => ({
      ...asBytes(base),
      'users.csv': latin1(`${users2}t3,s1,teacher,Ren\u00e9e,Roy,renee@north.example\n`),
    }),
    /^users\.csv:4: is not UTF-8/m,
  ],
  [
    'a BOM of UTF-16',
    () => ({ ...asBytes(base), 'users.csv': utf16(users2) }),
    /^users\.csv:1: is not UTF-8/m,
  ],
  [
    'a 50 MB file',
    () => ({ ...asBytes(base), 'users.csv': fiftyMb() }),
    /^users\.csv: is larger than 20 MB/m,
  ],
  [
    'a zip path escaping the folder',
    () => ({ ...asBytes(base), '../users.csv': enc.encode(users2) }),
    /^roster\.zip: cannot be read safely: invalid relative path: \.\.\/users\.csv/m,
  ],
  [
    'an absolute zip path',
    () => ({ ...asBytes(base), '/etc/users.csv': enc.encode(users2) }),
    /^roster\.zip: cannot be read safely: absolute path: \/etc\/users\.csv/m,
  ],
  [
    'a symbolic link in the zip',
    () => ({
      ...asBytes({ 'manifest.csv': manifest11, 'orgs.csv': orgs }),
      'users.csv': symlink('/etc/passwd'),
    }),
    /^users\.csv: is a symbolic link/m,
  ],
  [
    'an unknown role',
    () => asBytes({ ...base, 'users.csv': `${usersHead}t1,s1,wizard,Ann,Lee,ann@north.example\n` }),
    /^users\.csv:2: role "wizard" is not a OneRoster role/m,
  ],
  [
    'an unknown org type',
    () => asBytes({ ...base, 'orgs.csv': orgs.replace('North,school', 'North,campus') }),
    /^orgs\.csv:3: type "campus" is not one of/m,
  ],
  ['no manifest', () => asBytes({ 'orgs.csv': orgs, 'users.csv': users2 }), /^manifest\.csv: is missing/m],
  [
    'users marked absent',
    () => asBytes({ ...base, 'manifest.csv': manifest11.replace('file.users,bulk', 'file.users,absent') }),
    /^manifest\.csv: marks users\.csv absent/m,
  ],
  [
    'a delta set',
    () => asBytes({ ...base, 'manifest.csv': manifest11.replace('file.users,bulk', 'file.users,delta') }),
    /^manifest\.csv: marks files as delta: Ensemble imports bulk sets only/m,
  ],
  [
    'a listed file missing',
    () => asBytes({ ...base, 'manifest.csv': `${manifest11}file.enrollments,bulk\n` }),
    /^enrollments\.csv: is missing, but manifest\.csv lists it as bulk/m,
  ],
  [
    'a row with too many fields',
    () => asBytes({ ...base, 'users.csv': `${users2}t3,s1,teacher,Cy,Do,cy@north.example,extra\n` }),
    /^users\.csv:4: has 7 fields where the header has 6/m,
  ],
  [
    'an unclosed quote',
    () => asBytes({ ...base, 'users.csv': `${users2}t3,"s1,teacher,Cy,Do,cy@north.example\n` }),
    /^users\.csv:4: is not well-formed CSV/m,
  ],
  [
    'an invalid email',
    () => asBytes({ ...base, 'users.csv': `${usersHead}t1,s1,teacher,Ann,Lee,not-an-address\n` }),
    /^users\.csv:2: email "not-an-address" is not an address/m,
  ],
  [
    'two staff with one email',
    () => asBytes({ ...base, 'users.csv': `${users2}t3,s2,aide,Cy,Do,ANN@north.example\n` }),
    /^users\.csv:4: email "ann@north\.example" repeats line 2/m,
  ],
  [
    'an unknown version',
    () => asBytes({ ...base, 'manifest.csv': manifest11.replace('1.1', '1.0') }),
    /^manifest\.csv:2: oneroster\.version "1\.0" is not 1\.1 or 1\.2/m,
  ],
  [
    'a 1.2 role of a user not in users.csv',
    () => {
      const set = fixture('v1p2');
      return {
        ...set,
        'roles.csv': enc.encode(
          `${new TextDecoder().decode(set['roles.csv'])}R-9,active,,U-404,primary,teacher,S-200,,,\r\n`,
        ),
      };
    },
    /^roles\.csv:7: userSourcedId "U-404" is not in users\.csv/m,
  ],
  [
    'an address of another district',
    () => asBytes({ ...base, 'users.csv': `${usersHead}t1,s1,teacher,Ann,Lee,admin@roster-b.example\n` }),
    /^users\.csv:2: email "admin@roster-b\.example" belongs to an account in another district/m,
  ],
];

describe('malformed sets', () => {
  it.each(malformed)(
    'ROSTER-BAD-1: %s is refused with its file and line, and the database is byte-for-byte as it was',
    async (_name, make, expected) => {
      // A client of its own (its own address for the per-address rate limit), and the zip made once.
      const client = await signedInClient(t, a.admin);
      const body = zip(make());
      const before = await databaseDigest();
      // A refused zip answers 400 with an error instead of a preview.
      const p = await client.post<Partial<RosterPreview> & { error?: { message: string } }>(
        '/api/roster/preview',
        { zip: body },
      );
      const c = await client.post<{ error?: { message: string } }>('/api/roster/commit', {
        zip: body,
        planHash: p.body.planHash ?? '0'.repeat(64),
      });
      expect(c.status).toBe(400);
      const message = c.body.error?.message ?? '';
      expect(message).toMatch(expected);
      if (p.status === 200) {
        expect(p.body.ok).toBe(false);
        expect(
          (p.body.problems ?? [])
            .filter((x) => x.severity === 'error')
            .map((x) => `${x.file}${x.line !== null ? `:${x.line}` : ''}: ${x.message}`)
            .join('\n'),
        ).toMatch(expected);
      } else expect(p.body.error?.message).toMatch(expected);
      expect(await databaseDigest()).toEqual(before);
    },
  );
});
