/**
 * My reflections over HTTP (docs/SPEC.md DAY-REFL): the author rereads, exports and shares later; nobody else
 * (another member, the facilitator, the principal, a district admin, another district) gets anything.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommandBody, MeetingEvent } from '#contracts/meeting';
import type { MeetingMinutes } from '#contracts/minutes';
import type { MyReflectionItem, MyReflectionsPage } from '#contracts/reflections';
import { createMeeting, decide, evolve, replay } from '#core/meeting/index';
import { hashPassword } from '../auth/passwords';
import {
  auditEvents,
  groupMembers,
  groups,
  meetingEvents,
  meetings,
  schoolRoles,
  schools,
  users,
} from '../db/schema';
import { loadShippedRoutines } from '../routines/catalog';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const routine = loadShippedRoutines().get('share-successes')!;

let t: TestApp;
let districtId = '';
let teamId = '';
let otherTeamId = '';
const ids: Record<'lee' | 'ben' | 'cai' | 'dee' | 'principal', string> = {
  lee: '',
  ben: '',
  cai: '',
  dee: '',
  principal: '',
};
let ben: Client;
let cai: Client;
let lee: Client;
let dee: Client;
let principal: Client;
let admin: Client;
let foreign: Client;
let lastWeek = '';

const LAST_WEEK_TEXT = 'Last week I doubted I could get the quiet group talking.';
const LAST_WEEK_EDITED = 'Last week I doubted I could get the quiet group talking; pairs first helped.';
const FORMULA_TEXT = '=HYPERLINK("http://evil.test","click")';
const HEADING_TEXT = '# Not a heading\n[a link](http://evil.test)';
const CAI_TEXT = 'Cai keeps this to herself.';
const DEE_TEXT = 'Dee wrote this before leaving the team.';

/** A meeting's log made with the same core as a live one, stored as the server stores it. */
async function meetingWithLog(
  group: string,
  title: string,
  startedAt: number,
  memberIds: string[],
  script: (run: (actor: string, c: MeetingCommandBody, newId?: string) => void) => void,
  end = true,
): Promise<string> {
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId,
      groupId: group,
      title,
      scheduledFor: new Date(startedAt),
      agenda: [
        { routineId: routine.id, routineVersion: routine.version, routineName: routine.name, minutes: 16 },
      ],
      totalMinutes: 16,
      joinCode: randomUUID().slice(0, 6).toUpperCase(),
      createdBy: ids.lee,
    })
    .returning();
  const created = createMeeting({
    meetingId: m!.id,
    agenda: [routine],
    memberIds,
    facilitatorId: ids.lee,
    now: startedAt - MINUTE,
  });
  if (!created.ok) throw new Error(created.error.message);
  const events: MeetingEvent[] = [...created.events];
  let state = replay(events);
  let now = startedAt;
  const run = (actorId: string, command: MeetingCommandBody, newId: string = randomUUID()) => {
    now += MINUTE;
    const d = decide(state, { ...command, actorId, idempotencyKey: randomUUID() }, { now, newId });
    if (!d.ok) throw new Error(`${command.type}: ${d.error.message}`);
    events.push(...d.events);
    state = d.events.reduce(evolve, state);
  };
  run(ids.lee, { type: 'startMeeting' });
  script(run);
  if (end) run(ids.lee, { type: 'endMeeting' });
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId, meetingId: m!.id, ...e })));
  await t.database.db
    .update(meetings)
    .set({
      status: end ? 'ended' : 'live',
      startedAt: new Date(startedAt),
      endedAt: end ? new Date(now) : null,
      lastSeq: events.length,
    })
    .where(eq(meetings.id, m!.id));
  return m!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Reflections District', 'admin@refl.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other.test');
  districtId = a.district.id;
  admin = a.client;
  foreign = b.client;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'North' }).returning();
  const [team, other] = await db
    .insert(groups)
    .values([
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 4' },
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Art Club' },
    ])
    .returning();
  teamId = team!.id;
  otherTeamId = other!.id;
  const hash = await hashPassword('reflections test password');
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const [u] = await db
      .insert(users)
      .values({ districtId, email: `${key}@refl.test`, name: key.toUpperCase(), passwordHash: hash })
      .returning();
    ids[key] = u!.id;
  }
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: ids.lee, role: 'facilitator' },
    { districtId, groupId: teamId, userId: ids.ben, role: 'member' },
    { districtId, groupId: teamId, userId: ids.cai, role: 'member' },
    { districtId, groupId: teamId, userId: ids.dee, role: 'member' },
    { districtId, groupId: otherTeamId, userId: ids.lee, role: 'facilitator' },
    { districtId, groupId: otherTeamId, userId: ids.ben, role: 'member' },
  ]);
  await db
    .insert(schoolRoles)
    .values({ districtId, schoolId: school!.id, userId: ids.principal, role: 'school_leader' });

  const roster = [ids.lee, ids.ben, ids.cai, ids.dee];
  const weekAgo = Date.now() - WEEK;
  const r1 = randomUUID();
  lastWeek = await meetingWithLog(teamId, 'Grade 4 weekly', weekAgo, roster, (run) => {
    run(ids.ben, { type: 'writeReflection', stepId: 'identify', text: LAST_WEEK_TEXT }, r1);
    run(ids.cai, { type: 'writeReflection', stepId: 'identify', text: CAI_TEXT });
    run(ids.dee, { type: 'writeReflection', stepId: 'identify', text: DEE_TEXT });
    run(ids.lee, { type: 'nextStep', fromStepId: 'identify' });
    run(ids.ben, { type: 'writeReflection', reflectionId: r1, stepId: 'identify', text: LAST_WEEK_EDITED });
  });
  await meetingWithLog(teamId, 'Grade 4 today', Date.now() - 60 * MINUTE, roster, (run) => {
    run(ids.ben, { type: 'writeReflection', stepId: 'identify', text: FORMULA_TEXT });
    run(ids.ben, { type: 'writeReflection', stepId: 'identify', text: HEADING_TEXT });
  });
  await meetingWithLog(
    otherTeamId,
    'Art club',
    Date.now() - 3 * 24 * 60 * MINUTE,
    [ids.lee, ids.ben],
    (run) => run(ids.ben, { type: 'writeReflection', stepId: 'identify', text: 'Art thoughts' }),
  );
  // Dee leaves the team after the meeting.
  await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.userId, ids.dee), eq(groupMembers.groupId, teamId)));
  const client = (key: keyof typeof ids) => signedInClient(t, { id: ids[key], districtId });
  [ben, cai, lee, dee, principal] = await Promise.all([
    client('ben'),
    client('cai'),
    client('lee'),
    client('dee'),
    client('principal'),
  ]);
});
afterAll(async () => t.close());

const list = (c: Client, query = '') => c.get<MyReflectionsPage>(`/api/me/reflections${query}`);

describe('My reflections (DAY-REFL)', () => {
  it('DAY-REFL-1: after the meeting, the author rereads each private reflection: latest text, step, routine, meeting, team; newest meeting first; by team; paged', async () => {
    const res = await list(ben);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => [r.meeting.title, r.text])).toEqual([
      ['Grade 4 today', FORMULA_TEXT],
      ['Grade 4 today', HEADING_TEXT],
      ['Art club', 'Art thoughts'],
      ['Grade 4 weekly', LAST_WEEK_EDITED],
    ]);
    const week = res.body.items.at(-1)!;
    expect(week).toMatchObject({
      meeting: { id: lastWeek, status: 'ended' },
      team: { id: teamId, name: 'Grade 4' },
      routineName: routine.name,
      step: { id: 'identify', title: routine.steps[0]!.title },
      shared: null,
      canShare: true,
    });
    expect(Date.now() - Date.parse(week.meeting.date ?? '')).toBeGreaterThan(WEEK - 60 * MINUTE);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
    expect(res.body.teams).toEqual([
      { id: otherTeamId, name: 'Art Club' },
      { id: teamId, name: 'Grade 4' },
    ]);
    const art = await list(ben, `?groupId=${otherTeamId}`);
    expect(art.body.items.map((r) => r.text)).toEqual(['Art thoughts']);
    expect((await list(ben, '?page=2')).body.items).toEqual([]);
    expect((await list(ben, '?page=0')).status).toBe(400);
    expect((await list(ben, '?groupId=nope')).status).toBe(400);
  });

  it('DAY-REFL-2: everyone else gets only their own, and nothing of Ben’s, in list, exports and minutes; sharing Ben’s is 404 for all of them', async () => {
    const bensIds = (await list(ben)).body.items.map((r) => r.reflectionId);
    const others = { cai, lee, dee, principal, admin, foreign };
    for (const [who, client] of Object.entries(others)) {
      for (const path of ['/api/me/reflections', '/api/me/reflections.md', '/api/me/reflections.csv']) {
        const res = await client.get(path);
        expect(res.status, `${who} ${path}`).toBe(200);
        const text = JSON.stringify(res.body);
        for (const secret of [LAST_WEEK_TEXT, LAST_WEEK_EDITED, 'Art thoughts', 'HYPERLINK', 'Not a heading'])
          expect(text, `${who} ${path}`).not.toContain(secret);
      }
      for (const id of bensIds) {
        const res = await client.post(`/api/me/reflections/${id}/share`);
        expect(res.status, `${who} sharing Ben's`).toBe(404);
      }
    }
    expect((await list(cai)).body.items.map((r) => r.text)).toEqual([CAI_TEXT]);
    expect((await list(principal)).body.items).toEqual([]);
    expect((await list(admin)).body.items).toEqual([]);
    // A reflection id that exists nowhere answers exactly like someone else's.
    const none = await ben.post<{ error: { message: string } }>(`/api/me/reflections/${randomUUID()}/share`);
    const cais = await cai.post<{ error: { message: string } }>(`/api/me/reflections/${bensIds[0]}/share`);
    expect([none.status, none.body.error.message]).toEqual([cais.status, cais.body.error.message]);
    expect((await ben.post('/api/me/reflections/not-a-uuid/share')).status).toBe(400);
    // Before sharing, the minutes hold none of Ben's reflections.
    const minutes = await cai.get<MeetingMinutes>(`/api/meetings/${lastWeek}/minutes`);
    expect(minutes.body.sharedReflections).toEqual([]);
    expect(JSON.stringify(minutes.body)).not.toContain('quiet group');
  });

  it('DAY-REFL-3: Markdown and CSV exports: safe file names, text stays text, formula cells are neutralised', async () => {
    const md = await ben.get<string>('/api/me/reflections.md');
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toMatch(
      /^attachment; filename="ensemble-my-reflections-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    expect(md.body).toContain('## Grade 4 weekly');
    expect(md.body).toContain(LAST_WEEK_EDITED);
    expect(md.body).toContain('\\# Not a heading');
    expect(md.body).toContain('\\[a link\\](http://evil.test)');
    expect(md.body).not.toMatch(/^# Not a heading/m);

    const csv = await ben.get<string>('/api/me/reflections.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /filename="ensemble-my-reflections-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.body.startsWith('\uFEFFmeeting,meeting_date,team,routine,step,reflection,')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(5);

    const art = await ben.get<string>(`/api/me/reflections.csv?groupId=${otherTeamId}`);
    expect(art.body).toContain('Art thoughts');
    expect(art.body).not.toContain('quiet group');
  });

  it('I18N-CSV-2: my reflections CSV in my language: header and yes/no in Spanish, what I wrote as written', async () => {
    await t.database.db.update(users).set({ language: 'es' }).where(eq(users.id, ids.ben));
    const csv = await ben.get<string>('/api/me/reflections.csv');
    await t.database.db.update(users).set({ language: null }).where(eq(users.id, ids.ben));
    expect(
      csv.body.startsWith(
        '\uFEFFreunión,fecha_de_la_reunión,equipo,rutina,paso,reflexión,escrita_el,compartida_el,compartida_después_de_la_reunión,',
      ),
    ).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv.body).not.toMatch(/,(true|false),/);
  });

  it('DAY-REFL-4: the author shares last week’s reflection after the meeting; the minutes list it as shared after the meeting; a retry adds nothing; a former member cannot', async () => {
    const item = (await list(ben, `?groupId=${teamId}`)).body.items.find((r) => r.meeting.id === lastWeek)!;
    const res = await ben.post<MyReflectionItem>(`/api/me/reflections/${item.reflectionId}/share`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      reflectionId: item.reflectionId,
      shared: { afterMeeting: true, upToDate: true },
      canShare: false,
    });
    // Sharing again (a double click) appends nothing.
    expect((await ben.post(`/api/me/reflections/${item.reflectionId}/share`)).status).toBe(200);
    const shares = await t.database.db
      .select()
      .from(meetingEvents)
      .where(and(eq(meetingEvents.meetingId, lastWeek), eq(meetingEvents.type, 'reflection.shared')));
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ actorId: ids.ben, payload: { text: LAST_WEEK_EDITED } });

    const minutes = await cai.get<MeetingMinutes>(`/api/meetings/${lastWeek}/minutes`);
    expect(minutes.body.sharedReflections).toMatchObject([
      { reflectionId: item.reflectionId, authorId: ids.ben, text: LAST_WEEK_EDITED, afterMeeting: true },
    ]);
    // Only the shared one: Cai's and Dee's stay private.
    expect(JSON.stringify(minutes.body)).not.toContain(CAI_TEXT);
    const md = await cai.get<string>(`/api/meetings/${lastWeek}/minutes.md`);
    expect(md.body).toContain('(shared after the meeting)');

    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.districtId, districtId), eq(auditEvents.action, 'meeting.reflection_shared')),
      );
    expect(audit).toMatchObject({ actorId: ids.ben, subjectType: 'meeting', subjectId: lastWeek });
    expect(JSON.stringify(audit)).not.toContain('quiet group');

    // Dee left the team: rereading is still hers, sharing into the team's minutes is not.
    const deeItems = (await list(dee)).body.items;
    expect(deeItems.map((r) => [r.text, r.canShare])).toEqual([[DEE_TEXT, false]]);
    const refused = await dee.post(`/api/me/reflections/${deeItems[0]!.reflectionId}/share`);
    expect(refused.status).toBe(403);
    expect(
      (await cai.get<MeetingMinutes>(`/api/meetings/${lastWeek}/minutes`)).body.sharedReflections,
    ).toHaveLength(1);
  });
});
