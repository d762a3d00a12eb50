/**
 * API-DOC-*: the API's descriptions as integrators get them, linted by Redocly's CLI with its `recommended`
 * ruleset (nothing turned off): the OpenAPI document at /api/docs/json and the realtime protocol's AsyncAPI 3.0
 * document at /api/asyncapi.json.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from '#contracts/zod';
import { api, type Endpoint } from '#contracts/api';
import { ClientEvents, JoinRequest, ServerEvents } from '#contracts/realtime';
import { createTestApp, type TestApp } from '../testing/api-harness';
import { ASYNCAPI_PATH, examplesOf } from './openapi';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** Runs `redocly lint --extends=recommended --format=json` on a document; exits non-zero on errors. */
async function lint(document: unknown, name: string): Promise<LintReport> {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(document));
  const out = await run(process.execPath, [CLI, 'lint', file, '--extends=recommended', '--format=json'], {
    maxBuffer: 32 * 1024 * 1024,
  }).catch((err: unknown) => {
    // A failed lint still prints its report; anything else is rethrown.
    if (err && typeof err === 'object' && 'stdout' in err && typeof err.stdout === 'string')
      return { stdout: err.stdout };
    throw err;
  });
  const report: unknown = JSON.parse(out.stdout);
  return report as LintReport;
}

const brief = (r: LintReport) =>
  r.problems
    .map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)
    .join('\n');

type OpenApi = {
  servers: { url: string }[];
  info: { description: string };
  components: { securitySchemes: Record<string, { type: string }> };
  paths: Record<string, Record<string, { operationId: string; description: string; security: unknown[] }>>;
};

let t: TestApp;
let folder: string;
let openApi: OpenApi;
let asyncApi: {
  asyncapi: string;
  components: { messages: Record<string, { name: string }>; schemas: Record<string, unknown> };
};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ensemble-apidocs-'));
  t = await createTestApp();
  const get = (url: string) => t.app.inject({ url, headers: { host: 'ensemble.test' } });
  openApi = (await get('/api/docs/json')).json();
  asyncApi = (await get(ASYNCAPI_PATH)).json();
});

afterAll(async () => {
  await t.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('API-DOC: the OpenAPI document', () => {
  it('API-DOC-1: passes Redocly’s recommended lint with 0 errors, no ambiguous path and no invalid example', async () => {
    const report = await lint(openApi, 'openapi.json');
    expect(report.totals.errors, brief(report)).toBe(0);
    // Warnings the document is held to as well: ambiguous paths (API-DOC-1) and examples (API-DOC-3).
    const held = ['no-ambiguous-paths', 'no-invalid-media-type-examples', 'operation-operationId'];
    expect(report.problems.filter((p) => held.includes(p.ruleId)).map((p) => p.message)).toEqual([]);
  });

  it('API-DOC-1: names its server (PUBLIC_URL), both ways to authenticate, and every operation by its catalogue name', () => {
    expect(openApi.servers).toEqual([expect.objectContaining({ url: 'http://ensemble.test' })]);
    expect(openApi.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey' },
      apiToken: { type: 'http' },
    });
    const operations = Object.values(openApi.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(Object.keys(api)));
    for (const [name, entry] of Object.entries(api)) {
      const op = openApi.paths[entry.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[entry.method.toLowerCase()];
      expect(op?.operationId, name).toBe(name);
      // API-DOC-2: public endpoints say so (`security: []`); the others need the cookie, or a scoped token.
      expect(op?.security, name).toEqual(
        entry.auth === 'public' ? [] : expect.arrayContaining([{ sessionCookie: [] }]),
      );
      expect(op?.description.length, name).toBeGreaterThan(entry.summary.length);
    }
    expect(openApi.paths['/api/auth/sign-out-everywhere']?.post?.security).toEqual([{ sessionCookie: [] }]);
    expect(openApi.paths['/api/groups']?.get?.security).toEqual([
      { sessionCookie: [] },
      { apiToken: ['read'] },
    ]);
    expect(openApi.paths['/api/groups/{groupId}']?.patch?.security).toEqual([
      { sessionCookie: [] },
      { apiToken: ['write'] },
    ]);
  });

  it('API-DOC-3: every example (an entry’s own, or built from its schema) is valid for its Zod schemas', () => {
    const failures: string[] = [];
    let checked = 0;
    const check = (what: string, schema: z.ZodMiniType, example: unknown) => {
      checked++;
      const parsed = z.safeParse(schema, example);
      if (!parsed.success) failures.push(`${what}: ${JSON.stringify(parsed.error.issues)}`);
    };
    const entries: [string, Endpoint][] = Object.entries(api);
    for (const [name, entry] of entries) {
      const ex = examplesOf(entry);
      if (entry.body) check(`${name} body`, entry.body, ex.body);
      if (!entry.produces) check(`${name} response`, entry.response, ex.response);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(Object.keys(api).length);
  });
});

describe('API-DOC-4: the realtime protocol’s AsyncAPI document', () => {
  it('is AsyncAPI 3.0, passes Redocly’s recommended lint with 0 errors, and is linked from the OpenAPI document', async () => {
    expect(asyncApi.asyncapi).toBe('3.0.0');
    const report = await lint(asyncApi, 'asyncapi.json');
    expect(report.totals.errors, brief(report)).toBe(0);
    expect(openApi.info.description).toContain(ASYNCAPI_PATH);
  });

  it('names every socket event, and its schemas are the contract’s own (z.toJSONSchema of the same Zod schemas)', () => {
    const names = new Set(Object.values(asyncApi.components.messages).map((m) => m.name));
    for (const event of [...Object.values(ClientEvents), ...Object.values(ServerEvents)])
      expect(names, event).toContain(event);
    const { $schema: _dialect, ...join } = z.toJSONSchema(JoinRequest, { io: 'input', target: 'draft-7' });
    expect(asyncApi.components.schemas.JoinMeeting).toEqual(join);
  });
});
