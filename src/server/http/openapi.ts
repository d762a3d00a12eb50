/**
 * The OpenAPI document at /api/docs (API-DOC-*): @fastify/swagger builds it from the catalogue's routes; this
 * module adds what an integrator needs and Redocly's `recommended` ruleset checks: the servers (PUBLIC_URL), the
 * two ways to authenticate (the session cookie; a personal API token as a bearer, ADR 0041) named per operation,
 * an operationId (the catalogue entry's name), a description and examples on every operation.
 */
import { z } from '#contracts/zod';
import { api, type Endpoint } from '#contracts/api';
import { coreApi } from '#contracts/api-core';
import { VERSION } from '../system/version';

type CoreName = keyof typeof coreApi;

/**
 * API-TOKEN-4: core endpoints a personal API token never calls (their entries stay as they are: the core
 * catalogue is in the web's first chunk). Feature endpoints say so themselves with `bearer: false`.
 */
const coreCookieOnly: readonly CoreName[] = ['signOut', 'signOutEverywhere'];
const cookieOnly = new Set<Endpoint>(coreCookieOnly.map((name) => coreApi[name]));

/** Whether a personal API token may call this endpoint (API-TOKEN-4). */
export function bearerAllowed(endpoint: Endpoint): boolean {
  return endpoint.auth === 'session' && endpoint.bearer !== false && !cookieOnly.has(endpoint);
}

/** API-TOKEN-3: a token of scope `read` calls GET endpoints only; `write` calls them all. */
export const scopeNeeded = (endpoint: Endpoint): 'read' | 'write' =>
  endpoint.method === 'GET' ? 'read' : 'write';

const entries: ReadonlyArray<readonly [string, Endpoint]> = Object.entries(api);
const nameOfEntry = new Map<Endpoint, string>(entries.map(([name, entry]) => [entry, name]));

/** The catalogue name of an entry: its OpenAPI operationId (API-DOC-1). */
export function operationIdOf(endpoint: Endpoint): string {
  const name = nameOfEntry.get(endpoint);
  if (!name) throw new Error(`${endpoint.method} ${endpoint.path} is not in the merged catalogue (api.ts)`);
  return name;
}

export const SECURITY_SCHEMES = { cookie: 'sessionCookie', bearer: 'apiToken' } as const;

/** The operation's `security`: none for public endpoints, else the cookie and (where allowed) a scoped token. */
export function securityOf(endpoint: Endpoint): Array<Record<string, string[]>> {
  if (endpoint.auth === 'public') return [];
  const cookie = { [SECURITY_SCHEMES.cookie]: [] };
  return bearerAllowed(endpoint)
    ? [cookie, { [SECURITY_SCHEMES.bearer]: [scopeNeeded(endpoint)] }]
    : [cookie];
}

/** API-DOC-2: the entry's own description (or its summary), then who may call it and how. */
export function descriptionOf(endpoint: Endpoint): string {
  const lines = [endpoint.description ?? `${endpoint.summary}.`];
  if (endpoint.auth === 'public') lines.push('Public: no session needed.');
  else if (bearerAllowed(endpoint))
    lines.push(
      `Needs a session cookie or a personal API token (\`Authorization: Bearer …\`) with the \`${scopeNeeded(endpoint)}\` scope; a token acts exactly as its owner.`,
    );
  else lines.push('Needs a session cookie: personal API tokens are refused here.');
  const spaces = endpoint.spaces ?? [];
  if (spaces.includes('network'))
    lines.push(
      spaces.includes('district')
        ? 'Also callable in a network the caller belongs to: name it in the `x-ensemble-network` header.'
        : 'Only in a network: name it in the `x-ensemble-network` header.',
    );
  if (endpoint.produces) lines.push(`Answers \`${endpoint.produces}\`, not JSON.`);
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Examples built from a schema (API-DOC-3): the entry's own examples when it has them, else the smallest value the
// schema's JSON Schema describes, filled so that it reads like data. A test parses every one with the Zod schema.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

const EXAMPLE_ID = '3f2c7e9a-5b1d-4c8e-9f6a-2d4b8c1e7a05';
const EXAMPLE_INSTANT = '2026-09-14T15:30:00.000Z';

/** Values tried, in order, against a string schema's `pattern` (dates, times, slugs, codes, links' tokens). */
const PATTERNED = [
  '2026-09-14',
  '15:30',
  '2026-09-14T15:30',
  '2026-09',
  EXAMPLE_INSTANT,
  EXAMPLE_ID,
  'share-successes',
  'US',
  'en',
  'K7M2Q9XP',
  'd8Qe3LrV0xWm5Tz2Yb7Nc4Hk',
  '978-0-306-40615-7',
  '9780306406157',
  'https://ensemble.example.org/',
  'example',
];

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringExample(s: Schema, key: string): string {
  switch (s.format) {
    case 'uuid':
      return EXAMPLE_ID;
    case 'email':
      return 'ada.lovelace@example.org';
    case 'date-time':
      return EXAMPLE_INSTANT;
    case 'date':
      return '2026-09-14';
    case 'time':
      return '15:30:00';
    case 'uri':
    case 'url':
      return 'https://ensemble.example.org/';
    default:
  }
  // A pipe's input (`Email` trims, then checks) or a refined string has no format of its own: its name says
  // what it holds.
  if (/email/i.test(key)) return 'ada.lovelace@example.org';
  if (/timeZone/i.test(key)) return 'America/Chicago';
  if (/(url|link)$/i.test(key)) return 'https://ensemble.example.org/';
  if (/code$/i.test(key)) return 'K7M2Q9XP';
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 200;
  if (typeof s.pattern === 'string') {
    const pattern = new RegExp(s.pattern, 'u');
    const fits = PATTERNED.find((c) => pattern.test(c) && c.length >= min && c.length <= max);
    if (fits !== undefined) return fits;
  }
  let text = key ? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'text';
  if (text.length > max) text = text.slice(0, max);
  while (text.length < min) text += 'x';
  return text;
}

function numberExample(s: Schema): number {
  const integer = s.type === 'integer';
  let min =
    typeof s.minimum === 'number'
      ? s.minimum
      : typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum + 1
        : 1;
  const max =
    typeof s.maximum === 'number'
      ? s.maximum
      : typeof s.exclusiveMaximum === 'number'
        ? s.exclusiveMaximum - 1
        : Infinity;
  if (min > max) min = max;
  return integer ? Math.ceil(min) : min;
}

function exampleOfSchema(s: unknown, root: Schema, key = '', depth = 0): Json {
  if (!isSchema(s) || depth > 12) return null;
  if (typeof s.$ref === 'string') {
    const ref = s.$ref;
    const target =
      ref === '#'
        ? root
        : ref
            .split('/')
            .slice(1)
            .reduce<unknown>((node, part) => (isSchema(node) ? node[part] : undefined), root);
    return exampleOfSchema(target, root, key, depth + 1);
  }
  if ('const' in s) return s.const as Json;
  if ('default' in s && s.default !== undefined) return s.default as Json;
  if (Array.isArray(s.enum)) return (s.enum[0] ?? null) as Json;
  for (const union of ['anyOf', 'oneOf'] as const) {
    const options = s[union];
    if (Array.isArray(options) && options.length) {
      const choices: unknown[] = options;
      const nonNull = choices.find((o) => !(isSchema(o) && o.type === 'null')) ?? choices[0];
      return exampleOfSchema(nonNull, root, key, depth + 1);
    }
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => exampleOfSchema(p, root, key, depth + 1));
    return Object.assign({}, ...parts.filter(isSchema)) as Json;
  }
  const types: unknown[] = Array.isArray(s.type) ? s.type : [s.type];
  const type = types.find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      const out: { [key: string]: Json } = {};
      const props = isSchema(s.properties) ? s.properties : {};
      for (const [name, prop] of Object.entries(props))
        out[name] = exampleOfSchema(prop, root, name, depth + 1);
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 1;
      const max = typeof s.maxItems === 'number' ? s.maxItems : 1;
      const count = Math.min(Math.max(min, 1), max);
      const item = exampleOfSchema(s.items, root, key, depth + 1);
      return Array.from({ length: count }, () => item);
    }
    case 'string':
      return stringExample(s, key);
    case 'integer':
    case 'number':
      return numberExample(s);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return null;
  }
}

/** An example value of a Zod schema: the smallest reading of its JSON Schema (API-DOC-3). */
export function exampleOf(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Schema;
  return exampleOfSchema(json, json);
}

/**
 * Examples of core entries that a schema cannot make (a choice between two fields), kept here: the core catalogue
 * is in the web's first chunk (DAY-PERF-1), and examples are for the document only.
 */
const coreExamples = new Map<Endpoint, NonNullable<Endpoint['examples']>>([
  [
    coreApi.scheduleMeeting,
    {
      body: { title: 'Thursday PLC', scheduledFor: '2026-09-17T15:30:00.000Z', routineId: 'share-successes' },
    },
  ],
]);

/** The examples an operation shows: the entry's own, else built from its schemas. */
export function examplesOf(endpoint: Endpoint): { body?: unknown; response?: unknown } {
  const own = endpoint.examples ?? coreExamples.get(endpoint);
  return {
    ...(endpoint.body ? { body: own?.body ?? exampleOf(endpoint.body, 'input') } : {}),
    ...(endpoint.produces ? {} : { response: own?.response ?? exampleOf(endpoint.response, 'output') }),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** The realtime protocol's AsyncAPI document, linked from the OpenAPI description (API-DOC-4). */
export const ASYNCAPI_PATH = '/api/asyncapi.json';

export function openApiInfo(publicUrl: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Ensemble API',
      version: VERSION,
      description: [
        'REST API of Ensemble. Every endpoint needs a session (the `ensemble_session` cookie a browser gets at',
        'sign-in) unless marked public. Scripts use a personal API token instead, made on the Account page and sent',
        'as `Authorization: Bearer <token>`: `read` tokens call GET endpoints, `write` tokens all the others too,',
        'always with exactly their owner’s rights. Errors are JSON: `{ "error": { "code", "message" } }`.',
        '',
        `The live meeting protocol (Socket.IO) is described by an AsyncAPI 3.0 document at [${ASYNCAPI_PATH}](${publicUrl}${ASYNCAPI_PATH}).`,
      ].join('\n'),
      license: { name: 'AGPL-3.0-only', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    servers: [{ url: publicUrl, description: 'This installation (PUBLIC_URL)' }],
  };
}

export function securitySchemes(cookieName: string) {
  return {
    [SECURITY_SCHEMES.cookie]: {
      type: 'apiKey',
      in: 'cookie',
      name: cookieName,
      description:
        'The session a browser gets at sign-in (HttpOnly; state-changing requests also pass the Origin check).',
    },
    [SECURITY_SCHEMES.bearer]: {
      type: 'http',
      scheme: 'bearer',
      description:
        'A personal API token (Account page → API tokens). Scopes: `read` (GET only) or `write` (every method). Never valid for sign-in, sessions, the tokens themselves or the live socket.',
    },
  } as const;
}

type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { example?: unknown; schema?: unknown }> }
  >;
};

/** The 200 answer of an endpoint that answers a document (Markdown, iCalendar, CSV, YAML, HTML, an image). */
function documentResponse(produces: NonNullable<Endpoint['produces']>) {
  return produces === 'image/*'
    ? {
        description: 'The image (PNG, JPEG or WebP; its exact type in Content-Type)',
        content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
      }
    : {
        description: `The document (${produces}; charset=utf-8)`,
        content: { [produces]: { schema: { type: 'string' } } },
      };
}

/**
 * Completes each operation of the built document (`transformObject` of @fastify/swagger): its examples
 * (API-DOC-3), and the 200 answer of a document endpoint, whose route has no JSON schema to say it.
 */
/**
 * API-DOC-1 in OpenAPI 3.0: `nullable` needs a `type` beside it. Zod's converter writes a nullable union as
 * `{ nullable: true, anyOf|oneOf: [...] }`; where every member has its own `type`, the null moves into the members,
 * which says the same thing validly. (3.1 would not need this, but Swagger UI renders a 3.1 document of this size
 * in about 18 s against 3 s for 3.0, measured on this machine.)
 */
function nullableIntoMembers(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullableIntoMembers(item);
    return;
  }
  if (!isSchema(node)) return;
  const members = node.anyOf ?? node.oneOf;
  if (node.nullable === true && node.type === undefined && Array.isArray(members)) {
    const typed = members.filter(isSchema);
    if (typed.length === members.length && typed.every((m) => m.type !== undefined)) {
      delete node.nullable;
      for (const member of typed) member.nullable = true;
    }
  }
  for (const value of Object.values(node)) nullableIntoMembers(value);
}

export function completeOperations(document: object): void {
  nullableIntoMembers(document);
  const byName = new Map(entries);
  const paths: unknown = 'paths' in document ? document.paths : undefined;
  if (!isSchema(paths)) return;
  for (const item of Object.values(paths)) {
    if (!isSchema(item)) continue;
    for (const op of Object.values(item)) {
      if (!isSchema(op)) continue;
      const operation = op as Operation;
      const entry = operation.operationId ? byName.get(operation.operationId) : undefined;
      if (!entry) continue;
      const ex = examplesOf(entry);
      const body = operation.requestBody?.content?.['application/json'];
      if (body && ex.body !== undefined) body.example = ex.body;
      if (entry.produces && operation.responses && !operation.responses['200'])
        operation.responses['200'] = documentResponse(entry.produces);
      const ok = operation.responses?.['200']?.content?.['application/json'];
      if (ok && ex.response !== undefined) ok.example = ex.response;
    }
  }
}
