import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITUS_LOCAL_TABLES, CITUS_REFERENCE_TABLES, TENANT_ALLOWLIST } from './tenant-allowlist';
import {
  CALL_SITE_TAG,
  createTenantChecker,
  describeViolation,
  schemaTables,
  type TenantChecker,
} from './tenant-guard';

let strict: TenantChecker;
let withAllowlist: TenantChecker;

beforeAll(async () => {
  await loadModule();
  strict = createTenantChecker({ tables: schemaTables(), allowlist: [], parse: parseSync });
  withAllowlist = createTenantChecker({
    tables: schemaTables(),
    allowlist: TENANT_ALLOWLIST,
    parse: parseSync,
  });
});

const shapes = (sql: string, checker = strict) => checker.check(sql).violations.map((v) => v.shape);

describe('CAP-TENANT-1: the tenant-key guard', () => {
  it('CAP-TENANT-1: reads every table of the schema and knows the tenant-owned ones by their district_id column', () => {
    const tenant = schemaTables()
      .filter((t) => t.tenant)
      .map((t) => t.name);
    expect(tenant).toContain('group_members');
    expect(tenant).toContain('meeting_events');
    expect(tenant).not.toContain('districts');
    expect(tenant).not.toContain('socket_io_attachments');
    expect(tenant).not.toContain('app_settings');
  });

  it('CAP-TENANT-3: every table is placed for Citus: distributed by district_id, or listed as a reference or local table', () => {
    const tables = schemaTables();
    const listed = new Set([...CITUS_REFERENCE_TABLES, ...CITUS_LOCAL_TABLES]);
    const names = new Set(tables.map((t) => t.name));
    expect([...listed].filter((name) => !names.has(name))).toEqual([]);
    expect(tables.filter((t) => !t.tenant && !listed.has(t.name)).map((t) => t.name)).toEqual([]);
    const distributed = tables.filter((t) => t.tenant && !listed.has(t.name));
    // The numbers docs/SCALING.md gives (61 tables today: 54 distributed, 3 reference, 4 local).
    expect([
      tables.length,
      distributed.length,
      CITUS_REFERENCE_TABLES.length,
      CITUS_LOCAL_TABLES.length,
    ]).toEqual([61, 54, 3, 4]);
  });

  it.each([
    [
      'a filter by parameter',
      'select "id" from "groups" where ("groups"."district_id" = $1 and "groups"."id" = $2)',
    ],
    ['a cast parameter and a constant', `select 1 from groups where district_id = $1::uuid and 'x' = 'x'`],
    [
      'IN and = ANY',
      'select 1 from groups g, schools s where g.district_id in ($1, $2) and s.district_id = any($3)',
    ],
    [
      'a join anchored through the other side',
      'select 1 from groups g join group_members m on m.district_id = g.district_id and m.group_id = g.id where g.district_id = $1',
    ],
    [
      'a left join and a district anchored by its id',
      'select 1 from districts d left join users u on u.district_id = d.id where d.id = $1',
    ],
    [
      'a subquery in IN with its own filter',
      'select * from groups where district_id = $1 and id in (select group_id from group_members where district_id = $1)',
    ],
    [
      'a correlated EXISTS anchored by the outer row',
      'select 1 from groups where district_id = $1 and exists (select 1 from group_members m where m.district_id = groups.district_id and m.group_id = groups.id)',
    ],
    [
      'district_id from a scalar subquery',
      'select 1 from users where district_id = (select district_id from groups where district_id = $1 and id = $2)',
    ],
    [
      'a CTE with its own filter, joined by the key',
      'with t as (select id, district_id from groups where district_id = $1) select * from t join group_members m on m.district_id = t.district_id',
    ],
    [
      'UPDATE ... FROM',
      'update group_members set role = $2 from groups where groups.district_id = $1 and group_members.district_id = groups.district_id',
    ],
    [
      'INSERT ... SELECT',
      'insert into group_members (district_id, group_id, user_id, role) select district_id, id, $2, $3 from groups where district_id = $1',
    ],
    [
      'ON CONFLICT on a target with district_id, and DO NOTHING',
      'insert into team_visits (district_id, group_id, user_id, seen_at) values ($1, $2, $3, now()) on conflict (district_id, group_id, user_id) do update set seen_at = excluded.seen_at; insert into group_members (district_id, group_id, user_id, role) values ($1, $2, $3, $4) on conflict do nothing',
    ],
    [
      'DELETE ... USING',
      'delete from group_members using groups g where g.district_id = $1 and group_members.district_id = g.district_id',
    ],
    [
      'tables without district_id',
      'select * from app_settings; select * from districts; delete from socket_io_attachments',
    ],
    [
      'statements that reach no table',
      'begin; set local lock_timeout = 1000; select pg_advisory_xact_lock($1); commit',
    ],
  ])('CAP-TENANT-1: passes %s', (_name, sql) => {
    expect(shapes(sql)).toEqual([]);
  });

  it.each([
    [
      'a filter by id alone',
      'select "id" from "groups" where "groups"."id" = $1',
      ['select groups where id'],
    ],
    [
      'a joined table constrained only by its join',
      'select 1 from groups g join group_members m on m.group_id = g.id where g.district_id = $1',
      ['select group_members where group_id'],
    ],
    [
      'an OR that lets other tenants through',
      'select 1 from groups where district_id = $1 or id = $2',
      ['select groups where district_id,id'],
    ],
    [
      'a key equal to an unconstrained key',
      'select 1 from groups g, group_members m where g.district_id = m.district_id',
      ['select groups where district_id'],
    ],
    [
      'a subquery without its filter',
      'select * from groups where district_id = $1 and id in (select group_id from group_members where user_id = $2)',
      ['select group_members where user_id'],
    ],
    [
      'a CTE body without its filter',
      'with t as (select id from groups where id = $1) select * from t',
      ['select groups where id'],
    ],
    [
      'UPDATE ... FROM that anchors only the FROM table',
      'update group_members set role = $2 from groups where groups.district_id = $1 and group_members.group_id = groups.id',
      ['update group_members where group_id'],
    ],
    [
      'an INSERT without district_id',
      'insert into group_members (group_id, user_id, role) values ($1, $2, $3)',
      ['insert group_members without district_id'],
    ],
    [
      'INSERT ... SELECT from every tenant',
      'insert into group_members (district_id, group_id, user_id, role) select district_id, id, $1, $2 from groups',
      ['select groups where -'],
    ],
    [
      'an upsert whose conflict target lacks district_id',
      'insert into group_members (district_id, group_id, user_id, role) values ($1, $2, $3, $4) on conflict (group_id, user_id) do update set role = excluded.role',
      ['upsert group_members on group_id,user_id'],
    ],
    [
      'DELETE by a time',
      'delete from sessions where expires_at < now()',
      ['delete sessions where expires_at'],
    ],
    ['COPY of a tenant table', 'copy groups to stdout', ['copy groups where -']],
    [
      'a cursor over every tenant',
      'declare c no scroll cursor for select * from groups',
      ['select groups where -'],
    ],
    [
      'a call-site comment that names no entry',
      '/* cross-tenant: nobody */ select * from groups',
      ['select groups where -'],
    ],
    [
      'one arm of a UNION',
      'select id from groups where district_id = $1 union all select id from schools',
      ['select schools where -'],
    ],
  ])('CAP-TENANT-1: refuses %s', (_name, sql, expected) => {
    expect(shapes(sql)).toEqual(expected);
  });

  it('CAP-TENANT-1: the message names the table, the shape and the statement', () => {
    const sql = 'select "id" from "groups" where "groups"."id" = $1';
    const message = describeViolation(sql, strict.check(sql).violations);
    expect(message).toContain(
      'table "groups" is not constrained by district_id (shape: select groups where id)',
    );
    expect(message).toContain(`SQL: ${sql}`);
  });

  it('CAP-TENANT-1: a verdict is cached per statement text', () => {
    const checker = createTenantChecker({ tables: schemaTables(), allowlist: [], parse: parseSync });
    const sql = 'select 1 from groups where district_id = $1';
    checker.check(sql);
    checker.check(sql);
    expect(checker.cached).toBe(1);
  });
});

describe('CAP-TENANT-2: the allowlist is explicit and each entry is exercised', () => {
  it('CAP-TENANT-2: each entry names one shape once, its call site, a reason and its meaning on Citus', () => {
    expect(new Set(TENANT_ALLOWLIST.map((e) => e.shape)).size).toBe(TENANT_ALLOWLIST.length);
    for (const entry of TENANT_ALLOWLIST) {
      expect(entry.site, entry.shape).toMatch(/^src\/\S+\.ts\b/);
      expect(entry.reason.length, entry.shape).toBeGreaterThan(10);
      expect(entry.citus.length, entry.shape).toBeGreaterThan(10);
    }
  });

  it.each(TENANT_ALLOWLIST.map((e) => [e.shape, e] as const))(
    'CAP-TENANT-2: %s is refused without its entry and passes with it',
    (shape, entry) => {
      if (shape.startsWith('tag:')) {
        // A named call site: refused without the entry, and without the comment even with the entry.
        expect(shapes(entry.example)).not.toEqual([]);
        expect(shapes(entry.example.replace(CALL_SITE_TAG, ''), withAllowlist)).not.toEqual([]);
      } else {
        expect(shapes(entry.example)).toContain(shape);
      }
      const verdict = withAllowlist.check(entry.example);
      expect(verdict.violations).toEqual([]);
      expect(verdict.allowed).toContain(shape);
    },
  );
});
