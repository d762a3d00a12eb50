/**
 * Survey waves over HTTP against PostgreSQL (docs/SPEC.md MEASURE-WAVE, MEASURE-REPORT, MEASURE-DB): who starts
 * and reads a wave, answering once with every item checked, the anonymous link, the close that freezes results
 * and forgets who took part, and a report that holds no numbers for a group under the threshold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreatedWave,
  SurveyToAnswer,
  WaveComments,
  WaveComparison,
  WaveList,
  WaveReport,
  WaveSummary,
} from '#contracts/surveys';
import { orderFreeText } from '#core/measure/suppression';
import { hashPassword } from '../auth/passwords';
import {
  groupMembers,
  groups,
  schoolRoles,
  schools,
  surveyParticipation,
  surveyWaves,
  users,
} from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  linkFrom,
  signedInClient,
  type TestApp,
} from '../testing/api-harness';
import { instrumentsFolder } from './catalog';
import { runSurveyRound } from './job';
import { utcToday } from './presenter';

let t: TestApp;
let districtId = '';
let admin: Client;
let foreign: Client;
const school = { north: '', south: '' };
const team = { big: '', small: '', south: '' };
const people: Record<string, { id: string; client: Client; email: string }> = {};
const today = utcToday();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function person(key: string, opts: { school?: string; leader?: boolean; teams?: string[] } = {}) {
  const db = t.database.db;
  const [u] = await db
    .insert(users)
    .values({
      districtId,
      email: `${key}@survey.test`,
      name: key,
      passwordHash: await hashPassword('survey test password'),
      emailVerifiedAt: new Date(),
    })
    .returning();
  if (!u) throw new Error('no user');
  if (opts.school)
    await db.insert(schoolRoles).values({
      districtId,
      schoolId: opts.school,
      userId: u.id,
      role: opts.leader ? 'school_leader' : 'staff',
    });
  for (const g of opts.teams ?? [])
    await db.insert(groupMembers).values({ districtId, groupId: g, userId: u.id, role: 'member' });
  people[key] = { id: u.id, client: await signedInClient(t, u), email: u.email };
  return people[key];
}

const p = (key: string) => {
  const found = people[key];
  if (!found) throw new Error(`no ${key}`);
  return found;
};

/** Every item of the survey answered with `value` (reverse-keyed ones too: the test reads raw values). */
function allAnswers(survey: SurveyToAnswer, value: number): Record<string, number> {
  return Object.fromEntries(survey.instrument.items.map((i) => [i.id, value]));
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Survey District', 'admin@survey.test');
  const b = await createDistrictWithAdmin(t, 'Elsewhere', 'admin@elsewhere-survey.test');
  districtId = a.district.id;
  admin = a.client;
  foreign = b.client;
  const db = t.database.db;
  const [north, south] = await db
    .insert(schools)
    .values([
      { districtId, name: 'North' },
      { districtId, name: 'South' },
    ])
    .returning();
  school.north = north!.id;
  school.south = south!.id;
  const [big, small, southTeam] = await db
    .insert(groups)
    .values([
      { districtId, schoolId: school.north, kind: 'teacher_team', focus: 'plc', name: 'Grade 3' },
      { districtId, schoolId: school.north, kind: 'teacher_team', focus: 'plc', name: 'Art' },
      { districtId, schoolId: school.south, kind: 'teacher_team', focus: 'plc', name: 'Science' },
    ])
    .returning();
  team.big = big!.id;
  team.small = small!.id;
  team.south = southTeam!.id;
  await person('principal', { school: school.north, leader: true });
  for (const k of ['t1', 't2', 't3', 't4', 't5', 't6'])
    await person(k, { school: school.north, teams: [team.big] });
  for (const k of ['a1', 'a2', 'a3']) await person(k, { school: school.north, teams: [team.small] });
  await person('both', { school: school.north, teams: [team.big, team.small] });
  for (const k of ['s1', 's2']) await person(k, { school: school.south, teams: [team.south] });
});

afterAll(async () => {
  await t.close();
});

const wave = (over: Record<string, unknown> = {}) => ({
  title: 'Autumn efficacy survey',
  instrument: { slug: 'ensemble-efficacy' },
  scope: { kind: 'school', schoolId: school.north },
  opensOn: today,
  closesOn: inDays(14),
  invite: 'email',
  ...over,
});

describe('MEASURE-WAVE: who starts a wave and who answers', () => {
  let waveId = '';

  it('MEASURE-WAVE-1: a teacher cannot start a wave; a principal starts one for their school, not another school nor the district', async () => {
    expect((await p('t1').client.post('/api/surveys/waves', wave())).status).toBe(403);
    expect(
      (
        await p('principal').client.post(
          '/api/surveys/waves',
          wave({ scope: { kind: 'school', schoolId: school.south } }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await p('principal').client.post('/api/surveys/waves', wave({ scope: { kind: 'district' } }))).status,
    ).toBe(403);
    const created = await p('principal').client.post<CreatedWave>('/api/surveys/waves', wave());
    expect(created.status).toBe(200);
    waveId = created.body.wave.id;
    expect(created.body.link).toBeNull();
    expect(created.body.wave).toMatchObject({ status: 'open', responses: 0, threshold: 5 });
    // MEASURE-WAVE-2: the principal, 6 + 3 team members and the one on both teams: 11 people of North.
    expect(created.body.wave.invited).toBe(11);
  });

  it('MEASURE-WAVE-1: another district does not learn the wave exists; bad input names its field', async () => {
    expect((await foreign.get(`/api/surveys/waves/${waveId}`)).status).toBe(404);
    const low = await admin.post<{ error: { fields: { path: string }[] } }>(
      '/api/surveys/waves',
      wave({ threshold: 3 }),
    );
    expect(low.status).toBe(400);
    expect(low.body.error.fields.map((f) => f.path)).toContain('threshold');
    const backwards = await admin.post<{ error: { fields: { path: string }[] } }>(
      '/api/surveys/waves',
      wave({ closesOn: inDays(-1) }),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.map((f) => f.path)).toContain('closesOn');
    const unknown = await admin.post<{ error: { fields: { path: string }[] } }>(
      '/api/surveys/waves',
      wave({ instrument: { slug: 'no-such-scale' } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f) => f.path)).toContain('instrument.slug');
  });

  it('MEASURE-WAVE-3: each invited person gets an email with a link to answer', () => {
    const link = linkFrom(t.mails, p('t1').email, `/surveys/${waveId}/answer`);
    expect(link).toBe(`/surveys/${waveId}/answer`);
    expect(t.mails.some((m) => m.to === p('s1').email)).toBe(false);
  });

  it('MEASURE-WAVE-4: someone not invited is told the survey does not exist', async () => {
    expect((await p('s1').client.get(`/api/surveys/waves/${waveId}/answer`)).status).toBe(404);
    expect(
      (await p('s1').client.post(`/api/surveys/waves/${waveId}/answer`, { unit: 'x', answers: {} })).status,
    ).toBe(404);
  });

  it('MEASURE-WAVE-5: every item must be answered on the scale, with no unknown item; the unit must be one offered', async () => {
    const survey = (await p('t1').client.get<SurveyToAnswer>(`/api/surveys/waves/${waveId}/answer`)).body;
    expect(survey.units).toEqual([{ key: `team:${team.big}`, label: 'Grade 3' }]);
    const both = (await p('both').client.get<SurveyToAnswer>(`/api/surveys/waves/${waveId}/answer`)).body;
    expect(both.units.map((u) => u.label)).toEqual(['Grade 3', 'Art']);
    const [first, second] = survey.instrument.items;
    const missing = Object.fromEntries(
      Object.entries(allAnswers(survey, 4)).filter(([id]) => id !== first!.id),
    );
    const res = await p('t1').client.post<{ error: { fields: { path: string }[] } }>(
      `/api/surveys/waves/${waveId}/answer`,
      { unit: `team:${team.big}`, answers: { ...missing, [second!.id]: 7, 'made-up': 3 } },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual(
      [`answers.${first!.id}`, `answers.${second!.id}`, 'answers.made-up'].sort(),
    );
    const wrongUnit = await p('t1').client.post(`/api/surveys/waves/${waveId}/answer`, {
      unit: `team:${team.small}`,
      answers: allAnswers(survey, 4),
    });
    expect(wrongUnit.status).toBe(400);
    const count = await t.database.db.execute(sql`select count(*)::int as n from survey_responses`);
    expect(count.rows[0]).toEqual({ n: 0 });
  });

  it('MEASURE-WAVE-5: an answer is taken once; the wave counts it and never says whose', async () => {
    const survey = (await p('t1').client.get<SurveyToAnswer>(`/api/surveys/waves/${waveId}/answer`)).body;
    const ok = await p('t1').client.post(`/api/surveys/waves/${waveId}/answer`, {
      unit: `team:${team.big}`,
      answers: allAnswers(survey, 5),
      freeText: 'We plan together well.',
    });
    expect(ok.status).toBe(200);
    const again = await p('t1').client.post(`/api/surveys/waves/${waveId}/answer`, {
      unit: `team:${team.big}`,
      answers: allAnswers(survey, 5),
    });
    expect(again.status).toBe(409);
    const list = await p('principal').client.get<WaveList>('/api/surveys/waves');
    expect(list.body.items.find((w) => w.id === waveId)).toMatchObject({ responses: 1, invited: 11 });
    expect(JSON.stringify(list.body)).not.toContain(p('t1').id);
    const mine = await p('t1').client.get<{ items: unknown[] }>('/api/me/surveys');
    expect(mine.body.items).toEqual([]);
    const theirs = await p('t2').client.get<{ items: { id: string }[] }>('/api/me/surveys');
    expect(theirs.body.items.map((i) => i.id)).toEqual([waveId]);
  });

  it('MEASURE-REPORT-3: results are not shown while the wave is open', async () => {
    expect((await p('principal').client.get(`/api/surveys/waves/${waveId}/report`)).status).toBe(409);
  });

  it('MEASURE-WAVE-7: closing freezes the results and deletes who was invited and who answered', async () => {
    for (const k of ['t2', 't3', 't4', 't5', 'a1', 'a2']) {
      const survey = (await p(k).client.get<SurveyToAnswer>(`/api/surveys/waves/${waveId}/answer`)).body;
      const res = await p(k).client.post(`/api/surveys/waves/${waveId}/answer`, {
        unit: survey.units[0]!.key,
        answers: allAnswers(survey, k.startsWith('a') ? 2 : 4),
      });
      expect(res.status).toBe(200);
    }
    expect((await p('t1').client.post(`/api/surveys/waves/${waveId}/close`)).status).toBe(403);
    const closed = await p('principal').client.post<WaveSummary>(`/api/surveys/waves/${waveId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const left = await t.database.db.select().from(surveyParticipation);
    expect(left).toEqual([]);
    const late = await p('t6').client.post(`/api/surveys/waves/${waveId}/answer`, { unit: 'x', answers: {} });
    expect(late.status).toBe(404);
  });

  it('MEASURE-REPORT-1: the report shows a group of 5 or more with numbers, and a group under 5 with none', async () => {
    const report = await p('principal').client.get<WaveReport>(
      `/api/surveys/waves/${waveId}/report?at=school:${school.north}`,
    );
    expect(report.status).toBe(200);
    const cell = (id: string) => report.body.children.find((c) => c.node.id === id);
    // North: 7 answers (Grade 3's 5, Art's 2): shown, with every construct's mean on the 1-6 scale.
    const north = report.body.cell;
    expect(north?.node.id).toBe(school.north);
    if (north?.status !== 'shown') throw new Error(`North is ${north?.status}`);
    expect(north.n).toBe(7);
    expect(north.constructs.map((c) => c.construct)).toEqual([
      'mastery',
      'vicarious',
      'social_persuasion',
      'affective_state',
      'collective',
    ]);
    for (const c of north.constructs) {
      expect(c.mean).toBeGreaterThanOrEqual(1);
      expect(c.mean).toBeLessThanOrEqual(6);
      expect(c.ci95[0]).toBeLessThanOrEqual(c.mean);
    }
    // Item means are frozen to 3 decimals (shown to 2), their intervals rounded outwards: they still hold them.
    expect(north.items.length).toBeGreaterThan(0);
    for (const item of north.items) {
      expect(Math.round(item.mean * 1000) / 1000).toBe(item.mean);
      expect(item.ci95[0]).toBeLessThanOrEqual(item.mean);
      expect(item.ci95[1]).toBeGreaterThanOrEqual(item.mean);
      for (const x of item.ci95) expect(Math.round(x * 1000) / 1000).toBe(x);
    }
    expect(north.comments).toEqual({ total: 1, offset: 0, items: ['We plan together well.'] });
    // Art (2 answers) has no numbers at all; Grade 3 (5) has none either, since North minus Grade 3 would be Art.
    expect(cell(team.small)).toEqual({
      status: 'suppressed',
      node: { kind: 'team', id: team.small, name: 'Art', parentId: school.north },
      role: 'all',
    });
    expect(cell(team.big)?.status).toBe('suppressed');
    expect(JSON.stringify(cell(team.big))).not.toMatch(/"n"|mean/);
    const csv = await p('principal').client.get<string>(
      `/api/surveys/waves/${waveId}/report.csv?at=school:${school.north}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('North,school,all,shown,7,collective');
    expect(csv.body).toContain('Art,team,all,not shown (too few answers)');
  });

  it('I18N-CSV-4: the report CSV in the asking tab’s language: header, levels, roles and statuses; numbers and codes as they are', async () => {
    const csv = await p('principal').client.request<string>(
      'GET',
      `/api/surveys/waves/${waveId}/report.csv?at=school:${school.north}`,
      undefined,
      { 'accept-language': 'es-MX' },
    );
    expect(csv.status).toBe(200);
    expect(
      csv.body.startsWith(
        '\ufeffgrupo,nivel,rol,estado,n,constructo,media,ic95_inferior,ic95_superior,alfa\r\n',
      ),
    ).toBe(true);
    expect(csv.body).toContain('North,escuela,todos,se muestra,7,collective');
    expect(csv.body).toContain('Art,equipo,todos,no se muestra (muy pocas respuestas)');
  });

  it('MEASURE-REPORT-2: a team member reads their own team and nothing of another team; another school sees nothing', async () => {
    const mine = await p('t3').client.get<WaveReport>(
      `/api/surveys/waves/${waveId}/report?at=school:${school.north}`,
    );
    expect(mine.status).toBe(200);
    // Their school's cell, and under it their own team only.
    expect(mine.body.cell?.node.id).toBe(school.north);
    expect(mine.body.children.map((c) => c.node.id)).toEqual([team.big]);
    expect((await p('s1').client.get(`/api/surveys/waves/${waveId}/report`)).status).toBe(404);
  });
});

describe('MEASURE-WAVE-6: the anonymous link', () => {
  it('answers without an account, once per browser, about a unit the respondent chooses', async () => {
    const created = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ invite: 'link', scope: { kind: 'teams', teamIds: [team.south] } }),
    );
    expect(created.status).toBe(200);
    const link = created.body.link;
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
    const token = new URL(link!).pathname.split('/').pop()!;
    const anonymous = new Client(t.app);
    const survey = await anonymous.get<SurveyToAnswer>(`/api/s/${token}`);
    expect(survey.status).toBe(200);
    expect(survey.body.asksRole).toBe(true);
    const unit = survey.body.units.find((u) => u.label === 'Science')!.key;
    const body = {
      unit,
      answers: allAnswers(survey.body, 3),
      browserToken: 'browser-token-aaaaaaaa',
      leader: false,
    };
    expect((await anonymous.post(`/api/s/${token}`, body)).status).toBe(200);
    expect((await anonymous.post(`/api/s/${token}`, body)).status).toBe(409);
    expect((await anonymous.get(`/api/s/not-a-real-token-at-all`)).status).toBe(404);
  });

  it('MEASURE-WAVE-7: an answer under way while the wave closes waits for the close, then is refused', async () => {
    const created = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ invite: 'link', scope: { kind: 'teams', teamIds: [team.south] } }),
    );
    expect(created.status).toBe(200);
    const waveId = created.body.wave.id;
    const token = new URL(created.body.link!).pathname.split('/').pop()!;
    const anonymous = new Client(t.app);
    const survey = await anonymous.get<SurveyToAnswer>(`/api/s/${token}`);
    const body = {
      unit: survey.body.units[0]!.key,
      answers: allAnswers(survey.body, 4),
      browserToken: 'browser-token-racing-the-close',
      leader: false,
    };
    let answered: Promise<{ status: number }> | undefined;
    await t.database.db.transaction(async (tx) => {
      // The close's first step (it claims the wave's row), not committed yet; the answer comes meanwhile.
      await tx.update(surveyWaves).set({ closedAt: new Date() }).where(eq(surveyWaves.id, waveId));
      answered = anonymous.post(`/api/s/${token}`, body);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect((await answered!).status).toBe(409);
    const stored = await t.database.db.execute(
      sql`select count(*)::int as n from survey_responses where wave_id = ${waveId}`,
    );
    expect(stored.rows).toEqual([{ n: 0 }]);
  });
});

describe('MEASURE-DB: nothing in the database links an answer to a person', () => {
  it('MEASURE-DB-1: no column, index or foreign key of the answer tables names or leads to a person', async () => {
    const columns = await t.database.db.execute(
      sql`select table_name, column_name from information_schema.columns where table_name in ('survey_responses', 'meeting_pulse_responses') order by table_name, ordinal_position`,
    );
    expect(columns.rows).toEqual([
      { table_name: 'meeting_pulse_responses', column_name: 'id' },
      { table_name: 'meeting_pulse_responses', column_name: 'district_id' },
      { table_name: 'meeting_pulse_responses', column_name: 'group_id' },
      { table_name: 'meeting_pulse_responses', column_name: 'meeting_id' },
      { table_name: 'meeting_pulse_responses', column_name: 'instrument' },
      { table_name: 'meeting_pulse_responses', column_name: 'answers' },
      { table_name: 'survey_responses', column_name: 'id' },
      { table_name: 'survey_responses', column_name: 'district_id' },
      { table_name: 'survey_responses', column_name: 'wave_id' },
      { table_name: 'survey_responses', column_name: 'unit' },
      { table_name: 'survey_responses', column_name: 'role_band' },
      { table_name: 'survey_responses', column_name: 'submitted_on' },
      { table_name: 'survey_responses', column_name: 'answers' },
      { table_name: 'survey_responses', column_name: 'free_text' },
    ]);
    const references = await t.database.db.execute(
      sql`select conrelid::regclass::text as from_table, confrelid::regclass::text as to_table from pg_constraint where contype = 'f' and conrelid::regclass::text in ('survey_responses', 'meeting_pulse_responses') order by 1, 2`,
    );
    expect(references.rows).toEqual([
      { from_table: 'meeting_pulse_responses', to_table: 'groups' },
      { from_table: 'meeting_pulse_responses', to_table: 'meetings' },
      { from_table: 'survey_responses', to_table: 'survey_waves' },
    ]);
    // No default that records a time or a sequence: the id is random and the day is set by the server.
    const defaults = await t.database.db.execute(
      sql`select column_name, column_default from information_schema.columns where table_name = 'survey_responses' and column_default is not null`,
    );
    expect(defaults.rows).toEqual([{ column_name: 'id', column_default: 'gen_random_uuid()' }]);
  });
});

describe('MEASURE-WAVE-3, MEASURE-WAVE-7: the survey job', () => {
  it('sends the invitations of a wave on its open date, once, and closes it after its close date', async () => {
    const created = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ scope: { kind: 'teams', teamIds: [team.south] }, opensOn: inDays(1), closesOn: inDays(3) }),
    );
    expect(created.status).toBe(200);
    expect(created.body.wave.status).toBe('scheduled');
    const id = created.body.wave.id;
    const mailsTo = () => t.mails.filter((m) => m.text.includes(`/surveys/${id}/answer`)).map((m) => m.to);
    expect(mailsTo()).toEqual([]);
    const deps = {
      db: t.database.db,
      mailer: { send: (m: (typeof t.mails)[number]) => Promise.resolve(void t.mails.push(m)) },
      link: (path: string) => `http://ensemble.test${path}`,
      log: { error: () => undefined },
    };
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await runSurveyRound(deps, tomorrow)).toEqual({ invited: 2, reminded: 0, closed: 0 });
    expect(mailsTo().sort()).toEqual([p('s1').email, p('s2').email].sort());
    expect(await runSurveyRound(deps, tomorrow)).toEqual({ invited: 0, reminded: 0, closed: 0 });
    // MEASURE-WAVE-8: two days before the close, one reminder to each who has not answered; not again the next round.
    const survey = (await p('s1').client.get<SurveyToAnswer>(`/api/surveys/waves/${id}/answer`)).body;
    const answered = await p('s1').client.post(`/api/surveys/waves/${id}/answer`, {
      unit: survey.units[0]!.key,
      answers: allAnswers(survey, 4),
    });
    // Not open yet (it opens tomorrow): the answer waits.
    expect(answered.status).toBe(409);
    const nearClose = new Date(Date.now() + 2 * 86_400_000 + 3_600_000);
    expect(await runSurveyRound(deps, nearClose)).toEqual({ invited: 0, reminded: 2, closed: 0 });
    expect(
      t.mails.filter((m) => m.subject.startsWith('Reminder:') && m.text.includes(`/surveys/${id}/answer`)),
    ).toHaveLength(2);
    expect(await runSurveyRound(deps, nearClose)).toEqual({ invited: 0, reminded: 0, closed: 0 });
    const afterClose = new Date(Date.now() + 4 * 86_400_000);
    expect(await runSurveyRound(deps, afterClose)).toEqual({ invited: 0, reminded: 0, closed: 1 });
    const summary = await admin.get<WaveSummary>(`/api/surveys/waves/${id}`);
    expect(summary.body.status).toBe('closed');
    const left = await t.database.db.execute(
      sql`select count(*)::int as n from survey_participation where wave_id = ${id}`,
    );
    expect(left.rows[0]).toEqual({ n: 0 });
  });
});

describe('MEASURE-INST-13: an instrument the district holds a licence for', () => {
  const shipped = readFileSync(join(instrumentsFolder(), 'ensemble-efficacy.en.yaml'), 'utf8');
  const licensed = shipped
    .replace(/^id: .*$/m, 'id: licensed-scale')
    .replace(/^title: .*$/m, 'title: A licensed scale')
    .replace(/owner: Ensemble/, 'owner: Example University Press');

  it('is uploaded by an admin as YAML, listed, and used by a wave; a bad file names its file and line; nothing else is saved', async () => {
    expect(
      (
        await p('principal').client.post('/api/surveys/instruments', {
          file: { name: 'x.yaml', text: licensed },
        })
      ).status,
    ).toBe(403);
    const broken = licensed.replace('points: 6', 'points: 9');
    const bad = await admin.post<{ error: { fields: { path: string; message: string }[] } }>(
      '/api/surveys/instruments',
      {
        file: { name: 'licensed.yaml', text: broken },
      },
    );
    expect(bad.status).toBe(400);
    const line = broken.split('\n').findIndex((l) => l.includes('points: 9')) + 1;
    expect(bad.body.error.fields[0]?.path).toBe(`licensed.yaml:${line}`);
    const ok = await admin.post<{ slug: string; source: string; licenceOwner: string }>(
      '/api/surveys/instruments',
      {
        file: { name: 'licensed.yaml', text: licensed },
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      slug: 'licensed-scale',
      source: 'uploaded',
      licenceOwner: 'Example University Press',
    });
    expect(
      (await admin.post('/api/surveys/instruments', { file: { name: 'licensed.yaml', text: licensed } }))
        .status,
    ).toBe(409);
    expect(
      (await admin.post('/api/surveys/instruments', { file: { name: 'own.yaml', text: shipped } })).status,
    ).toBe(409);
    const list = await p('t1').client.get<{ items: { slug: string }[] }>('/api/surveys/instruments');
    expect(list.body.items.map((i) => i.slug)).toEqual(
      expect.arrayContaining(['ensemble-efficacy', 'licensed-scale']),
    );
    const elsewhere = await foreign.get<{ items: { slug: string }[] }>('/api/surveys/instruments');
    expect(elsewhere.body.items.map((i) => i.slug)).not.toContain('licensed-scale');
    const used = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ instrument: { slug: 'licensed-scale' }, scope: { kind: 'teams', teamIds: [team.south] } }),
    );
    expect(used.status).toBe(200);
    expect(used.body.wave.instrument).toMatchObject({ slug: 'licensed-scale', title: 'A licensed scale' });
  });
});

describe('MEASURE-REPORT-5: two waves compared', () => {
  it("MEASURE-REPORT-8 shows each wave's mean and n and Hedges' g where both waves show the team, in plain words; never two waves of different questions or of different people at that group", async () => {
    const ids: string[] = [];
    for (const value of [3, 5]) {
      const created = await p('principal').client.post<CreatedWave>(
        '/api/surveys/waves',
        wave({ title: `Wave ${value}`, scope: { kind: 'teams', teamIds: [team.big] } }),
      );
      expect(created.status).toBe(200);
      const id = created.body.wave.id;
      ids.push(id);
      for (const [i, k] of ['t1', 't2', 't3', 't4', 't5', 't6'].entries()) {
        const survey = (await p(k).client.get<SurveyToAnswer>(`/api/surveys/waves/${id}/answer`)).body;
        const res = await p(k).client.post(`/api/surveys/waves/${id}/answer`, {
          unit: `team:${team.big}`,
          // Some spread within a wave, so the SD is not zero.
          answers: allAnswers(survey, i % 2 === 0 ? value : value + 1),
        });
        expect(res.status).toBe(200);
      }
      expect((await p('principal').client.post(`/api/surveys/waves/${id}/close`)).status).toBe(200);
    }
    const res = await p('principal').client.get<WaveComparison>(
      `/api/surveys/compare?before=${ids[0]}&after=${ids[1]}&at=team:${team.big}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Grade 3');
    const collective = res.body.rows.find((r) => r.construct === 'collective');
    expect(collective?.before?.n).toBe(6);
    expect(collective?.after?.n).toBe(6);
    expect(collective?.change?.direction).toBe('higher');
    expect(collective?.change?.words).toContain('does not show what made the difference');
    expect(collective?.change?.words).not.toMatch(/\bcaused?\b|\bbecause\b/i);
    expect((await p('s1').client.get(`/api/surveys/compare?before=${ids[0]}&after=${ids[1]}`)).status).toBe(
      404,
    );
    // The two waves' scale, for the chart's axis.
    expect(res.body.scale.points).toBe(6);

    // MEASURE-REPORT-8: a district-wide wave and these one-team waves are the same people at the team only.
    const wide = await admin.post<CreatedWave>('/api/surveys/waves', wave({ title: 'Everyone' }));
    expect(wide.status).toBe(200);
    const wideId = wide.body.wave.id;
    expect((await admin.post(`/api/surveys/waves/${wideId}/close`)).status).toBe(200);
    const atDistrict = await admin.get<{ error: { fields: { path: string }[] } }>(
      `/api/surveys/compare?before=${ids[0]}&after=${wideId}&at=district`,
    );
    expect(atDistrict.status).toBe(400);
    expect(atDistrict.body.error.fields[0]?.path).toBe('at');
    const atTeam = await admin.get<WaveComparison>(
      `/api/surveys/compare?before=${ids[0]}&after=${wideId}&at=team:${team.big}`,
    );
    expect(atTeam.status).toBe(200);
    expect(atTeam.body.rows.every((r) => r.change === null)).toBe(true);

    // A wave that asked other questions is not compared with these (400 at `after`).
    const other = readFileSync(join(instrumentsFolder(), 'ensemble-efficacy.en.yaml'), 'utf8')
      .replace(/^id: .*$/m, 'id: other-questions')
      .replace(/^title: .*$/m, 'title: Other questions')
      .replace(/owner: Ensemble/, 'owner: Example University Press');
    const uploaded = await admin.post('/api/surveys/instruments', {
      file: { name: 'other.yaml', text: other },
    });
    expect(uploaded.status).toBe(200);
    const otherWave = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ instrument: { slug: 'other-questions' }, scope: { kind: 'teams', teamIds: [team.big] } }),
    );
    expect(otherWave.status).toBe(200);
    const otherId = otherWave.body.wave.id;
    expect((await admin.post(`/api/surveys/waves/${otherId}/close`)).status).toBe(200);
    const mixed = await admin.get<{ error: { fields: { path: string }[] } }>(
      `/api/surveys/compare?before=${ids[0]}&after=${otherId}&at=team:${team.big}`,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields[0]?.path).toBe('after');
  });
});

describe('MEASURE-REPORT-6, MEASURE-REPORT-7: the report at a node, and its comments in pages', () => {
  let waveId = '';
  let token = '';
  const anonymous = () => new Client(t.app);
  const texts: string[] = [];

  /** Answers through the link, about `unit`, as staff, with a comment when `text` is given. */
  async function answerByLink(unit: string, k: number, text?: string) {
    const client = anonymous();
    const survey = await client.get<SurveyToAnswer>(`/api/s/${token}`);
    const res = await client.post(`/api/s/${token}`, {
      unit,
      answers: allAnswers(survey.body, 1 + (k % 6)),
      browserToken: `paging-browser-${String(k).padStart(8, '0')}`,
      leader: false,
      ...(text === undefined ? {} : { freeText: text }),
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    const created = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ title: 'Paged comments', invite: 'link' }),
    );
    expect(created.status).toBe(200);
    waveId = created.body.wave.id;
    token = new URL(created.body.link!).pathname.split('/').pop()!;
    // Grade 3: 12 answers with a comment each, written in this order; Art: 3 (held back); North's pool: 5.
    for (let k = 0; k < 12; k += 1) {
      const text = `Comment ${String.fromCharCode(97 + k)} from Grade 3`;
      texts.push(text);
      await answerByLink(`team:${team.big}`, k, text);
    }
    for (let k = 12; k < 15; k += 1) await answerByLink(`team:${team.small}`, k, `Art says ${k}`);
    for (let k = 15; k < 20; k += 1) await answerByLink(`school:${school.north}`, k);
    expect((await admin.post(`/api/surveys/waves/${waveId}/close`)).status).toBe(200);
  });

  it('MEASURE-REPORT-6: the node carries its item means and first comments; the groups under it only n and sources', async () => {
    const report = await admin.get<WaveReport>(
      `/api/surveys/waves/${waveId}/report?at=school:${school.north}`,
    );
    expect(report.status).toBe(200);
    const north = report.body.cell;
    if (north?.status !== 'shown') throw new Error(`North is ${north?.status}`);
    expect(north.n).toBe(20);
    expect(north.items.length).toBeGreaterThan(0);
    expect(north.comments?.total).toBe(15);
    const grade3 = report.body.children.find((c) => c.node.id === team.big);
    expect(grade3?.status).toBe('shown');
    expect(Object.keys(grade3 ?? {}).sort()).toEqual(['constructs', 'n', 'node', 'role', 'status']);
    expect(report.body.children.find((c) => c.node.id === team.small)?.status).toBe('suppressed');
    expect(JSON.stringify(report.body.children)).not.toMatch(/Comment|Art says|"items"|"comments"/);
    // Drilled in, the team's own report has its items and its comments.
    const own = await admin.get<WaveReport>(`/api/surveys/waves/${waveId}/report?at=team:${team.big}`);
    if (own.body.cell?.status !== 'shown') throw new Error('Grade 3 is not shown');
    expect(own.body.cell.items.length).toBe(north.items.length);
    expect(own.body.cell.comments?.total).toBe(12);
    expect(own.body.children).toEqual([]);
  });

  it('MEASURE-REPORT-7: pages of comments join up to all of them, in an order set by their texts alone (not when they were written)', async () => {
    const at = `team:${team.big}`;
    const pages: string[] = [];
    for (let offset = 0; offset < 12; offset += 5) {
      const page = await p('t1').client.get<WaveComments>(
        `/api/surveys/waves/${waveId}/comments?at=${at}&offset=${offset}&limit=5`,
      );
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ at, role: 'all', comments: { total: 12, offset } });
      expect(page.body.comments.items.length).toBe(Math.min(5, 12 - offset));
      pages.push(...page.body.comments.items);
    }
    expect(pages).toEqual(orderFreeText(texts));
    expect(pages).not.toEqual(texts);
    // The report's first page is the same order; past the end is an empty page.
    const own = await admin.get<WaveReport>(`/api/surveys/waves/${waveId}/report?at=${at}`);
    expect(own.body.cell?.status === 'shown' ? own.body.cell.comments?.items : null).toEqual(pages);
    const past = await admin.get<WaveComments>(`/api/surveys/waves/${waveId}/comments?at=${at}&offset=40`);
    expect(past.body.comments).toEqual({ total: 12, offset: 40, items: [] });
  });

  it('MEASURE-REPORT-7: a bad offset or limit is a 400 naming it', async () => {
    for (const [query, field] of [
      ['offset=-1', 'querystring.offset'],
      ['offset=abc', 'querystring.offset'],
      ['offset=1.5', 'querystring.offset'],
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
    ] as const) {
      const res = await admin.get<{ error: { fields: { path: string }[] } }>(
        `/api/surveys/waves/${waveId}/comments?${query}`,
      );
      expect(res.status, query).toBe(400);
      expect(res.body.error.fields.map((f) => f.path)).toContain(field);
    }
  });

  it("MEASURE-REPORT-7: comments are read as the report is: another district's wave, a group not the caller's and a held-back group give 404 and no text", async () => {
    const url = (at: string) => `/api/surveys/waves/${waveId}/comments?at=${at}`;
    const noText = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/Comment|Art says/);
    const foreignRes = await foreign.get(url('district'));
    expect(foreignRes.status).toBe(404);
    noText(foreignRes.body);
    // South's teacher reads nothing of a North wave; Art's member does not read Grade 3's comments.
    expect((await p('s1').client.get(url('district'))).status).toBe(404);
    const other = await p('a1').client.get(url(`team:${team.big}`));
    expect(other.status).toBe(404);
    noText(other.body);
    // Art (3 answers) is held back: its comments are not shown, even to those who run the wave.
    const held = await admin.get(url(`team:${team.small}`));
    expect(held.status).toBe(404);
    noText(held.body);
    // Art's member reads the school's comments, Art's among them (North is shown).
    const theirs = await p('a1').client.get<WaveComments>(`${url(`school:${school.north}`)}&limit=200`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.comments.total).toBe(15);
  });

  it('MEASURE-REPORT-7: no comments while the wave is open, and none when the instrument asks for none', async () => {
    const open = await admin.post<CreatedWave>('/api/surveys/waves', wave({ title: 'Still open' }));
    expect((await admin.get(`/api/surveys/waves/${open.body.wave.id}/comments`)).status).toBe(409);
    const shipped = readFileSync(join(instrumentsFolder(), 'ensemble-efficacy.en.yaml'), 'utf8');
    const silent = shipped
      .replace(/^id: .*$/m, 'id: no-comments-scale')
      .replace(/^title: .*$/m, 'title: A scale without comments')
      .replace(/(freeText:\n {2}allowed: )true/, '$1false');
    expect(silent).toContain('allowed: false');
    const uploaded = await admin.post('/api/surveys/instruments', {
      file: { name: 'silent.yaml', text: silent },
    });
    expect(uploaded.status).toBe(200);
    const created = await admin.post<CreatedWave>(
      '/api/surveys/waves',
      wave({ title: 'No comments', invite: 'link', instrument: { slug: 'no-comments-scale' } }),
    );
    waveId = created.body.wave.id;
    token = new URL(created.body.link!).pathname.split('/').pop()!;
    for (let k = 0; k < 5; k += 1) await answerByLink(`team:${team.big}`, 100 + k);
    expect((await admin.post(`/api/surveys/waves/${waveId}/close`)).status).toBe(200);
    const report = await admin.get<WaveReport>(
      `/api/surveys/waves/${waveId}/report?at=school:${school.north}`,
    );
    expect(report.body.cell).toMatchObject({ status: 'shown', n: 5, comments: null });
    const none = await admin.get(`/api/surveys/waves/${waveId}/comments?at=school:${school.north}`);
    expect(none.status).toBe(404);
  });
});
