/**
 * API-TOKEN-*: personal API tokens for scripts (ADR 0041). Made, listed and revoked with a session; sent as
 * `Authorization: Bearer`; acting exactly as their owner within their scope; refused once revoked, expired or
 * when the owner is deactivated; audited without their secret.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { and, eq } from 'drizzle-orm';
import type { ApiToken, CreatedApiToken, DistrictApiToken } from '#contracts/api-tokens';
import { apiTokens, auditEvents, groupMembers, groups, users } from '../db/schema';
import { createAccount } from '../auth/accounts';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let member: { id: string; districtId: string };
let memberClient: Client;
let teamId: string;

/** A request as a script makes it: no cookie, a bearer token, any headers. */
async function bearer(
  secret: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await t.app.inject({
    method,
    url,
    headers: {
      host: TEST_HOST,
      authorization: `Bearer ${secret}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, body: res.json<unknown>() };
}

async function makeToken(client: Client, scope: 'read' | 'write', name = `Script ${scope}`) {
  const res = await client.post<CreatedApiToken>('/api/api-tokens', { name, scope, expiresInDays: 30 });
  expect(res.status).toBe(200);
  return res.body;
}

const auditOf = (tokenId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'api_token'), eq(auditEvents.subjectId, tokenId)));

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'District A', 'admin@a.test');
  b = await createDistrictWithAdmin(t, 'District B', 'admin@b.test');
  member = await createAccount(t.database.db, {
    districtId: a.district.id,
    email: 'member@a.test',
    name: 'Mia Member',
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  memberClient = await signedInClient(t, member);
  const [team] = await t.database.db
    .insert(groups)
    .values({ districtId: a.district.id, kind: 'teacher_team', focus: 'plc', name: 'Team A' })
    .returning();
  teamId = team!.id;
  await t.database.db
    .insert(groupMembers)
    .values({ districtId: a.district.id, groupId: teamId, userId: member.id, role: 'member' });
});

afterAll(async () => {
  await t.close();
});

describe('API-TOKEN: personal API tokens', () => {
  it('API-TOKEN-1: the secret is shown once, stored only as its sha-256, and never listed or audited', async () => {
    const created = await makeToken(memberClient, 'read', 'Attendance export');
    expect(created.secret).toMatch(/^ens_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({ name: 'Attendance export', scope: 'read', lastUsedAt: null });
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.token.id));
    expect(row?.secretHash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    const listed = await memberClient.get<{ items: ApiToken[] }>('/api/api-tokens');
    expect(listed.body.items.map((x) => x.id)).toContain(created.token.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
    const audit = await auditOf(created.token.id);
    expect(audit.map((e) => e.action)).toEqual(['api_token.created']);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it('API-TOKEN-2: a bearer token acts as its owner: GET with the read scope sees what the person sees', async () => {
    const { secret } = await makeToken(memberClient, 'read');
    const me = await bearer(secret, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: member.id, name: 'Mia Member' });
    const team = await bearer(secret, 'GET', `/api/groups/${teamId}`);
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ id: teamId });
    // The policy is the person's: a member is no admin with a token either.
    expect((await bearer(secret, 'GET', '/api/people')).status).toBe(403);
  });

  it('API-TOKEN-2: another district’s token finds nothing of this one (404), as its owner would', async () => {
    const { secret } = await makeToken(b.client, 'write');
    expect((await bearer(secret, 'GET', `/api/groups/${teamId}`)).status).toBe(404);
    expect((await bearer(secret, 'PATCH', `/api/groups/${teamId}`, { name: 'Taken' })).status).toBe(404);
  });

  it('API-TOKEN-3: a read token cannot change anything; a write token can', async () => {
    const read = await makeToken(memberClient, 'read');
    const refused = await bearer(read.secret, 'PATCH', '/api/auth/me', { name: 'Renamed by script' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('can only read');
    const write = await makeToken(memberClient, 'write');
    const done = await bearer(write.secret, 'PATCH', '/api/auth/me', { name: 'Mia M.' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ name: 'Mia M.' });
  });

  it('API-TOKEN-4: a token never reaches the token routes or sessions; the token routes need a session', async () => {
    const write = await makeToken(memberClient, 'write');
    expect((await bearer(write.secret, 'GET', '/api/api-tokens')).status).toBe(403);
    expect(
      (
        await bearer(write.secret, 'POST', '/api/api-tokens', {
          name: 'x',
          scope: 'write',
          expiresInDays: null,
        })
      ).status,
    ).toBe(403);
    expect((await bearer(write.secret, 'DELETE', `/api/api-tokens/${write.token.id}`)).status).toBe(403);
    expect((await bearer(write.secret, 'POST', '/api/auth/sign-out-everywhere', {})).status).toBe(403);
    const anon = new Client(t.app);
    expect((await anon.get('/api/api-tokens')).status).toBe(401);
    expect((await anon.get('/api/district/api-tokens')).status).toBe(401);
    // Still valid afterwards: nothing above touched it.
    expect((await bearer(write.secret, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('API-TOKEN-4: the live socket does not take a bearer token (cookies only)', async () => {
    const { secret } = await makeToken(memberClient, 'write');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const socket = connect(`http://127.0.0.1:${port}`, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { authorization: `Bearer ${secret}` },
      auth: { token: secret },
      reconnection: false,
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (err) => resolve(err.message));
    });
    socket.disconnect();
    expect(outcome).toBe('unauthenticated');
  });

  it('API-TOKEN-5: refused from the next request on once revoked, expired, or its owner deactivated', async () => {
    const revoked = await makeToken(memberClient, 'read');
    expect((await bearer(revoked.secret, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await memberClient.delete(`/api/api-tokens/${revoked.token.id}`)).status).toBe(200);
    expect((await bearer(revoked.secret, 'GET', '/api/auth/me')).status).toBe(401);

    const expired = await makeToken(memberClient, 'read');
    await t.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expired.token.id));
    expect((await bearer(expired.secret, 'GET', '/api/auth/me')).status).toBe(401);

    const leaver = await createAccount(t.database.db, {
      districtId: a.district.id,
      email: 'leaver@a.test',
      name: 'Lee Leaver',
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: true,
    });
    const leavers = await makeToken(await signedInClient(t, leaver), 'write');
    expect((await bearer(leavers.secret, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await a.client.patch(`/api/people/${leaver.id}`, { active: false })).status).toBe(200);
    const after = await bearer(leavers.secret, 'GET', '/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'unauthenticated' } });
    // An unknown or malformed token is refused the same way.
    expect((await bearer('ens_pat_' + 'A'.repeat(43), 'GET', '/api/auth/me')).status).toBe(401);
    expect((await bearer('nonsense', 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('API-TOKEN-6: first use is stamped and audited; more uses the same day are not audited again', async () => {
    const { token, secret } = await makeToken(memberClient, 'read');
    for (let i = 0; i < 3; i++) expect((await bearer(secret, 'GET', '/api/auth/me')).status).toBe(200);
    const audit = await auditOf(token.id);
    expect(audit.map((e) => e.action).sort()).toEqual(['api_token.created', 'api_token.used']);
    expect(audit.find((e) => e.action === 'api_token.used')?.details).toEqual({ firstUse: true });
    const listed = await memberClient.get<{ items: ApiToken[] }>('/api/api-tokens');
    expect(listed.body.items.find((x) => x.id === token.id)?.lastUsedAt).not.toBeNull();
    // A day later, the next use is audited again.
    await t.database.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(apiTokens.id, token.id));
    expect((await bearer(secret, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await auditOf(token.id)).filter((e) => e.action === 'api_token.used')).toHaveLength(2);
  });

  it('API-TOKEN-7: a district admin lists the district’s tokens (owners, no secrets) and revokes them', async () => {
    const { token, secret } = await makeToken(memberClient, 'write', 'Nightly sync');
    const listed = await a.client.get<{ items: DistrictApiToken[] }>('/api/district/api-tokens');
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((x) => x.id === token.id);
    expect(mine).toMatchObject({ name: 'Nightly sync', scope: 'write', owner: { id: member.id } });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.items.every((x) => x.owner.id !== b.admin.id)).toBe(true);
    expect((await memberClient.get('/api/district/api-tokens')).status).toBe(403);
    // Another district's admin: not found; then this district's admin revokes it.
    expect((await b.client.delete(`/api/district/api-tokens/${token.id}`)).status).toBe(404);
    expect((await bearer(secret, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await a.client.delete(`/api/district/api-tokens/${token.id}`)).status).toBe(200);
    expect((await bearer(secret, 'GET', '/api/auth/me')).status).toBe(401);
    const revoked = (await auditOf(token.id)).find((e) => e.action === 'api_token.revoked');
    expect(revoked).toMatchObject({ actorId: a.admin.id, details: { ownerId: member.id, byOwner: false } });
  });

  it('API-TOKEN-8: a bearer request without cookies is not held to the Origin check; a cookie session still is', async () => {
    const { secret } = await makeToken(memberClient, 'write');
    const foreign = { origin: 'https://elsewhere.example' };
    const script = await bearer(secret, 'PATCH', '/api/auth/me', { name: 'Mia Member' }, foreign);
    expect(script.status).toBe(200);
    const browser = await memberClient.request('PATCH', '/api/auth/me', { name: 'Forged' }, foreign);
    expect(browser.status).toBe(403);
    // A cookie and a token together: the cookie's session decides, and so does the Origin check.
    const both = await memberClient.request(
      'PATCH',
      '/api/auth/me',
      { name: 'Forged' },
      {
        ...foreign,
        authorization: `Bearer ${secret}`,
      },
    );
    expect(both.status).toBe(403);
    const [row] = await t.database.db.select({ name: users.name }).from(users).where(eq(users.id, member.id));
    expect(row?.name).toBe('Mia Member');
  });
});
