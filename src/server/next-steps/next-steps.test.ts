/**
 * Next steps over HTTP (docs/SPEC.md NEXT, FOLLOW, DIGEST): a team's next steps are its members' only; mine
 * cover my active teams; marking one done goes through the meeting's command; the next meeting opens with the
 * follow-up; the weekly digest is opt-in, at most weekly, and unsubscribes in one click without signing in.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommandBody, MeetingEvent } from '#contracts/meeting';
import type { MeetingMinutes } from '#contracts/minutes';
import type { NextStepItem, NextStepsPage } from '#contracts/next-steps';
import { createMeeting, decide, evolve, replay } from '#core/meeting/index';
import { addDays } from '#core/next-steps/index';
import { hashPassword } from '../auth/passwords';
import {
  digestSubscriptions,
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
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  type TestApp,
} from '../testing/api-harness';
import { sendDueDigests } from './digest';
import { utcToday } from './presenter';

const MINUTE = 60_000;
const routine = loadShippedRoutines().get('share-successes')!;
const today = utcToday();

let t: TestApp;
let districtId = '';
let teamId = '';
let otherTeamId = '';
const ids = { lee: '', ben: '', cai: '', principal: '' };
let lee: Client;
let ben: Client;
let cai: Client;
let principal: Client;
let admin: Client;
let foreign: Client;
let first = '';
const item = {
  overdue: randomUUID(),
  soon: randomUUID(),
  later: randomUUID(),
  done: randomUUID(),
  art: randomUUID(),
};

async function meetingWithLog(
  group: string,
  title: string,
  startedAt: number,
  memberIds: string[],
  script: (run: (actor: string, c: MeetingCommandBody, newId?: string) => void) => void,
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
  run(ids.lee, { type: 'endMeeting' });
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId, meetingId: m!.id, ...e })));
  await t.database.db
    .update(meetings)
    .set({ status: 'ended', startedAt: new Date(startedAt), endedAt: new Date(now), lastSeq: events.length })
    .where(eq(meetings.id, m!.id));
  return m!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Next Steps District', 'admin@next.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other-next.test');
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
  const hash = await hashPassword('next steps test password');
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const [u] = await db
      .insert(users)
      .values({
        districtId,
        email: `${key}@next.test`,
        name: key.toUpperCase(),
        passwordHash: hash,
        emailVerifiedAt: new Date(),
      })
      .returning();
    ids[key] = u!.id;
  }
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: ids.lee, role: 'facilitator' },
    { districtId, groupId: teamId, userId: ids.ben, role: 'member' },
    { districtId, groupId: teamId, userId: ids.cai, role: 'member' },
    { districtId, groupId: otherTeamId, userId: ids.lee, role: 'facilitator' },
  ]);
  await db
    .insert(schoolRoles)
    .values({ districtId, schoolId: school!.id, userId: ids.principal, role: 'school_leader' });
  const roster = [ids.lee, ids.ben, ids.cai];
  first = await meetingWithLog(
    teamId,
    'Grade 4 weekly',
    Date.now() - 14 * 24 * 60 * MINUTE,
    roster,
    (run) => {
      run(
        ids.lee,
        { type: 'addActionItem', text: 'Try exit tickets', ownerId: ids.ben, due: addDays(today, -2) },
        item.overdue,
      );
      run(
        ids.lee,
        { type: 'addActionItem', text: 'Share the rubric', ownerId: ids.ben, due: addDays(today, 3) },
        item.soon,
      );
      run(
        ids.lee,
        { type: 'addActionItem', text: 'Plan the unit', ownerId: ids.cai, due: addDays(today, 30) },
        item.later,
      );
      run(
        ids.lee,
        { type: 'addActionItem', text: 'Read the article', ownerId: ids.cai, due: null },
        item.done,
      );
      run(ids.cai, { type: 'completeActionItem', itemId: item.done, outcome: 'Read it together' });
    },
  );
  await meetingWithLog(otherTeamId, 'Art weekly', Date.now() - 3 * 24 * 60 * MINUTE, [ids.lee], (run) => {
    run(ids.lee, { type: 'addActionItem', text: 'Order clay', ownerId: ids.lee, due: null }, item.art);
  });
  lee = await signedInClient(t, { id: ids.lee, districtId });
  ben = await signedInClient(t, { id: ids.ben, districtId });
  cai = await signedInClient(t, { id: ids.cai, districtId });
  principal = await signedInClient(t, { id: ids.principal, districtId });
});
afterAll(async () => t.close());

describe('NEXT-READ-1: who reads which next steps', () => {
  it('NEXT-READ-1: a team’s next steps are read by its members, classified for today, open first', async () => {
    const res = await ben.get<NextStepsPage>(`/api/groups/${teamId}/next-steps?today=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => [i.text, i.dueClass, i.mine])).toEqual([
      ['Try exit tickets', 'overdue', true],
      ['Share the rubric', 'due-soon', true],
      ['Plan the unit', 'later', false],
    ]);
    const all = await ben.get<NextStepsPage>(`/api/groups/${teamId}/next-steps?include=all`);
    expect(all.body.items.at(-1)).toMatchObject({
      text: 'Read the article',
      status: 'done',
      outcome: 'Read it together',
    });
  });

  it('NEXT-READ-1: the principal and the district admin (not members) and another district read nothing', async () => {
    expect((await principal.get(`/api/groups/${teamId}/next-steps`)).status).toBe(403);
    expect((await admin.get(`/api/groups/${teamId}/next-steps`)).status).toBe(403);
    expect((await foreign.get(`/api/groups/${teamId}/next-steps`)).status).toBe(404);
    const mine = await principal.get<NextStepsPage>('/api/me/next-steps?include=all');
    expect(mine.body.items).toEqual([]);
    expect(JSON.stringify(mine.body)).not.toContain('exit tickets');
  });

  it('NEXT-READ-2: my next steps span my active teams only; leaving a team takes its steps away', async () => {
    const page = await lee.get<NextStepsPage>('/api/me/next-steps');
    expect(page.body.teams.map((x) => x.name)).toEqual(['Art Club', 'Grade 4']);
    expect(page.body.items.map((i) => i.team.name).sort()).toEqual([
      'Art Club',
      'Grade 4',
      'Grade 4',
      'Grade 4',
    ]);
    const caiPage = await cai.get<NextStepsPage>('/api/me/next-steps');
    expect(caiPage.body.items.some((i) => i.text === 'Order clay')).toBe(false);
  });

  it('NEXT-REMIND-1: the reminder counts my own overdue and due-soon open steps', async () => {
    expect((await ben.get(`/api/me/next-steps/reminder?today=${today}`)).body).toEqual({
      overdue: 1,
      dueSoon: 1,
    });
    expect((await cai.get(`/api/me/next-steps/reminder?today=${today}`)).body).toEqual({
      overdue: 0,
      dueSoon: 0,
    });
    expect((await ben.get('/api/me/next-steps/reminder?today=tomorrow')).status).toBe(400);
  });

  it('NEXT-CSV-1: a team’s next steps as CSV for its members, formulas neutralized', async () => {
    const res = await ben.get<string>(`/api/groups/${teamId}/next-steps.csv?include=all`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(res.body).toContain('team,meeting,meeting_date,next_step,owner,due,status');
    expect(res.body).toContain('Read it together');
    expect((await principal.get(`/api/groups/${teamId}/next-steps.csv`)).status).toBe(403);
  });

  it('I18N-CSV-1: the CSV’s header and its own words in the asking tab’s language, else the person’s choice; their words as written', async () => {
    const url = `/api/groups/${teamId}/next-steps.csv?include=all`;
    const es = await ben.request<string>('GET', url, undefined, { 'accept-language': 'es-419,es;q=0.9' });
    expect(es.status).toBe(200);
    expect(
      es.body.startsWith('equipo,reunión,fecha_de_la_reunión,próximo_paso,responsable,vence,estado,plazo,'),
    ).toBe(true);
    expect(es.body).toContain('Read it together');
    expect(es.body).toMatch(/,(abierto|hecho|descartado),(vencido|vence pronto|más adelante|sin fecha),/);
    expect(es.body).not.toMatch(/,(open|done|dropped),/);
    // A person who chose Spanish gets it from any tab; English stays as it was.
    await t.database.db.update(users).set({ language: 'es' }).where(eq(users.id, ids.ben));
    expect((await ben.request<string>('GET', url, undefined, { 'accept-language': 'en' })).body).toMatch(
      /^equipo,/,
    );
    await t.database.db.update(users).set({ language: null }).where(eq(users.id, ids.ben));
    expect((await ben.get<string>(url)).body).toMatch(/^team,meeting,/);
  });
});

describe('NEXT-DONE-2: marking a next step done from outside the meeting', () => {
  it('NEXT-DONE-2: another member may not; the owner may, with what happened; it lands in the minutes', async () => {
    const url = `/api/meetings/${first}/next-steps/${item.soon}/complete`;
    expect((await cai.post(url, { outcome: 'Not mine' })).status).toBe(403);
    expect((await ben.post(url, { outcome: 'x'.repeat(501) })).status).toBe(400);
    const res = await ben.post<NextStepItem>(url, { outcome: 'Shared it on Monday' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', outcome: 'Shared it on Monday', canComplete: false });
    // A retry appends nothing new and answers the same.
    expect((await ben.post<NextStepItem>(url, { outcome: 'Shared it on Monday' })).body.status).toBe('done');
    const minutes = await ben.get<MeetingMinutes>(`/api/meetings/${first}/minutes`);
    expect(minutes.body.actionItems.find((a) => a.id === item.soon)).toMatchObject({
      outcome: 'Shared it on Monday',
    });
    const md = await ben.get<string>(`/api/meetings/${first}/minutes.md`);
    expect(md.body).toContain('what happened: Shared it on Monday');
  });

  it('NEXT-DONE-2: the principal cannot, another district does not find it, an unknown item is 404', async () => {
    const url = `/api/meetings/${first}/next-steps/${item.overdue}/complete`;
    expect((await principal.post(url, {})).status).toBe(403);
    expect((await foreign.post(url, {})).status).toBe(404);
    expect((await ben.post(`/api/meetings/${first}/next-steps/${randomUUID()}/complete`, {})).status).toBe(
      404,
    );
  });
});

describe('FOLLOW-OPEN-1: the next meeting opens with the follow-up', () => {
  it('FOLLOW-OPEN-1: opening the team’s next meeting snapshots its open next steps into the log and minutes', async () => {
    const made = await lee.post<{ id: string }>(`/api/groups/${teamId}/meetings`, {
      title: 'Grade 4 next',
      agenda: [{ routineId: 'share-successes' }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect((await lee.post(`/api/meetings/${made.body.id}/open`)).status).toBe(200);
    const minutes = await lee.get<MeetingMinutes>(`/api/meetings/${made.body.id}/minutes`);
    expect(minutes.body.followUps.map((f) => [f.text, f.status])).toEqual([
      ['Try exit tickets', null],
      ['Plan the unit', null],
    ]);
    expect(minutes.body.followUps[0]).toMatchObject({
      meetingId: first,
      itemId: item.overdue,
      ownerId: ids.ben,
    });
  });
});

describe('DIGEST: the weekly email digest', () => {
  const link = (path: string) => `http://ensemble.test${path}`;

  it('DIGEST-OPT-1: off until the person turns it on', async () => {
    expect((await ben.get('/api/me/digest')).body).toEqual({ weekly: false });
    expect(await sendDueDigests({ db: t.database.db, mailer: mailer(), link })).toBe(0);
    expect((await ben.put('/api/me/digest', { weekly: true })).body).toEqual({ weekly: true });
    expect((await ben.get('/api/me/digest')).body).toEqual({ weekly: true });
  });

  function mailer() {
    return {
      mode: 'dev-outbox' as const,
      capturing: true,
      send: (m: (typeof t.mails)[number]) => {
        t.mails.push(m);
        return Promise.resolve();
      },
    };
  }

  it('DIGEST-JOB-1, DIGEST-MAIL-1, DIGEST-UNSUB-1: one digest per 7 days, text and HTML, one-click unsubscribe', async () => {
    await cai.put('/api/me/digest', { weekly: true });
    const now = new Date();
    const before = t.mails.length;
    const sent = await sendDueDigests({ db: t.database.db, mailer: mailer(), link }, now);
    // Cai's own open step (Plan the unit) and Ben's (Try exit tickets); Lee never opted in.
    expect(sent).toBe(2);
    const mail = t.mails.slice(before).find((m) => m.to === 'ben@next.test')!;
    expect(mail.subject).toBe('Your next steps this week: 1 open, 1 overdue');
    expect(mail.text).toContain('Overdue (1)');
    expect(mail.text).toContain('Try exit tickets (Grade 4, from "Grade 4 weekly"');
    expect(mail.text).not.toContain('Plan the unit');
    expect(mail.html).toContain('<h2>Overdue (1)</h2>');
    const unsubscribe = /^<(http:\/\/ensemble\.test\/api\/digest\/unsubscribe\/[^>]+)>$/.exec(
      mail.headers?.['List-Unsubscribe'] ?? '',
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Within 7 days nothing more goes; 7 days later it does.
    expect(
      await sendDueDigests(
        { db: t.database.db, mailer: mailer(), link },
        new Date(now.getTime() + 60 * MINUTE),
      ),
    ).toBe(0);
    const path = new URL(unsubscribe!).pathname;

    // A GET (a link scanner) changes nothing: it asks to confirm.
    const page = await new Client(t.app).get<string>(path);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Stop the weekly digest?');
    expect((await ben.get('/api/me/digest')).body).toEqual({ weekly: true });

    // The provider's one-click POST: no cookie, no Origin, form-encoded body (RFC 8058).
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { host: TEST_HOST, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('You are unsubscribed');
    expect((await ben.get('/api/me/digest')).body).toEqual({ weekly: false });
    const later = new Date(now.getTime() + 8 * 24 * 60 * MINUTE);
    const afterSent = t.mails.length;
    expect(await sendDueDigests({ db: t.database.db, mailer: mailer(), link }, later)).toBe(1);
    expect(t.mails.slice(afterSent).map((m) => m.to)).toEqual(['cai@next.test']);
    // A made-up secret unsubscribes nobody.
    expect((await new Client(t.app).post('/api/digest/unsubscribe/made-up-secret')).status).toBe(404);
    const rows = await t.database.db.select().from(digestSubscriptions);
    expect(rows.every((r) => r.tokenHash === null || !r.tokenHash.includes(path.split('/').at(-1)!))).toBe(
      true,
    );
  });

  it('I18N-MAIL-9: a digest goes in its person’s language (no request causes it: else English), HTML lang set', async () => {
    await t.database.db.update(users).set({ language: 'es' }).where(eq(users.id, ids.cai));
    const at = new Date(Date.now() + 16 * 24 * 60 * MINUTE);
    const before = t.mails.length;
    expect(await sendDueDigests({ db: t.database.db, mailer: mailer(), link }, at)).toBe(1);
    const mail = t.mails.slice(before).find((m) => m.to === 'cai@next.test')!;
    expect(mail.language).toBe('es');
    expect(mail.subject).toMatch(/^Tus próximos pasos esta semana: 1 pendiente(, 1 vencido)?$/);
    expect(mail.text).toMatch(
      /^Hola, [^\n]+:\n\nTus próximos pasos pendientes al \d{1,2} de [a-z]+ de \d{4}:/,
    );
    expect(mail.text).toContain('Plan the unit (Grade 4, de “Grade 4 weekly”');
    expect(mail.text).toContain(
      'Recibes este correo porque activaste el resumen semanal. Para dejar de recibirlo: http',
    );
    expect(mail.html).toMatch(/^<!doctype html><html lang="es">/);
    expect(mail.html).toContain('>Cancelar la suscripción</a>');
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The page the link opens speaks the person's language too, whatever the browser asks.
    const unsubscribe = new URL(
      /<([^>]+)>/.exec(mail.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? 'http://x',
    );
    const confirm = await t.app.inject({
      method: 'GET',
      url: unsubscribe.pathname,
      headers: { host: TEST_HOST, 'accept-language': 'en' },
    });
    expect(confirm.body).toContain('<html lang="es">');
    expect(confirm.body).toContain('<h1>¿Dejar de recibir el resumen semanal?</h1>');
    expect(confirm.body).toContain('<button type="submit">Cancelar la suscripción</button>');
    const gone = await t.app.inject({
      method: 'GET',
      url: '/api/digest/unsubscribe/made-up-secret',
      headers: { host: TEST_HOST, 'accept-language': 'es-MX' },
    });
    expect(gone.body).toContain('<h1>Este enlace ya no funciona</h1>');
    await t.database.db.update(users).set({ language: null }).where(eq(users.id, ids.cai));
  });
});

describe('CAL-ITEMS-2: my due next steps in my calendar feed', () => {
  const feedEvents = async (c: Client, path: string) => {
    const made = await c.post<{ url: string }>(path);
    expect(made.status).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: new URL(made.body.url).pathname,
      headers: { host: TEST_HOST },
    });
    expect(res.statusCode).toBe(200);
    return ICAL.Component.fromString(res.body)
      .getAllSubcomponents('vevent')
      .map((v) => {
        const start = v.getFirstPropertyValue('dtstart');
        if (!(start instanceof ICAL.Time)) throw new Error('DTSTART is not a time');
        return {
          uid: String(v.getFirstPropertyValue('uid')),
          summary: String(v.getFirstPropertyValue('summary')),
          allDay: start.isDate,
          day: start.toString(),
          url: String(v.getFirstPropertyValue('url')),
        };
      });
  };

  it('CAL-ITEMS-2: my open next steps with a due day are all-day events linking to their meeting; nobody else’s, none done, none in a team feed', async () => {
    // What the team's page says Ben has open with a day (earlier tests here close some of them).
    const page = await ben.get<NextStepsPage>(`/api/groups/${teamId}/next-steps?include=all&today=${today}`);
    const expected = page.body.items
      .filter((i) => i.owner?.id === ids.ben && i.status === 'open' && i.due !== null)
      .map((i) => ({
        uid: `next-step-${i.meeting.id}-${i.itemId}@ensemble`,
        summary: `Due: ${i.text}`,
        allDay: true,
        day: i.due,
        url: `http://ensemble.test/meetings/${i.meeting.id}`,
      }))
      .sort((a, b) => a.uid.localeCompare(b.uid));
    expect(expected.length).toBeGreaterThan(0);
    const mine = await feedEvents(ben, '/api/me/calendar-feed');
    const due = mine.filter((e) => e.summary.startsWith('Due: ')).sort((a, b) => a.uid.localeCompare(b.uid));
    expect(due).toEqual(expected);
    // Ben's closed steps are no events.
    for (const closed of page.body.items.filter((i) => i.status !== 'open'))
      expect(JSON.stringify(mine)).not.toContain(closed.itemId);
    // Cai's step of the same meeting is Cai's alone; a done step and a step with no day are no events.
    const cais = (await feedEvents(cai, '/api/me/calendar-feed')).filter((e) =>
      e.summary.startsWith('Due: '),
    );
    expect(cais.map((e) => e.summary)).toEqual(['Due: Plan the unit']);
    expect(JSON.stringify(mine)).not.toContain('Plan the unit');
    expect(JSON.stringify(cais)).not.toContain('Read the article');
    // A team's feed carries no one's next steps.
    const team = await feedEvents(ben, `/api/groups/${teamId}/calendar-feed`);
    expect(team.filter((e) => e.summary.startsWith('Due: '))).toEqual([]);
    // The UID is the step's: a second fetch (a new link even) names the same events.
    const again = await feedEvents(ben, '/api/me/calendar-feed');
    expect(
      again
        .filter((e) => e.summary.startsWith('Due: '))
        .map((e) => e.uid)
        .sort(),
    ).toEqual(due.map((e) => e.uid).sort());
  });

  it('I18N-CAL-1: a feed link speaks its owner’s language (a calendar app asks in none); people’s words stay', async () => {
    await t.database.db.update(users).set({ language: 'es' }).where(eq(users.id, ids.cai));
    const made = await cai.post<{ url: string }>('/api/me/calendar-feed');
    // The calendar app's own Accept-Language is not the owner's choice, and is not followed.
    const res = await t.app.inject({
      method: 'GET',
      url: new URL(made.body.url).pathname,
      headers: { host: TEST_HOST, 'accept-language': 'en-US' },
    });
    const cal = ICAL.Component.fromString(res.body);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Mis reuniones de Ensemble');
    expect(String(cal.getFirstPropertyValue('prodid'))).toMatch(/\/\/ES$/);
    const events = cal.getAllSubcomponents('vevent');
    const step = events.find((v) => String(v.getFirstPropertyValue('summary')).startsWith('Vence: '));
    expect(step?.getFirstPropertyValue('summary')).toBe('Vence: Plan the unit');
    expect(String(step?.getFirstPropertyValue('description'))).toMatch(
      /^Grade 4 · acordado en Grade 4 weekly\nAbrir: http:\/\/ensemble\.test\/meetings\//,
    );
    const meeting = events.find((v) => String(v.getFirstPropertyValue('uid')).startsWith('meeting-'));
    expect(String(meeting?.getFirstPropertyValue('description'))).toContain('\nAbrir: http://ensemble.test/');
    // Cai's team link is named in Spanish too; Ben (no choice) keeps English.
    const team = await cai.post<{ url: string }>(`/api/groups/${teamId}/calendar-feed`);
    const teamRes = await t.app.inject({
      method: 'GET',
      url: new URL(team.body.url).pathname,
      headers: { host: TEST_HOST },
    });
    expect(ICAL.Component.fromString(teamRes.body).getFirstPropertyValue('x-wr-calname')).toBe(
      'Reuniones de Grade 4',
    );
    const bens = await ben.post<{ url: string }>('/api/me/calendar-feed');
    const benRes = await t.app.inject({
      method: 'GET',
      url: new URL(bens.body.url).pathname,
      headers: { host: TEST_HOST, 'accept-language': 'es' },
    });
    expect(ICAL.Component.fromString(benRes.body).getFirstPropertyValue('x-wr-calname')).toBe(
      'My Ensemble meetings',
    );
    await t.database.db.update(users).set({ language: null }).where(eq(users.id, ids.cai));
  });

  it('I18N-CAL-2: a team calendar downloaded from the app: the person’s choice, else the tab’s language', async () => {
    const url = `/api/groups/${teamId}/meetings.ics`;
    const calName = async (c: Client, headers: Record<string, string>) => {
      const res = await c.request<string>('GET', url, undefined, headers);
      expect(res.status).toBe(200);
      return ICAL.Component.fromString(res.body).getFirstPropertyValue('x-wr-calname');
    };
    expect(await calName(ben, { 'accept-language': 'es' })).toBe('Reuniones de Grade 4');
    expect(await calName(ben, {})).toBe('Grade 4 meetings');
    await t.database.db.update(users).set({ language: 'es' }).where(eq(users.id, ids.ben));
    expect(await calName(ben, { 'accept-language': 'en' })).toBe('Reuniones de Grade 4');
    await t.database.db.update(users).set({ language: null }).where(eq(users.id, ids.ben));
  });
});
