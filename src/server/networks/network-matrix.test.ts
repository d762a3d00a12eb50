/**
 * The authorization matrix of networks (ADR 0032, NET-MATRIX-*): every endpoint that may be called in a network,
 * and every other one, probed from both sides. A person who is not in the network (a district admin of one of
 * its members included) gets 404 from all of them; a member naming the network never reaches a district's rows
 * through it; the cohort endpoints follow the network's roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { api, pathFor, type Endpoint, type EndpointName } from '#contracts/api';
import { NETWORK_HEADER } from '#contracts/networks';
import { spacesOfEndpoint } from '../http/spaces';
import { ClientEvents, PROTOCOL_VERSION } from '#contracts/realtime';
import { auditEvents, groupMembers, groups, memoryRecords, memoryShares, networkMembers } from '../db/schema';
import { personAtSchool } from '../testing/people';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type TestApp,
} from '../testing/api-harness';
import { ackOutcome, socketProbes } from '../testing/sockets';

type Role = 'convener' | 'member' | 'bystander' | 'stranger' | 'homeAdmin';

let t: TestApp;
let networkId: string;
let cohortId: string;
/** A success of the cohort shared with the whole network, and another not shared (SHARE-NET-*). */
let networkCopy: { shareId: string; recordId: string; unsharedId: string };
let clients: Record<Role, Client>;
/** Another member from district A, who probes every endpoint (leaving the network among them) in NET-MATRIX-2. */
let prober: Client;
/** District A's own rows, which nobody reaches through the network. */
let a: {
  districtId: string;
  schoolId: string;
  teamId: string;
  meetingId: string;
  adminId: string;
  memberId: string;
};

/** An account with a school of its own, as its user row and that school. */
async function account(districtId: string, email: string, role: 'school_leader' | 'staff') {
  const p = await personAtSchool(t, districtId, email, role);
  return { user: { id: p.id, districtId }, schoolId: p.schoolId };
}

const inNet = (c: Client, method: string, url: string, body?: unknown) =>
  c.request(method, url, body, { [NETWORK_HEADER]: networkId });

beforeAll(async () => {
  t = await createTestApp();
  const districtA = await createDistrictWithAdmin(t, 'District A', 'admin@a.test');
  const districtB = await createDistrictWithAdmin(t, 'District B', 'admin@b.test');
  const memberA = await account(districtA.district.id, 'principal@a.test', 'school_leader');
  const bystanderB = await account(districtB.district.id, 'principal@b.test', 'school_leader');
  const strangerA = await account(districtA.district.id, 'other@a.test', 'school_leader');
  const proberA = await account(districtA.district.id, 'prober@a.test', 'school_leader');
  const [team] = await t.database.db
    .insert(groups)
    .values({
      districtId: districtA.district.id,
      schoolId: memberA.schoolId,
      kind: 'teacher_team',
      name: 'Team A',
    })
    .returning();
  await t.database.db.insert(groupMembers).values({
    districtId: districtA.district.id,
    groupId: team!.id,
    userId: memberA.user.id,
    role: 'facilitator',
  });
  const memberClient = await signedInClient(t, memberA.user);
  const meeting = await memberClient.post<{ id: string }>(`/api/groups/${team!.id}/meetings`, {
    title: 'Team A weekly',
    routineId: 'share-successes',
  });
  expect(meeting.status).toBe(200);
  a = {
    districtId: districtA.district.id,
    schoolId: memberA.schoolId,
    teamId: team!.id,
    meetingId: meeting.body.id,
    adminId: districtA.admin.id,
    memberId: memberA.user.id,
  };
  // District B's admin convenes; A's principal and another of B's join; the principal is in the cohort.
  const created = await districtB.client.post<{ id: string }>('/api/networks', {
    name: 'Matrix network',
    visibility: 'listed',
  });
  networkId = created.body.id;
  const bystanderClient = await signedInClient(t, bystanderB.user);
  prober = await signedInClient(t, proberA.user);
  for (const c of [memberClient, bystanderClient, prober])
    await c.post(`/api/networks/${networkId}/join-requests`, { shown: { name: 'Principal' } });
  const requests = await districtB.client.request<{ items: { id: string }[] }>(
    'GET',
    '/api/network/join-requests',
    undefined,
    { [NETWORK_HEADER]: networkId },
  );
  for (const r of requests.body.items)
    await districtB.client.request(
      'POST',
      `/api/network/join-requests/${r.id}/approve`,
      {},
      { [NETWORK_HEADER]: networkId },
    );
  const cohort = await inNet(districtB.client, 'POST', '/api/network/cohorts', {
    name: 'Coaching cohort',
    focus: { area: 'teacher_coaching' },
    goal: 'Every teacher gets useful feedback twice a month',
  });
  expect(cohort.status).toBe(200);
  cohortId = (cohort.body as { id: string }).id;
  expect((await inNet(memberClient, 'POST', `/api/network/cohorts/${cohortId}/join`)).status).toBe(200);
  // SHARE-NET-1: the member logs two successes in the cohort and shares the first with the whole network.
  const logged: string[] = [];
  for (const title of ['Shared with the network', 'Kept in the cohort']) {
    const made = await inNet(memberClient, 'POST', `/api/groups/${cohortId}/memory/successes`, {
      title,
      story: 'Coaching cycles of ten minutes.',
      evidence: 'Feedback in every room.',
      whatWorked: 'Short cycles.',
      insight: 'Often beats long.',
      occurredOn: '2026-11-20',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    logged.push((made.body as { id: string }).id);
  }
  const shareUrl = `/api/groups/${cohortId}/memory/${logged[0]}/share`;
  const review = await inNet(memberClient, 'GET', shareUrl);
  const shared = await inNet(memberClient, 'POST', shareUrl, {
    scope: 'district',
    draft: (review.body as { draft: unknown }).draft,
    authorConsent: true,
  });
  expect(shared.status, JSON.stringify(shared.body)).toBe(200);
  networkCopy = {
    shareId: (shared.body as { share: { id: string } }).share.id,
    recordId: logged[0]!,
    unsharedId: logged[1]!,
  };
  clients = {
    convener: districtB.client,
    member: memberClient,
    bystander: bystanderClient,
    stranger: await signedInClient(t, strangerA.user),
    homeAdmin: districtA.client,
  };
});
afterAll(async () => t.close());

const endpoints: [EndpointName, Endpoint][] = Object.entries(api) as [EndpointName, Endpoint][];
const inNetwork = endpoints.filter(([, e]) => spacesOfEndpoint(e).includes('network'));
const districtOnly = endpoints.filter(([, e]) => !spacesOfEndpoint(e).includes('network'));

/** Every `:param` filled: ids with `id` (a fresh one when absent), anything else with a plain word. */
function urlWith(path: string, id: (name: string) => string) {
  const names = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  return pathFor(
    path,
    Object.fromEntries(
      names.map((n) => [n, n.endsWith('Id') ? id(n) : n === 'part' ? '0' : 'problem-solve']),
    ),
  );
}

describe('NET-MATRIX-1: outside the network, naming it gets 404 from every endpoint', () => {
  it('covers the endpoints made for networks', () => {
    expect(inNetwork.length).toBeGreaterThan(40);
  });
  for (const role of ['stranger', 'homeAdmin'] as const) {
    it(`as ${role} (not a member, naming the network)`, async () => {
      for (const [name, e] of endpoints) {
        const url = urlWith(e.path, () => (name.includes('ohort') ? cohortId : randomUUID()));
        const res = await inNet(clients[role], e.method, url, e.method === 'GET' ? undefined : {});
        expect(res.status, `${name} ${JSON.stringify(res.body)}`).toBe(404);
      }
    });
  }
  it('a district admin not naming the network cannot reach its cohort through district routes', async () => {
    for (const [name, e] of inNetwork.filter(([, x]) => x.path.includes(':groupId'))) {
      const res = await clients.homeAdmin.request(
        e.method,
        urlWith(e.path, () => cohortId),
        e.method === 'GET' ? undefined : {},
      );
      expect([400, 404], `${name} ${res.status}`).toContain(res.status);
    }
  });
});

describe("NET-MATRIX-2: a member naming the network never reaches a district's rows through it", () => {
  it('district-only endpoints are 404 whatever they are sent', async () => {
    for (const [name, e] of districtOnly) {
      const res = await inNet(
        prober,
        e.method,
        urlWith(e.path, () => a.teamId),
        e.method === 'GET' ? undefined : {},
      );
      expect(res.status, name).toBe(404);
    }
  });
  it("network endpoints given district A's ids are 404 (or a 400 about the body), and never echo them", async () => {
    const aIdFor = (n: string) =>
      n === 'meetingId'
        ? a.meetingId
        : n === 'userId'
          ? a.memberId
          : n === 'groupId'
            ? a.teamId
            : randomUUID();
    const secrets = Object.values(a);
    // Leaving is its own case (NET-JOIN-4): here the prober stays a member for every call.
    for (const [name, e] of inNetwork.filter(([n]) => n !== 'leaveNetwork')) {
      const url = urlWith(e.path, aIdFor) + (name === 'search' ? '?q=weekly' : '');
      const res = await inNet(prober, e.method, url, e.method === 'GET' ? undefined : {});
      const text = JSON.stringify(res.body ?? '');
      // Where a district's id was put in (a team, a meeting, a person), the answer is as for any unknown id.
      if (/:(groupId|meetingId|userId)\b/.test(e.path)) {
        expect([400, 404], `${name} ${res.status} ${text}`).toContain(res.status);
        if (res.status === 400) expect(text, name).toContain('invalid_input');
      }
      for (const secret of secrets) expect(text, `${name} echoes ${secret}`).not.toContain(secret);
    }
  });
});

/** A wave opening today for a week, answered through a link (nobody is invited by name). */
const waveBody = (scope: unknown) => {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    title: 'Matrix wave',
    instrument: { slug: 'ensemble-efficacy' },
    scope,
    opensOn: day(0),
    closesOn: day(7),
    invite: 'link',
  };
};

describe("NET-MATRIX-3: the cohort's endpoints follow the network's roles", () => {
  const cases: Record<
    string,
    {
      call: () => [string, string, unknown?];
      expect: Record<'convener' | 'member' | 'bystander', number | 'ok'>;
    }
  > = {
    listCohorts: {
      call: () => ['GET', '/api/network/cohorts'],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    createCohort: {
      call: () => [
        'POST',
        '/api/network/cohorts',
        { name: 'Another', focus: { custom: 'Family partnerships' }, goal: 'A goal' },
      ],
      expect: { convener: 'ok', member: 403, bystander: 403 },
    },
    startCohortCycle: {
      call: () => [
        'POST',
        `/api/network/cohorts/${cohortId}/cycles`,
        { focus: { area: 'student_engagement' }, goal: 'Next goal' },
      ],
      // A cohort one is not in answers like one that does not exist, as a team does.
      expect: { convener: 'ok', member: 403, bystander: 404 },
    },
    getGroup: {
      call: () => ['GET', `/api/groups/${cohortId}`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    teamHome: {
      call: () => ['GET', `/api/groups/${cohortId}/home`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    teamMemory: {
      call: () => ['GET', `/api/groups/${cohortId}/memory?kind=success`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    listMeetings: {
      call: () => ['GET', `/api/groups/${cohortId}/meetings`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    scheduleMeeting: {
      call: () => [
        'POST',
        `/api/groups/${cohortId}/meetings`,
        { title: 'Cohort session', routineId: 'problem-solve' },
      ],
      expect: { convener: 'ok', member: 403, bystander: 404 },
    },
    // MEASURE-NET-1: survey waves in the network: its conveners start them, for the network or some cohorts.
    listWaves: {
      call: () => ['GET', '/api/surveys/waves'],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    listInstruments: {
      call: () => ['GET', '/api/surveys/instruments'],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    mySurveys: {
      call: () => ['GET', '/api/me/surveys'],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    createWave: {
      call: () => ['POST', '/api/surveys/waves', waveBody({ kind: 'district' })],
      expect: { convener: 'ok', member: 403, bystander: 403 },
    },
    createCohortWave: {
      call: () => ['POST', '/api/surveys/waves', waveBody({ kind: 'teams', teamIds: [cohortId] })],
      expect: { convener: 'ok', member: 403, bystander: 403 },
    },
    createSchoolWave: {
      call: () => ['POST', '/api/surveys/waves', waveBody({ kind: 'school', schoolId: a.schoolId })],
      expect: { convener: 400, member: 400, bystander: 400 },
    },
    teamPulse: {
      call: () => ['GET', `/api/groups/${cohortId}/pulse`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    // SHARE-NET-*: the cohort's records are its members'; a copy shared with the network is every member's.
    shareReview: {
      call: () => ['GET', `/api/groups/${cohortId}/memory/${networkCopy.unsharedId}/share`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    pendingShares: {
      call: () => ['GET', `/api/groups/${cohortId}/shares/pending`],
      expect: { convener: 'ok', member: 'ok', bystander: 404 },
    },
    // SHARE-NET-1: no school in a network (the scope is checked before whose consent it is).
    proposeSchoolShare: {
      call: () => [
        'POST',
        `/api/groups/${cohortId}/memory/${networkCopy.unsharedId}/share`,
        {
          scope: 'school',
          draft: {
            kind: 'success',
            title: 'Kept in the cohort',
            story: 'Coaching cycles of ten minutes.',
            evidence: 'Feedback in every room.',
            whatWorked: 'Short cycles.',
            insight: 'Often beats long.',
            tags: { grade: null, subject: null, strategy: null, studentGroup: null },
          },
          authorConsent: false,
        },
      ],
      expect: { convener: 400, member: 400, bystander: 404 },
    },
    sharedLibrary: {
      call: () => ['GET', '/api/shared'],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    sharedCopy: {
      call: () => ['GET', `/api/shared/${networkCopy.shareId}`],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    markHelped: {
      call: () => ['PUT', `/api/shared/${networkCopy.shareId}/helped`],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    unmarkHelped: {
      call: () => ['DELETE', `/api/shared/${networkCopy.shareId}/helped`],
      expect: { convener: 'ok', member: 'ok', bystander: 'ok' },
    },
    markHelpedOnUnsharedRecord: {
      call: () => ['PUT', `/api/shared/${networkCopy.unsharedId}/helped`],
      expect: { convener: 404, member: 404, bystander: 404 },
    },
  };
  for (const [name, c] of Object.entries(cases)) {
    it.each(['convener', 'member', 'bystander'] as const)(`${name} as %s`, async (role) => {
      const [method, url, body] = c.call();
      const res = await inNet(clients[role], method, url, body);
      const want = c.expect[role];
      if (want === 'ok') expect(res.status, JSON.stringify(res.body)).toBe(200);
      else expect(res.status, JSON.stringify(res.body)).toBe(want);
    });
  }
});

describe("SHARE-NET-2: a network's shared copy, probed from outside", () => {
  it('nobody outside the network reads it or marks it, naming the network or not; members not naming it neither', async () => {
    const { shareId } = networkCopy;
    const probes: [string, string][] = [
      ['GET', `/api/shared/${shareId}`],
      ['PUT', `/api/shared/${shareId}/helped`],
      ['DELETE', `/api/shared/${shareId}/helped`],
    ];
    for (const [method, url] of probes) {
      for (const role of ['stranger', 'homeAdmin'] as const) {
        expect((await inNet(clients[role], method, url)).status, `${role} naming ${method} ${url}`).toBe(404);
        expect((await clients[role].request(method, url)).status, `${role} ${method} ${url}`).toBe(404);
      }
      for (const role of ['convener', 'member', 'bystander'] as const)
        expect((await clients[role].request(method, url)).status, `${role} unnamed ${method}`).toBe(404);
    }
    for (const role of ['stranger', 'homeAdmin', 'member'] as const) {
      const list = await clients[role].request('GET', '/api/shared');
      expect(JSON.stringify(list.body), role).not.toContain(shareId);
    }
  });
});

describe("NET-COHORT-3: a cohort runs on the groups' own endpoints", () => {
  it("NET-COHORT-3: a cohort is offered the leader-worded routines first, and its cycle's focus and goal are listed", async () => {
    const routines = await inNet(clients.member, 'GET', `/api/groups/${cohortId}/routines`);
    expect(routines.status).toBe(200);
    const items = (routines.body as { items: { id: string; for: string[] | null }[] }).items;
    expect(items[0]?.for).toContain('cohort');
    const cohorts = await inNet(clients.member, 'GET', '/api/network/cohorts');
    const mine = (
      cohorts.body as { items: { id: string; member: boolean; cycle: { focus: unknown; goal: string } }[] }
    ).items.find((c) => c.id === cohortId);
    // NET-MATRIX-3 (above) started its second cycle, on student engagement.
    expect(mine).toMatchObject({
      member: true,
      cycle: { number: 2, focus: { area: 'student_engagement' }, goal: 'Next goal' },
    });
  });
});

describe('SHARE-CARD-11: share cards of a cohort’s shared success, in the network', () => {
  it('SHARE-CARD-11: its author makes and unpublishes a card naming the network; nobody else does; the card is public', async () => {
    const db = t.database.db;
    const [row] = await db
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.homeUserId, a.memberId)));
    const authorRow = row!.userId;
    const [record] = await db
      .insert(memoryRecords)
      .values({
        districtId: networkId,
        groupId: cohortId,
        kind: 'success',
        authorId: authorRow,
        createdBy: authorRow,
        title: 'Coaching cycles',
        content: {
          kind: 'success',
          story: 'Short cycles.',
          evidence: 'e',
          whatWorked: 'w',
          insight: 'i',
          learned: 'l',
        },
        occurredAt: new Date(),
      })
      .returning();
    const tags = { grade: null, subject: null, strategy: null, studentGroup: null };
    const [share] = await db
      .insert(memoryShares)
      .values({
        districtId: networkId,
        recordId: record!.id,
        groupId: cohortId,
        scope: 'district',
        status: 'shared',
        kind: 'success',
        title: 'Coaching cycles',
        content: {
          kind: 'success',
          title: 'Coaching cycles',
          story: 'Short cycles.',
          evidence: 'e',
          whatWorked: 'w',
          insight: 'i',
          tags,
          teamName: 'Coaching cohort',
          schoolName: null,
        },
        proposedBy: authorRow,
        authorConsentAt: new Date(),
        sharedAt: new Date(),
      })
      .returning();
    const url = `/api/shared/${share!.id}/cards`;
    const body = {
      title: 'Coaching cycles',
      text: 'Short cycles work.',
      link: null,
      image: null,
      consent: true,
    };
    // Readers of the network's copy who are not its author: 403; outside the network or not naming it: 404.
    expect((await inNet(clients.convener, 'POST', url, body)).status).toBe(403);
    expect((await inNet(clients.bystander, 'POST', url, body)).status).toBe(403);
    expect((await inNet(clients.stranger, 'POST', url, body)).status).toBe(404);
    expect((await clients.member.request('POST', url, body)).status).toBe(404);
    expect((await clients.homeAdmin.request('POST', url, body)).status).toBe(404);
    const made = await inNet(clients.member, 'POST', url, body);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const cardId = (made.body as { id: string }).id;
    expect((await new Client(t.app).get(`/api/cards/${cardId}`)).status).toBe(200);
    expect(
      (await clients.homeAdmin.request('PATCH', `/api/cards/${cardId}`, { published: false })).status,
    ).toBe(404);
    expect(
      (await inNet(clients.convener, 'PATCH', `/api/cards/${cardId}`, { published: false })).status,
    ).toBe(403);
    expect((await inNet(clients.member, 'PATCH', `/api/cards/${cardId}`, { published: false })).status).toBe(
      200,
    );
    expect((await new Client(t.app).get(`/api/cards/${cardId}`)).status).toBe(404);
    // The network's own audit log (its tenant) holds it, with the member row as the actor.
    const audit = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, cardId))
      .orderBy(auditEvents.at);
    expect(audit.map((r) => [r.districtId, r.actorId, r.action])).toEqual([
      [networkId, authorRow, 'share_card.created'],
      [networkId, authorRow, 'share_card.unpublished'],
    ]);
  });
});

describe('NET-MATRIX-4: live cohort meetings over the socket', () => {
  const probes = socketProbes(() => t.app);
  beforeAll(() => probes.listen());
  afterAll(() => {
    probes.closeAll();
  });

  async function joinAs(role: Role, network: string | undefined, meetingId: string): Promise<string> {
    const { socket, connected } = await probes.connect(clients[role].cookie, network);
    if (connected !== 'connected') return connected;
    const ack: unknown = await socket
      .timeout(5_000)
      .emitWithAck(ClientEvents.join, { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq: 0 });
    socket.disconnect();
    return ackOutcome(ack);
  }

  it("a cohort's members join its live meeting naming the network; nobody else does, and never without naming it", async () => {
    const scheduled = await inNet(clients.convener, 'POST', `/api/groups/${cohortId}/meetings`, {
      title: 'Problem-solve',
      routineId: 'problem-solve',
    });
    const meetingId = (scheduled.body as { id: string }).id;
    expect((await inNet(clients.convener, 'POST', `/api/meetings/${meetingId}/open`)).status).toBe(200);
    expect(await joinAs('convener', networkId, meetingId)).toBe('ok');
    expect(await joinAs('member', networkId, meetingId)).toBe('ok');
    expect(await joinAs('bystander', networkId, meetingId)).toBe('not_found');
    expect(await joinAs('stranger', networkId, meetingId)).toBe('unauthenticated');
    expect(await joinAs('homeAdmin', networkId, meetingId)).toBe('unauthenticated');
    // As their district's account, the cohort's meeting is another tenant's: not found.
    expect(await joinAs('member', undefined, meetingId)).toBe('not_found');
    expect(await joinAs('homeAdmin', undefined, meetingId)).toBe('not_found');
    // And the member's own district meeting is not reached through the network.
    expect(await joinAs('member', networkId, a.meetingId)).toBe('not_found');
    const [row] = await t.database.db
      .select()
      .from(networkMembers)
      .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.homeUserId, a.memberId)));
    expect(row?.status).toBe('active');
  });
});
