/**
 * The network library (issue 14, SHARE-NET-*) and "this helped me" (SHARE-HELPED-*): a cohort's member shares a
 * success with the whole network through the same review; every member of the network reads it (and finds it by
 * search), nobody outside does; readers say it helped them, and only counts ever leave the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { MemoryRecord } from '#contracts/memory';
import { NETWORK_HEADER } from '#contracts/networks';
import type { SearchResults } from '#contracts/search';
import type { HelpedMarks, ShareReview, SharedCopy } from '#contracts/sharing';
import { groupMembers, groups, memoryRecords, memoryShares, shareHelped, users } from '../db/schema';
import { personAtSchool } from '../testing/people';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type Response,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let networkId = '';
let cohortId = '';
let homeA = '';
/** A: the principal of district A in the cohort; B: a principal of district B in the network, not the cohort. */
let as: Record<'principalA' | 'principalB' | 'convener' | 'adminA' | 'strangerA', Client>;
let principalBUserId = '';

const inNet = <T>(c: Client, method: string, url: string, body?: unknown): Promise<Response<T>> =>
  c.request<T>(method, url, body, { [NETWORK_HEADER]: networkId });

const draftOf = (review: ShareReview) => {
  if (!review.draft) throw new Error('no draft');
  return review.draft;
};

/** A success the principal logs in the cohort (in the network): its id. */
async function cohortSuccess(title: string, story: string): Promise<string> {
  const made = await inNet<MemoryRecord>(as.principalA, 'POST', `/api/groups/${cohortId}/memory/successes`, {
    title,
    story,
    evidence: 'Walkthrough notes showed feedback in every room within two weeks.',
    whatWorked: 'Ten-minute coaching cycles.',
    insight: 'Short and often beats long and rare.',
    occurredOn: '2026-11-20',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  return made.body.id;
}

/** Shares a cohort record with the whole network (the author consents): the copy's id. */
async function shareWithNetwork(recordId: string): Promise<string> {
  const url = `/api/groups/${cohortId}/memory/${recordId}/share`;
  const review = await inNet<ShareReview>(as.principalA, 'GET', url);
  const shared = await inNet<ShareReview>(as.principalA, 'POST', url, {
    scope: 'district',
    draft: draftOf(review.body),
    authorConsent: true,
  });
  expect(shared.status, JSON.stringify(shared.body)).toBe(200);
  expect(shared.body.share?.stage).toBe('shared');
  return shared.body.share?.id ?? '';
}

beforeAll(async () => {
  t = await createTestApp();
  const districtA = await createDistrictWithAdmin(t, 'District A', 'admin@lib-a.test');
  const districtB = await createDistrictWithAdmin(t, 'District B', 'admin@lib-b.test');
  homeA = districtA.district.id;
  const principalA = await personAtSchool(t, homeA, 'amara@lib-a.test');
  const principalB = await personAtSchool(t, districtB.district.id, 'ben@lib-b.test');
  const strangerA = await personAtSchool(t, homeA, 'stranger@lib-a.test');
  // A teacher of district A, whose name a network's review must not know (it never reads a home district).
  await t.database.db.insert(users).values({
    districtId: homeA,
    email: 'lena@lib-a.test',
    name: 'Lena Brightwater',
    emailVerifiedAt: new Date(),
  });
  const created = await districtB.client.post<{ id: string }>('/api/networks', {
    name: 'Lakes principals',
    visibility: 'listed',
  });
  networkId = created.body.id;
  const clientA = await signedInClient(t, principalA);
  const clientB = await signedInClient(t, principalB);
  await clientA.post(`/api/networks/${networkId}/join-requests`, { shown: { name: 'Amara Okafor' } });
  await clientB.post(`/api/networks/${networkId}/join-requests`, { shown: { name: 'Ben Ruiz' } });
  const requests = await inNet<{ items: { id: string }[] }>(
    districtB.client,
    'GET',
    '/api/network/join-requests',
  );
  for (const r of requests.body.items)
    await inNet(districtB.client, 'POST', `/api/network/join-requests/${r.id}/approve`, {});
  const cohort = await inNet<{ id: string }>(districtB.client, 'POST', '/api/network/cohorts', {
    name: 'Coaching cohort',
    focus: { area: 'teacher_coaching' },
    goal: 'Every teacher gets useful feedback twice a month',
  });
  cohortId = cohort.body.id;
  expect((await inNet(clientA, 'POST', `/api/network/cohorts/${cohortId}/join`)).status).toBe(200);
  const meB = await inNet<{ id: string }>(clientB, 'GET', '/api/me');
  principalBUserId = meB.body.id;
  as = {
    principalA: clientA,
    principalB: clientB,
    convener: districtB.client,
    adminA: districtA.client,
    strangerA: await signedInClient(t, strangerA),
  };
});
afterAll(async () => t.close());

describe('SHARE-NET: sharing with a network', () => {
  it("SHARE-NET-3: the review flags the network's members' shown names, and knows no home district's people", async () => {
    const recordId = await cohortSuccess(
      'Coaching cycles',
      'We borrowed ruiz’s idea; brightwater was not asked.',
    );
    const review = await inNet<ShareReview>(
      as.principalA,
      'GET',
      `/api/groups/${cohortId}/memory/${recordId}/share`,
    );
    expect(review.status).toBe(200);
    const known = review.body.flags.filter((f) => f.reason === 'known-name').map((f) => f.text);
    expect(known).toContain('ruiz');
    expect(known).not.toContain('brightwater');
    // The check of an edited copy uses the same roster.
    const checked = await inNet<{ flags: { text: string; reason: string }[] }>(
      as.principalA,
      'POST',
      `/api/groups/${cohortId}/memory/${recordId}/share/check`,
      { draft: { ...draftOf(review.body), story: 'okafor and brightwater met.' } },
    );
    expect(checked.body.flags.filter((f) => f.reason === 'known-name').map((f) => f.text)).toEqual([
      'okafor',
    ]);
  });

  it('SHARE-NET-1: in a network the only scope is the whole network: `school` is a 400 naming scope', async () => {
    const recordId = await cohortSuccess('School scope', 'Tried to share with a school.');
    const url = `/api/groups/${cohortId}/memory/${recordId}/share`;
    const review = await inNet<ShareReview>(as.principalA, 'GET', url);
    const res = await inNet<{ error: { details?: { path: string }[] } }>(as.principalA, 'POST', url, {
      scope: 'school',
      draft: draftOf(review.body),
      authorConsent: true,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('scope');
    const [row] = await t.database.db.select().from(memoryShares).where(eq(memoryShares.recordId, recordId));
    expect(row).toBeUndefined();
  });

  it('SHARE-NET-2: every member of the network reads a copy shared with it; nobody outside, whoever they are', async () => {
    const recordId = await cohortSuccess(
      'Feedback within a week',
      'Every teacher got feedback within a week.',
    );
    const shareId = await shareWithNetwork(recordId);
    const [row] = await t.database.db.select().from(memoryShares).where(eq(memoryShares.id, shareId));
    expect(row).toMatchObject({ districtId: networkId, scope: 'district', schoolId: null, status: 'shared' });
    // Every member, in the cohort or not, reads it naming the network.
    for (const who of ['principalA', 'principalB', 'convener'] as const) {
      const list = await inNet<{ items: SharedCopy[] }>(as[who], 'GET', '/api/shared');
      expect(list.body.items.map((c) => c.id)).toContain(shareId);
      expect((await inNet(as[who], 'GET', `/api/shared/${shareId}`)).status).toBe(200);
    }
    // Nobody outside: a district admin of a member, a person not in the network naming it, and the members'
    // own accounts not naming it (their district is another tenant).
    for (const who of ['adminA', 'strangerA', 'principalA', 'principalB', 'convener'] as const) {
      expect((await as[who].get(`/api/shared/${shareId}`)).status, who).toBe(404);
      const list = await as[who].get<{ items: SharedCopy[] }>('/api/shared');
      expect(list.body.items.map((c) => c.id)).not.toContain(shareId);
    }
    for (const who of ['adminA', 'strangerA'] as const)
      expect((await inNet(as[who], 'GET', `/api/shared/${shareId}`)).status, who).toBe(404);
  });

  it('SHARE-NET-4: network members find a copy shared with the network by search; nobody else does', async () => {
    const recordId = await cohortSuccess(
      'Gallery walk of feedback',
      'A zanzibar gallery walk of feedback notes.',
    );
    await shareWithNetwork(recordId);
    const found = await inNet<SearchResults>(as.principalB, 'GET', '/api/search?q=zanzibar');
    expect(found.status).toBe(200);
    expect(found.body.items.map((h) => h.href)).toEqual([expect.stringMatching(/^\/shared\//)]);
    for (const who of ['adminA', 'principalA', 'principalB'] as const) {
      const outside = await as[who].get<SearchResults>('/api/search?q=zanzibar');
      expect(outside.status).toBe(200);
      expect(outside.body.total, who).toBe(0);
    }
  });
});

describe('SHARE-HELPED: "this helped me"', () => {
  let shareId = '';
  beforeAll(async () => {
    shareId = await shareWithNetwork(await cohortSuccess('Peer visits', 'Principals visited each other.'));
  });
  const helped = (c: Client, method: 'PUT' | 'DELETE') =>
    inNet<HelpedMarks>(c, method, `/api/shared/${shareId}/helped`);
  const copy = async (c: Client) => (await inNet<SharedCopy>(c, 'GET', `/api/shared/${shareId}`)).body;

  it('SHARE-HELPED-1: a reader marks once and unmarks; each copy shows how many and whether I did', async () => {
    expect((await copy(as.principalB)).helped).toEqual({ count: 0, byMe: false });
    expect((await helped(as.principalB, 'PUT')).body).toEqual({ count: 1, byMe: true });
    // Saying it again changes nothing.
    expect((await helped(as.principalB, 'PUT')).body).toEqual({ count: 1, byMe: true });
    expect((await helped(as.convener, 'PUT')).body).toEqual({ count: 2, byMe: true });
    expect((await copy(as.principalA)).helped).toEqual({ count: 2, byMe: false });
    const list = await inNet<{ items: SharedCopy[] }>(as.principalB, 'GET', '/api/shared');
    expect(list.body.items.find((c) => c.id === shareId)?.helped).toEqual({ count: 2, byMe: true });
    expect((await helped(as.convener, 'DELETE')).body).toEqual({ count: 1, byMe: false });
    // Taking back what one never said changes nothing either.
    expect((await helped(as.principalA, 'DELETE')).body).toEqual({ count: 1, byMe: false });
  });

  it('SHARE-HELPED-2: never who: not to the author, not to anyone (no member id or name in any answer)', async () => {
    const answers = [
      await inNet(as.principalA, 'GET', `/api/shared/${shareId}`),
      await inNet(as.principalA, 'GET', '/api/shared'),
      await inNet(as.convener, 'GET', `/api/shared/${shareId}`),
      await helped(as.principalA, 'PUT'),
    ].map((r) => JSON.stringify(r.body));
    for (const text of answers) {
      expect(text).not.toContain(principalBUserId);
      expect(text).not.toContain('Ben Ruiz');
    }
    await helped(as.principalA, 'DELETE');
  });

  it("SHARE-HELPED-4: outside the copy's readers, marking is a 404 and changes nothing", async () => {
    for (const who of ['adminA', 'strangerA'] as const)
      expect((await helped(as[who], 'PUT')).status, who).toBe(404);
    // The members' own accounts, not naming the network, are in another tenant.
    expect((await as.principalB.put(`/api/shared/${shareId}/helped`)).status).toBe(404);
    expect((await as.adminA.put(`/api/shared/${shareId}/helped`)).status).toBe(404);
    const rows = await t.database.db
      .select()
      .from(shareHelped)
      .where(and(eq(shareHelped.districtId, networkId), eq(shareHelped.shareId, shareId)));
    expect(rows).toHaveLength(1);
  });

  it('SHARE-HELPED-4: an unshared record and a copy awaiting its author cannot be reacted to (404)', async () => {
    const recordId = await cohortSuccess('Not shared yet', 'Still the cohort’s own.');
    expect((await inNet(as.principalA, 'PUT', `/api/shared/${recordId}/helped`)).status).toBe(404);
    // The convener (the cohort's facilitator) proposes it; it waits for the author's consent.
    const url = `/api/groups/${cohortId}/memory/${recordId}/share`;
    const review = await inNet<ShareReview>(as.convener, 'GET', url);
    const proposed = await inNet<ShareReview>(as.convener, 'POST', url, {
      scope: 'district',
      draft: draftOf(review.body),
      authorConsent: false,
    });
    expect(proposed.body.share?.stage).toBe('awaiting-author');
    const pendingId = proposed.body.share?.id ?? '';
    for (const who of ['principalA', 'principalB', 'convener'] as const)
      expect((await inNet(as[who], 'PUT', `/api/shared/${pendingId}/helped`)).status, who).toBe(404);
  });

  it('SHARE-HELPED-3: marks never reorder the library: it stays newest first', async () => {
    const older = shareId;
    const newer = await shareWithNetwork(await cohortSuccess('Newest story', 'Shared last.'));
    await helped(as.principalA, 'PUT');
    await helped(as.convener, 'PUT');
    const list = await inNet<{ items: SharedCopy[] }>(as.principalB, 'GET', '/api/shared');
    const ids = list.body.items.map((c) => c.id);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    const sharedAts = list.body.items.map((c) => Date.parse(c.sharedAt));
    expect(sharedAts).toEqual([...sharedAts].sort((x, y) => y - x));
  });

  it('SHARE-HELPED-5: withdrawing the copy deletes its marks with it', async () => {
    const recordId = await cohortSuccess('Withdrawn later', 'Shared, then withdrawn.');
    const id = await shareWithNetwork(recordId);
    expect((await inNet(as.principalB, 'PUT', `/api/shared/${id}/helped`)).status).toBe(200);
    const withdrawn = await inNet(
      as.principalA,
      'DELETE',
      `/api/groups/${cohortId}/memory/${recordId}/share`,
    );
    expect(withdrawn.status).toBe(200);
    const rows = await t.database.db
      .select()
      .from(shareHelped)
      .where(and(eq(shareHelped.districtId, networkId), eq(shareHelped.shareId, id)));
    expect(rows).toEqual([]);
    expect((await inNet(as.principalB, 'PUT', `/api/shared/${id}/helped`)).status).toBe(404);
  });
});

describe('SHARE-HELPED in a district library', () => {
  it('SHARE-HELPED-1: works in a district library too, in the district tenant, and a network member cannot reach it', async () => {
    const [team] = await t.database.db
      .insert(groups)
      .values({ districtId: homeA, kind: 'teacher_team', name: 'Grade 4' })
      .returning();
    const [admin] = await t.database.db
      .select()
      .from(users)
      .where(and(eq(users.districtId, homeA), eq(users.email, 'admin@lib-a.test')));
    await t.database.db
      .insert(groupMembers)
      .values({ districtId: homeA, groupId: team!.id, userId: admin!.id, role: 'facilitator' });
    const [rec] = await t.database.db
      .insert(memoryRecords)
      .values({
        districtId: homeA,
        groupId: team!.id,
        kind: 'success',
        authorId: admin!.id,
        createdBy: admin!.id,
        title: 'District success',
        content: { kind: 'success', story: 's', evidence: 'e', whatWorked: 'w', insight: 'i', learned: 'l' },
        occurredAt: new Date(),
      })
      .returning();
    const [share] = await t.database.db
      .insert(memoryShares)
      .values({
        districtId: homeA,
        recordId: rec!.id,
        groupId: team!.id,
        schoolId: null,
        scope: 'district',
        status: 'shared',
        kind: 'success',
        title: 'District success',
        content: {
          kind: 'success',
          title: 'District success',
          story: 's',
          evidence: 'e',
          whatWorked: 'w',
          insight: 'i',
          tags: { grade: null, subject: null, strategy: null, studentGroup: null },
          teamName: 'Grade 4',
          schoolName: null,
        },
        proposedBy: admin!.id,
        authorConsentAt: new Date(),
        sharedAt: new Date(),
      })
      .returning();
    const url = `/api/shared/${share!.id}/helped`;
    expect((await as.strangerA.put<HelpedMarks>(url)).body).toEqual({ count: 1, byMe: true });
    expect((await as.principalA.put<HelpedMarks>(url)).body).toEqual({ count: 2, byMe: true });
    expect((await as.adminA.get<SharedCopy>(`/api/shared/${share!.id}`)).body.helped).toEqual({
      count: 2,
      byMe: false,
    });
    // A member naming the network cannot reach a district's copy through it.
    expect((await inNet(as.principalA, 'PUT', url)).status).toBe(404);
    expect((await inNet(as.principalA, 'DELETE', url)).status).toBe(404);
    const [rows] = await t.database.db
      .select()
      .from(shareHelped)
      .where(and(eq(shareHelped.districtId, homeA), eq(shareHelped.shareId, share!.id)));
    expect(rows).toBeDefined();
  });
});
