/**
 * TRUST-AUDIT-*: the district's audit log (issue 9 item 12) and TRUST-RESET-LINK-*: admin-issued reset
 * links (issue 9 item 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AuditEntry, AuditPage, ResetLink } from '#contracts/audit';
import { createAccount } from '../auth/accounts';
import { hashSecret } from '../auth/tokens';
import { auditEvents, oneTimeTokens, outbox, schools, users } from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';
import { csvCell } from './presenter';
import { recordAudit } from './record';

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let schoolId: string;

async function personOf(districtId: string, label: string) {
  return createAccount(t.database.db, {
    districtId,
    email: `${label.toLowerCase().replace(/[^a-z]/g, '')}-${Math.random().toString(36).slice(2, 8)}@audit.test`,
    name: label,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
}

/** A small RFC 4180 reader, strict enough to notice a wrongly quoted cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'Audit A', 'admin@audit-a.test');
  b = await createDistrictWithAdmin(t, 'Audit B', 'admin@audit-b.test');
  const [s] = await t.database.db
    .insert(schools)
    .values({ districtId: a.district.id, name: 'A1' })
    .returning();
  schoolId = s!.id;
});
afterAll(async () => t.close());

const ua = { 'user-agent': 'AuditTest/1.0' };

describe('audit log', () => {
  it('TRUST-AUDIT-2: role changes, deactivation, reactivation and school roles are recorded with who, when and from where', async () => {
    const p = await personOf(a.district.id, 'Pat');
    const before = Date.now();
    expect(
      (await a.client.request('PATCH', `/api/people/${p.id}`, { districtRole: 'district_admin' }, ua)).status,
    ).toBe(200);
    expect((await a.client.request('PATCH', `/api/people/${p.id}`, { active: false }, ua)).status).toBe(200);
    expect((await a.client.request('PATCH', `/api/people/${p.id}`, { active: true }, ua)).status).toBe(200);
    expect(
      (await a.client.request('PUT', `/api/schools/${schoolId}/people/${p.id}`, { role: 'staff' }, ua))
        .status,
    ).toBe(200);
    // Nothing changed: nothing recorded.
    expect((await a.client.patch(`/api/people/${p.id}`, { active: true })).status).toBe(200);
    expect((await a.client.put(`/api/schools/${schoolId}/people/${p.id}`, { role: 'staff' })).status).toBe(
      200,
    );

    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, p.id));
    expect(rows.map((r) => r.action).sort()).toEqual([
      'person.deactivated',
      'person.district_role_changed',
      'person.reactivated',
      'person.school_role_changed',
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({
        districtId: a.district.id,
        actorId: a.admin.id,
        subjectType: 'person',
        userAgent: 'AuditTest/1.0',
      });
      expect(r.ip).toBe(a.client.remoteAddress);
      expect(r.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(rows.find((r) => r.action === 'person.district_role_changed')?.details).toEqual({
      from: 'member',
      to: 'district_admin',
    });
    expect(rows.find((r) => r.action === 'person.school_role_changed')?.details).toEqual({
      schoolId,
      from: null,
      to: 'staff',
    });
  });

  it('TRUST-AUDIT-1: only district admins read the log, and another district sees none of it', async () => {
    const member = await personOf(a.district.id, 'Member');
    const asMember = await signedInClient(t, member);
    const denied = await asMember.get('/api/audit');
    expect(denied.status, JSON.stringify(denied.body)).toBe(403);
    expect((await asMember.get('/api/audit.csv')).status).toBe(403);
    expect((await new Client(t.app).get('/api/audit')).status).toBe(401);

    const mine = await a.client.get<AuditPage>('/api/audit');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((e) => e.actor?.id === a.admin.id)).toBe(true);
    expect(mine.body.items[0]?.actor?.name).toBe('Audit A Admin');

    // District B's admin: an empty log, and A's ids nowhere, whatever the filter asks for.
    const theirs = await b.client.get<AuditPage>('/api/audit');
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const probing = await b.client.get<AuditPage>(`/api/audit?actorId=${a.admin.id}`);
    expect(probing.body.items).toEqual([]);
    const csv = await b.client.get<string>('/api/audit.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).not.toContain(a.admin.id);
    expect(csv.body).not.toContain(a.district.id);
  });

  it('TRUST-AUDIT-3: filters by action, actor and dates; newest first, in pages', async () => {
    const db = t.database.db;
    const other = await personOf(a.district.id, 'Other Admin');
    // 60 dated entries by `other`, one a day from 2031-01-01.
    await db.insert(auditEvents).values(
      Array.from({ length: 60 }, (_, i) => ({
        districtId: a.district.id,
        actorId: other.id,
        action: i % 2 ? 'auth.sign_in' : 'auth.sign_in_failed',
        at: new Date(Date.UTC(2031, 0, 1 + i, 12)),
        ip: '203.0.113.9',
      })),
    );
    const byActor = await a.client.get<AuditPage>(`/api/audit?actorId=${other.id}`);
    expect(byActor.body.total).toBe(60);
    expect(byActor.body.items).toHaveLength(50);
    expect(byActor.body.items[0]?.at).toBe('2031-03-01T12:00:00.000Z');
    const ats = byActor.body.items.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const page2 = await a.client.get<AuditPage>(`/api/audit?actorId=${other.id}&page=2`);
    expect(page2.body.items.map((e) => e.at).at(-1)).toBe('2031-01-01T12:00:00.000Z');
    expect(page2.body.items).toHaveLength(10);

    const failed = await a.client.get<AuditPage>(`/api/audit?actorId=${other.id}&action=auth.sign_in_failed`);
    expect(failed.body.total).toBe(30);
    expect(failed.body.items.every((e) => e.action === 'auth.sign_in_failed')).toBe(true);

    // Days are whole UTC days, both ends included.
    const january = await a.client.get<AuditPage>(`/api/audit?from=2031-01-10&to=2031-01-12`);
    expect(january.body.items.map((e) => e.at)).toEqual([
      '2031-01-12T12:00:00.000Z',
      '2031-01-11T12:00:00.000Z',
      '2031-01-10T12:00:00.000Z',
    ]);
    const instants = await a.client.get<AuditPage>(
      `/api/audit?from=${encodeURIComponent('2031-01-10T12:00:00Z')}&to=${encodeURIComponent('2031-01-11T12:00:00Z')}`,
    );
    expect(instants.body.total).toBe(1);

    for (const bad of ['from=0000-01-01', 'to=2031-02-30', 'action=nope', 'actorId=x', 'page=0', 'extra=1']) {
      const res = await a.client.get<{ error: { code: string } }>(`/api/audit?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
  });

  it('TRUST-AUDIT-4: the CSV export is RFC 4180 and spreadsheet-safe', async () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');

    const evil = await personOf(a.district.id, '=cmd|" /C calc"!A0, "x"');
    await recordAudit(t.database.db, {
      districtId: a.district.id,
      actorId: evil.id,
      action: 'group.member_added',
      subject: { type: 'group', id: '@group' },
      details: { note: '-1+2', n: 3 },
    });
    const res = await a.client.get<string>(`/api/audit.csv?actorId=${evil.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="ensemble-audit-log-/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]).toEqual([
      'at',
      'action',
      'actor_name',
      'actor_id',
      'subject_type',
      'subject_id',
      'ip',
      'user_agent',
      'details',
    ]);
    expect(rows).toHaveLength(2);
    const row = rows[1]!;
    expect(row[1]).toBe('group.member_added');
    expect(row[2]).toBe(`'=cmd|" /C calc"!A0, "x"`);
    expect(row[3]).toBe(evil.id);
    expect(row[5]).toBe("'@group");
    expect(JSON.parse(row[8] ?? '')).toEqual({ note: '-1+2', n: 3 });
    // No cell a spreadsheet would evaluate.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('TRUST-AUDIT-5: an export is itself recorded, with its filters', async () => {
    const res = await a.client.request('GET', '/api/audit.csv?action=auth.sign_in', undefined, ua);
    expect(res.status).toBe(200);
    const page = await a.client.get<AuditPage>('/api/audit?action=export.audit_log');
    const entry = page.body.items[0];
    expect(entry).toMatchObject({
      action: 'export.audit_log',
      actor: { id: a.admin.id, name: 'Audit A Admin' },
      userAgent: 'AuditTest/1.0',
      details: { action: 'auth.sign_in', rows: 30 },
    });
  });

  it('TRUST-AUDIT-6: backups of the installation show in every district; district-less sign-in failures in none', async () => {
    await recordAudit(t.database.db, {
      districtId: null,
      actorId: null,
      action: 'backup.created',
      details: { tables: 3, rows: 9 },
      from: 'cli',
    });
    await recordAudit(t.database.db, {
      districtId: null,
      actorId: null,
      action: 'auth.sign_in_failed',
      from: 'cli',
    });
    for (const client of [a.client, b.client]) {
      const backups = await client.get<AuditPage>('/api/audit?action=backup.created');
      expect(backups.body.items).toHaveLength(1);
      expect(backups.body.items[0]).toMatchObject<Partial<AuditEntry>>({ actor: null, ip: 'cli' });
      const failures = await client.get<AuditPage>('/api/audit?action=auth.sign_in_failed');
      expect(failures.body.items.every((e) => e.ip !== 'cli')).toBe(true);
    }
  });
});

describe('admin-issued reset links', () => {
  it('TRUST-RESET-LINK-1: an admin gets a one-time link shown once: stored hashed, not mailed, recorded; it sets a new password', async () => {
    const p = await personOf(a.district.id, 'Forgetful');
    const mailsBefore = t.mails.length;
    const res = await a.client.request<ResetLink>('POST', `/api/people/${p.id}/reset-link`, {}, ua);
    expect(res.status).toBe(200);
    const url = new URL(res.body.link);
    expect(url.origin).toBe('http://ensemble.test');
    expect(url.pathname).toBe('/reset-password');
    const token = url.searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(30);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());

    // Not mailed, not in the outbox, not in the audit entry; stored only as its hash.
    expect(t.mails.length).toBe(mailsBefore);
    expect(JSON.stringify(await t.database.db.select().from(outbox))).not.toContain(token);
    const tokens = await t.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, p.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(tokens)).not.toContain(token);
    const entries = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, p.id));
    expect(entries.map((e) => e.action)).toEqual(['auth.reset_link_issued']);
    expect(entries[0]).toMatchObject({ actorId: a.admin.id, userAgent: 'AuditTest/1.0' });
    expect(JSON.stringify(entries)).not.toContain(token);

    // A second link replaces the first.
    const again = await a.client.post<ResetLink>(`/api/people/${p.id}/reset-link`);
    const second = new URL(again.body.link).searchParams.get('token') ?? '';
    const anon = new Client(t.app);
    const stale = await anon.post('/api/auth/password-reset/complete', {
      token,
      password: 'a brand new long passphrase',
    });
    expect(stale.status).toBe(400);
    const done = await anon.post('/api/auth/password-reset/complete', {
      token: second,
      password: 'a brand new long passphrase',
    });
    expect(done.status).toBe(200);
    const signIn = await anon.post('/api/auth/sign-in', {
      email: p.email,
      password: 'a brand new long passphrase',
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  });

  it('TRUST-RESET-LINK-4: a link an admin handed over resets the password but does not verify the email', async () => {
    const p = await createAccount(t.database.db, {
      districtId: a.district.id,
      email: `unproven-${Math.random().toString(36).slice(2, 8)}@audit.test`,
      name: 'Unproven',
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: false,
    });
    const res = await a.client.post<ResetLink>(`/api/people/${p.id}/reset-link`);
    const token = new URL(res.body.link).searchParams.get('token') ?? '';
    const done = await new Client(t.app).post('/api/auth/password-reset/complete', {
      token,
      password: 'another brand new passphrase',
    });
    expect(done.status).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, p.id));
    expect(row?.emailVerifiedAt).toBeNull();
  });

  it('TRUST-RESET-LINK-5: with SMTP set up there are no admin reset links (people reset their own password)', async () => {
    const smtp = await createTestApp({ mailMode: 'smtp' });
    try {
      const d = await createDistrictWithAdmin(smtp, 'Mailing District', 'admin@mailing.test');
      const p = await createAccount(smtp.database.db, {
        districtId: d.district.id,
        email: 'someone@mailing.test',
        name: 'Someone',
        password: TEST_PASSWORD,
        districtRole: 'member',
        emailVerified: true,
      });
      const res = await d.client.post(`/api/people/${p.id}/reset-link`);
      expect(res.status).toBe(409);
      expect(await smtp.database.db.select().from(oneTimeTokens)).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it('TRUST-RESET-LINK-2: not for another district (404), not by non-admins (403), not for a deactivated person (409)', async () => {
    const p = await personOf(a.district.id, 'Target');
    const foreign = await b.client.post(`/api/people/${p.id}/reset-link`);
    expect(foreign.status).toBe(404);
    const member = await signedInClient(t, await personOf(a.district.id, 'Peer'));
    expect((await member.post(`/api/people/${p.id}/reset-link`)).status).toBe(403);
    expect((await new Client(t.app).post(`/api/people/${p.id}/reset-link`)).status).toBe(401);
    expect((await a.client.patch(`/api/people/${p.id}`, { active: false })).status).toBe(200);
    expect((await a.client.post(`/api/people/${p.id}/reset-link`)).status).toBe(409);
    const tokens = await t.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, p.id));
    expect(tokens).toEqual([]);
  });
});
