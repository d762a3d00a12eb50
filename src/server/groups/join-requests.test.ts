/**
 * TRUST-LEAD: a school leader or admin cannot silently become a member of a team: adding themselves, or
 * joining by the team's code, asks the team; a facilitator accepts or declines; the requester can withdraw;
 * every step is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, schoolRoles } from '../db/schema';
import { createAccount } from '../auth/accounts';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let admin: Client;
let adminId: string;
let districtId: string;
let groupId: string;
let facilitator: Client;
let facilitatorId: string;
let leader: Client;
let leaderId: string;
let meetingId: string;

interface Detail {
  myRole: string | null;
  members: { userId: string; role: string }[];
  joinRequests: { id: string; userId: string; name: string; role: string; via: string }[];
  joinCode: { code: string } | null;
  can: { decideJoinRequests: boolean; manageMembers: boolean };
}

async function person(name: string, email: string) {
  const user = await createAccount(t.database.db, {
    districtId,
    email,
    name,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  return { user, client: await signedInClient(t, user) };
}

async function auditActions(subjectId: string) {
  const rows = await t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.districtId, districtId), eq(auditEvents.subjectId, subjectId)));
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, details: r.details }));
}

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDistrictWithAdmin(t, 'Lead District', 'admin@lead.test');
  admin = d.client;
  adminId = d.admin.id;
  districtId = d.district.id;
  const school = await admin.post<{ id: string }>('/api/schools', { name: 'Oak School' });
  expect(school.status, JSON.stringify(school.body)).toBe(200);
  const schoolId = school.body.id;
  const f = await person('Fay Facilitator', 'fay@lead.test');
  facilitator = f.client;
  facilitatorId = f.user.id;
  const l = await person('Dana Principal', 'dana@lead.test');
  leader = l.client;
  leaderId = l.user.id;
  await t.database.db
    .insert(schoolRoles)
    .values({ districtId, schoolId, userId: leaderId, role: 'school_leader' });
  // Fay creates the team (and so facilitates it); the admin is not a member.
  await t.database.db
    .insert(schoolRoles)
    .values({ districtId, schoolId, userId: facilitatorId, role: 'staff' });
  groupId = (
    await admin.post<{ id: string }>('/api/groups', {
      name: 'Science PLC',
      kind: 'teacher_team',
      focus: 'plc',
      schoolId,
    })
  ).body.id;
  await admin.post(`/api/groups/${groupId}/members`, { userId: facilitatorId, role: 'facilitator' });
  await admin.delete(`/api/groups/${groupId}/members/${adminId}`);
  meetingId = (
    await facilitator.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Weekly',
      routineId: 'share-successes',
    })
  ).body.id;
});
afterAll(async () => t.close());

describe('TRUST-LEAD: leaders see what teams chose to share', () => {
  it('TRUST-LEAD-1: a principal adding themselves creates a pending request, not a membership', async () => {
    const res = await leader.post<Detail>(`/api/groups/${groupId}/members`, { userId: leaderId });
    expect(res.status).toBe(200);
    expect(res.body.myRole).toBeNull();
    expect(res.body.members.map((m) => m.userId)).not.toContain(leaderId);
    expect(res.body.joinRequests).toMatchObject([
      { userId: leaderId, name: 'Dana Principal', role: 'member', via: 'self_add' },
    ]);
    // Still not a member: past minutes stay closed.
    expect((await leader.get(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
    // Asking again does not make a second request.
    await leader.post(`/api/groups/${groupId}/members`, { userId: leaderId });
    const seen = await facilitator.get<Detail>(`/api/groups/${groupId}`);
    expect(seen.body.joinRequests).toHaveLength(1);
    expect(seen.body.can.decideJoinRequests).toBe(true);
    expect(await auditActions(groupId)).toContainEqual(
      expect.objectContaining({ action: 'group.join_requested', actorId: leaderId }),
    );
  });

  it('TRUST-LEAD-1: adding someone else stays direct (a principal adds a teacher)', async () => {
    const teacher = await person('Tim Teacher', 'tim@lead.test');
    const res = await leader.post<Detail>(`/api/groups/${groupId}/members`, { userId: teacher.user.id });
    expect(res.status).toBe(200);
    expect(res.body.members.map((m) => m.userId)).toContain(teacher.user.id);
  });

  it('TRUST-LEAD-3: only a facilitator decides; the requester cannot accept their own request', async () => {
    const { joinRequests } = (await facilitator.get<Detail>(`/api/groups/${groupId}`)).body;
    const requestId = joinRequests[0]!.id;
    expect((await leader.post(`/api/groups/${groupId}/join-requests/${requestId}/accept`)).status).toBe(403);
    expect((await admin.post(`/api/groups/${groupId}/join-requests/${requestId}/accept`)).status).toBe(403);
    const accepted = await facilitator.post<Detail>(
      `/api/groups/${groupId}/join-requests/${requestId}/accept`,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.joinRequests).toEqual([]);
    expect(accepted.body.members).toContainEqual(
      expect.objectContaining({ userId: leaderId, role: 'member' }),
    );
    // Decided once: a second decision finds nothing pending.
    expect((await facilitator.post(`/api/groups/${groupId}/join-requests/${requestId}/decline`)).status).toBe(
      404,
    );
    expect(await auditActions(groupId)).toContainEqual(
      expect.objectContaining({
        action: 'group.join_request_accepted',
        actorId: facilitatorId,
        details: expect.objectContaining({ requesterId: leaderId }) as unknown,
      }),
    );
    // A member now: the team's minutes open to them like to any member.
    expect((await leader.get(`/api/meetings/${meetingId}/minutes`)).status).toBe(200);
  });

  it('TRUST-LEAD-1: a member who leads the school cannot raise themselves to facilitator without the team', async () => {
    const res = await leader.post<Detail>(`/api/groups/${groupId}/members`, {
      userId: leaderId,
      role: 'facilitator',
    });
    expect(res.body.myRole).toBe('member');
    expect(res.body.joinRequests).toMatchObject([{ userId: leaderId, role: 'facilitator' }]);
    const requestId = res.body.joinRequests[0]!.id;
    const declined = await facilitator.post<Detail>(
      `/api/groups/${groupId}/join-requests/${requestId}/decline`,
    );
    expect(declined.status).toBe(200);
    expect(declined.body.members).toContainEqual(
      expect.objectContaining({ userId: leaderId, role: 'member' }),
    );
    expect(await auditActions(groupId)).toContainEqual(
      expect.objectContaining({ action: 'group.join_request_declined', actorId: facilitatorId }),
    );
  });

  it('TRUST-LEAD-2: the join code is no back door: an admin who is not a member joining by it asks the team', async () => {
    const code = (
      await admin.post<{ code: string }>(`/api/groups/${groupId}/join-code`, { expiresInHours: 24 })
    ).body.code;
    const res = await admin.post('/api/join', { code });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'requested', groupId });
    const detail = (await admin.get<Detail>(`/api/groups/${groupId}`)).body;
    expect(detail.myRole).toBeNull();
    expect(detail.joinRequests).toMatchObject([{ userId: adminId, via: 'join_code' }]);
    expect((await admin.get(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
  });

  it('TRUST-LEAD-4: the requester can withdraw; nobody else can', async () => {
    const requestId = (await admin.get<Detail>(`/api/groups/${groupId}`)).body.joinRequests[0]!.id;
    expect(
      (await facilitator.post(`/api/groups/${groupId}/join-requests/${requestId}/withdraw`)).status,
    ).toBe(403);
    const res = await admin.post<Detail>(`/api/groups/${groupId}/join-requests/${requestId}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.body.joinRequests).toEqual([]);
    expect(res.body.myRole).toBeNull();
    expect(await auditActions(groupId)).toContainEqual(
      expect.objectContaining({ action: 'group.join_request_withdrawn', actorId: adminId }),
    );
  });

  it('TRUST-LEAD-5: a member of the team sees pending requests; only facilitators may decide', async () => {
    await leader.post(`/api/groups/${groupId}/members`, { userId: leaderId, role: 'facilitator' });
    const teacher = await person('Mo Member', 'mo@lead.test');
    await facilitator.post(`/api/groups/${groupId}/members`, { userId: teacher.user.id });
    const seen = await teacher.client.get<Detail>(`/api/groups/${groupId}`);
    expect(seen.body.joinRequests).toMatchObject([{ name: 'Dana Principal' }]);
    expect(seen.body.can.decideJoinRequests).toBe(false);
    const list = await teacher.client.get<{ items: unknown[] }>(`/api/groups/${groupId}/join-requests`);
    expect(list.body.items).toHaveLength(1);
  });
});

describe('TRUST-LEAD-9: adding only adds', () => {
  it('adding someone who is already a member is refused (409) and leaves their role as it was', async () => {
    const p = await person('Al Added', 'al.added@lead.test');
    expect(
      (await facilitator.post(`/api/groups/${groupId}/members`, { userId: p.user.id, role: 'member' }))
        .status,
    ).toBe(200);
    const again = await facilitator.post(`/api/groups/${groupId}/members`, {
      userId: p.user.id,
      role: 'facilitator',
    });
    expect(again.status).toBe(409);
    const detail = await facilitator.get<Detail>(`/api/groups/${groupId}`);
    expect(detail.body.members.find((m) => m.userId === p.user.id)?.role).toBe('member');
    expect((await auditActions(groupId)).some((e) => e.action === 'group.member_added')).toBe(true);
  });
});
