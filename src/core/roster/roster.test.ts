// eslint-disable-next-line no-restricted-imports -- the test reads the fixture sets; the core itself never touches the disk
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, readCsv } from './csv';
import { isEmptyPlan, planRoster, type KnownPerson, type RosterCurrent, type RosterPlan } from './plan';
import { readRosterSet, type RosterSet } from './read';

const enc = new TextEncoder();
const fixture = (name: string) => {
  const dir = new URL(`../../../test/fixtures/oneroster/${name}/`, import.meta.url);
  return new Map(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(new URL(f, dir)))]));
};
const files = (set: Record<string, string>) =>
  new Map(Object.entries(set).map(([k, v]) => [k, enc.encode(v)]));
const manifest11 = 'propertyName,value\noneroster.version,1.1\nfile.orgs,bulk\nfile.users,bulk\n';
const orgs = 'sourcedId,name,type\nd1,District,district\ns1,North,school\ns2,South,school\n';
const usersHead = 'sourcedId,orgSourcedIds,role,givenName,familyName,email\n';
const errors = (set: RosterSet) => set.problems.filter((p) => p.severity === 'error');
const empty: RosterCurrent = { schools: [], people: [] };

describe('reading OneRoster sets', () => {
  it('ROSTER-READ-1: the 1.1 sample set reads cleanly: schools, staff with their schools, learners skipped', () => {
    const set = readRosterSet(fixture('v1p1'));
    expect(errors(set)).toEqual([]);
    expect(set.version).toBe('1.1');
    expect(set.schools.map((s) => s.name)).toEqual([
      'Lincoln Elementary',
      'Washington Middle School, East Campus',
    ]);
    expect(set.staff.map((p) => [p.sourcedId, [...p.schools]])).toEqual([
      [
        't1',
        [
          ['s1', 'staff'],
          ['s2', 'staff'],
        ],
      ],
      [
        't2',
        [
          ['s1', 'staff'],
          ['s2', 'staff'],
        ],
      ],
      ['p1', [['s2', 'school_leader']]],
      ['a1', [['s2', 'staff']]],
    ]);
    expect(set.learnersSkipped).toBe(3);
  });

  it('ROSTER-READ-2: the 1.2 sample set reads cleanly: roles.csv, preferred names, a district administrator without a school', () => {
    const set = readRosterSet(fixture('v1p2'));
    expect(errors(set)).toEqual([]);
    expect(set.version).toBe('1.2');
    expect(set.staff.map((p) => [p.name, [...p.schools]])).toEqual([
      [
        'Mary Jackson',
        [
          ['S-200', 'staff'],
          ['S-300', 'staff'],
        ],
      ],
      ['Dot Vaughan', [['S-300', 'school_leader']]],
      ['Claude Jones', []],
    ]);
    expect(set.learnersSkipped).toBe(1);
  });

  it('ROSTER-MESSY-1: a BOM, CRLF, wrong-case enumerations and headers, date-only timestamps: accepted with warnings', () => {
    const set = readRosterSet(
      files({
        'manifest.csv':
          '\uFEFFpropertyName,value\r\noneroster.version,1.1\r\nfile.orgs,BULK\r\nfile.users,bulk\r\n',
        'orgs.csv': '\uFEFFsourcedid,name,type,dateLastModified\r\ns1,North,School,2026-08-01\r\n',
        'users.csv': `${usersHead.replace('\n', '\r\n')}t1,s1,Teacher,Ann,Lee,Ann@X.example\r\nt2,s1,TEACHER,Bo,Ng,bo@x.example\r\n`,
      }),
    );
    expect(errors(set)).toEqual([]);
    expect(set.staff.map((p) => p.email)).toEqual(['ann@x.example', 'bo@x.example']);
    const warnings = set.problems.map((p) => `${p.file}:${p.line ?? ''}: ${p.message}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.csv:3: file\.orgs "BULK" read as "bulk"/),
        expect.stringMatching(/^orgs\.csv:1: column "sourcedid" read as "sourcedId"/),
        expect.stringMatching(/^orgs\.csv:2: type "School" read as "school"/),
        expect.stringMatching(/^orgs\.csv:2: dateLastModified "2026-08-01" has no time/),
        expect.stringMatching(
          /^users\.csv:2: role "Teacher" read as "teacher" \(wrong case\) \(2 rows; this is the first\)/,
        ),
      ]),
    );
  });

  it('ROSTER-CSV-1: line numbers count lines, not records (a quoted field across lines)', () => {
    const t = readCsv('x.csv', enc.encode('a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x,y"\r\n'));
    if ('severity' in t) throw new Error(t.message);
    expect(t.rows.map((r) => [r.line, r.fields])).toEqual([
      [2, ['1', 'two\r\nlines']],
      [5, ['3', 'x,y']],
    ]);
  });

  it('ROSTER-CSV-2: an invalid UTF-8 byte is reported with its line', () => {
    const bytes = new Uint8Array([...enc.encode('a,b\n1,2\n3,'), 0xe9, ...enc.encode('t\n')]);
    expect(firstInvalidUtf8(bytes)).toBe(10);
    expect(readCsv('users.csv', bytes)).toMatchObject({ severity: 'error', file: 'users.csv', line: 3 });
    expect(firstInvalidUtf8(enc.encode('héllo ✓ 🎉'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0); // an overlong
  });
});

const person = (over: Partial<KnownPerson>): KnownPerson => ({
  sourcedId: null,
  userId: 'u-x',
  sameDistrict: true,
  email: 'x@x.example',
  name: 'X',
  active: true,
  districtAdmin: false,
  schoolRoles: new Map(),
  ...over,
});

/** The pure model of a commit: what the server's transaction does to the state, ids from a counter. */
function applyModel(current: RosterCurrent, plan: RosterPlan): RosterCurrent {
  let n = 0;
  const schools = current.schools.map((s) => ({ ...s }));
  for (const a of plan.schools.add)
    schools.push({ sourcedId: a.sourcedId, schoolId: `school-${a.sourcedId}-${n++}`, name: a.name });
  for (const u of plan.schools.update) {
    const s = schools.find((x) => x.sourcedId === u.sourcedId);
    if (s) s.name = u.name;
  }
  const idOf = (sid: string) => schools.find((s) => s.sourcedId === sid)?.schoolId ?? '';
  const people = current.people.map((p) => ({ ...p, schoolRoles: new Map(p.schoolRoles) }));
  for (const a of plan.people.add)
    people.push(
      person({
        sourcedId: a.sourcedId,
        userId: `user-${n++}`,
        email: a.email,
        name: a.name,
        schoolRoles: new Map(a.roles.map(([sid, r]) => [idOf(sid), r])),
      }),
    );
  for (const u of plan.people.update) {
    const p = people.find((x) => x.userId === u.userId);
    if (!p) continue;
    p.sourcedId = u.sourcedId;
    if (u.email !== null) p.email = u.email;
    if (u.name !== null) p.name = u.name;
    if (u.reactivate) p.active = true;
    for (const [sid, r] of u.setRoles) p.schoolRoles.set(idOf(sid), r);
    for (const sid of u.removeRoles) p.schoolRoles.delete(idOf(sid));
  }
  for (const d of plan.people.deactivate) {
    const p = people.find((x) => x.userId === d.userId);
    if (p) p.active = false;
  }
  return { schools, people };
}

describe('planning an import', () => {
  it('ROSTER-PLAN-1: a first import adds schools and staff; applied, the same set plans nothing (ROSTER-IDEMP-1)', () => {
    const set = readRosterSet(fixture('v1p1'));
    const first = planRoster(set, empty);
    expect(first.counts).toEqual({
      schoolsAdded: 2,
      schoolsUpdated: 0,
      peopleAdded: 4,
      peopleUpdated: 0,
      peopleDeactivated: 0,
      learnersSkipped: 3,
    });
    expect(isEmptyPlan(planRoster(set, applyModel(empty, first.plan)).plan)).toBe(true);
  });

  it('ROSTER-DEACT-1: rostered staff missing from a bulk set are deactivated; unrostered people and district admins are not', () => {
    const set = readRosterSet(
      files({
        'manifest.csv': manifest11,
        'orgs.csv': orgs,
        'users.csv': `${usersHead}t1,s1,teacher,Ann,Lee,ann@x.example\n`,
      }),
    );
    const current: RosterCurrent = {
      schools: [{ sourcedId: 's1', schoolId: 'S1', name: 'North' }],
      people: [
        person({ sourcedId: 'gone', userId: 'u1', email: 'gone@x.example' }),
        person({ sourcedId: 'boss', userId: 'u2', email: 'boss@x.example', districtAdmin: true }),
        person({ sourcedId: null, userId: 'u3', email: 'local@x.example' }),
      ],
    };
    const r = planRoster(set, current);
    expect(r.plan.people.deactivate).toEqual([{ sourcedId: 'gone', userId: 'u1' }]);
    expect(r.problems.map((p) => p.message)).toContain(
      'rostered user "boss" is missing but is a district admin: not deactivated',
    );
  });

  it('ROSTER-LINK-2: an existing account of the district with the same address is taken in (warning); another district’s is an error', () => {
    const set = readRosterSet(
      files({
        'manifest.csv': manifest11,
        'orgs.csv': orgs,
        'users.csv': `${usersHead}t1,s1,teacher,Ann,Lee,ann@x.example\nt2,s2,teacher,Bo,Ng,bo@x.example\n`,
      }),
    );
    const r = planRoster(set, {
      schools: [],
      people: [
        person({ userId: 'u1', email: 'ann@x.example', name: 'Ann Lee' }),
        person({ userId: 'u9', email: 'bo@x.example', sameDistrict: false }),
      ],
    });
    expect(r.plan.people.update).toMatchObject([{ sourcedId: 't1', userId: 'u1', link: true, name: null }]);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        {
          severity: 'warning',
          file: 'users.csv',
          line: 2,
          message: 'email "ann@x.example" is an existing account: it is taken into the roster',
        },
        {
          severity: 'error',
          file: 'users.csv',
          line: 3,
          message: 'email "bo@x.example" belongs to an account in another district or network',
        },
      ]),
    );
  });

  it('ROSTER-IDEMP-2 (property): for any roster and any earlier import, applying the plan leaves nothing to plan', () => {
    const roleArb = fc.constantFrom('teacher', 'aide', 'principal', 'student', 'counselor');
    const userArb = fc.record({
      id: fc.integer({ min: 0, max: 9 }),
      role: roleArb,
      schools: fc.subarray(['s1', 's2', 's3']),
      given: fc.constantFrom('Ann', 'Bo', 'Cy'),
    });
    const setArb = fc.record({
      users: fc.array(userArb, { maxLength: 8 }),
      schoolNames: fc.tuple(fc.constantFrom('North', 'Nord'), fc.constantFrom('South', 'Sud')),
    });
    type SetShape = typeof setArb extends fc.Arbitrary<infer T> ? T : never;
    const build = (s: SetShape) => {
      const seen = new Set<number>();
      const lines = s.users.filter((u) => !seen.has(u.id) && seen.add(u.id));
      return readRosterSet(
        files({
          'manifest.csv': manifest11,
          'orgs.csv': `sourcedId,name,type\ns1,${s.schoolNames[0]},school\ns2,${s.schoolNames[1]},school\ns3,East,school\n`,
          'users.csv':
            usersHead +
            lines
              .map((u) => `u${u.id},"${u.schools.join(',')}",${u.role},${u.given},Z,u${u.id}@x.example\n`)
              .join(''),
        }),
      );
    };
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const setA = build(a);
        const setB = build(b);
        expect(errors(setA)).toEqual([]);
        const afterA = applyModel(empty, planRoster(setA, empty).plan);
        const afterB = applyModel(afterA, planRoster(setB, afterA).plan);
        expect(isEmptyPlan(planRoster(setB, afterB).plan)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
