/**
 * Book studies (issue 14, BOOK-1..8): a district team and a network cohort each run one. Private reflections reach
 * nobody but their author (other members, facilitators, conveners, district admins); shared ones reach the group;
 * outsiders and another tenant get 404; the iCalendar feed, read back with ical.js under a host zone far from
 * the group's (Pacific/Auckland), has the sessions at their local times in the group's zone and the read-by days
 * as all-day events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { and, eq, inArray } from 'drizzle-orm';
import { NETWORK_HEADER } from '#contracts/networks';
import type { BookReflection, BookStudyDetail, BookStudyList, BookStudySummary } from '#contracts/book-study';
import type { MeetingSummary } from '#contracts/meetings-api';
import { createAccount } from '../auth/accounts';
import { bookStudies, districts, groupMembers, groups, schoolRoles, schools } from '../db/schema';
import { wallTime } from '../calendar/testing';
import { totalMinutes } from '#core/routines/index';
import { loadShippedRoutines } from '../routines/catalog';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

// The host's zone is far from every group's: a feed that wrote host wall-clock times would be off by many hours.
const HOST_TZ = 'Pacific/Auckland';
const hostTzBefore = process.env.TZ;
process.env.TZ = HOST_TZ;

let t: TestApp;
/** District A: team A1 (school A1 in Los Angeles time; the district is in Chicago time). */
let team: Record<'facilitator' | 'member1' | 'member2' | 'leader' | 'admin' | 'outsider', Client>;
let teamId: string;
/** The network (Denver time) and its cohort: convened by district B's admin; principals of A and B in it. */
let networkId: string;
let cohortId: string;
let net: Record<'convener' | 'principalA' | 'principalB' | 'bystander', Client>;
/** District A's admin and another tenant's admin, naming the network (neither is in it). */
let homeAdminA: Client;
let foreign: Client;

async function account(
  districtId: string,
  email: string,
  schoolId: string | null,
  role: 'school_leader' | 'staff' | null,
) {
  const user = await createAccount(t.database.db, {
    districtId,
    email,
    name: email.split('@')[0] ?? email,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  if (schoolId && role)
    await t.database.db.insert(schoolRoles).values({ districtId, schoolId, userId: user.id, role });
  return user;
}

const shipped = loadShippedRoutines();
const minutesOf = (id: string) => totalMinutes(shipped.get(id) ?? { steps: [] });

const inNet = <T = unknown>(c: Client, method: string, url: string, body?: unknown) =>
  c.request<T>(method, url, body, { [NETWORK_HEADER]: networkId });

const sections = () => [
  {
    title: 'Part one',
    pages: 'Chapters 1-3',
    readBy: '2027-03-08',
    // Before the US change to daylight time (14 March): PST.
    sessionAt: '2027-03-09T16:00',
    routineId: 'share-successes',
    prompts: ['What surprised you?', 'Where did you see this at school?'],
  },
  {
    title: 'Part two 📚 中文',
    pages: 'Chapters 4-6',
    readBy: '2027-03-15',
    // After it: PDT.
    sessionAt: '2027-03-16T16:00',
    routineId: 'problem-solve',
    prompts: [],
  },
  { title: 'Part three', pages: 'Chapters 7-9', readBy: '2027-03-22' },
];

const newStudy = () => ({
  title: 'Collective Efficacy',
  authors: ['Jenni Donohoo'],
  isbn: '978-0-306-40615-7',
  sections: sections(),
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await createDistrictWithAdmin(t, 'District A', 'admin@a.book');
  const b = await createDistrictWithAdmin(t, 'District B', 'admin@b.book');
  const c = await createDistrictWithAdmin(t, 'District C', 'admin@c.book');
  await db.update(districts).set({ timeZone: 'America/Chicago' }).where(eq(districts.id, a.district.id));
  // The network takes its convener's district's zone when it is made (networks/routes.ts).
  await db.update(districts).set({ timeZone: 'America/Denver' }).where(eq(districts.id, b.district.id));
  const [s1] = await db
    .insert(schools)
    .values({ districtId: a.district.id, name: 'A1', timeZone: 'America/Los_Angeles' })
    .returning();
  const [s2] = await db.insert(schools).values({ districtId: a.district.id, name: 'A2' }).returning();
  const [sb] = await db.insert(schools).values({ districtId: b.district.id, name: 'B1' }).returning();
  const [g] = await db
    .insert(groups)
    .values({
      districtId: a.district.id,
      schoolId: s1!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Team A1',
    })
    .returning();
  teamId = g!.id;
  const facilitator = await account(a.district.id, 'fac@a.book', s1!.id, 'staff');
  const member1 = await account(a.district.id, 'm1@a.book', s1!.id, 'staff');
  const member2 = await account(a.district.id, 'm2@a.book', s1!.id, 'staff');
  const leader = await account(a.district.id, 'leader@a.book', s1!.id, 'school_leader');
  const outsider = await account(a.district.id, 'out@a.book', s1!.id, 'staff');
  const principalA = await account(a.district.id, 'principal@a.book', s2!.id, 'school_leader');
  const principalB = await account(b.district.id, 'principal@b.book', sb!.id, 'school_leader');
  const bystander = await account(b.district.id, 'bystander@b.book', sb!.id, 'school_leader');
  await db.insert(groupMembers).values([
    { districtId: a.district.id, groupId: teamId, userId: facilitator.id, role: 'facilitator' },
    { districtId: a.district.id, groupId: teamId, userId: member1.id, role: 'member' },
    { districtId: a.district.id, groupId: teamId, userId: member2.id, role: 'member' },
  ]);
  team = {
    facilitator: await signedInClient(t, facilitator),
    member1: await signedInClient(t, member1),
    member2: await signedInClient(t, member2),
    leader: await signedInClient(t, leader),
    admin: a.client,
    outsider: await signedInClient(t, outsider),
  };
  homeAdminA = a.client;
  foreign = c.client;

  // The network, as network-matrix.test.ts makes it: B's admin convenes, principals ask, the convener approves.
  const created = await b.client.post<{ id: string }>('/api/networks', {
    name: 'Readers',
    visibility: 'listed',
  });
  expect(created.status).toBe(200);
  networkId = created.body.id;
  net = {
    convener: b.client,
    principalA: await signedInClient(t, principalA),
    principalB: await signedInClient(t, principalB),
    bystander: await signedInClient(t, bystander),
  };
  for (const p of [net.principalA, net.principalB, net.bystander])
    expect(
      (await p.post(`/api/networks/${networkId}/join-requests`, { shown: { name: 'Principal' } })).status,
    ).toBe(200);
  const requests = await inNet<{ items: { id: string }[] }>(
    net.convener,
    'GET',
    '/api/network/join-requests',
  );
  for (const r of requests.body.items)
    expect((await inNet(net.convener, 'POST', `/api/network/join-requests/${r.id}/approve`, {})).status).toBe(
      200,
    );
  const cohort = await inNet<{ id: string }>(net.convener, 'POST', '/api/network/cohorts', {
    name: 'Book cohort',
    focus: { area: 'teacher_coaching' },
    goal: 'Read and try one idea a month',
  });
  expect(cohort.status).toBe(200);
  cohortId = cohort.body.id;
  for (const p of [net.principalA, net.principalB])
    expect((await inNet(p, 'POST', `/api/network/cohorts/${cohortId}/join`)).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  if (hostTzBefore === undefined) delete process.env.TZ;
  else process.env.TZ = hostTzBefore;
});

describe('BOOK-1: a district team and a network cohort each run a book study', () => {
  let studyId: string;
  let cohortStudyId: string;

  it('BOOK-1: the team facilitator starts a study; the ISBN is stored without hyphens; sessions are in the school zone', async () => {
    const res = await team.facilitator.post<BookStudyDetail>(
      `/api/groups/${teamId}/book-studies`,
      newStudy(),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    studyId = res.body.id;
    expect(res.body).toMatchObject({
      title: 'Collective Efficacy',
      authors: ['Jenni Donohoo'],
      isbn: '9780306406157',
      sectionCount: 3,
      firstReadBy: '2027-03-08',
      lastReadBy: '2027-03-22',
      timeZone: 'America/Los_Angeles',
      group: { id: teamId, kind: 'teacher_team' },
      can: { manage: true, reflect: true },
    });
    expect(
      res.body.sections.map((s) => [s.position, s.title, s.sessionAt, s.routineId, s.prompts.length]),
    ).toEqual([
      [0, 'Part one', '2027-03-09T16:00', 'share-successes', 2],
      [1, 'Part two 📚 中文', '2027-03-16T16:00', 'problem-solve', 0],
      [2, 'Part three', null, null, 0],
    ]);
  });

  it('BOOK-1: whoever reads the team lists its studies; its members read one; its leader and admin do not read it (403); others get 404', async () => {
    for (const c of [team.member1, team.facilitator, team.leader, team.admin]) {
      const list = await c.get<{ items: BookStudySummary[] }>(`/api/groups/${teamId}/book-studies`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((s) => s.id)).toEqual([studyId]);
    }
    expect((await team.member1.get(`/api/book-studies/${studyId}`)).status).toBe(200);
    expect((await team.leader.get(`/api/book-studies/${studyId}`)).status).toBe(403);
    expect((await team.admin.get(`/api/book-studies/${studyId}`)).status).toBe(403);
    for (const c of [team.outsider, foreign]) {
      expect((await c.get(`/api/groups/${teamId}/book-studies`)).status).toBe(404);
      expect((await c.get(`/api/book-studies/${studyId}`)).status).toBe(404);
      expect((await c.get(`/api/book-studies/${studyId}/calendar.ics`)).status).toBe(404);
    }
    // Naming the network, a district's study is not there, even for its own members.
    expect((await inNet(net.principalA, 'GET', `/api/book-studies/${studyId}`)).status).toBe(404);
  });

  it('BOOK-WEB-1: the list says who may start a study: those who run the team (facilitator, its school leader, the admin), not a member', async () => {
    const mayStart = async (c: Client) =>
      (await c.get<BookStudyList>(`/api/groups/${teamId}/book-studies`)).body.can.start;
    expect(await mayStart(team.facilitator)).toBe(true);
    expect(await mayStart(team.leader)).toBe(true);
    expect(await mayStart(team.admin)).toBe(true);
    expect(await mayStart(team.member1)).toBe(false);
    const inCohort = async (c: Client) =>
      (await inNet<BookStudyList>(c, 'GET', `/api/groups/${cohortId}/book-studies`)).body.can.start;
    expect(await inCohort(net.convener)).toBe(true);
    expect(await inCohort(net.principalA)).toBe(false);
  });

  it('BOOK-WEB-1: each listed study names its next read-by day from today on in the group zone (none once all have passed)', async () => {
    const start = async (days: string[]) =>
      (
        await team.facilitator.post<BookStudyDetail>(`/api/groups/${teamId}/book-studies`, {
          title: 'Days',
          authors: ['A. Writer'],
          sections: days.map((readBy, i) => ({ title: `Part ${i + 1}`, readBy })),
        })
      ).body;
    const mixed = await start(['2020-01-06', '2020-01-13', '2099-01-05', '2099-01-12']);
    const past = await start(['2020-01-06']);
    try {
      expect(mixed.nextReadBy).toBe('2099-01-05');
      expect(past.nextReadBy).toBeNull();
      const list = await team.member1.get<BookStudyList>(`/api/groups/${teamId}/book-studies`);
      const next = new Map(list.body.items.map((x) => [x.id, x.nextReadBy]));
      expect(next.get(mixed.id)).toBe('2099-01-05');
      expect(next.get(past.id)).toBeNull();
      expect(next.get(studyId)).toBe('2027-03-08');
    } finally {
      await t.database.db.delete(bookStudies).where(inArray(bookStudies.id, [mixed.id, past.id]));
    }
  });

  it('BOOK-1: a member who does not run the team cannot start a study (403)', async () => {
    expect((await team.member1.post(`/api/groups/${teamId}/book-studies`, newStudy())).status).toBe(403);
  });

  it('BOOK-1: the convener starts a study in the cohort, in the network zone; its members read it naming the network, nobody else', async () => {
    const res = await inNet<BookStudyDetail>(net.convener, 'POST', `/api/groups/${cohortId}/book-studies`, {
      ...newStudy(),
      isbn: '0-8044-2957-X',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    cohortStudyId = res.body.id;
    expect(res.body).toMatchObject({
      isbn: '080442957X',
      timeZone: 'America/Denver',
      group: { kind: 'cohort' },
    });
    const read = await inNet<BookStudyDetail>(net.principalA, 'GET', `/api/book-studies/${cohortStudyId}`);
    expect(read.status).toBe(200);
    expect(read.body.can).toEqual({ manage: false, reflect: true });
    // A network member outside the cohort, the same principal not naming the network, district admins, another tenant.
    expect((await inNet(net.bystander, 'GET', `/api/book-studies/${cohortStudyId}`)).status).toBe(404);
    expect((await net.principalA.get(`/api/book-studies/${cohortStudyId}`)).status).toBe(404);
    expect((await homeAdminA.get(`/api/book-studies/${cohortStudyId}`)).status).toBe(404);
    expect((await inNet(homeAdminA, 'GET', `/api/book-studies/${cohortStudyId}`)).status).toBe(404);
    expect((await inNet(foreign, 'GET', `/api/groups/${cohortId}/book-studies`)).status).toBe(404);
    expect(
      (await inNet(net.principalA, 'POST', `/api/groups/${cohortId}/book-studies`, newStudy())).status,
    ).toBe(403);
  });

  describe('BOOK-3: reflections', () => {
    const detailAs = async (c: Client, id: string, network = false) => {
      const res = network
        ? await inNet<BookStudyDetail>(c, 'GET', `/api/book-studies/${id}`)
        : await c.get<BookStudyDetail>(`/api/book-studies/${id}`);
      return { status: res.status, body: res.body, text: JSON.stringify(res.body) };
    };

    it('BOOK-3: a private reflection reaches its author only; a shared one reaches the group; the author shares it later', async () => {
      const study = (await detailAs(team.member1, studyId)).body;
      const sectionId = study.sections[0]!.id;
      const url = `/api/book-studies/${studyId}/sections/${sectionId}/reflections`;
      const secret = await team.member1.post<BookReflection>(url, { text: 'Private thought of member one' });
      expect(secret.status).toBe(200);
      expect(secret.body).toMatchObject({ visibility: 'private', sharedAt: null, mine: true });
      const shared = await team.member2.post<BookReflection>(url, {
        text: 'Shared idea of member two',
        visibility: 'shared',
      });
      expect(shared.body).toMatchObject({ visibility: 'shared', mine: true });

      const mine = await detailAs(team.member1, studyId);
      expect(mine.body.sections[0]!.reflections.map((r) => [r.text, r.visibility, r.mine])).toEqual([
        ['Private thought of member one', 'private', true],
        ['Shared idea of member two', 'shared', false],
      ]);
      for (const other of [team.member2, team.facilitator]) {
        const seen = await detailAs(other, studyId);
        expect(seen.status).toBe(200);
        expect(seen.body.sections[0]!.reflections.map((r) => r.text)).toEqual(['Shared idea of member two']);
        expect(seen.text).not.toContain('Private thought');
      }
      // Those who lead the team without being in it, outsiders and another tenant: nothing of it.
      for (const other of [team.leader, team.admin, team.outsider, foreign]) {
        const seen = await detailAs(other, studyId);
        expect([403, 404]).toContain(seen.status);
        expect(seen.text).not.toContain('Private thought');
        expect(seen.text).not.toContain('Shared idea');
        const list = await other.get(`/api/groups/${teamId}/book-studies`);
        expect(JSON.stringify(list.body)).not.toContain('Private thought');
      }
      // Nobody else can share it (it does not exist for them); its author can.
      for (const other of [team.member2, team.facilitator, team.leader, team.admin, team.outsider, foreign])
        expect((await other.post(`/api/book-reflections/${secret.body.id}/share`)).status).toBe(404);
      const now = await team.member1.post<BookReflection>(`/api/book-reflections/${secret.body.id}/share`);
      expect(now.status).toBe(200);
      expect(now.body.visibility).toBe('shared');
      expect(now.body.sharedAt).not.toBeNull();
      const after = await detailAs(team.member2, studyId);
      expect(after.body.sections[0]!.reflections.map((r) => [r.text, r.author.name])).toEqual([
        ['Private thought of member one', 'm1'],
        ['Shared idea of member two', 'm2'],
      ]);
    });

    it('BOOK-3: only members write reflections (a leader is refused, an outsider gets 404); a section of another study is 404', async () => {
      const study = (await detailAs(team.member1, studyId)).body;
      const url = `/api/book-studies/${studyId}/sections/${study.sections[1]!.id}/reflections`;
      expect((await team.leader.post(url, { text: 'x' })).status).toBe(403);
      expect((await team.outsider.post(url, { text: 'x' })).status).toBe(404);
      const cohortStudy = (await detailAs(net.principalA, cohortStudyId, true)).body;
      expect(
        (
          await team.member1.post(
            `/api/book-studies/${studyId}/sections/${cohortStudy.sections[0]!.id}/reflections`,
            { text: 'x' },
          )
        ).status,
      ).toBe(404);
    });

    it('BOOK-3: in the cohort, a principal’s private reflection reaches neither the convener, nor the other principal, nor any district admin', async () => {
      const study = (await detailAs(net.principalA, cohortStudyId, true)).body;
      const url = `/api/book-studies/${cohortStudyId}/sections/${study.sections[0]!.id}/reflections`;
      const secret = await inNet<BookReflection>(net.principalA, 'POST', url, {
        text: 'Only mine, in the cohort',
      });
      expect(secret.status).toBe(200);
      const open = await inNet<BookReflection>(net.principalB, 'POST', url, {
        text: 'For the cohort',
        visibility: 'shared',
      });
      expect(open.status).toBe(200);
      expect(JSON.stringify((await detailAs(net.principalA, cohortStudyId, true)).body)).toContain(
        'Only mine, in the cohort',
      );
      for (const other of [net.convener, net.principalB]) {
        const seen = await detailAs(other, cohortStudyId, true);
        expect(seen.status).toBe(200);
        expect(seen.text).toContain('For the cohort');
        expect(seen.text).not.toContain('Only mine');
      }
      for (const [c, network] of [
        [net.bystander, true],
        [homeAdminA, true],
        [homeAdminA, false],
        [net.convener, false],
        [foreign, true],
      ] as const) {
        const seen = await detailAs(c, cohortStudyId, network);
        expect(seen.status).toBe(404);
        expect(seen.text).not.toContain('Only mine');
      }
      for (const c of [net.convener, net.principalB])
        expect((await inNet(c, 'POST', `/api/book-reflections/${secret.body.id}/share`)).status).toBe(404);
    });
  });

  describe('BOOK-4: the sections and schedule are replaced as a whole', () => {
    it('BOOK-4: kept sections keep their reflections, new ones are added, one left out is removed; the calendar SEQUENCE grows', async () => {
      const before = (await team.facilitator.get<BookStudyDetail>(`/api/book-studies/${studyId}`)).body;
      const [one, two] = before.sections;
      const [row] = await t.database.db.select().from(bookStudies).where(eq(bookStudies.id, studyId));
      const res = await team.facilitator.put<BookStudyDetail>(`/api/book-studies/${studyId}/sections`, {
        sections: [
          { ...sections()[0], id: one!.id, title: 'Part one (revised)' },
          { ...sections()[1], id: two!.id },
          { title: 'Part three and four', pages: 'Chapters 7-12', readBy: '2027-03-29' },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.sections.map((s) => s.title)).toEqual([
        'Part one (revised)',
        'Part two 📚 中文',
        'Part three and four',
      ]);
      expect(res.body.sections[0]!.id).toBe(one!.id);
      expect(res.body.sections[0]!.reflections.length).toBe(2);
      const [after] = await t.database.db.select().from(bookStudies).where(eq(bookStudies.id, studyId));
      expect(after!.sequence).toBe(row!.sequence + 1);
    });

    it('BOOK-4: leaving out a section with reflections, or naming a section of nothing, is a 400 naming the field', async () => {
      const before = (await team.facilitator.get<BookStudyDetail>(`/api/book-studies/${studyId}`)).body;
      const dropOne = await team.facilitator.put(`/api/book-studies/${studyId}/sections`, {
        sections: [{ ...sections()[1], id: before.sections[1]!.id }],
      });
      expect(dropOne.status).toBe(400);
      expect(JSON.stringify(dropOne.body)).toContain('"path":"sections"');
      const unknown = await team.facilitator.put(`/api/book-studies/${studyId}/sections`, {
        sections: [{ ...sections()[0], id: cohortId }],
      });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('"path":"sections.0.id"');
      expect(
        (await team.member1.put(`/api/book-studies/${studyId}/sections`, { sections: sections() })).status,
      ).toBe(403);
      const still = (await team.facilitator.get<BookStudyDetail>(`/api/book-studies/${studyId}`)).body;
      expect(still.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
    });
  });
});

describe('BOOK-2: bad input is a 400 naming the field, and nothing is written', () => {
  const cases: [string, (b: ReturnType<typeof newStudy>) => unknown, string][] = [
    ['a wrong ISBN check digit', (b) => ({ ...b, isbn: '978-0-306-40615-8' }), 'isbn'],
    ['an ISBN of the wrong length', (b) => ({ ...b, isbn: '978-0-306' }), 'isbn'],
    ['no author', (b) => ({ ...b, authors: [] }), 'authors'],
    ['eleven authors', (b) => ({ ...b, authors: Array.from({ length: 11 }, (_, i) => `A${i}`) }), 'authors'],
    ['an empty title', (b) => ({ ...b, title: '  ' }), 'title'],
    ['no section', (b) => ({ ...b, sections: [] }), 'sections'],
    [
      'nine prompts',
      (b) => ({ ...b, sections: [{ ...b.sections[0], prompts: Array.from({ length: 9 }, () => 'Why?') }] }),
      'sections.0.prompts',
    ],
    [
      'a read-by day before the previous one',
      (b) => ({ ...b, sections: [b.sections[1], b.sections[0]] }),
      'sections.1.readBy',
    ],
    [
      'a session time that is not a local date-time',
      (b) => ({ ...b, sections: [{ ...b.sections[0], sessionAt: '2027-03-09T16:00:00Z' }] }),
      'sections.0.sessionAt',
    ],
    [
      'a routine the group cannot run',
      (b) => ({ ...b, sections: [{ ...b.sections[0], routineId: 'no-such-routine' }] }),
      'sections.0.routineId',
    ],
    [
      'a routine without a session',
      (b) => ({ ...b, sections: [{ ...b.sections[0], sessionAt: null }] }),
      'sections.0.routineId',
    ],
    ['an unknown field', (b) => ({ ...b, surprise: 1 }), 'surprise'],
  ];
  it.each(cases)('BOOK-2: %s', async (_, change, field) => {
    const count = async () =>
      (await t.database.db.select().from(bookStudies).where(eq(bookStudies.groupId, teamId))).length;
    const before = await count();
    const res = await team.facilitator.post(`/api/groups/${teamId}/book-studies`, change(newStudy()));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const body = res.body as { error: { fields?: { path: string }[] } };
    expect(JSON.stringify(body)).toContain(field);
    expect((body.error.fields ?? []).map((f) => f.path)).toContain(field);
    expect(await count()).toBe(before);
  });
  it('BOOK-2: an empty reflection is a 400 naming `text`', async () => {
    const study = (await team.member1.get<{ items: { id: string }[] }>(`/api/groups/${teamId}/book-studies`))
      .body.items[0]!;
    const detail = (await team.member1.get<BookStudyDetail>(`/api/book-studies/${study.id}`)).body;
    const res = await team.member1.post(
      `/api/book-studies/${study.id}/sections/${detail.sections[0]!.id}/reflections`,
      { text: ' ', visibility: 'secret' },
    );
    expect(res.status).toBe(400);
    const paths = ((res.body as { error: { fields?: { path: string }[] } }).error.fields ?? []).map(
      (f) => f.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['text', 'visibility']));
  });
});

describe('BOOK-5: a section session is scheduled as a meeting of the group with its routine', () => {
  let studyId: string;
  let detail: BookStudyDetail;
  beforeAll(async () => {
    const res = await team.facilitator.post<BookStudyDetail>(`/api/groups/${teamId}/book-studies`, {
      ...newStudy(),
      title: 'Second book',
    });
    studyId = res.body.id;
    detail = res.body;
  });

  it('BOOK-5: the meeting runs the section routine at the session time in the school zone; the team lists it; twice is a 409', async () => {
    const section = detail.sections[1]!;
    expect(
      (await team.member1.post(`/api/book-studies/${studyId}/sections/${section.id}/meeting`)).status,
    ).toBe(403);
    const res = await team.facilitator.post<MeetingSummary>(
      `/api/book-studies/${studyId}/sections/${section.id}/meeting`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 16:00 on 16 March 2027 in Los Angeles (PDT, UTC-7).
    expect(res.body).toMatchObject({
      title: 'Second book: Part two 📚 中文',
      scheduledFor: '2027-03-16T23:00:00.000Z',
      status: 'scheduled',
      groupId: teamId,
    });
    expect(res.body.agenda.map((a) => a.routineId)).toEqual(['problem-solve']);
    const listed = await team.member1.get<{ items: { id: string }[] }>(`/api/groups/${teamId}/meetings`);
    expect(listed.body.items.map((m) => m.id)).toContain(res.body.id);
    const after = (await team.member1.get<BookStudyDetail>(`/api/book-studies/${studyId}`)).body;
    expect(after.sections[1]!.meetingId).toBe(res.body.id);
    expect(
      (await team.facilitator.post(`/api/book-studies/${studyId}/sections/${section.id}/meeting`)).status,
    ).toBe(409);
    // A section with no session is not scheduled.
    expect(
      (await team.facilitator.post(`/api/book-studies/${studyId}/sections/${detail.sections[2]!.id}/meeting`))
        .status,
    ).toBe(409);
  });

  it('BOOK-5: moving the session in the schedule moves its meeting while nobody has opened it', async () => {
    const current = (await team.facilitator.get<BookStudyDetail>(`/api/book-studies/${studyId}`)).body;
    const res = await team.facilitator.put<BookStudyDetail>(`/api/book-studies/${studyId}/sections`, {
      sections: current.sections.map((s) => ({
        id: s.id,
        title: s.title,
        pages: s.pages,
        readBy: s.readBy,
        sessionAt: s.position === 1 ? '2027-03-17T07:30' : s.sessionAt,
        routineId: s.routineId,
        prompts: s.prompts,
      })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const meeting = await team.member1.get<MeetingSummary>(`/api/meetings/${current.sections[1]!.meetingId}`);
    expect(meeting.body.scheduledFor).toBe('2027-03-17T14:30:00.000Z');
  });

  it('BOOK-5: another routine re-plans the meeting, and dropping the session cancels it', async () => {
    const current = (await team.facilitator.get<BookStudyDetail>(`/api/book-studies/${studyId}`)).body;
    const meetingUrl = `/api/meetings/${current.sections[1]!.meetingId}`;
    const replace = (change: (s: BookStudyDetail['sections'][number]) => object) =>
      team.facilitator.put<BookStudyDetail>(`/api/book-studies/${studyId}/sections`, {
        sections: current.sections.map((s) => ({
          id: s.id,
          title: s.title,
          pages: s.pages,
          readBy: s.readBy,
          sessionAt: s.sessionAt,
          routineId: s.routineId,
          prompts: s.prompts,
          ...(s.position === 1 ? change(s) : {}),
        })),
      });
    expect((await replace(() => ({ routineId: 'share-successes' }))).status).toBe(200);
    const replanned = await team.member1.get<MeetingSummary>(meetingUrl);
    expect(replanned.body.agenda.map((a) => a.routineId)).toEqual(['share-successes']);
    expect(replanned.body.scheduledFor).toBe('2027-03-17T14:30:00.000Z');
    expect((await replace(() => ({ sessionAt: null, routineId: null }))).status).toBe(200);
    expect((await team.member1.get<MeetingSummary>(meetingUrl)).body.status).toBe('cancelled');
  });

  it('BOOK-5: in the cohort the convener schedules a session in the network zone (Denver)', async () => {
    const created = await inNet<BookStudyDetail>(
      net.convener,
      'POST',
      `/api/groups/${cohortId}/book-studies`,
      {
        ...newStudy(),
        title: 'Cohort second book',
        sections: [{ ...sections()[0], routineId: 'problem-solve' }],
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const url = `/api/book-studies/${created.body.id}/sections/${created.body.sections[0]!.id}/meeting`;
    expect((await inNet(net.principalA, 'POST', url)).status).toBe(403);
    const res = await inNet<MeetingSummary>(net.convener, 'POST', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 16:00 on 9 March 2027 in Denver (MST, UTC-7).
    expect(res.body.scheduledFor).toBe('2027-03-09T23:00:00.000Z');
    const members = await inNet<{ items: { id: string }[] }>(
      net.principalB,
      'GET',
      `/api/groups/${cohortId}/meetings`,
    );
    expect(members.body.items.map((m) => m.id)).toContain(res.body.id);
  });
});

describe('BOOK-6: the study calendar, read back with ical.js under a far host zone', () => {
  const feedOf = async (c: Client, id: string, network = false) => {
    const res = network
      ? await inNet<string>(c, 'GET', `/api/book-studies/${id}/calendar.ics`)
      : await c.get<string>(`/api/book-studies/${id}/calendar.ics`);
    return res;
  };
  const studyIn = async (c: Client, groupId: string, network = false) => {
    const res = network
      ? await inNet<{ items: BookStudySummary[] }>(c, 'GET', `/api/groups/${groupId}/book-studies`)
      : await c.get<{ items: BookStudySummary[] }>(`/api/groups/${groupId}/book-studies`);
    return res.body.items.find((s) => s.title === 'Collective Efficacy')!.id;
  };

  it('BOOK-6: the test really runs with the host in Auckland', () => {
    expect(process.env.TZ).toBe(HOST_TZ);
    // 1 January is summer in Auckland: UTC+13.
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(-13 * 60);
  });

  it('BOOK-6: sessions are at their local times in the school zone across the change to daylight time, with its VTIMEZONE; read-by days are all-day', async () => {
    const id = await studyIn(team.member1, teamId);
    const res = await feedOf(team.member1, id);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/calendar');
    const text = res.body;
    const cal = ICAL.Component.fromString(text);
    const zone = cal.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('America/Los_Angeles');
    expect(text).toContain('X-WR-TIMEZONE:America/Los_Angeles');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const sessions = events.filter((e) => !e.startDate.isDate);
    const allDay = events.filter((e) => e.startDate.isDate);
    expect(
      sessions.map((e) => [
        e.summary,
        wallTime(e.startDate),
        e.startDate.zone.tzid,
        e.startDate.toJSDate().toISOString(),
        e.duration.toSeconds() / 60,
      ]),
    ).toEqual([
      // Each as long as its routine, both at 16:00 local: 8 hours behind UTC (PST), then 7 (PDT).
      [
        'Collective Efficacy: Part one (revised) (Share Successes)',
        '2027-03-09 16:00',
        'America/Los_Angeles',
        '2027-03-10T00:00:00.000Z',
        minutesOf('share-successes'),
      ],
      [
        'Collective Efficacy: Part two 📚 中文 (Problem-Solve Collaboratively)',
        '2027-03-16 16:00',
        'America/Los_Angeles',
        '2027-03-16T23:00:00.000Z',
        minutesOf('problem-solve'),
      ],
    ]);
    expect(text).toContain('DTSTART;TZID=America/Los_Angeles:20270309T160000');
    expect(allDay.map((e) => [e.summary, e.startDate.toString(), e.endDate.toString()])).toEqual([
      ['Read by today: Part one (revised)', '2027-03-08', '2027-03-09'],
      ['Read by today: Part two 📚 中文', '2027-03-15', '2027-03-16'],
      ['Read by today: Part three and four', '2027-03-29', '2027-03-30'],
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20270308');
    // The prompts are in the description; every event has SEQUENCE, STATUS and a UTC DTSTAMP.
    expect(events[0]!.description).toContain('What surprised you?');
    for (const v of cal.getAllSubcomponents('vevent')) {
      expect(v.hasProperty('sequence')).toBe(true);
      expect(String(v.getFirstPropertyValue('dtstamp'))).toMatch(/Z$/);
    }
    // Folded by octets, never inside a character.
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
  });

  it('BOOK-6: the cohort feed is in the network zone (Denver), for the cohort members naming the network only', async () => {
    const id = await studyIn(net.principalB, cohortId, true);
    const res = await feedOf(net.principalB, id, true);
    expect(res.status).toBe(200);
    const cal = ICAL.Component.fromString(res.body);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('America/Denver');
    const first = cal
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => !e.startDate.isDate)!;
    expect(wallTime(first.startDate)).toBe('2027-03-09 16:00');
    expect(first.startDate.toJSDate().toISOString()).toBe('2027-03-09T23:00:00.000Z');
    for (const [c, network] of [
      [net.bystander, true],
      [net.principalB, false],
      [homeAdminA, true],
      [foreign, true],
    ] as const)
      expect((await feedOf(c, id, network)).status).toBe(404);
  });

  it('BOOK-6: text typed into a section cannot inject calendar lines', async () => {
    const res = await team.facilitator.post<BookStudyDetail>(`/api/groups/${teamId}/book-studies`, {
      title: 'Evil\r\nBEGIN:VEVENT',
      authors: ['A;B,C\\D'],
      sections: [{ title: 'X\rSUMMARY:injected', readBy: '2027-04-01', prompts: ['Line\r\nEND:VCALENDAR'] }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const feed = await feedOf(team.facilitator, res.body.id);
    const lines = feed.body.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.filter((l) => l === 'END:VCALENDAR')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('SUMMARY:injected'))).toBe(false);
    const event = new ICAL.Event(ICAL.Component.fromString(feed.body).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Read by today: X\nSUMMARY:injected');
  });

  it('BOOK-6: the feed follows membership: the leader is refused, the outsider and another tenant get 404', async () => {
    const id = await studyIn(team.member1, teamId);
    expect((await feedOf(team.leader, id)).status).toBe(403);
    expect((await feedOf(team.outsider, id)).status).toBe(404);
    expect((await feedOf(foreign, id)).status).toBe(404);
    const [row] = await t.database.db
      .select()
      .from(bookStudies)
      .where(and(eq(bookStudies.id, id), eq(bookStudies.groupId, teamId)));
    expect(row?.title).toBe('Collective Efficacy');
  });
});

describe('CAL-ITEMS-1: book studies in the person and team calendar feeds', () => {
  /** The UIDs of a feed made by `c` at `path` (a new secret link), read back with ical.js. */
  const feedUids = async (c: Client, path: string) => {
    const made = await c.post<{ url: string }>(path);
    expect(made.status).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: new URL(made.body.url).pathname,
      headers: { host: TEST_HOST },
    });
    expect(res.statusCode).toBe(200);
    return new Set(
      ICAL.Component.fromString(res.body)
        .getAllSubcomponents('vevent')
        .map((v) => String(v.getFirstPropertyValue('uid'))),
    );
  };
  const studiesOf = async (c: Client, groupId: string, network = false) => {
    const list = network
      ? await inNet<BookStudyList>(c, 'GET', `/api/groups/${groupId}/book-studies`)
      : await c.get<BookStudyList>(`/api/groups/${groupId}/book-studies`);
    const out: BookStudyDetail[] = [];
    for (const s of list.body.items) {
      const d = network
        ? await inNet<BookStudyDetail>(c, 'GET', `/api/book-studies/${s.id}`)
        : await c.get<BookStudyDetail>(`/api/book-studies/${s.id}`);
      out.push(d.body);
    }
    return out;
  };

  it('CAL-ITEMS-1: a member’s own and team feeds carry every read-by day and each session not yet a meeting (the meeting stands for it), with the study calendar’s UIDs', async () => {
    const studies = await studiesOf(team.member1, teamId);
    const sections = studies.flatMap((s) => s.sections);
    expect(sections.some((x) => x.meetingId !== null)).toBe(true);
    expect(sections.some((x) => x.sessionAt !== null && x.meetingId === null)).toBe(true);
    const own = await feedUids(team.member1, '/api/me/calendar-feed');
    const teamFeed = await feedUids(team.member1, `/api/groups/${teamId}/calendar-feed`);
    for (const uids of [own, teamFeed])
      for (const x of sections) {
        expect(uids.has(`book-read-by-${x.id}@ensemble`), x.title).toBe(true);
        expect(uids.has(`book-session-${x.id}@ensemble`), x.title).toBe(
          x.sessionAt !== null && x.meetingId === null,
        );
        if (x.meetingId) expect(uids.has(`meeting-${x.meetingId}@ensemble`)).toBe(true);
      }
    // The same UIDs as the study's own calendar, so a calendar app holding both updates one event.
    const first = studies[0]!;
    const own6 = await team.member1.get<string>(`/api/book-studies/${first.id}/calendar.ics`);
    expect(own6.body).toContain(`UID:book-read-by-${first.sections[0]!.id}@ensemble`);
  });

  it('CAL-ITEMS-1: a cohort’s study stays in the network: not in its members’ personal feeds at home; nobody outside a team sees its study', async () => {
    const cohortSections = (await studiesOf(net.principalA, cohortId, true)).flatMap((s) => s.sections);
    expect(cohortSections.length).toBeGreaterThan(0);
    const teamSections = (await studiesOf(team.member1, teamId)).flatMap((s) => s.sections);
    const principal = await feedUids(net.principalA, '/api/me/calendar-feed');
    const outsider = await feedUids(team.outsider, '/api/me/calendar-feed');
    for (const x of [...cohortSections, ...teamSections]) {
      expect(principal.has(`book-read-by-${x.id}@ensemble`)).toBe(false);
      expect(outsider.has(`book-read-by-${x.id}@ensemble`)).toBe(false);
      expect(outsider.has(`book-session-${x.id}@ensemble`)).toBe(false);
    }
  });
});
