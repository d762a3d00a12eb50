/**
 * Survey waves in a network (issue 13's last scope, ADR 0032; docs/SPEC.md MEASURE-NET): the same waves, frame,
 * suppression and close as a district's, run in the network's tenant by its conveners and answered by its member
 * rows, for the whole network or some cohorts; nobody outside the network reaches them, and nobody in it reaches
 * a district's waves through it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_HEADER } from '#contracts/networks';
import type { MeetingPulse, TeamPulseTrend } from '#contracts/pulse';
import type { CreatedWave, SurveyToAnswer, WaveList, WaveReport, WaveSummary } from '#contracts/surveys';
import {
  meetings,
  networkMembers,
  schools,
  surveyParticipation,
  surveyResponses,
  surveyResults,
} from '../db/schema';
import { personAtSchool } from '../testing/people';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type TestApp,
} from '../testing/api-harness';
import { runSurveyRound } from './job';
import { utcToday } from './presenter';

const NETWORK_NAME = 'Three Rivers Principals';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
let networkId = '';
let cohortId = '';
/** District A's admin, the network's convener (acting in the network when naming it). */
let convener: Client;
/** District B's admin: their principals m4..m6 are members; they are not. */
let adminB: Client;
/** District A's own wave (district scope), which m1 is invited to at home. */
let homeWaveId = '';
/** Principals: m1..m3 of district A, m4..m6 of district B; `outsider` of district B is not a member. */
const m: Client[] = [];
let outsider: Client;

/** Calls as `client`, naming the network. */
const inNet = (client: Client) => ({
  get: <T>(url: string) => client.request<T>('GET', url, undefined, { [NETWORK_HEADER]: networkId }),
  post: <T>(url: string, body: unknown = {}) =>
    client.request<T>('POST', url, body, { [NETWORK_HEADER]: networkId }),
});

/** A principal of a school of their own, signed in. */
async function principal(districtId: string, email: string): Promise<Client> {
  return signedInClient(t, await personAtSchool(t, districtId, email));
}

const waveBody = (scope: unknown, over: Record<string, unknown> = {}) => ({
  title: 'Network check-in',
  instrument: { slug: 'ensemble-efficacy' },
  scope,
  opensOn: utcToday(),
  closesOn: inDays(7),
  invite: 'email',
  ...over,
});

/** Every item answered with `value`. */
const answersOf = (survey: SurveyToAnswer, value: number) =>
  Object.fromEntries(survey.instrument.items.map((i) => [i.id, value]));

async function answer(client: Client, waveId: string, value: number, unit?: string) {
  const survey = await inNet(client).get<SurveyToAnswer>(`/api/surveys/waves/${waveId}/answer`);
  expect(survey.status, JSON.stringify(survey.body)).toBe(200);
  const res = await inNet(client).post(`/api/surveys/waves/${waveId}/answer`, {
    unit: unit ?? survey.body.units[0]!.key,
    answers: answersOf(survey.body, value),
    freeText: `What helps us most, said with a ${value}.`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return survey.body;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Riverside', 'admin@riverside-net.test');
  const b = await createDistrictWithAdmin(t, 'Hillcrest', 'admin@hillcrest-net.test');
  convener = a.client;
  adminB = b.client;
  for (const [i, district] of [a, a, a, b, b, b].entries())
    m.push(
      await principal(district.district.id, `m${i + 1}@${district === a ? 'riverside' : 'hillcrest'}.test`),
    );
  outsider = await principal(b.district.id, 'outsider@hillcrest.test');
  // District A's own wave, for everyone in A (m1..m3 among them).
  const home = await a.client.post<CreatedWave>('/api/surveys/waves', {
    ...waveBody({ kind: 'district' }),
    title: 'Riverside spring',
  });
  expect(home.status).toBe(200);
  homeWaveId = home.body.wave.id;
  // The network: A's admin convenes; the six principals ask to join and are approved.
  const created = await a.client.post<{ id: string }>('/api/networks', {
    name: NETWORK_NAME,
    visibility: 'listed',
  });
  networkId = created.body.id;
  for (const [i, client] of m.entries())
    await client.post(`/api/networks/${networkId}/join-requests`, { shown: { name: `Member ${i + 1}` } });
  const requests = await inNet(convener).get<{ items: { id: string }[] }>('/api/network/join-requests');
  for (const r of requests.body.items)
    expect((await inNet(convener).post(`/api/network/join-requests/${r.id}/approve`)).status).toBe(200);
  // A cohort of four: the convener (its facilitator), m1 of A, m4 and m5 of B.
  const cohort = await inNet(convener).post<{ id: string }>('/api/network/cohorts', {
    name: 'Coaching cohort',
    focus: { area: 'teacher_coaching' },
    goal: 'Every teacher gets useful feedback twice a month',
  });
  expect(cohort.status).toBe(200);
  cohortId = cohort.body.id;
  for (const i of [0, 3, 4])
    expect((await inNet(m[i]!).post(`/api/network/cohorts/${cohortId}/join`)).status).toBe(200);
});
afterAll(async () => t.close());

describe('survey waves in a network (MEASURE-NET)', () => {
  let wholeId = '';
  let cohortWaveId = '';

  it('MEASURE-NET-1: a convener opens a network-wide wave and a cohort wave; members cannot, and a school scope is a 400', async () => {
    const mailsBefore = t.mails.length;
    const whole = await inNet(convener).post<CreatedWave>(
      '/api/surveys/waves',
      waveBody({ kind: 'district' }),
    );
    expect(whole.status, JSON.stringify(whole.body)).toBe(200);
    wholeId = whole.body.wave.id;
    expect(whole.body.wave).toMatchObject({
      space: 'network',
      scope: { kind: 'district', label: NETWORK_NAME, ids: [] },
      status: 'open',
      // The convener and the six members.
      invited: 7,
      responses: 0,
      abilities: { manage: true, report: false },
    });
    const cohort = await inNet(convener).post<CreatedWave>(
      '/api/surveys/waves',
      waveBody({ kind: 'teams', teamIds: [cohortId] }, { title: 'Coaching cohort check-in' }),
    );
    expect(cohort.status, JSON.stringify(cohort.body)).toBe(200);
    cohortWaveId = cohort.body.wave.id;
    expect(cohort.body.wave).toMatchObject({
      space: 'network',
      scope: { kind: 'teams', label: 'Coaching cohort', ids: [cohortId] },
      invited: 4,
    });
    // MEASURE-NET-3: a network's members have no address of their own: nobody was mailed.
    expect(t.mails.slice(mailsBefore)).toEqual([]);
    // A member is not a convener.
    const byMember = await inNet(m[0]!).post('/api/surveys/waves', waveBody({ kind: 'district' }));
    expect(byMember.status).toBe(403);
    expect((await inNet(m[0]!).get<WaveList>('/api/surveys/waves')).body.canCreate).toBe(false);
    expect((await inNet(convener).get<WaveList>('/api/surveys/waves')).body.canCreate).toBe(true);
    // A network has no schools; a district's team is not one of its cohorts.
    const [aSchool] = await t.database.db.select({ id: schools.id }).from(schools).limit(1);
    const school = await inNet(convener).post<{ error: { fields: { path: string }[] } }>(
      '/api/surveys/waves',
      waveBody({ kind: 'school', schoolId: aSchool!.id }),
    );
    expect(school.status).toBe(400);
    expect(school.body.error.fields.map((f) => f.path)).toEqual(['scope.kind']);
    const foreignTeam = await inNet(convener).post<{ error: { fields: { path: string }[] } }>(
      '/api/surveys/waves',
      waveBody({ kind: 'teams', teamIds: [randomUUID()] }),
    );
    expect(foreignTeam.status).toBe(400);
    expect(foreignTeam.body.error.fields.map((f) => f.path)).toEqual(['scope.teamIds']);
    // Uploading an instrument and reminders are not called in a network (ADR 0032: a district's licence; no mail).
    expect((await inNet(convener).post('/api/surveys/instruments', {})).status).toBe(404);
    expect((await inNet(convener).post(`/api/surveys/waves/${wholeId}/remind`)).status).toBe(404);
  });

  it('MEASURE-NET-2: members find their surveys in the network only; a cohort member answers about the cohort, the others about the network, and nobody is asked whether they lead', async () => {
    const mine = await inNet(m[0]!).get<{ items: { id: string }[] }>('/api/me/surveys');
    expect(mine.body.items.map((w) => w.id).sort()).toEqual([wholeId, cohortWaveId].sort());
    // At home, m1 has their district's wave only.
    const home = await m[0]!.get<{ items: { id: string }[] }>('/api/me/surveys');
    expect(home.body.items.map((w) => w.id)).toEqual([homeWaveId]);
    // Six members of two districts answer the network-wide wave.
    const inCohort = await answer(m[0]!, wholeId, 5);
    expect(inCohort.units).toEqual([{ key: `team:${cohortId}`, label: 'Coaching cohort' }]);
    expect(inCohort.asksRole).toBe(false);
    const notInCohort = await answer(m[1]!, wholeId, 4);
    expect(notInCohort.units).toEqual([{ key: 'district', label: `${NETWORK_NAME} (not in a cohort)` }]);
    for (const [i, value] of [
      [2, 3],
      [3, 6],
      [4, 5],
      [5, 2],
    ] as const)
      await answer(m[i]!, wholeId, value);
    // Once only.
    const again = await inNet(m[1]!).post(`/api/surveys/waves/${wholeId}/answer`, {
      unit: 'district',
      answers: answersOf(notInCohort, 4),
    });
    expect(again.status).toBe(409);
    // The cohort wave: its four members, the convener among them.
    for (const [client, value] of [
      [convener, 4],
      [m[0]!, 5],
      [m[3]!, 3],
      [m[4]!, 6],
    ] as const)
      await answer(client, cohortWaveId, value);
    // A member outside the cohort is not invited to its wave: it does not exist for them.
    expect((await inNet(m[1]!).get(`/api/surveys/waves/${cohortWaveId}/answer`)).status).toBe(404);
    // The convener sees counts, never who.
    const summary = await inNet(convener).get<WaveSummary>(`/api/surveys/waves/${wholeId}`);
    expect(summary.body).toMatchObject({ responses: 6, invited: 7 });
    expect(summary.body.responseRate).toBeCloseTo(6 / 7, 10);
    const members = await t.database.db
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(eq(networkMembers.districtId, networkId));
    const text = JSON.stringify(summary.body);
    for (const row of members) expect(text).not.toContain(row.userId);
    expect(text).not.toContain('Member ');
    // Every answer is kept in the network's one band: no role is recorded in a network.
    const bands = await t.database.db
      .selectDistinct({ band: surveyResponses.roleBand })
      .from(surveyResponses)
      .where(eq(surveyResponses.districtId, networkId));
    expect(bands).toEqual([{ band: 'staff' }]);
  });

  it('MEASURE-NET-3: the survey job mails no member of a network, at its open date or near its close', async () => {
    const scheduled = await inNet(convener).post<CreatedWave>(
      '/api/surveys/waves',
      waveBody({ kind: 'district' }, { title: 'Next month', opensOn: inDays(1), closesOn: inDays(3) }),
    );
    expect(scheduled.status).toBe(200);
    const deps = {
      db: t.database.db,
      mailer: { send: (mail: (typeof t.mails)[number]) => Promise.resolve(void t.mails.push(mail)) },
      link: (path: string) => `http://ensemble.test${path}`,
      log: { error: () => undefined },
    };
    const before = t.mails.length;
    const tomorrow = await runSurveyRound(deps, new Date(Date.now() + 86_400_000));
    const nearClose = await runSurveyRound(deps, new Date(Date.now() + 2.5 * 86_400_000));
    expect(tomorrow.invited + nearClose.reminded).toBe(0);
    expect(t.mails.slice(before).filter((mail) => mail.to.endsWith('.invalid'))).toEqual([]);
    expect(t.mails.slice(before).filter((mail) => mail.text.includes(scheduled.body.wave.id))).toEqual([]);
    expect((await inNet(convener).post(`/api/surveys/waves/${scheduled.body.wave.id}/close`)).status).toBe(
      200,
    );
  });

  it("MEASURE-NET-4: nobody outside the network reaches its waves, and a member reaches no district's wave through it", async () => {
    const paths = (id: string) => [
      `/api/surveys/waves/${id}`,
      `/api/surveys/waves/${id}/answer`,
      `/api/surveys/waves/${id}/report`,
    ];
    // A principal outside the network, naming it: 404 from every survey endpoint.
    for (const url of [...paths(wholeId), '/api/surveys/waves', '/api/me/surveys'])
      expect((await inNet(outsider).get(url)).status, url).toBe(404);
    expect(
      (await inNet(outsider).post(`/api/surveys/waves/${wholeId}/answer`, { unit: 'district', answers: {} }))
        .status,
    ).toBe(404);
    // District B's admin (three members are B's principals), naming the network or not.
    for (const url of paths(wholeId)) {
      expect((await inNet(adminB).get(url)).status, url).toBe(404);
      expect((await adminB.get(url)).status, url).toBe(404);
    }
    expect((await adminB.post(`/api/surveys/waves/${wholeId}/close`)).status).toBe(404);
    expect((await adminB.get<WaveList>('/api/surveys/waves')).body.items.map((w) => w.id)).not.toContain(
      wholeId,
    );
    // A member naming the network, with their district's wave: 404 (m1 is invited to it at home).
    for (const client of [m[0]!, convener]) {
      for (const url of paths(homeWaveId)) expect((await inNet(client).get(url)).status, url).toBe(404);
      expect(
        (
          await inNet(client).post(`/api/surveys/waves/${homeWaveId}/answer`, {
            unit: 'district',
            answers: {},
          })
        ).status,
      ).toBe(404);
      expect((await inNet(client).post(`/api/surveys/waves/${homeWaveId}/close`)).status).toBe(404);
      const listed = await inNet(client).get<WaveList>('/api/surveys/waves');
      expect(listed.body.items.map((w) => w.id)).not.toContain(homeWaveId);
    }
    // And the network's wave is not the member's at home either.
    expect((await m[0]!.get(`/api/surveys/waves/${wholeId}/answer`)).status).toBe(404);
    expect((await convener.get(`/api/surveys/waves/${wholeId}`)).status).toBe(404);
  });

  it('MEASURE-NET-5: the close deletes who was invited and answered; the report shows the network by source, and a cohort of 4 answers has no numbers', async () => {
    for (const id of [wholeId, cohortWaveId])
      expect((await inNet(convener).post(`/api/surveys/waves/${id}/close`)).status).toBe(200);
    const participation = await t.database.db
      .select({ waveId: surveyParticipation.waveId })
      .from(surveyParticipation)
      .where(eq(surveyParticipation.districtId, networkId));
    expect(participation).toEqual([]);
    // District A's open wave keeps its own participation: the network's close touched only the network.
    const home = await t.database.db
      .select({ waveId: surveyParticipation.waveId })
      .from(surveyParticipation)
      .where(eq(surveyParticipation.waveId, homeWaveId));
    expect(home.length).toBeGreaterThan(0);

    const report = await inNet(convener).get<WaveReport>(`/api/surveys/waves/${wholeId}/report`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const cell = report.body.cell;
    expect(cell?.status).toBe('shown');
    if (cell?.status !== 'shown') throw new Error('the network is not shown');
    expect(cell.node).toMatchObject({ kind: 'district', name: NETWORK_NAME });
    expect(cell.n).toBe(6);
    expect(cell.constructs.map((c) => c.construct).sort()).toEqual(
      ['affective_state', 'collective', 'mastery', 'social_persuasion', 'vicarious'].sort(),
    );
    for (const c of cell.constructs) expect(c.mean).toBeGreaterThan(1);
    expect(cell.comments?.total).toBe(6);
    expect(report.body.notes.join(' ')).toContain('never split by role');
    // The cohort answered 3 times in this wave: under the threshold, it has no numbers (and so the network's pool,
    // the other 3, is not shown apart either: there is no node for it).
    expect(report.body.children).toEqual([
      {
        status: 'suppressed',
        node: { kind: 'team', id: cohortId, name: 'Coaching cohort', parentId: null },
        role: 'all',
      },
    ]);
    // No role split in a network: only the `all` cells were frozen, and asking for a role is a 400.
    const roles = await t.database.db
      .selectDistinct({ role: surveyResults.role })
      .from(surveyResults)
      .where(and(eq(surveyResults.districtId, networkId), eq(surveyResults.waveId, wholeId)));
    expect(roles).toEqual([{ role: 'all' }]);
    const byRole = await inNet(convener).get<{ error: { fields: { path: string }[] } }>(
      `/api/surveys/waves/${wholeId}/report?role=leader`,
    );
    expect(byRole.status).toBe(400);
    expect(byRole.body.error.fields.map((f) => f.path)).toEqual(['role']);
    // A member reads the network's results; one outside the cohort does not read its cell.
    const byMember = await inNet(m[1]!).get<WaveReport>(`/api/surveys/waves/${wholeId}/report`);
    expect(byMember.body.cell?.status).toBe('shown');
    expect(byMember.body.children).toEqual([]);

    // The cohort wave: 4 answers, under the threshold: the API has no numbers for it at all.
    const small = await inNet(m[0]!).get<WaveReport>(`/api/surveys/waves/${cohortWaveId}/report`);
    expect(small.status).toBe(200);
    expect(small.body.wave.responses).toBe(4);
    expect(small.body.cell).toMatchObject({ status: 'suppressed' });
    expect(small.body.children.every((c) => c.status === 'suppressed')).toBe(true);
    const json = JSON.stringify({ cell: small.body.cell, children: small.body.children });
    for (const key of ['"n"', '"mean"', '"constructs"', '"items"', '"comments"'])
      expect(json, key).not.toContain(key);
    const atCohort = await inNet(convener).get<WaveReport>(
      `/api/surveys/waves/${cohortWaveId}/report?at=team:${cohortId}`,
    );
    expect(atCohort.body.cell).toEqual({
      status: 'suppressed',
      node: { kind: 'team', id: cohortId, name: 'Coaching cohort', parentId: null },
      role: 'all',
    });
    const csv = await inNet(convener).get<string>(`/api/surveys/waves/${cohortWaveId}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Coaching cohort,team,all,not shown (too few answers)');
    expect(csv.body).not.toMatch(/,shown,/);
    expect(
      (await inNet(m[0]!).get(`/api/surveys/waves/${cohortWaveId}/comments?at=team:${cohortId}`)).status,
    ).toBe(404);
    // A member outside the cohort does not read the cohort's wave at all.
    expect((await inNet(m[1]!).get(`/api/surveys/waves/${cohortWaveId}/report`)).status).toBe(404);
  });

  it('MEASURE-NET-6: an anonymous link to a network wave offers its cohorts and its pool and never asks who leads', async () => {
    const created = await inNet(convener).post<CreatedWave>(
      '/api/surveys/waves',
      waveBody({ kind: 'district' }, { title: 'By link', invite: 'link' }),
    );
    expect(created.status).toBe(200);
    const token = created.body.link!.split('/s/')[1]!;
    const survey = await new Client(t.app).get<SurveyToAnswer>(`/api/s/${token}`);
    expect(survey.status).toBe(200);
    expect(survey.body.asksRole).toBe(false);
    expect(survey.body.units.map((u) => u.label)).toEqual([
      `${NETWORK_NAME} (not in a cohort)`,
      'Coaching cohort',
    ]);
    const answered = await m[0]!.post(`/api/s/${token}`, {
      unit: `team:${cohortId}`,
      leader: true,
      answers: answersOf(survey.body, 4),
      browserToken: 'network-link-browser-1',
    });
    expect(answered.status).toBe(200);
    const [row] = await t.database.db
      .select({ band: surveyResponses.roleBand })
      .from(surveyResponses)
      .where(eq(surveyResponses.waveId, created.body.wave.id));
    expect(row?.band).toBe('staff');
  });

  it("MEASURE-NET-7: a cohort meeting's pulse is answered naming the network, by the cohort's members only", async () => {
    const [facilitator] = await t.database.db
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.role, 'convener')));
    const [meeting] = await t.database.db
      .insert(meetings)
      .values({
        districtId: networkId,
        groupId: cohortId,
        title: 'Cohort session',
        agenda: [
          { routineId: 'problem-solve', routineVersion: 1, routineName: 'Problem-solve', minutes: 20 },
        ],
        totalMinutes: 20,
        joinCode: randomUUID().slice(0, 6).toUpperCase(),
        status: 'ended',
        startedAt: new Date(Date.now() - 40 * 60_000),
        endedAt: new Date(Date.now() - 10 * 60_000),
        createdBy: facilitator!.userId,
      })
      .returning();
    const url = `/api/meetings/${meeting!.id}/pulse`;
    const pulse = await inNet(m[0]!).get<MeetingPulse>(url);
    expect(pulse.status, JSON.stringify(pulse.body)).toBe(200);
    const sent = await inNet(m[0]!).post<MeetingPulse>(url, {
      answers: Object.fromEntries(pulse.body.items.map((i) => [i.id, 5])),
    });
    expect(sent.status).toBe(200);
    // Outside the cohort, or not naming the network: no such meeting.
    expect((await inNet(m[1]!).get(url)).status).toBe(404);
    expect((await m[0]!.get(url)).status).toBe(404);
    const trend = await inNet(m[3]!).get<TeamPulseTrend>(`/api/groups/${cohortId}/pulse`);
    expect(trend.status).toBe(200);
    expect(trend.body.pendingMeetings).toBe(1);
    expect((await inNet(m[1]!).get(`/api/groups/${cohortId}/pulse`)).status).toBe(404);
  });
});
