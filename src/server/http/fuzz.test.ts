/**
 * TRUST-HTTP-FUZZ: every catalogue endpoint, called as each role (anonymous, member, facilitator, school
 * leader, district admin, another district's admin) with generated bodies, path parameters, query strings
 * and path spellings (NUL, huge, wrong types, odd unicode, out-of-range dates, percent-encoded paths): no
 * answer is 5xx. Seeded, so a failure replays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from '#contracts/zod';
import { randomUUID } from 'node:crypto';
import { api, type Endpoint } from '#contracts/api';
import { createSession } from '../auth/sessions';
import { groupMembers, groups, schoolRoles, schools, users } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import { createDistrictWithAdmin, createTestApp, TEST_HOST, type TestApp } from '../testing/api-harness';
import { SESSION_COOKIE } from '../auth/sessions';

type Role = 'anon' | 'member' | 'facilitator' | 'leader' | 'admin' | 'foreign';
const ROLES: Role[] = ['anon', 'member', 'facilitator', 'leader', 'admin', 'foreign'];
/** Generated requests per endpoint and role. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

let t: TestApp;
const people = {} as Record<Exclude<Role, 'anon'>, { id: string; districtId: string }>;
const real: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp({ globalRateLimit: 1_000_000 });
  const a = await createDistrictWithAdmin(t, 'Fuzz A', 'admin@fuzz-a.test');
  const b = await createDistrictWithAdmin(t, 'Fuzz B', 'admin@fuzz-b.test');
  const db = t.database.db;
  const hash = await hashPassword('fuzz test password');
  const [school] = await db
    .insert(schools)
    .values({ districtId: a.district.id, name: 'Fuzz School' })
    .returning();
  const [team] = await db
    .insert(groups)
    .values({
      districtId: a.district.id,
      schoolId: school!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Fuzz Team',
    })
    .returning();
  const person = async (label: string) => {
    const [u] = await db
      .insert(users)
      .values({ districtId: a.district.id, email: `${label}@fuzz-a.test`, name: label, passwordHash: hash })
      .returning();
    return u!;
  };
  const member = await person('member');
  const facilitator = await person('facilitator');
  const leader = await person('leader');
  await db.insert(schoolRoles).values({
    districtId: a.district.id,
    schoolId: school!.id,
    userId: leader.id,
    role: 'school_leader',
  });
  await db.insert(groupMembers).values([
    { districtId: a.district.id, groupId: team!.id, userId: facilitator.id, role: 'facilitator' },
    { districtId: a.district.id, groupId: team!.id, userId: member.id, role: 'member' },
  ]);
  Object.assign(people, { member, facilitator, leader, admin: a.admin, foreign: b.admin });
  // A meeting to aim at.
  const session = await createSession(db, facilitator, 'fuzz');
  const scheduled = await t.app.inject({
    method: 'POST',
    url: `/api/groups/${team!.id}/meetings`,
    headers: {
      host: TEST_HOST,
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      'content-type': 'application/json',
    },
    payload: { title: 'Fuzz meeting', routineId: 'share-successes' },
  });
  const meetingId = scheduled.json<{ id?: string }>().id ?? randomUUID();
  Object.assign(real, {
    groupId: [team!.id],
    schoolId: [school!.id],
    userId: [member.id, b.admin.id],
    meetingId: [meetingId],
    routine: ['share-successes'],
    code: ['ABCDEFGH'],
    token: ['x'.repeat(43)],
  });
});
afterAll(async () => t.close());

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍🏫',
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '{{constructor.constructor}}',
  '__proto__',
  'x'.repeat(5_000),
  'é'.repeat(70_000),
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30T25:61:00Z',
  '9999-12-31T23:59:59.999+14:00',
  '1970-01-01',
  'NaN',
  'null',
];
const NASTY_NUMBERS = [-1, 0, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 8.64e15 + 1];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [[[[[]]]]], { a: { b: { c: {} } } }),
  fc.jsonValue({ maxDepth: 3 }),
);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
}

/** A value that is often nearly right (so deeper code runs), sometimes nasty. */
function valueFor(schema: JsonSchema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return nastyValue;
  const options: fc.Arbitrary<unknown>[] = [nastyValue];
  if (schema.enum?.length) options.push(fc.constantFrom(...schema.enum));
  if (schema.const !== undefined) options.push(fc.constant(schema.const));
  for (const alt of schema.anyOf ?? []) options.push(valueFor(alt, name, depth + 1));
  const types = [schema.type].flat();
  if (types.includes('string')) {
    if (name.endsWith('Id') || schema.format === 'uuid')
      options.push(fc.constantFrom(...Object.values(real).flat(), randomUUID()));
    if (schema.format === 'email') options.push(fc.constantFrom('member@fuzz-a.test', 'NEW@fuzz.test'));
    if (schema.format === 'date-time')
      options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    options.push(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('share-successes', 'member', 'facilitator'),
      // Plausible text with a sting: NUL that would reach the database, dates PostgreSQL refuses.
      fc.constantFrom(
        'Ada\u0000Lovelace',
        'Team \u0000',
        '0000-01-01T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '0000-01-01',
        '2026-13-45',
      ),
    );
  }
  if (types.includes('number') || types.includes('integer'))
    options.push(fc.integer({ min: -5, max: 200 }), fc.constantFrom(...NASTY_NUMBERS));
  if (types.includes('boolean')) options.push(fc.boolean());
  if (types.includes('array'))
    options.push(fc.array(valueFor(schema.items, name, depth + 1), { maxLength: 4 }));
  if (types.includes('object') && schema.properties) options.push(objectFor(schema, depth + 1));
  return fc.oneof(...options);
}

function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of entries) record[key] = valueFor(sub, key, depth);
  // Mostly every known field (so the request gets past validation often), sometimes some, rarely extras.
  const known = fc.oneof(
    { weight: 3, arbitrary: fc.record(record) },
    { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
  );
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(nastyString, nastyValue, { maxKeys: 2 }) },
  );
  return fc.tuple(known, extra).map(([k, x]) => ({ ...x, ...k }));
}

function schemaOf(type: z.ZodMiniType | undefined): JsonSchema | undefined {
  if (!type) return undefined;
  try {
    return z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

const paramValue = (name: string) =>
  fc.oneof(
    fc.constantFrom(...(real[name] ?? real[name.endsWith('Id') ? 'groupId' : 'code'] ?? ['x'])),
    fc.constant(randomUUID()),
    nastyString.map((s) => encode(s)),
    fc.constantFrom('%00', '%E0%A4%A', '..%2F..%2Fapi', '%2e%2e', 'x'.repeat(400), '%F0%9F%98%80'),
  );

/** The endpoint's path spelled in ways a client might: as is, percent-encoded letters, case, slashes. */
const spelling = fc.constantFrom<(p: string) => string>(
  (p) => p,
  (p) => p.replace('/api/', '/%61pi/'),
  (p) => p.replace('/api/', '/API/'),
  (p) => p.replace('/api/', '//api/'),
  (p) => `${p}/`,
  (p) => `${p}%2F`,
);

function requestFor(endpoint: Endpoint) {
  const names = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  const bodySchema = schemaOf(endpoint.body);
  const querySchema = schemaOf(endpoint.query);
  return fc.record({
    params: fc.tuple(...names.map((n) => paramValue(n))),
    body: endpoint.body
      ? fc.oneof({ weight: 4, arbitrary: objectFor(bodySchema ?? {}) }, { weight: 1, arbitrary: nastyValue })
      : fc.option(nastyValue),
    query: querySchema
      ? objectFor(querySchema)
      : fc.option(fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 })),
    spelling,
    raw: fc.boolean(),
  });
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its CESU bytes: invalid UTF-8. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[\s\S]/g, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return '%ED%A0%80';
      }
    });
  }
}

function toQuery(query: Record<string, unknown> | null): string {
  if (!query || !Object.keys(query).length) return '';
  const parts = Object.entries(query).map(
    ([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v ?? null))}`,
  );
  return `?${parts.join('&')}`;
}

describe('TRUST-HTTP-FUZZ', () => {
  const endpoints = Object.entries(api) as [string, Endpoint][];

  it('TRUST-HTTP-FUZZ: covers every catalogue endpoint', () => {
    expect(endpoints.length).toBeGreaterThan(40);
  });

  for (const [name, endpoint] of endpoints) {
    it(`TRUST-HTTP-FUZZ: ${name} (${endpoint.method} ${endpoint.path}) never answers 5xx`, async () => {
      const failures: string[] = [];
      let requests = 0;
      for (const role of ROLES) {
        // A fresh session per endpoint: a fuzzed sign-out must not turn the rest into anonymous calls.
        const cookie =
          role === 'anon' ? null : (await createSession(t.database.db, people[role], 'fuzz')).secret;
        const samples = fc.sample(requestFor(endpoint), { numRuns: RUNS, seed: SEED + name.length });
        for (const sample of samples) {
          let path = endpoint.path;
          const names = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
          names.forEach((n, i) => (path = path.replace(`:${n}`, String(sample.params[i]))));
          const url = `${sample.spelling(path)}${toQuery(sample.query)}`;
          const payload =
            sample.body === null || sample.body === undefined
              ? undefined
              : sample.raw && typeof sample.body === 'string'
                ? sample.body
                : JSON.stringify(sample.body);
          const res = await t.app.inject({
            method: endpoint.method,
            url,
            remoteAddress: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`,
            headers: {
              host: TEST_HOST,
              ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
              ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(payload !== undefined ? { payload } : {}),
          });
          requests++;
          if (res.statusCode >= 500)
            failures.push(
              `${role} ${endpoint.method} ${url.slice(0, 200)} ${payload?.slice(0, 200) ?? ''} -> ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
        }
      }
      expect(requests).toBe(ROLES.length * RUNS);
      expect(failures).toEqual([]);
    });
  }
});
