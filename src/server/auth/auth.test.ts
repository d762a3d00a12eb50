import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  linkFrom,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('first run and accounts', () => {
  it('SETUP-1: an empty install asks for setup; setup creates the district and its admin, signed in', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/setup')).body).toEqual({ needsSetup: true });
    const res = await anon.post('/api/setup', {
      districtName: 'Lakeside Schools',
      name: 'Ada Admin',
      email: 'Ada@Lakeside.org',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: 'ada@lakeside.org',
      districtName: 'Lakeside Schools',
      districtRole: 'district_admin',
    });
    expect(anon.cookie).toBeTruthy();
    expect((await anon.get('/api/auth/me')).status).toBe(200);
    expect((await anon.get('/api/setup')).body).toEqual({ needsSetup: false });
  });

  it('SETUP-2: setup cannot run twice', async () => {
    const res = await new Client(t.app).post('/api/setup', {
      districtName: 'Again',
      name: 'Eve',
      email: 'eve@x.org',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(409);
    const [count] = await t.database.pool
      .query('select count(*)::int as n from districts')
      .then((r) => r.rows as { n: number }[]);
    expect(count?.n).toBe(1);
  });

  it('AUTH-PW-1: passwords need 10+ characters and may not be common; no composition rules', async () => {
    const c = new Client(t.app);
    const short = await c.post('/api/setup', {
      districtName: 'X',
      name: 'X',
      email: 'x@x.org',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { fields: [{ path: 'password' }] } });
  });

  it('AUTH-SIGNIN-1: sign-in sets an httpOnly SameSite=Lax cookie and rotates the session', async () => {
    const c = new Client(t.app);
    const res = await c.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const first = c.cookie;
    await c.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: TEST_PASSWORD });
    expect(c.cookie).not.toBe(first);
    // The old session is gone after rotation.
    expect((await new Client(t.app, first).get('/api/auth/me')).status).toBe(401);
  });

  it('AUTH-SIGNIN-2: unknown email and wrong password get the same answer', async () => {
    const unknown = await new Client(t.app).post('/api/auth/sign-in', {
      email: 'nobody@lakeside.org',
      password: TEST_PASSWORD,
    });
    const wrong = await new Client(t.app).post('/api/auth/sign-in', {
      email: 'ada@lakeside.org',
      password: 'wrong password!',
    });
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('AUTH-THROTTLE-1 (now TRUST-LIMIT-2): after repeated failures an account waits, even with the right password; see throttle.test.ts for the end of the wait', async () => {
    const c = new Client(t.app);
    for (let i = 0; i < 10; i++)
      await c.post('/api/auth/sign-in', { email: 'victim@lakeside.org', password: `guess-number-${i}` });
    const res = await c.post('/api/auth/sign-in', { email: 'victim@lakeside.org', password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('AUTH-RESET-1: reset answers the same for unknown emails and sends a one-time link for real ones', async () => {
    const before = t.mails.length;
    const unknown = await new Client(t.app).post('/api/auth/password-reset', { email: 'ghost@lakeside.org' });
    const known = await new Client(t.app).post('/api/auth/password-reset', { email: 'ada@lakeside.org' });
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    expect(t.mails.length).toBe(before + 1);
    const path = linkFrom(t.mails, 'ada@lakeside.org', '/reset-password?token=');
    const token = new URLSearchParams(path.split('?')[1]).get('token');
    const signedIn = new Client(t.app);
    await signedIn.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: TEST_PASSWORD });
    const done = await new Client(t.app).post('/api/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase',
    });
    expect(done.status).toBe(200);
    // A reset ends every session and the link works once.
    expect((await signedIn.get('/api/auth/me')).status).toBe(401);
    const again = await new Client(t.app).post('/api/auth/password-reset/complete', {
      token,
      password: 'another new passphrase',
    });
    expect(again.status).toBe(400);
    const c = new Client(t.app);
    expect(
      (await c.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: 'a brand new passphrase' }))
        .status,
    ).toBe(200);
  });

  it('AUTH-VERIFY-1: email verification by one-time link', async () => {
    const [ada] = await t.database.db.select().from(users).where(eq(users.email, 'ada@lakeside.org'));
    await t.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, ada!.id));
    const c = new Client(t.app);
    await c.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: 'a brand new passphrase' });
    expect((await c.get<{ emailVerified: boolean }>('/api/auth/me')).body.emailVerified).toBe(false);
    expect((await c.post('/api/auth/verify-email')).status).toBe(200);
    const path = linkFrom(t.mails, 'ada@lakeside.org', '/verify-email?token=');
    const token = new URLSearchParams(path.split('?')[1]).get('token');
    expect((await new Client(t.app).post('/api/auth/verify-email/complete', { token })).status).toBe(200);
    expect((await c.get<{ emailVerified: boolean }>('/api/auth/me')).body.emailVerified).toBe(true);
  });

  it('I18N-PICK-1: a person chooses their language on their account; null follows the browser again', async () => {
    const { admin, client: c } = await createDistrictWithAdmin(t, 'Riverbend', 'rita@riverbend.org');
    expect((await c.get<{ language: unknown }>('/api/auth/me')).body.language).toBeNull();
    const chosen = await c.put<{ language: unknown }>('/api/auth/me/language', { language: 'es' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.language).toBe('es');
    // Kept on the account: another device (session) sees it.
    const other = await signedInClient(t, admin);
    expect((await other.get<{ language: unknown }>('/api/auth/me')).body.language).toBe('es');
    const [row] = await t.database.db
      .select({ language: users.language })
      .from(users)
      .where(eq(users.id, admin.id));
    expect(row?.language).toBe('es');
    // Only the languages Ensemble has; the field at fault is named.
    const unknown = await c.put<{ error: { fields?: { path: string }[] } }>('/api/auth/me/language', {
      language: 'fr',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields?.[0]?.path).toBe('language');
    expect(
      (await c.put<{ language: unknown }>('/api/auth/me/language', { language: null })).body.language,
    ).toBeNull();
    expect((await new Client(t.app).put('/api/auth/me/language', { language: 'es' })).status).toBe(401);
  });

  it('AUTH-SESSION-1: sign out everywhere ends every session of the person', async () => {
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: 'a brand new passphrase' });
    await b.post('/api/auth/sign-in', { email: 'ada@lakeside.org', password: 'a brand new passphrase' });
    expect((await a.post('/api/auth/sign-out-everywhere')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    const [ada] = await t.database.db.select().from(users).where(eq(users.email, 'ada@lakeside.org'));
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, ada!.id))).toHaveLength(0);
  });

  it('HTTP-ORIGIN-1: a state-changing request from another origin is refused', async () => {
    const res = await new Client(t.app).request(
      'POST',
      '/api/auth/sign-in',
      { email: 'ada@lakeside.org', password: 'x' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
  });

  it('HTTP-ERR-1: errors are JSON without stack traces; unknown API paths are 404 JSON', async () => {
    const res = await new Client(t.app).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    const bad = await new Client(t.app).request('POST', '/api/auth/verify-email/complete', '{"token": ', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('HTTP-DOCS-1: the OpenAPI document lists every catalogue endpoint', async () => {
    const res = await new Client(t.app).get<{ paths: Record<string, unknown> }>('/api/docs/json');
    expect(res.status).toBe(200);
    const { api } = await import('#contracts/api');
    for (const e of Object.values(api)) {
      const openApiPath = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(res.body.paths, e.path).toHaveProperty([openApiPath]);
    }
  });

  it('HEALTH-1: /api/health reports the database', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });
});
