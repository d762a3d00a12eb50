import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../auth/accounts';
import { eq } from 'drizzle-orm';
import { joinCodes } from '../db/schema';
import { Client, createTestApp, linkFrom, TEST_PASSWORD, type TestApp } from '../testing/api-harness';

let t: TestApp;
let admin: Client;
let schoolId: string;
let groupId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Client(t.app);
  await admin.post('/api/setup', {
    districtName: 'Flow District',
    name: 'Ada',
    email: 'ada@flow.test',
    password: TEST_PASSWORD,
  });
  schoolId = (await admin.post<{ id: string }>('/api/schools', { name: 'Maple Elementary' })).body.id;
  groupId = (
    await admin.post<{ id: string }>('/api/groups', {
      name: 'Grade 3 Team',
      kind: 'teacher_team',
      focus: 'grade_level',
      schoolId,
    })
  ).body.id;
});
afterAll(async () => t.close());

interface Detail {
  members: { userId: string; name: string; role: string; email: string }[];
  joinCode: { code: string } | null;
  myRole: string | null;
}

describe('invitations and join codes', () => {
  it('INVITE-1: an emailed invitation creates the account, verifies the email and lands the person in the team', async () => {
    const res = await admin.post('/api/invitations', { email: 'Bo@Flow.test', groupId });
    expect(res.status).toBe(200);
    const path = linkFrom(t.mails, 'bo@flow.test', '/invite/');
    const token = path.split('/invite/')[1]!;
    const invitee = new Client(t.app);
    const preview = await invitee.get<{ groupName: string; existingAccount: boolean }>(
      `/api/invitations/token/${token}`,
    );
    expect(preview.body).toMatchObject({
      groupName: 'Grade 3 Team',
      existingAccount: false,
      email: 'bo@flow.test',
    });
    const accepted = await invitee.post<{ email: string; emailVerified: boolean }>(
      `/api/invitations/token/${token}/accept`,
      { name: 'Bo Teacher', password: TEST_PASSWORD },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ email: 'bo@flow.test', emailVerified: true });
    const team = await invitee.get<Detail>(`/api/groups/${groupId}`);
    expect(team.status).toBe(200);
    expect(team.body.myRole).toBe('member');
    // The link works once.
    expect(
      (
        await new Client(t.app).post(`/api/invitations/token/${token}/accept`, {
          name: 'X',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(400);
  });

  it('TRUST-LIMIT-6: accepting an invitation for an existing account tries its password under the sign-in failure delay', async () => {
    const existing = await createAccount(t.database.db, {
      districtId: (await admin.get<{ districtId: string }>('/api/auth/me')).body.districtId,
      email: 'eve@flow.test',
      name: 'Eve Existing',
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: true,
    });
    expect(existing.id).toBeTruthy();
    const inv = await admin.post<{ id: string }>('/api/invitations', { email: 'eve@flow.test', groupId });
    const token = linkFrom(t.mails, 'eve@flow.test', '/invite/').split('/invite/')[1]!;
    const guesser = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await guesser.post(`/api/invitations/token/${token}/accept`, {
        password: `wrong guess number ${i}`,
      });
      statuses.push(res.status);
    }
    // Five free failures (shared with sign-in), then a wait, answered 429 without judging the password.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const signIn = await new Client(t.app).post('/api/auth/sign-in', {
      email: 'eve@flow.test',
      password: TEST_PASSWORD,
    });
    expect(signIn.status).toBe(429);
    expect((await admin.delete(`/api/invitations/${inv.body.id}`)).status).toBe(200);
  });

  it('INVITE-2: a revoked invitation no longer works', async () => {
    const inv = await admin.post<{ id: string }>('/api/invitations', { email: 'cy@flow.test', groupId });
    const token = linkFrom(t.mails, 'cy@flow.test', '/invite/').split('/invite/')[1]!;
    expect((await admin.delete(`/api/invitations/${inv.body.id}`)).status).toBe(200);
    expect((await new Client(t.app).get(`/api/invitations/token/${token}`)).status).toBe(404);
    expect((await admin.get<{ items: unknown[] }>('/api/invitations')).body.items).toHaveLength(1 - 1);
  });

  it('JOIN-1: a join code lets a new person create an account and join; revoking it stops that', async () => {
    const code = (
      await admin.post<{ code: string }>(`/api/groups/${groupId}/join-code`, { expiresInHours: 24 })
    ).body.code;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const joiner = new Client(t.app);
    expect((await joiner.get(`/api/join/${code.toLowerCase()}`)).body).toMatchObject({
      groupName: 'Grade 3 Team',
      schoolName: 'Maple Elementary',
    });
    const joined = await joiner.post('/api/join', {
      code: `${code.slice(0, 4)}-${code.slice(4)}`,
      name: 'Di Joiner',
      email: 'di@flow.test',
      password: TEST_PASSWORD,
    });
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({ outcome: 'check-email' });
    // TRUST-ID-1: the account exists only once the emailed link is opened.
    const token = linkFrom(t.mails, 'di@flow.test', '/join/confirm?token=').split('token=')[1]!;
    expect((await joiner.post('/api/join/confirm', { token })).status).toBe(200);
    expect((await joiner.get<Detail>(`/api/groups/${groupId}`)).body.myRole).toBe('member');
    await admin.delete(`/api/groups/${groupId}/join-code`);
    const late = await new Client(t.app).post('/api/join', {
      code,
      name: 'Ed',
      email: 'ed@flow.test',
      password: TEST_PASSWORD,
    });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: { fields: [{ path: 'code' }] } });
  });

  it('JOIN-2: an expired code is refused', async () => {
    const code = (
      await admin.post<{ code: string }>(`/api/groups/${groupId}/join-code`, { expiresInHours: 1 })
    ).body.code;
    await t.database.db
      .update(joinCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(joinCodes.code, code));
    expect((await new Client(t.app).get(`/api/join/${code}`)).status).toBe(404);
  });

  it('GROUP-1: members see names but only those who run the team see emails and the join code', async () => {
    await admin.post<{ code: string }>(`/api/groups/${groupId}/join-code`, { expiresInHours: 24 });
    const bo = new Client(t.app);
    await bo.post('/api/auth/sign-in', { email: 'bo@flow.test', password: TEST_PASSWORD });
    const seen = (await bo.get<Detail>(`/api/groups/${groupId}`)).body;
    expect(seen.joinCode).toBeNull();
    const others = seen.members.filter((m) => m.name !== 'Bo Teacher');
    expect(others.every((m) => m.email === '')).toBe(true);
    expect((await admin.get<Detail>(`/api/groups/${groupId}`)).body.joinCode).not.toBeNull();
  });

  it('GROUP-2: a team keeps at least one facilitator', async () => {
    const detail = (await admin.get<Detail>(`/api/groups/${groupId}`)).body;
    const facilitator = detail.members.find((m) => m.role === 'facilitator')!;
    const res = await admin.patch(`/api/groups/${groupId}/members/${facilitator.userId}`, { role: 'member' });
    expect(res.status).toBe(409);
  });

  it('PEOPLE-1: deactivation ends sessions and blocks sign-in; membership and attribution stay', async () => {
    const bo = new Client(t.app);
    await bo.post('/api/auth/sign-in', { email: 'bo@flow.test', password: TEST_PASSWORD });
    const people = (await admin.get<{ items: { id: string; email: string }[] }>('/api/people')).body.items;
    const boId = people.find((p) => p.email === 'bo@flow.test')!.id;
    const res = await admin.patch(`/api/people/${boId}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false });
    expect((await bo.get('/api/auth/me')).status).toBe(401);
    expect(
      (await new Client(t.app).post('/api/auth/sign-in', { email: 'bo@flow.test', password: TEST_PASSWORD }))
        .status,
    ).toBe(400);
    const members = (
      await admin.get<Detail & { members: { userId: string; active: boolean }[] }>(`/api/groups/${groupId}`)
    ).body.members;
    expect(members.find((m) => m.userId === boId)).toMatchObject({ active: false, name: 'Bo Teacher' });
  });

  it('PEOPLE-2: the last active admin cannot be demoted or deactivated', async () => {
    const me = (await admin.get<{ id: string }>('/api/auth/me')).body;
    expect((await admin.patch(`/api/people/${me.id}`, { districtRole: 'member' })).status).toBe(409);
    expect((await admin.patch(`/api/people/${me.id}`, { active: false })).status).toBe(409);
  });

  it('OUTBOX-1: in development mode the dev outbox is served (outside it, never: TRUST-MAIL-1 in http/edges.test.ts)', async () => {
    const res = await admin.get('/api/dev/outbox');
    expect(res.status).toBe(200);
  });
});
