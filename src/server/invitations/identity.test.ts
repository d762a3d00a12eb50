/**
 * TRUST-ID: a join-code sign-up creates nothing until its email is confirmed, and answers the same whatever
 * the address. TRUST-LINK: without SMTP the inviter receives the invitation link once; with SMTP never.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, invitations, pendingSignups, users } from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  linkFrom,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

async function teamWithCode(t: TestApp, districtName: string, adminEmail: string) {
  const d = await createDistrictWithAdmin(t, districtName, adminEmail);
  const schoolId = (await d.client.post<{ id: string }>('/api/schools', { name: 'Elm School' })).body.id;
  const groupId = (
    await d.client.post<{ id: string }>('/api/groups', {
      name: `${districtName} team`,
      kind: 'teacher_team',
      focus: 'plc',
      schoolId,
    })
  ).body.id;
  const code = (
    await d.client.post<{ code: string }>(`/api/groups/${groupId}/join-code`, { expiresInHours: 24 })
  ).body.code;
  return { ...d, groupId, code };
}

describe('TRUST-ID: join-code sign-up needs the email (dev-outbox mode)', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof teamWithCode>>;
  beforeAll(async () => {
    t = await createTestApp();
    a = await teamWithCode(t, 'District A', 'admin@a.test');
    // A second district, whose admin address is "in use elsewhere" for district A.
    await teamWithCode(t, 'District B', 'admin@b.test');
  });
  afterAll(async () => t.close());

  const signUp = (code: string, email: string) =>
    new Client(t.app).post('/api/join', { code, name: 'Sam Signup', email, password: TEST_PASSWORD });

  it('TRUST-ID-1: signing up creates no account; the emailed link creates a verified one, joins and signs in', async () => {
    const res = await signUp(a.code, 'sam@a.test');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'check-email' });
    expect(await t.database.db.select().from(users).where(eq(users.email, 'sam@a.test'))).toHaveLength(0);
    const [pending] = await t.database.db
      .select()
      .from(pendingSignups)
      .where(eq(pendingSignups.email, 'sam@a.test'));
    // Stored hashed: neither the link's secret nor the password in clear.
    expect(pending?.passwordHash).toMatch(/^\$argon2id\$/);
    const token = linkFrom(t.mails, 'sam@a.test', '/join/confirm?token=').split('token=')[1]!;
    expect(pending?.tokenHash).not.toContain(token);
    const browser = new Client(t.app);
    const confirmed = await browser.post<{ emailVerified: boolean; groupId: string }>('/api/join/confirm', {
      token,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ emailVerified: true, groupId: a.groupId });
    expect((await browser.get<{ myRole: string }>(`/api/groups/${a.groupId}`)).body.myRole).toBe('member');
    // The link works once.
    expect((await new Client(t.app).post('/api/join/confirm', { token })).status).toBe(400);
  });

  it('TRUST-ID-2: the answer is the same for a new address, an account here and an account elsewhere', async () => {
    const answers = await Promise.all([
      signUp(a.code, 'fresh@a.test'),
      signUp(a.code, 'admin@a.test'),
      signUp(a.code, 'admin@b.test'),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ outcome: 'check-email' });
    }
  });

  it('TRUST-ID-3: an account here is told to sign in; one elsewhere is told the address is in use, never where', async () => {
    const here = [...t.mails].reverse().find((m) => m.to === 'admin@a.test')!;
    expect(here.text).toContain('already have an Ensemble account');
    expect(here.text).not.toContain('/join/confirm');
    const elsewhere = [...t.mails].reverse().find((m) => m.to === 'admin@b.test')!;
    expect(elsewhere.text).toContain('another organization');
    expect(elsewhere.text).not.toContain('/join/confirm');
    expect(`${elsewhere.subject} ${elsewhere.text}`).not.toContain('District B');
    expect(`${elsewhere.subject} ${elsewhere.text}`).not.toContain('District A');
    // Nothing pending for either: no link could create a second account.
    const rows = await t.database.db.select().from(pendingSignups);
    expect(rows.map((r) => r.email).sort()).toEqual(['fresh@a.test']);
  });

  it('TRUST-ID-5: inviting an address that has an account elsewhere answers like any invitation', async () => {
    const res = await a.client.post<{ id: string; link: string | null }>('/api/invitations', {
      email: 'admin@b.test',
    });
    expect(res.status).toBe(200);
    const mail = [...t.mails].reverse().find((m) => m.to === 'admin@b.test')!;
    expect(mail.text).toContain('another organization');
    expect(mail.text).not.toContain('/invite/');
    expect(`${mail.subject} ${mail.text}`).not.toContain('District');
    // Whoever holds the link learns nothing from the preview either.
    const link = res.body.link!;
    const token = link.split('/invite/')[1]!;
    const preview = await new Client(t.app).get<{ existingAccount: boolean }>(
      `/api/invitations/token/${token}`,
    );
    expect(preview.body.existingAccount).toBe(false);
  });
});

describe('TRUST-LINK and TRUST-ID-4: when mail does not leave', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof teamWithCode>>;
  beforeAll(async () => {
    t = await createTestApp({ mailMode: 'off' });
    a = await teamWithCode(t, 'Offline District', 'admin@off.test');
  });
  afterAll(async () => t.close());

  it('TRUST-LINK-1: without SMTP the inviter gets the link once, it works, it is stored only hashed, and its showing is audited', async () => {
    const res = await a.client.post<{ id: string; link: string | null }>('/api/invitations', {
      email: 'new@off.test',
      groupId: a.groupId,
    });
    expect(res.status).toBe(200);
    expect(res.body.link).toMatch(/^http:\/\/ensemble\.test\/invite\/[A-Za-z0-9_-]{20,}$/);
    const token = res.body.link!.split('/invite/')[1]!;
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, res.body.id));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await a.client.get('/api/invitations');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const accepted = await new Client(t.app).post<{ emailVerified: boolean }>(
      `/api/invitations/token/${token}/accept`,
      { name: 'New Person', password: TEST_PASSWORD },
    );
    expect(accepted.status).toBe(200);
    // TRUST-LINK-3: the link went to the inviter, not through the mailbox: the address is not proven.
    expect(accepted.body.emailVerified).toBe(false);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'invitation.link_shown'), eq(auditEvents.subjectId, res.body.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('TRUST-LEAD-8: nobody invites their own address into a team (that would be a silent self-add)', async () => {
    const me = await a.client.get<{ email: string }>('/api/auth/me');
    const res = await a.client.post('/api/invitations', { email: me.body.email, groupId: a.groupId });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('ask to join');
  });

  it('TRUST-ID-4: without email a new person cannot sign up by code; the preview says so', async () => {
    const preview = await new Client(t.app).get<{ emailSignUp: boolean }>(`/api/join/${a.code}`);
    expect(preview.body.emailSignUp).toBe(false);
    const res = await new Client(t.app).post('/api/join', {
      code: a.code,
      name: 'Nat',
      email: 'nat@off.test',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('invitation link');
    expect(await t.database.db.select().from(pendingSignups)).toHaveLength(0);
  });
});

describe('TRUST-LINK-2: with SMTP the link is never returned', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ mailMode: 'smtp' });
  });
  afterAll(async () => t.close());

  it('TRUST-LINK-2: the invitation answer carries no link; the email does', async () => {
    const d = await createDistrictWithAdmin(t, 'Mail District', 'admin@mail.test');
    const res = await d.client.post<{ link: string | null }>('/api/invitations', { email: 'x@mail.test' });
    expect(res.status).toBe(200);
    expect(res.body.link).toBeNull();
    expect(linkFrom(t.mails, 'x@mail.test', '/invite/')).toMatch(/^\/invite\//);
  });
});
