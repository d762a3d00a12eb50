/**
 * INPUT-1..5 (and TRUST-HTTP-7, NUL per field): every endpoint that takes a body rejects wrong types, missing fields, unknown fields,
 * over-long values (400 naming the field) and oversized bodies (413), and the database is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from '#contracts/zod';
import { randomUUID } from 'node:crypto';
import { api, pathFor, type Endpoint } from '#contracts/api';
import { NETWORK_HEADER } from '#contracts/networks';
import { spacesOfEndpoint } from './spaces';
import { ROSTER_BODY_LIMIT } from '../roster/routes';
import { CARD_CREATE_BODY_LIMIT } from '../share-cards/routes';
import { Client, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/api-harness';

let t: TestApp;
let admin: Client;
const ids: Record<string, string> = {};
let ownNetwork = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = new Client(t.app);
  await admin.post('/api/setup', {
    districtName: 'Input District',
    name: 'Ada',
    email: 'ada@input.test',
    password: TEST_PASSWORD,
  });
  const school = await admin.post<{ id: string }>('/api/schools', { name: 'School' });
  const group = await admin.post<{ id: string }>('/api/groups', {
    name: 'Team',
    kind: 'teacher_team',
    schoolId: school.body.id,
  });
  const me = await admin.get<{ id: string }>('/api/auth/me');
  ids.schoolId = school.body.id;
  ids.groupId = group.body.id;
  ids.userId = me.body.id;
  ids.invitationId = randomUUID();
  ids.seriesId = randomUUID();
  ids.part = '0';
  ids.meetingId = randomUUID();
  ids.token = 'x'.repeat(43);
  // NEXT-DONE-2: a next step of a meeting (completeNextStep).
  ids.itemId = randomUUID();
  // MEM-REC / SHARE: a team memory record (editMemoryRecord, resolveDilemma, the share review).
  ids.recordId = randomUUID();
  ids.code = 'ABCDEFGH';
  ids.routine = 'share-successes';
  // MEASURE-WAVE: a survey wave (submitResponse).
  ids.waveId = randomUUID();
  // NET-JOIN-2: a network to ask to join (requestToJoinNetwork).
  ids.networkId = randomUUID();
  // NET-ORG-2: an organization of the list (updateOrganization) and a shipped one (editShippedOrganization).
  ids.organizationId = randomUUID();
  ids.slug = 'naesp';
  // MATCH-SPACE: a pair of the colleague exchange (addColleagueNote, setColleagueCheckIn).
  ids.pairId = randomUUID();
  // BOOK: a book study, one of its sections and a reflection (replaceBookSections, writeBookReflection).
  ids.studyId = randomUUID();
  ids.sectionId = randomUUID();
  ids.reflectionId = randomUUID();
  // SHARE-CARD: a shared copy to make cards of, and a card (checkShareCard, createShareCard, updateShareCard).
  ids.shareId = randomUUID();
  ids.cardId = randomUUID();
  // SSO-CONFIG: a sign-in provider (updateSsoProvider); API-TOKEN: a token (revoke routes).
  ids.providerId = randomUUID();
  ids.tokenId = randomUUID();
  // ADR 0032: the network the admin convenes, where network-only endpoints are called.
  ownNetwork = (await admin.post<{ id: string }>('/api/networks', { name: 'Input network' })).body.id;
});
afterAll(async () => t.close());

/** A fingerprint of every row of every table: equal fingerprints mean nothing was written. */
async function databaseFingerprint(): Promise<string> {
  const { rows: tables } = await t.database.pool.query<{ name: string }>(
    `select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await t.database.pool.query<{ h: string | null }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as h from ${name} t`,
    );
    parts.push(`${name}:${rows[0]?.h ?? 'empty'}`);
  }
  return parts.join('\n');
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
}

/** The discriminator of a union body's first variant (`{ kind: 'google' }`), or nothing for an object body. */
function firstVariantKind(schema: JsonSchema): Record<string, unknown> {
  const first = (schema.oneOf ?? schema.anyOf ?? [])[0];
  const entry = Object.entries(first?.properties ?? {}).find(([, p]) => p.const !== undefined);
  return entry ? { [entry[0]]: entry[1].const } : {};
}

function wrongValueFor(schema: JsonSchema): unknown {
  const types = new Set([schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat().filter(Boolean));
  if (types.has('string')) return types.has('object') ? 12345 : { not: 'a string' };
  if (types.has('number') || types.has('integer')) return 'not a number';
  if (types.has('boolean')) return 'yes';
  if (types.has('array')) return 'not a list';
  return 12345;
}

/** Routes that take more than the app's 64 KiB (SHARE-CARD-3: a card's image in base64). */
const largerBodies: Readonly<Record<string, number>> = {
  createShareCard: CARD_CREATE_BODY_LIMIT,
  previewRoster: ROSTER_BODY_LIMIT,
  commitRoster: ROSTER_BODY_LIMIT,
};

const withBody = Object.entries(api).filter(([, e]) => 'body' in e && e.body) as [
  string,
  Endpoint & { body: z.ZodMiniType },
][];

/** The admin from a new address each time, so per-IP rate limits (which rightly count bad requests) stay out of the way. */
const fresh = () => new Client(t.app, admin.cookie);

function urlOf(e: Endpoint) {
  return pathFor(e.path, ids);
}

describe('bad input is refused and nothing is written', () => {
  it('INPUT-0: covers every endpoint that takes a body', () => {
    expect(withBody.length).toBeGreaterThan(15);
  });

  for (const [name, endpoint] of withBody) {
    const json = z.toJSONSchema(endpoint.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const properties = Object.entries(json.properties ?? {});

    it(`INPUT-1..4: ${name}`, async () => {
      const before = await databaseFingerprint();
      const url = urlOf(endpoint);
      /** ADR 0032: an endpoint made only for networks is called in the admin's own network. */
      const send = (body: unknown, headers: Record<string, string> = {}) =>
        fresh().request(endpoint.method, url, body, {
          ...(spacesOfEndpoint(endpoint).includes('district') ? {} : { [NETWORK_HEADER]: ownNetwork }),
          ...headers,
        });

      // INPUT-1: wrong types, one field at a time; the answer names that field.
      for (const [field, schema] of properties) {
        const res = await send({ [field]: wrongValueFor(schema) });
        expect(res.status, `${name}.${field}`).toBe(400);
        const fields = (res.body as { error: { fields?: { path: string }[] } }).error.fields ?? [];
        expect(
          fields.map((f) => f.path),
          `${name}.${field}`,
        ).toContain(field);
      }

      // INPUT-2: missing required fields are named.
      if (json.required?.length) {
        const res = await send({});
        expect(res.status).toBe(400);
        const paths = ((res.body as { error: { fields?: { path: string }[] } }).error.fields ?? []).map(
          (f) => f.path,
        );
        for (const field of json.required) expect(paths, `${name} missing ${field}`).toContain(field);
      }

      // INPUT-3: unknown fields are refused by name. A body that is a union (a provider of one kind or another)
      // is read once its kind is known, so the kind of its first variant goes with the unknown field.
      const unknown = await send({ ...firstVariantKind(json), surpriseField: 'x' });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('surpriseField');

      // INPUT-4: over-long strings are refused per field.
      for (const [field, schema] of properties) {
        const types = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat();
        if (!types.includes('string')) continue;
        // One character over the field's own limit (a visit note may hold 10,000), else 5,000.
        const max = [schema, ...(schema.anyOf ?? [])].find((s) => s.maxLength !== undefined)?.maxLength;
        const res = await send({
          [field]: 'x'.repeat(max === undefined ? 5000 : max + 1),
        });
        expect(res.status, `${name}.${field} long`).toBe(400);
      }

      // TRUST-HTTP-7: NUL in any string field is refused naming that field (never a database error).
      for (const [field, schema] of properties) {
        const types = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat();
        if (!types.includes('string')) continue;
        const res = await send({ [field]: 'a\u0000b' });
        expect(res.status, `${name}.${field} NUL`).toBe(400);
        const fields = (res.body as { error: { fields?: { path: string }[] } }).error.fields ?? [];
        expect(
          fields.map((f) => f.path),
          `${name}.${field} NUL`,
        ).toContain(field);
      }

      // INPUT-5: a body over the limit is refused whole, and a non-JSON body gets a clear answer.
      const huge = await send({ filler: 'x'.repeat((largerBodies[name] ?? 0) + 200_000) });
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ error: { code: 'body_too_large' } });
      const notJson = await send('name=x', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(notJson.status).toBe(415);
      const broken = await send('{"name":', {
        'content-type': 'application/json',
      });
      expect(broken.status).toBe(400);

      expect(await databaseFingerprint()).toBe(before);
    });
  }

  it('INPUT-6: malformed ids in paths are 400 naming the parameter, not 500', async () => {
    const res = await admin.get('/api/groups/not-a-uuid');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('groupId');
  });
});
