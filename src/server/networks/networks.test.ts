import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { networkAffiliations, networkMembers, users } from '../db/schema';
import { personAtSchool } from '../testing/people';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  linkFrom,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

const HEADER = 'x-ensemble-network';

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
/** A principal of each district, and a teacher of district A. */
let principalA: { id: string; districtId: string; email: string };
let principalB: { id: string; districtId: string; email: string };
let teacherA: { id: string; districtId: string; email: string };

/** A principal (or, with `staff`, a teacher) of a school of their own. */
const principal = (districtId: string, email: string, role: 'school_leader' | 'staff') =>
  personAtSchool(t, districtId, email, role);

/** Calls as `client`, naming `networkId`. */
const inNet = (client: Client, networkId: string) => ({
  get: <T>(url: string) => client.request<T>('GET', url, undefined, { [HEADER]: networkId }),
  post: <T>(url: string, body: unknown = {}) => client.request<T>('POST', url, body, { [HEADER]: networkId }),
});

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'Riverside', 'admin@riverside.test');
  b = await createDistrictWithAdmin(t, 'Hillcrest', 'admin@hillcrest.test');
  principalA = await principal(a.district.id, 'pa@riverside.test', 'school_leader');
  principalB = await principal(b.district.id, 'pb@hillcrest.test', 'school_leader');
  teacherA = await principal(a.district.id, 'ta@riverside.test', 'staff');
});
afterAll(async () => t.close());

describe('networks of principals across districts (ADR 0032)', () => {
  let networkId: string;
  let pa: Client;
  let pb: Client;

  it('NET-JOIN-1: a district admin starts a network and is its first convener; the district keeps only an affiliation', async () => {
    const created = await a.client.post<{ id: string; name: string }>('/api/networks', {
      name: 'Three Rivers Principals',
      description: 'Principals working on one focus together.',
      visibility: 'listed',
    });
    expect(created.status).toBe(200);
    networkId = created.body.id;
    const mine = await a.client.get<{ items: { id: string; name: string }[] }>('/api/networks');
    expect(mine.body.items).toEqual([{ id: networkId, name: 'Three Rivers Principals' }]);
    const inside = await inNet(a.client, networkId).get<{ myRole: string; members: { name: string }[] }>(
      '/api/network',
    );
    expect(inside.status).toBe(200);
    expect(inside.body.myRole).toBe('convener');
    expect(inside.body.members.map((m) => m.name)).toEqual(['Riverside Admin']);
    // NET-TENANT-1: the member row is the network's, not the district's; the district has one affiliation row.
    const [member] = await t.database.db
      .select()
      .from(networkMembers)
      .where(eq(networkMembers.districtId, networkId));
    expect(member?.homeUserId).toBe(a.admin.id);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, member!.userId));
    expect(row).toMatchObject({ districtId: networkId, kind: 'network_member', passwordHash: null });
    expect(row!.email.endsWith('@network.invalid')).toBe(true);
    const affiliations = await t.database.db
      .select()
      .from(networkAffiliations)
      .where(eq(networkAffiliations.districtId, a.district.id));
    expect(affiliations.map((x) => x.networkId)).toEqual([networkId]);
  });

  it('NET-JOIN-2: principals of two districts find the listed network, ask to join showing what they choose, and a convener approves', async () => {
    pa = await signedInClient(t, principalA);
    pb = await signedInClient(t, principalB);
    const listed = await pb.get<{ items: { id: string; requested: boolean; member: boolean }[] }>(
      '/api/networks/listed',
    );
    expect(listed.body.items.find((n) => n.id === networkId)).toMatchObject({
      requested: false,
      member: false,
    });
    // A teacher neither finds networks nor asks to join one.
    const teacher = await signedInClient(t, teacherA);
    expect((await teacher.get('/api/networks/listed')).status).toBe(403);
    for (const [client, name, district] of [
      [pa, 'Ana Ruiz', 'Riverside USD'],
      [pb, 'Ben Okafor', 'Hillcrest'],
    ] as const) {
      const asked = await client.post(`/api/networks/${networkId}/join-requests`, {
        shown: { name, school: '', district },
        message: 'I would like to work on coaching.',
      });
      expect(asked.body).toEqual({ status: 'pending' });
      // Asking twice keeps one request.
      expect(
        (await client.post(`/api/networks/${networkId}/join-requests`, { shown: { name } })).status,
      ).toBe(200);
    }
    const again = await pb.get<{ items: { id: string; requested: boolean }[] }>('/api/networks/listed');
    expect(again.body.items.find((n) => n.id === networkId)?.requested).toBe(true);
    const convener = inNet(a.client, networkId);
    const requests = await convener.get<{ items: { id: string; name: string; district: string }[] }>(
      '/api/network/join-requests',
    );
    expect(requests.body.items.map((r) => [r.name, r.district])).toEqual([
      ['Ana Ruiz', 'Riverside USD'],
      ['Ben Okafor', 'Hillcrest'],
    ]);
    // A requester is not a member yet: naming the network is a 404 for them.
    expect((await inNet(pb, networkId).get('/api/network')).status).toBe(404);
    for (const r of requests.body.items)
      expect((await convener.post(`/api/network/join-requests/${r.id}/approve`)).status).toBe(200);
    // A decided request is not decided twice.
    expect(
      (await convener.post(`/api/network/join-requests/${requests.body.items[0]!.id}/decline`)).status,
    ).toBe(404);
    const inside = await inNet(pb, networkId).get<{
      myRole: string;
      members: { name: string; district: string }[];
    }>('/api/network');
    expect(inside.body.myRole).toBe('member');
    expect(inside.body.members.map((m) => m.name)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Riverside Admin']);
    // A member is not a convener.
    expect((await inNet(pb, networkId).get('/api/network/join-requests')).status).toBe(403);
    expect((await inNet(pb, networkId).post('/api/network/invitations', { email: 'x@y.test' })).status).toBe(
      403,
    );
  });

  it('NET-JOIN-2: an unlisted network is not found by a request to join', async () => {
    const unlisted = await b.client.post<{ id: string }>('/api/networks', { name: 'Quiet circle' });
    expect(
      (await pa.post(`/api/networks/${unlisted.body.id}/join-requests`, { shown: { name: 'A' } })).status,
    ).toBe(404);
    const listed = await pa.get<{ items: { id: string }[] }>('/api/networks/listed');
    expect(listed.body.items.map((n) => n.id)).not.toContain(unlisted.body.id);
  });

  it('NET-TENANT-2: a request that names a network acts there only: district routes, other networks and bad ids are 404', async () => {
    const hillcrestNet = await b.client.post<{ id: string }>('/api/networks', { name: 'Hillcrest only' });
    for (const [client, net] of [
      [pa, hillcrestNet.body.id], // not a member of it
      [pa, '00000000-0000-4000-8000-000000000000'], // no such network
      [pa, 'not-an-id'],
      [a.client, b.district.id], // a district's id is not a network
    ] as const) {
      expect((await inNet(client, net).get('/api/network')).status).toBe(404);
      expect((await inNet(client, net).get('/api/auth/me')).status).toBe(404);
    }
    // A member naming the network cannot reach district routes through it, nor its own district's data.
    const viaNetwork = inNet(pb, networkId);
    expect((await viaNetwork.get('/api/district')).status).toBe(404);
    expect((await viaNetwork.get('/api/schools')).status).toBe(404);
    expect((await viaNetwork.get('/api/people')).status).toBe(404);
    // Checked before the body is read: a district-only command is a 404, not a 400 about its body.
    expect((await viaNetwork.post('/api/invitations', {})).status).toBe(404);
    // Endpoints made for both answer as the member row: its id, never the account's.
    const me = await viaNetwork.get<{ id: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).not.toBe(principalB.id);
    const [row] = await t.database.db
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.homeUserId, principalB.id)));
    expect(me.body.id).toBe(row!.userId);
    expect(JSON.stringify(me.body)).not.toContain(b.district.id);
    // Without the header, the network's endpoints do not exist for anyone (district admins included).
    for (const client of [a.client, b.client, pa])
      expect((await client.get('/api/network')).status).toBe(404);
  });

  it("NET-TENANT-4: a district admin sees of the network only that their people belong, and no network member row in the district's people", async () => {
    const people = await a.client.get<{ items: { id: string; email: string }[] }>('/api/people');
    expect(people.status).toBe(200);
    expect(people.body.items.some((p) => p.email.endsWith('@network.invalid'))).toBe(false);
    const members = await t.database.db
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(eq(networkMembers.districtId, networkId));
    const text = JSON.stringify(people.body);
    for (const m of members) expect(text).not.toContain(m.userId);
    // District B's admin (not in the network) cannot read it with or without naming it.
    expect((await inNet(b.client, networkId).get('/api/network')).status).toBe(404);
    // The principal's own list shows the network; their district's rows hold its id and name only.
    expect((await pa.get<{ items: { id: string }[] }>('/api/networks')).body.items.map((n) => n.id)).toEqual([
      networkId,
    ]);
  });

  it('NET-TENANT-3: a network member row never signs in and never receives a reset link', async () => {
    const [member] = await t.database.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.districtId, networkId), eq(users.kind, 'network_member')));
    const anon = new Client(t.app);
    const signIn = await anon.post('/api/auth/sign-in', { email: member!.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(400);
    const before = t.mails.length;
    expect((await anon.post('/api/auth/password-reset', { email: member!.email })).status).toBe(200);
    expect(t.mails.length).toBe(before);
  });

  it('NET-JOIN-3: an invitation by email is accepted only by the addressed account, once', async () => {
    const convener = inNet(a.client, networkId);
    const newcomer = await principal(b.district.id, 'newcomer@hillcrest.test', 'school_leader');
    const invited = await convener.post<{ link: string | null }>('/api/network/invitations', {
      email: newcomer.email,
    });
    expect(invited.status).toBe(200);
    const path = linkFrom(t.mails, newcomer.email, '/network-invitations/');
    const token = path.split('/').pop()!;
    expect(
      (await convener.get<{ items: { email: string }[] }>('/api/network/invitations')).body.items,
    ).toEqual([expect.objectContaining({ email: newcomer.email })]);
    // Someone else holding the link sees what it is for, not for them, and cannot accept it.
    const preview = await pb.get<{ forYou: boolean; networkName: string }>(
      `/api/network-invitations/${token}`,
    );
    expect(preview.body).toMatchObject({ forYou: false, networkName: 'Three Rivers Principals' });
    expect((await pb.post(`/api/network-invitations/${token}/accept`, { shown: { name: 'X' } })).status).toBe(
      403,
    );
    const mine = await signedInClient(t, newcomer);
    expect((await mine.get<{ forYou: boolean }>(`/api/network-invitations/${token}`)).body.forYou).toBe(true);
    const accepted = await mine.post(`/api/network-invitations/${token}/accept`, {
      shown: { name: 'Nia Newcomer', school: 'Oak Elementary', district: 'Hillcrest' },
    });
    expect(accepted.status).toBe(200);
    expect(
      (await mine.post(`/api/network-invitations/${token}/accept`, { shown: { name: 'N' } })).status,
    ).toBe(404);
    expect((await mine.get(`/api/network-invitations/${token}`)).status).toBe(404);
    expect((await mine.get(`/api/network-invitations/garbage`)).status).toBe(404);
    const inside = await inNet(mine, networkId).get<{ members: { name: string; school: string }[] }>(
      '/api/network',
    );
    expect(inside.body.members).toContainEqual(
      expect.objectContaining({ name: 'Nia Newcomer', school: 'Oak Elementary' }),
    );
  });

  it('NET-JOIN-4: a member leaves (and is gone from the network at once); the last convener must name another first', async () => {
    expect((await inNet(a.client, networkId).post('/api/network/leave')).status).toBe(409);
    expect((await inNet(pb, networkId).post('/api/network/leave')).status).toBe(200);
    expect((await inNet(pb, networkId).get('/api/network')).status).toBe(404);
    expect((await pb.get<{ items: unknown[] }>('/api/networks')).body.items).toEqual([]);
    const members = await inNet(a.client, networkId).get<{ members: { name: string }[] }>('/api/network');
    expect(members.body.members.map((m) => m.name)).not.toContain('Ben Okafor');
    // Asking again and being approved makes the same member row active again.
    await pb.post(`/api/networks/${networkId}/join-requests`, { shown: { name: 'Ben Okafor' } });
    const requests = await inNet(a.client, networkId).get<{ items: { id: string }[] }>(
      '/api/network/join-requests',
    );
    await inNet(a.client, networkId).post(`/api/network/join-requests/${requests.body.items[0]!.id}/approve`);
    const rows = await t.database.db
      .select()
      .from(networkMembers)
      .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.homeUserId, principalB.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('active');
  });

  it("NET-WEB-6: in a network nobody is shown a member row's placeholder address; `me` there carries the account's own", async () => {
    const cohort = await inNet(a.client, networkId).post<{ id: string }>('/api/network/cohorts', {
      name: 'Coaching cohort',
      focus: { area: 'teacher_coaching' },
      goal: 'Two coaching cycles per teacher.',
    });
    expect(cohort.status).toBe(200);
    expect((await inNet(pb, networkId).post(`/api/network/cohorts/${cohort.body.id}/join`)).status).toBe(200);
    // The convener runs the cohort (sees the addresses of those who have one), the member sees their own.
    for (const client of [a.client, pb]) {
      const group = await inNet(client, networkId).get<{ members: { name: string; email: string }[] }>(
        `/api/groups/${cohort.body.id}`,
      );
      expect(group.status).toBe(200);
      expect(group.body.members).toHaveLength(2);
      for (const member of group.body.members) expect(member.email).not.toMatch(/\.invalid$/);
    }
    const me = await inNet(pb, networkId).get<{ email: string; districtId: string }>('/api/auth/me');
    expect(me.body).toMatchObject({ email: principalB.email, districtId: networkId });
  });
});
