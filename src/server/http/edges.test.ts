/**
 * TRUST-HTTP-1..9, TRUST-MAIL-1..2, TRUST-LIMIT-1, TRUST-LIMIT-3: headers, cookies, Origin and Host, decoded
 * paths, NUL, dates, database races, the dev outbox only in development mode, the global limiter and
 * X-Forwarded-For behind (and not behind) a proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { buildApp } from '../app';
import { createAccount } from '../auth/accounts';
import { createSession, SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/sessions';
import { ConfigError, loadConfig, parseTrustProxy, type Config } from '../config';
import { connectDatabase, type Database } from '../db/client';
import { auditEvents, districts, groups, outbox, schools, users } from '../db/schema';
import { createMailer } from '../mail/mailer';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  TEST_HOST,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';
import { createLogger } from './logging';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => testDb.drop());

/** A fresh app on the shared test database with this configuration. */
async function appWith(config: Partial<Config>, extra: { globalRateLimit?: number } = {}): Promise<TestApp> {
  return createTestApp({ testDb, config, ...extra });
}

function cspOf(headers: Record<string, unknown>): string {
  const value = headers['content-security-policy'];
  return typeof value === 'string' ? value : '';
}

describe('headers and cookies on http', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith({});
    await createDistrictWithAdmin(t, 'Header District', 'ada@headers.test');
  });
  afterAll(async () => t.close());

  it('TRUST-HTTP-1: a strict CSP without unsafe-inline, and no upgrade-insecure-requests on http', async () => {
    const res = await new Client(t.app).get('/api/health');
    const csp = cspOf(res.headers);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    // One hash: the <style> in swagger-ui's logo on /api/docs; the web app injects no style element.
    expect(csp).toMatch(/style-src 'self' 'sha256-[^']+';/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    // The OpenAPI page is under the same policy.
    expect(cspOf((await new Client(t.app).get('/api/docs')).headers)).toBe(csp);
  });

  it('TRUST-HTTP-2: no HSTS on http', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('TRUST-HTTP-3: /api answers are no-store, including errors', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/nope']) {
      const res = await new Client(t.app).get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('TRUST-HTTP-4, TRUST-DEVICE-1: on http the cookie is ensemble_session, HttpOnly, Lax; shared device = no expiry', async () => {
    const shared = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host: TEST_HOST, 'content-type': 'application/json' },
      payload: { email: 'ada@headers.test', password: TEST_PASSWORD },
    });
    expect(shared.statusCode).toBe(200);
    const cookie = shared.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.expires).toBeUndefined();
    expect(cookie?.maxAge).toBeUndefined();
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host: TEST_HOST, 'content-type': 'application/json' },
      payload: { email: 'ada@headers.test', password: TEST_PASSWORD, keepSignedIn: true },
    });
    const keptCookie = kept.cookies.find((c) => c.name === SESSION_COOKIE);
    const days = ((keptCookie?.expires?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('TRUST-HTTP-5: Origin must be PUBLIC_URL, never the request Host; a foreign Host is 400', async () => {
    const attempt = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        headers: { host: TEST_HOST, 'content-type': 'application/json', ...headers },
        payload: { email: 'nobody@headers.test' },
        remoteAddress: `10.5.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
    expect((await attempt({ origin: 'http://ensemble.test' })).statusCode).toBe(200);
    expect((await attempt({ origin: 'https://evil.example' })).statusCode).toBe(403);
    // The old rule trusted an Origin equal to the request's own Host: both chosen by the client.
    expect((await attempt({ origin: 'http://evil.example', host: 'evil.example' })).statusCode).toBe(400);
    expect((await attempt({ host: 'evil.example' })).statusCode).toBe(400);
    const health = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { host: '10.0.0.7:3000' },
    });
    expect(health.statusCode).toBe(200);
  });

  it('TRUST-HTTP-6: /%61pi and undecodable paths are refused before any route or hook', async () => {
    const c = new Client(t.app);
    for (const url of [
      '/%61pi/auth/me',
      '/api/auth/%6De',
      '/%2561pi/auth/me',
      '/api/%E0%A4%A',
      '/api/x%00',
    ]) {
      const res = await c.request('GET', url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
    }
    expect((await c.request('GET', '/%61pi/auth/me')).status).toBe(400);
    // A state-changing call through a disguised path with a foreign Origin never reaches the handler.
    const disguised = await c.request(
      'POST',
      '/%61pi/auth/sign-in',
      { email: 'ada@headers.test', password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(disguised.status).toBe(400);
    expect(disguised.headers['set-cookie']).toBeUndefined();
  });

  it('TRUST-HTTP-7: NUL in a JSON string, key, path parameter or query answers 400 naming the field', async () => {
    const c = new Client(t.app);
    const body = await c.post('/api/auth/sign-in', { email: 'ada@headers.test', password: 'x\u0000y' });
    expect(body.status).toBe(400);
    expect(JSON.stringify(body.body)).toContain('"path":"password"');
    const key = await c.request('POST', '/api/auth/password-reset', '{"email\\u0000":"a@b.test"}', {
      'content-type': 'application/json',
    });
    expect(key.status).toBe(400);
    const param = await c.get('/api/join/AB%00CD');
    expect(param.status).toBe(400);
  });
});

describe('https deployment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith({ publicUrl: 'https://ensemble.test' });
  });
  afterAll(async () => t.close());

  it('TRUST-HTTP-1, TRUST-HTTP-2: upgrade-insecure-requests and HSTS (no subdomains) only on https', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(cspOf(res.headers)).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('TRUST-HTTP-4: on https the cookie is __Host-ensemble_session with Secure, and only that name is read', async () => {
    const [district] = await t.database.db.insert(districts).values({ name: 'Https District' }).returning();
    await createAccount(t.database.db, {
      districtId: district!.id,
      email: 'bo@https.test',
      name: 'Bo',
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: true,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host: TEST_HOST, 'content-type': 'application/json', origin: 'https://ensemble.test' },
      payload: { email: 'bo@https.test', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SECURE_SESSION_COOKIE);
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(cookie?.domain).toBeUndefined();
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const me = (name: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { host: TEST_HOST, cookie: `${name}=${cookie?.value ?? ''}` },
      });
    expect((await me(SECURE_SESSION_COOKIE)).statusCode).toBe(200);
    expect((await me(SESSION_COOKIE)).statusCode).toBe(401);
  });

  it('TRUST-HTTP-5: the http origin of the same host is foreign on an https install', async () => {
    const res = await new Client(t.app).request(
      'POST',
      '/api/auth/password-reset',
      { email: 'x@https.test' },
      { origin: 'http://ensemble.test' },
    );
    expect(res.status).toBe(403);
  });
});

describe('no PUBLIC_URL', () => {
  it('TRUST-HTTP-5: only this server on localhost is a valid Origin', async () => {
    const t = await appWith({ publicUrl: undefined, port: 4123 });
    try {
      const post = (origin: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          headers: { host: 'lan-box:4123', origin, 'content-type': 'application/json' },
          payload: { email: 'x@local.test' },
        });
      expect((await post('http://localhost:4123')).statusCode).toBe(200);
      expect((await post('http://127.0.0.1:4123')).statusCode).toBe(200);
      // The request's own Host is not a reason to trust its Origin.
      expect((await post('http://lan-box:4123')).statusCode).toBe(403);
      expect((await post('http://localhost:9999')).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});

describe('dates and database races', () => {
  let t: TestApp;
  let admin: Client;
  let groupId = '';
  beforeAll(async () => {
    t = await appWith({});
    const d = await createDistrictWithAdmin(t, 'Date District', 'ada@dates.test');
    admin = d.client;
    const [school] = await t.database.db
      .insert(schools)
      .values({ districtId: d.district.id, name: 'S' })
      .returning();
    const [g] = await t.database.db
      .insert(groups)
      .values({
        districtId: d.district.id,
        schoolId: school!.id,
        kind: 'teacher_team',
        focus: 'plc',
        name: 'G',
      })
      .returning();
    groupId = g!.id;
  });
  afterAll(async () => t.close());

  it('TRUST-HTTP-8: year 0000 and 275760 answer 400 naming the field', async () => {
    for (const scheduledFor of [
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '9999-12-31T23:59:59+00:00x',
    ]) {
      const res = await admin.post(`/api/groups/${groupId}/meetings`, {
        title: 'Far away',
        scheduledFor,
        routineId: 'share-successes',
      });
      expect(res.status, scheduledFor).toBe(400);
      expect(JSON.stringify(res.body), scheduledFor).toContain('scheduledFor');
    }
  });

  it('TRUST-HTTP-9: two simultaneous setups answer one 200 and one 409, never 500', async () => {
    const fresh = await createTestDatabase();
    const database = connectDatabase(fresh.url, { max: 4 });
    const app = await buildApp({ config: { ...loadConfig({}), dev: true }, database, webRoot: null });
    try {
      const setup = (n: number) =>
        app.inject({
          method: 'POST',
          url: '/api/setup',
          headers: { 'content-type': 'application/json', host: 'localhost' },
          remoteAddress: `10.9.0.${n}`,
          payload: { districtName: `D${n}`, name: 'Ada', email: 'same@race.test', password: TEST_PASSWORD },
        });
      const statuses = (await Promise.all([setup(1), setup(2), setup(3)])).map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409]);
    } finally {
      await app.close();
      await database.close();
      await fresh.drop();
    }
  });
});

describe('database refusals reach the error handler as 4xx, and the log keeps no value', () => {
  let app: FastifyInstance;
  let database: Database;
  let logged = '';
  const districtId = randomUUID();
  beforeAll(async () => {
    database = connectDatabase(testDb.url, { max: 2 });
    await database.db.insert(districts).values({ id: districtId, name: 'Race District' });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    app = await buildApp({
      config: { ...loadConfig({}), dev: true },
      database,
      webRoot: null,
      logger: createLogger('debug', sink),
    });
    // Routes that make PostgreSQL refuse planted values, as racing or odd input would.
    app.post<{ Params: { kind: string } }>('/probe/:kind', async (req) => {
      const kind = req.params.kind;
      const base = { districtId, name: 'Probe', passwordHash: 'x', districtRole: 'member' as const };
      if (kind === 'unique') {
        await database.db.insert(users).values({ ...base, email: 'planted-unique-7731@race.test' });
        await database.db.insert(users).values({ ...base, email: 'planted-unique-7731@race.test' });
      }
      if (kind === 'nul') await database.db.insert(users).values({ ...base, email: 'planted\u0000nul-8842' });
      if (kind === 'fk')
        await database.db.insert(schools).values({ districtId: randomUUID(), name: 'planted-fk-5521' });
      if (kind === 'date') await database.db.execute(sql`select ${'planted-date-9913'}::timestamptz`);
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('TRUST-HTTP-9, TRUST-LOG-3: unique 409, NUL 400, foreign key 409, bad date 400; no value in the log', async () => {
    const probe = (kind: string) =>
      app.inject({ method: 'POST', url: `/probe/${kind}`, headers: { host: 'localhost' } });
    expect((await probe('unique')).statusCode).toBe(409);
    expect((await probe('nul')).statusCode).toBe(400);
    expect((await probe('fk')).statusCode).toBe(409);
    expect((await probe('date')).statusCode).toBe(400);
    expect(logged).toContain('23505');
    for (const planted of [
      'planted-unique-7731',
      'planted',
      'nul-8842',
      'planted-fk-5521',
      'planted-date-9913',
    ])
      expect(logged, planted).not.toContain(planted);
  });
});

describe('dev outbox only in development mode', () => {
  it('TRUST-MAIL-1: outside development mode /api/dev/outbox and /dev/outbox are 404, from loopback or through a local proxy', async () => {
    const t = await appWith({ dev: false, trustProxy: 1 });
    try {
      await t.database.db.insert(outbox).values({ to: 'x@y.test', subject: 'reset', text: 'secret link' });
      const asks = [
        { remoteAddress: '127.0.0.1', headers: {} },
        { remoteAddress: '::1', headers: {} },
        { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.50' } },
        { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } },
      ];
      for (const ask of asks) {
        for (const url of ['/api/dev/outbox']) {
          const res = await t.app.inject({
            method: 'GET',
            url,
            remoteAddress: ask.remoteAddress,
            headers: { host: TEST_HOST, ...ask.headers },
          });
          expect(res.statusCode, `${url} ${JSON.stringify(ask)}`).toBe(404);
          expect(res.body).not.toContain('secret link');
        }
      }
    } finally {
      await t.close();
    }
  });

  it('TRUST-MAIL-1: the mailer uses the outbox only in development mode; TRUST-MAIL-2: off stores nothing and logs metadata', async () => {
    const database = connectDatabase(testDb.url, { max: 2 });
    try {
      const lines: { obj: object; msg: string }[] = [];
      const log = {
        info: (obj: object, msg: string) => lines.push({ obj, msg }),
        warn: (obj: object, msg: string) => lines.push({ obj, msg }),
      };
      const before = await database.db.select().from(outbox);
      const off = createMailer({ db: database.db, from: 'x@y', log, dev: false });
      expect(off.mode).toBe('off');
      await off.send({
        to: 'pat@school.test',
        subject: 'Reset your password',
        text: 'body-marker-4411 link',
      });
      expect(await database.db.select().from(outbox)).toHaveLength(before.length);
      expect(lines).toEqual([
        {
          obj: { toDomain: 'school.test', subject: 'Reset your password' },
          msg: 'email not sent: no SMTP configured',
        },
      ]);
      const dev = createMailer({ db: database.db, from: 'x@y', log, dev: true });
      expect(dev.mode).toBe('dev-outbox');
      await dev.send({ to: 'pat@school.test', subject: 'Dev', text: 'body-marker-4412' });
      const [stored] = await database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
      expect(stored?.text).toBe('body-marker-4412');
      expect(JSON.stringify(lines)).not.toContain('body-marker');
      expect(JSON.stringify(lines)).not.toContain('pat@');
      const smtp = createMailer({
        db: database.db,
        from: 'x@y',
        log,
        dev: true,
        smtpUrl: 'smtp://127.0.0.1:1',
      });
      expect(smtp.mode).toBe('smtp');
    } finally {
      await database.close();
    }
  });

  it('TRUST-MAIL-1: ENSEMBLE_DEV=1 or --dev is development mode, with HOST 127.0.0.1 by default; nothing else is', () => {
    expect(loadConfig({}).dev).toBe(false);
    expect(loadConfig({}).host).toBe('0.0.0.0');
    expect(loadConfig({ ENSEMBLE_DEV: '1' })).toMatchObject({ dev: true, host: '127.0.0.1' });
    expect(loadConfig({}, { dev: true })).toMatchObject({ dev: true, host: '127.0.0.1' });
    expect(loadConfig({ HOST: '0.0.0.0' }, { dev: true }).host).toBe('0.0.0.0');
    expect(loadConfig({ ENSEMBLE_DEV: '0', HOST: '127.0.0.1' }).dev).toBe(false);
  });
});

describe('client address behind proxies', () => {
  it('TRUST-LIMIT-3: TRUST_PROXY is a hop count or addresses; "everything" is refused', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 192.168.0.0/16,::1')).toEqual(['10.0.0.5', '192.168.0.0/16', '::1']);
    for (const bad of ['true', '*', '0.0.0.0/0', '::/0', 'proxy.local', '10.0.0.0/33', '99'])
      expect(() => parseTrustProxy(bad), bad).toThrow(ConfigError);
  });

  /** The address the app attributes a failed sign-in to (its audit entry records `req.ip`). */
  async function seenAddress(t: TestApp, remoteAddress: string, forwarded?: string): Promise<string | null> {
    const marker = `who-${randomUUID()}@nowhere.test`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress,
      headers: {
        host: TEST_HOST,
        'content-type': 'application/json',
        'user-agent': marker,
        ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
      },
      payload: { email: marker, password: 'wrong password' },
    });
    expect(res.statusCode).toBe(400);
    const [row] = await t.database.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(eq(auditEvents.userAgent, marker));
    return row?.ip ?? null;
  }

  it('TRUST-LIMIT-3: without TRUST_PROXY a forged X-Forwarded-For changes nothing', async () => {
    const t = await appWith({ trustProxy: false });
    try {
      expect(await seenAddress(t, '198.51.100.7', '203.0.113.1')).toBe('198.51.100.7');
    } finally {
      await t.close();
    }
  });

  it('TRUST-LIMIT-3: with TRUST_PROXY=1 the right-most hop is the client; forged entries to its left are ignored', async () => {
    const t = await appWith({ trustProxy: 1 });
    try {
      expect(await seenAddress(t, '127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
      expect(await seenAddress(t, '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    } finally {
      await t.close();
    }
  });

  it('TRUST-LIMIT-3: with a proxy list, X-Forwarded-For from a peer not in it is ignored', async () => {
    const t = await appWith({ trustProxy: ['10.0.0.1'] });
    try {
      expect(await seenAddress(t, '10.0.0.1', '203.0.113.20')).toBe('203.0.113.20');
      expect(await seenAddress(t, '10.0.0.2', '203.0.113.20')).toBe('10.0.0.2');
    } finally {
      await t.close();
    }
  });

  it('TRUST-LIMIT-1, TRUST-LIMIT-3: the global limiter counts per real address, forged headers do not reset it; health is exempt', async () => {
    const t = await appWith({ trustProxy: false }, { globalRateLimit: 5 });
    try {
      const get = (url: string, forwarded: string) =>
        t.app.inject({
          method: 'GET',
          url,
          remoteAddress: '198.51.100.77',
          headers: { host: TEST_HOST, 'x-forwarded-for': forwarded },
        });
      for (let i = 0; i < 5; i++) expect((await get('/api/setup', `203.0.113.${i}`)).statusCode).toBe(200);
      const limited = await get('/api/setup', '203.0.113.200');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({ error: { code: 'too_many_requests' } });
      for (let i = 0; i < 10; i++) expect((await get('/api/health', '1.1.1.1')).statusCode).toBe(200);
      // Another address is not affected.
      const other = await t.app.inject({
        method: 'GET',
        url: '/api/setup',
        remoteAddress: '198.51.100.78',
        headers: { host: TEST_HOST },
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('sessions on shared devices', () => {
  it('TRUST-DEVICE-2: a shared-device session ends after 60 idle minutes; a kept one does not', async () => {
    const t = await appWith({});
    try {
      const d = await createDistrictWithAdmin(t, 'Idle District', 'ada@idle.test');
      const shared = await createSession(t.database.db, d.admin, 'test');
      const kept = await createSession(t.database.db, d.admin, 'test', { persistent: true });
      const sharedClient = new Client(t.app, shared.secret);
      const keptClient = new Client(t.app, kept.secret);
      expect((await sharedClient.get('/api/auth/me')).status).toBe(200);
      await t.database.pool.query(`update sessions set last_seen_at = now() - interval '59 minutes'`);
      expect((await sharedClient.get('/api/auth/me')).status).toBe(200);
      // That request touched it: idle time starts again.
      const { rows } = await t.database.pool.query<{ idle: number }>(
        `select min(extract(epoch from now() - last_seen_at))::int as idle from sessions where persistent = false and user_id = $1`,
        [d.admin.id],
      );
      expect(rows[0]?.idle).toBeLessThan(5);
      await t.database.pool.query(`update sessions set last_seen_at = now() - interval '61 minutes'`);
      expect((await sharedClient.get('/api/auth/me')).status).toBe(401);
      expect((await keptClient.get('/api/auth/me')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
