/**
 * Single sign-on against a REAL OpenID Connect provider started here (`oidc-provider` on 127.0.0.1, random port;
 * `testing/local-idp.ts`): every sign-in below goes through its login form, its token endpoint and its signed ID
 * tokens; only Ensemble's side is injected (`app.inject`). How each refusal is produced is said in its test.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoProvider, SsoProviderList } from '#contracts/sso';
import { auditEvents, invitations, ssoIdentities, ssoLogins, ssoProviders, users } from '../db/schema';
import { createDistrictWithAdmin, createTestApp, TEST_HOST, type TestApp } from '../testing/api-harness';
import { startLocalIdp, type LocalIdp } from '../testing/local-idp';
import { configurationOf } from './oidc';
import { SSO_BROWSER_COOKIE } from './routes';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';

let t: TestApp;
let idp: LocalIdp;
let districtA: string;
let districtB: string;
let adminA: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
const providers: Record<'oidc' | 'google' | 'microsoft', string> = { oidc: '', google: '', microsoft: '' };

const claims: Record<string, Record<string, unknown>> = {
  teacher: { email: 'teacher@a.test', email_verified: true, name: 'Tess Teacher' },
  rostered: { email: 'rostered@a.test', email_verified: true, name: 'Rory Rostered' },
  invited: { email: 'invited@a.test', email_verified: true, name: 'Ivy Invited' },
  allowed: { email: 'new.person@allowed.test', email_verified: true, name: 'Nia New' },
  stranger: { email: 'stranger@elsewhere.test', email_verified: true, name: 'Stan Stranger' },
  unverified: { email: 'teacher@a.test', email_verified: false },
  gone: { email: 'gone@a.test', email_verified: true },
  foreigner: { email: 'someone@b.test', email_verified: true },
  'gw-ok': { email: 'gwen@a-school.org', email_verified: true, hd: 'a-school.org', name: 'Gwen' },
  'gw-wrong': { email: 'gus@other.org', email_verified: true, hd: 'other.org' },
  'gw-personal': { email: 'gail@gmail.test', email_verified: true },
  'ms-ok': { tid: TENANT, oid: 'oid-1', email: 'max@a.test', xms_edov: true, name: 'Max' },
  'ms-renamed': { tid: TENANT, oid: 'oid-1', email: 'maxwell@renamed.test', name: 'Maxwell' },
  'ms-wrong': { tid: OTHER_TENANT, oid: 'oid-2', email: 'max@a.test', xms_edov: true },
  slow: { email: 'teacher@a.test', email_verified: true },
  reuse: { email: 'teacher@a.test', email_verified: true },
  nonce: { email: 'teacher@a.test', email_verified: true },
  late: { email: 'teacher@a.test', email_verified: true },
  replay: { email: 'teacher@a.test', email_verified: true },
};

/** A browser: the SSO cookie and the session cookie it was given. */
class Browser {
  cookies = new Map<string, string>();
  async get(url: string) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { host: TEST_HOST, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.cookies) {
      if (c.value && c.maxAge !== 0) this.cookies.set(c.name, c.value);
      else this.cookies.delete(c.name);
    }
    return { status: res.statusCode, location: res.headers.location ?? '' };
  }
  /** `/sso/start/:id` → the provider's login form → the callback URL (not yet followed). */
  async toProvider(providerId: string, login: string) {
    const started = await this.get(`/sso/start/${providerId}`);
    expect(started.status).toBe(303);
    const back = await idp.signIn(started.location, login);
    expect(back.origin).toBe('http://ensemble.test');
    return `${back.pathname}${back.search}`;
  }
  async signIn(providerId: string, login: string) {
    return this.get(await this.toProvider(providerId, login));
  }
  get session() {
    return this.cookies.get('ensemble_session');
  }
}

async function lastRefusal() {
  const [row] = await t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, 'auth.sso_refused'))
    .orderBy(desc(auditEvents.at))
    .limit(1);
  return row;
}

async function userByEmail(email: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  idp = await startLocalIdp({
    redirectUri: 'http://ensemble.test/sso/callback',
    claims,
    codeTtl: (login) => (login === 'slow' ? 1 : 60),
  });
  adminA = await createDistrictWithAdmin(t, 'District A', 'admin@a.test');
  districtA = adminA.district.id;
  districtB = (await createDistrictWithAdmin(t, 'District B', 'admin@b.test')).district.id;
  const db = t.database.db;
  await db.insert(users).values([
    {
      districtId: districtA,
      email: 'teacher@a.test',
      name: 'Tess',
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
    },
    // Rostered: a row without a password, as the OneRoster import makes.
    { districtId: districtA, email: 'rostered@a.test', name: 'Rory', passwordHash: null },
    {
      districtId: districtA,
      email: 'gone@a.test',
      name: 'Gone',
      passwordHash: null,
      deactivatedAt: new Date(),
    },
    { districtId: districtA, email: 'max@a.test', name: 'Max', passwordHash: null },
    { districtId: districtB, email: 'someone@b.test', name: 'Bea', passwordHash: null },
  ]);
  await db.insert(invitations).values({
    districtId: districtA,
    email: 'invited@a.test',
    tokenHash: 'sso-test-invitation',
    groupRole: 'member',
    districtRole: 'member',
    invitedBy: adminA.admin.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });

  // SSO-CONFIG-1: the admin configures the providers through the API.
  const oidc = await adminA.client.post<SsoProvider>('/api/sso/providers', {
    kind: 'oidc',
    label: 'Sign in with District A',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ['allowed.test'],
  });
  expect(oidc.status).toBe(200);
  providers.oidc = oidc.body.id;
  const google = await adminA.client.post<SsoProvider>('/api/sso/providers', {
    kind: 'google',
    label: 'Sign in with Google',
    googleDomain: 'a-school.org',
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ['a-school.org'],
  });
  providers.google = google.body.id;
  const microsoft = await adminA.client.post<SsoProvider>('/api/sso/providers', {
    kind: 'microsoft',
    label: 'Sign in with Microsoft',
    tenantId: TENANT,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
  });
  providers.microsoft = microsoft.body.id;
  expect(google.body.issuer).toBe('https://accounts.google.com');
  expect(microsoft.body.issuer).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
  // The API fixes Google's and Entra's issuers; here only, the rows are pointed at the local provider instead.
  await db.update(ssoProviders).set({ issuer: idp.issuer }).where(eq(ssoProviders.districtId, districtA));
});

afterAll(async () => {
  await idp.close();
  await t.close();
});

describe('SSO-CONFIG: the admin configures providers', () => {
  it('SSO-CONFIG-2: the client secret is never answered; a new one replaces it', async () => {
    const list = await adminA.client.get<SsoProviderList>('/api/sso/providers');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(JSON.stringify(list.body)).not.toContain(idp.clientSecret);
    expect(list.body.items.every((p) => p.clientSecretSet)).toBe(true);
    expect(list.body.signInPath).toBe(`/sign-in/sso/${districtA}`);
    expect(list.body.redirectUri).toBe('http://ensemble.test/sso/callback');
    const created = await adminA.client.post<SsoProvider>('/api/sso/providers', {
      kind: 'oidc',
      label: 'Spare',
      issuer: 'https://idp.example.org',
      clientId: 'spare',
      clientSecret: 'first-secret',
    });
    expect(JSON.stringify(created.body)).not.toContain('first-secret');
    const replaced = await adminA.client.patch<SsoProvider>(`/api/sso/providers/${created.body.id}`, {
      clientSecret: 'second-secret',
    });
    expect(replaced.status).toBe(200);
    expect(JSON.stringify(replaced.body)).not.toContain('second-secret');
    const [row] = await t.database.db.select().from(ssoProviders).where(eq(ssoProviders.id, created.body.id));
    expect(row?.clientSecret).toBe('second-secret');
    const audits = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, created.body.id));
    expect(audits.length).toBe(2);
    expect(JSON.stringify(audits)).not.toContain('secret"');
    expect(JSON.stringify(audits)).not.toContain('second-secret');
    expect((await adminA.client.delete(`/api/sso/providers/${created.body.id}`)).status).toBe(200);
  });

  it('SSO-CONFIG-3: a Google provider needs its Workspace domain, an Entra one its tenant id', async () => {
    const noDomain = await adminA.client.post('/api/sso/providers', {
      kind: 'google',
      label: 'Google',
      clientId: 'x',
      clientSecret: 'y',
    });
    expect(noDomain.status).toBe(400);
    const badTenant = await adminA.client.post('/api/sso/providers', {
      kind: 'microsoft',
      label: 'Microsoft',
      tenantId: 'contoso',
      clientId: 'x',
      clientSecret: 'y',
    });
    expect(badTenant.status).toBe(400);
  });

  it('SSO-SIGNIN-1, -2: the sign-in pages find the district by its link or an address domain', async () => {
    const anon = new Browser();
    const byLink = await t.app.inject({
      method: 'GET',
      url: `/api/sso/districts/${districtA}`,
      headers: { host: TEST_HOST },
    });
    expect(byLink.statusCode).toBe(200);
    expect(byLink.json<{ providers: unknown[] }>().providers).toHaveLength(3);
    expect(byLink.body).not.toContain(idp.clientSecret);
    const byDomain = await t.app.inject({
      method: 'POST',
      url: '/api/sso/lookup',
      headers: { host: TEST_HOST, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'anyone@allowed.test' }),
    });
    expect(byDomain.json<{ districtId: string }>().districtId).toBe(districtA);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/sso/lookup',
      headers: { host: TEST_HOST, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'teacher@a.test' }),
    });
    // By domain only: an address's own account is never revealed.
    expect(unknown.statusCode).toBe(404);
    expect(anon.session).toBeUndefined();
  });
});

describe('SSO-LINK and SSO-JIT: who may sign in', () => {
  it('SSO-LINK-2: an existing account with the verified address is linked, then found by its identity', async () => {
    const b = new Browser();
    const done = await b.signIn(providers.oidc, 'teacher');
    expect(done).toEqual({ status: 303, location: '/' });
    expect(b.session).toBeTruthy();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { host: TEST_HOST, cookie: `ensemble_session=${b.session}` },
    });
    expect(me.json<{ email: string }>().email).toBe('teacher@a.test');
    const teacher = await userByEmail('teacher@a.test');
    const links = await t.database.db
      .select()
      .from(ssoIdentities)
      .where(eq(ssoIdentities.userId, teacher!.id));
    expect(links.map((l) => l.subjectKey)).toEqual(['teacher']);
    // SSO-AUDIT-3: the sign-in and its provider are in the audit log.
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.actorId, teacher!.id)))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    expect(audit?.details).toMatchObject({ method: 'sso', provider: 'oidc', identityLinked: true });
  });

  it('SSO-JIT-2: a rostered person (no password) is linked; SSO-JIT-1: an invited one gets an account', async () => {
    expect((await new Browser().signIn(providers.oidc, 'rostered')).location).toBe('/');
    expect((await userByEmail('rostered@a.test'))?.emailVerifiedAt).not.toBeNull();
    expect((await new Browser().signIn(providers.oidc, 'invited')).location).toBe('/');
    const invited = await userByEmail('invited@a.test');
    expect(invited).toMatchObject({ districtId: districtA, passwordHash: null, name: 'Ivy Invited' });
    const [inv] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'invited@a.test'));
    expect(inv?.acceptedAt).not.toBeNull();
  });

  it('SSO-JIT-3: an allowed domain gets an account; SSO-JIT-4: anyone else is refused', async () => {
    expect((await new Browser().signIn(providers.oidc, 'allowed')).location).toBe('/');
    expect((await userByEmail('new.person@allowed.test'))?.districtId).toBe(districtA);
    const b = new Browser();
    const refused = await b.signIn(providers.oidc, 'stranger');
    expect(refused.location).toBe(`/sign-in/sso/${districtA}?problem=unknown_person`);
    expect(b.session).toBeUndefined();
    expect(await userByEmail('stranger@elsewhere.test')).toBeUndefined();
    expect((await lastRefusal())?.details).toMatchObject({ reason: 'unknown_person', provider: 'oidc' });
  });

  it('SSO-LINK-2: an unverified address links nothing; another district’s account is never linked', async () => {
    expect((await new Browser().signIn(providers.oidc, 'unverified')).location).toContain(
      'problem=unverified_email',
    );
    expect((await new Browser().signIn(providers.oidc, 'foreigner')).location).toContain(
      'problem=other_district',
    );
  });

  it('SSO-REFUSE-8: a deactivated person is refused', async () => {
    expect((await new Browser().signIn(providers.oidc, 'gone')).location).toContain('problem=deactivated');
    expect((await lastRefusal())?.subjectId).toBe((await userByEmail('gone@a.test'))?.id);
  });
});

describe('SSO-GOOGLE and SSO-MS: the district’s own Workspace and tenant', () => {
  it('SSO-GOOGLE-1: hd must name the Workspace domain, from the ID token', async () => {
    expect((await new Browser().signIn(providers.google, 'gw-ok')).location).toBe('/');
    // The provider's ID token says hd=other.org (the account is in another Workspace).
    const wrong = new Browser();
    expect((await wrong.signIn(providers.google, 'gw-wrong')).location).toBe(
      `/sign-in/sso/${districtA}?problem=domain`,
    );
    expect(wrong.session).toBeUndefined();
    // A personal account: no hd at all.
    expect((await new Browser().signIn(providers.google, 'gw-personal')).location).toContain(
      'problem=domain',
    );
    expect((await lastRefusal())?.details).toMatchObject({ reason: 'domain', provider: 'google' });
  });

  it('SSO-MS-1: tid must be the tenant; the account is keyed by tid:oid, never by email', async () => {
    expect((await new Browser().signIn(providers.microsoft, 'ms-ok')).location).toBe('/');
    const max = await userByEmail('max@a.test');
    const [link] = await t.database.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, max!.id));
    expect(link?.subjectKey).toBe(`${TENANT}:oid-1`);
    // Same tid and oid, another address and sub: still Max.
    const renamed = new Browser();
    expect((await renamed.signIn(providers.microsoft, 'ms-renamed')).location).toBe('/');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { host: TEST_HOST, cookie: `ensemble_session=${renamed.session}` },
    });
    expect(me.json<{ email: string }>().email).toBe('max@a.test');
    // Another tenant, Max's address: refused.
    expect((await new Browser().signIn(providers.microsoft, 'ms-wrong')).location).toContain(
      'problem=tenant',
    );
  });
});

describe('SSO-REFUSE: a flow that was tampered with ends on the sign-in page', () => {
  it('SSO-REFUSE-3: a replayed state (the same callback twice) is refused the second time', async () => {
    const b = new Browser();
    const callback = await b.toProvider(providers.oidc, 'replay');
    expect((await b.get(callback)).location).toBe('/');
    const again = await new Browser().get(callback); // another browser replays it
    expect(again.location).toBe('/sign-in/sso?problem=state');
    const sameBrowser = await b.get(callback);
    expect(sameBrowser.location).toBe('/sign-in/sso?problem=state');
  });

  it('SSO-REFUSE-3: a callback in another browser than the one that started it is refused', async () => {
    const b = new Browser();
    const callback = await b.toProvider(providers.oidc, 'teacher');
    const other = new Browser();
    const res = await other.get(callback);
    expect(res.location).toBe(`/sign-in/sso/${districtA}?problem=state`);
    expect(other.session).toBeUndefined();
  });

  it('SSO-REFUSE-4: a code already redeemed (here at the token endpoint, out of band) is refused', async () => {
    const b = new Browser();
    const callback = await b.toProvider(providers.oidc, 'reuse');
    const params = new URL(callback, 'http://ensemble.test').searchParams;
    const [login] = await t.database.db
      .select()
      .from(ssoLogins)
      .where(eq(ssoLogins.state, params.get('state')!));
    const redeemed = await fetch(idp.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code')!,
        redirect_uri: 'http://ensemble.test/sso/callback',
        code_verifier: login!.codeVerifier,
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
      }),
    });
    expect(redeemed.status).toBe(200);
    const res = await b.get(callback);
    expect(res.location).toBe(`/sign-in/sso/${districtA}?problem=code`);
    expect(b.session).toBeUndefined();
    const refusal = await lastRefusal();
    expect(refusal?.details).toMatchObject({ reason: 'code' });
    expect(JSON.stringify(refusal)).not.toContain(params.get('code')!);
  });

  it('SSO-REFUSE-5: an expired code (the provider gave it 1 s to live) is refused', async () => {
    const b = new Browser();
    const callback = await b.toProvider(providers.oidc, 'slow');
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await b.get(callback)).location).toBe(`/sign-in/sso/${districtA}?problem=code`);
  });

  it('SSO-REFUSE-5: a sign-in that comes back after 10 minutes is refused', async () => {
    const b = new Browser();
    const callback = await b.toProvider(providers.oidc, 'late');
    const state = new URL(callback, 'http://ensemble.test').searchParams.get('state')!;
    await t.database.db
      .update(ssoLogins)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(ssoLogins.state, state));
    expect((await b.get(callback)).location).toBe(`/sign-in/sso/${districtA}?problem=expired`);
  });

  it('SSO-REFUSE-6: an ID token whose nonce is not this flow’s is refused', async () => {
    // Produced by changing the nonce Ensemble stored for this flow, so the (genuine, signed) ID token carries
    // another flow's nonce: what a token injected from another sign-in looks like.
    const b = new Browser();
    const callback = await b.toProvider(providers.oidc, 'nonce');
    const state = new URL(callback, 'http://ensemble.test').searchParams.get('state')!;
    await t.database.db
      .update(ssoLogins)
      .set({ nonce: 'another-flows-nonce' })
      .where(eq(ssoLogins.state, state));
    expect((await b.get(callback)).location).toBe(`/sign-in/sso/${districtA}?problem=nonce`);
    expect(b.session).toBeUndefined();
  });

  it('SSO-REFUSE-7: a callback without state, or cancelled at the provider, never answers 500', async () => {
    expect(await new Browser().get('/sso/callback')).toEqual({
      status: 303,
      location: '/sign-in/sso?problem=state',
    });
    expect(await new Browser().get('/sso/callback?code=x&state=nope')).toEqual({
      status: 303,
      location: '/sign-in/sso?problem=state',
    });
    expect((await new Browser().get('/sso/start/not-a-provider')).location).toBe(
      '/sign-in/sso?problem=provider',
    );
    // Cancelled at the provider: it sends the browser back with error=access_denied (as its abort does).
    const b = new Browser();
    const started = await b.get(`/sso/start/${providers.oidc}`);
    const state = new URL(started.location).searchParams.get('state')!;
    const cancelled = await b.get(
      `/sso/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(cancelled.location).toBe(`/sign-in/sso/${districtA}?problem=cancelled`);
  });

  it('SSO-AUDIT-1: refusals are audited without tokens or secrets', async () => {
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.sso_refused'));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(idp.clientSecret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT
  });
});

describe('SSO-CONFIG-4: plain http only in development', () => {
  it('discovery of an http issuer is refused unless the server runs in development mode', async () => {
    const [row] = await t.database.db.select().from(ssoProviders).where(eq(ssoProviders.id, providers.oidc));
    await expect(configurationOf(row!, { allowHttp: false })).rejects.toThrow(/plain http/);
    await expect(configurationOf(row!, { allowHttp: true })).resolves.toBeTruthy();
  });
});

describe('SSO-COOKIE', () => {
  it('SSO-FLOW-1: the browser cookie is httpOnly and scoped to /sso', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/sso/start/${providers.oidc}`,
      headers: { host: TEST_HOST },
    });
    const cookie = res.cookies.find((c) => c.name === SSO_BROWSER_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, path: '/sso', sameSite: 'Lax' });
  });
});
