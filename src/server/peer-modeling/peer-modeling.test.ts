/**
 * Peer Modeling over REST and real sockets (issue 11 item 1, ADR 0016): a plan written before the meeting with a
 * district coach invited as the model, snapshotted into the log when the meeting opens; the coach sees that
 * meeting and nothing else of the team; visit notes private to their author until shared into the meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { MeetingEvent } from '#contracts/meeting';
import type { MeetingMinutes } from '#contracts/minutes';
import type { MeetingPlanView, MyVisitNote } from '#contracts/peer-modeling';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck } from '#contracts/realtime';
import { auditEvents, groupMembers, groups, meetingEvents, schoolRoles, schools, users } from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { hashPassword } from '../auth/passwords';

let t: TestApp;
let port = 0;
let districtId = '';
let teamId = '';
let meetingId = '';
const sockets: Socket[] = [];
const people: Record<'facilitator' | 'member' | 'leader' | 'coach' | 'specialist' | 'newcomer', string> = {
  facilitator: '',
  member: '',
  leader: '',
  coach: '',
  specialist: '',
  newcomer: '',
};
let as: Record<keyof typeof people | 'admin' | 'foreign', Client>;

let passwordHash = '';
async function account(name: string, email: string) {
  const [u] = await t.database.db
    .insert(users)
    .values({ districtId, email, name, passwordHash, emailVerifiedAt: new Date() })
    .returning();
  if (!u) throw new Error('no user');
  return u;
}

function socketOf(c: Client): Socket {
  const s = connect(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    extraHeaders: { cookie: `ensemble_session=${c.cookie ?? ''}` },
    reconnection: false,
  });
  sockets.push(s);
  return s;
}
const join = (s: Socket) =>
  s.timeout(5000).emitWithAck('meeting:join', {
    protocolVersion: PROTOCOL_VERSION,
    meetingId,
    lastSeq: 0,
  }) as Promise<JoinAck>;
const command = (s: Socket, cmd: Record<string, unknown>) =>
  s.timeout(5000).emitWithAck('meeting:command', {
    meetingId,
    command: { idempotencyKey: randomUUID(), ...cmd },
  }) as Promise<CommandAck>;

async function log(): Promise<MeetingEvent[]> {
  const rows = await t.database.db
    .select()
    .from(meetingEvents)
    .where(and(eq(meetingEvents.districtId, districtId), eq(meetingEvents.meetingId, meetingId)))
    .orderBy(asc(meetingEvents.seq));
  return rows.map(({ seq, type, v, at, actorId, idempotencyKey, payload }) =>
    MeetingEvent.parse({ seq, type, v, at, actorId, idempotencyKey, payload }),
  );
}

const until = async (check: () => Promise<boolean>, ms = 4000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const plan = (over: Record<string, unknown> = {}) => ({
  curiosity: 'How do pairs explain their thinking to each other?',
  practice: 'Turn and talk with sentence starters',
  modelId: people.coach,
  mode: 'classroom-visit',
  modelingAt: '2026-12-07T09:30:00.000Z',
  videoUrl: null,
  fromSuccess: null,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const a = await createDistrictWithAdmin(t, 'Peer District', 'admin@pm.test');
  districtId = a.district.id;
  passwordHash = await hashPassword('peer modeling test password');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other-pm.test');
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'Lincoln Elementary' }).returning();
  const [team] = await db
    .insert(groups)
    .values({ districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 3' })
    .returning();
  teamId = team!.id;
  people.facilitator = (await account('Fran Facilitator', 'fran@pm.test')).id;
  people.member = (await account('Milo Member', 'milo@pm.test')).id;
  people.leader = (await account('Lena Leader', 'lena@pm.test')).id;
  people.coach = (await account('Cora Coach', 'cora@pm.test')).id;
  people.specialist = (await account('Sam Specialist', 'sam@pm.test')).id;
  people.newcomer = (await account('Nia Newcomer', 'nia@pm.test')).id;
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: people.facilitator, role: 'facilitator' },
    { districtId, groupId: teamId, userId: people.member, role: 'member' },
  ]);
  await db
    .insert(schoolRoles)
    .values({ districtId, schoolId: school!.id, userId: people.leader, role: 'school_leader' });
  const client = (id: string) => signedInClient(t, { id, districtId });
  as = {
    facilitator: await client(people.facilitator),
    member: await client(people.member),
    leader: await client(people.leader),
    coach: await client(people.coach),
    specialist: await client(people.specialist),
    newcomer: await client(people.newcomer),
    admin: a.client,
    foreign: b.client,
  };
  const scheduled = await as.facilitator.post<{ id: string }>(`/api/groups/${teamId}/meetings`, {
    title: 'Peer Modeling: turn and talk',
    routineId: 'peer-modeling',
    scheduledFor: '2026-12-08T15:00:00.000Z',
  });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
  meetingId = scheduled.body.id;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

describe('PM-PLAN-1, PM-GUEST-1: the plan and the invited coach, before the meeting', () => {
  it('PM-GUEST-4 those who run the team find a district coach by name (no address), not team members', async () => {
    const found = await as.facilitator.get<{ items: { id: string; name: string }[] }>(
      `/api/meetings/${meetingId}/invite-candidates?q=cor`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([{ id: people.coach, name: 'Cora Coach', schools: [] }]);
    expect(JSON.stringify(found.body)).not.toContain('@');
    const team = await as.facilitator.get<{ items: unknown[] }>(
      `/api/meetings/${meetingId}/invite-candidates?q=milo`,
    );
    expect(team.body.items).toEqual([]);
    // A wildcard is a character, not a pattern.
    const wild = await as.facilitator.get<{ items: unknown[] }>(
      `/api/meetings/${meetingId}/invite-candidates?q=%25%25`,
    );
    expect(wild.body.items).toEqual([]);
    expect((await as.facilitator.get(`/api/meetings/${meetingId}/invite-candidates?q=c`)).status).toBe(400);
    expect((await as.member.get(`/api/meetings/${meetingId}/invite-candidates?q=cor`)).status).toBe(403);
  });

  it('PM-GUEST-1 inviting the coach as the model: recorded in the audit log, emailed with the link', async () => {
    const res = await as.facilitator.post<MeetingPlanView>(`/api/meetings/${meetingId}/invitees`, {
      userId: people.coach,
      role: 'model',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.invitees.map((i) => [i.name, i.role])).toEqual([['Cora Coach', 'model']]);
    expect(res.body.modelChoices).toContainEqual({ id: people.coach, name: 'Cora Coach', invited: true });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, meetingId));
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ['meeting.person_invited', { userId: people.coach, role: 'model' }],
    ]);
    const mail = t.mails.find((m) => m.to === 'cora@pm.test');
    expect(mail?.text).toContain(`/meetings/${meetingId}/plan`);
    // A team member cannot be invited; nor a person of another district, nor by a member.
    const onTeam = await as.facilitator.post(`/api/meetings/${meetingId}/invitees`, {
      userId: people.member,
      role: 'observer',
    });
    expect(onTeam.status).toBe(400);
    expect(JSON.stringify(onTeam.body)).toContain('userId');
    const me = await as.foreign.get<{ id: string }>('/api/auth/me');
    expect(
      (
        await as.facilitator.post(`/api/meetings/${meetingId}/invitees`, {
          userId: me.body.id,
          role: 'observer',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await as.member.post(`/api/meetings/${meetingId}/invitees`, {
          userId: people.specialist,
          role: 'observer',
        })
      ).status,
    ).toBe(403);
  });

  it('PM-PLAN-1, PM-URL-1 the plan: bad input is a 400 naming the field and changes nothing', async () => {
    const url = `/api/meetings/${meetingId}/plan/0`;
    for (const [body, field] of [
      [plan({ mode: 'classroom-video', videoUrl: 'http://video.example.org/1' }), 'videoUrl'],
      [plan({ mode: 'classroom-video', videoUrl: 'javascript:alert(1)' }), 'videoUrl'],
      [plan({ mode: 'classroom-visit', videoUrl: 'https://video.example.org/1' }), 'videoUrl'],
      [plan({ curiosity: '  ' }), 'curiosity'],
      [plan({ modelId: people.specialist }), 'modelId'],
      [plan({ fromSuccess: { meetingId, part: 0 } }), 'fromSuccess'],
      [plan({ mode: 'juggling' }), 'mode'],
    ] as const) {
      const res = await as.facilitator.put<{ error: { fields?: { path: string }[] } }>(url, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(JSON.stringify(res.body.error.fields)).toContain(field);
    }
    expect((await as.facilitator.put(`/api/meetings/${meetingId}/plan/1`, plan())).status).toBe(400);
    expect((await as.member.put(url, plan())).status).toBe(403);
    const view = await as.facilitator.get<MeetingPlanView>(`/api/meetings/${meetingId}/plan`);
    expect(view.body.parts).toEqual([{ part: 0, routineName: 'Practice Peer Modeling', plan: null }]);
    const saved = await as.facilitator.put<MeetingPlanView>(url, plan());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.parts[0]?.plan).toMatchObject({
      practice: 'Turn and talk with sentence starters',
      modelId: people.coach,
      modelName: 'Cora Coach',
      mode: 'classroom-visit',
      videoUrl: null,
    });
    expect(saved.body.canEditPlan).toBe(true);
  });

  it('PM-GUEST-3 the coach sees this meeting and its plan, and nothing else of the team', async () => {
    const summary = await as.coach.get<{
      canTakePart: boolean;
      canRun: boolean;
      suggestedPresenterIds: unknown[];
    }>(`/api/meetings/${meetingId}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ canTakePart: true, canRun: false, suggestedPresenterIds: [null] });
    const view = await as.coach.get<MeetingPlanView>(`/api/meetings/${meetingId}/plan`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      canEditPlan: false,
      canInvite: false,
      canTakeNotes: true,
      modelChoices: [],
    });
    expect(JSON.stringify(view.body)).not.toContain('Milo');
    const invited = await as.coach.get<{ items: { id: string }[] }>('/api/me/invited-meetings');
    expect(invited.body.items.map((m) => m.id)).toEqual([meetingId]);
    for (const path of [
      `/api/groups/${teamId}`,
      `/api/groups/${teamId}/meetings`,
      `/api/groups/${teamId}/routines`,
      `/api/groups/${teamId}/successes`,
    ])
      expect((await as.coach.get(path)).status, path).toBe(404);
    const other = await as.facilitator.post<{ id: string }>(`/api/groups/${teamId}/meetings`, {
      title: 'Another meeting',
      routineId: 'share-successes',
    });
    expect((await as.coach.get(`/api/meetings/${other.body.id}`)).status).toBe(404);
    expect((await as.coach.get(`/api/meetings/${other.body.id}/plan`)).status).toBe(404);
    expect((await as.coach.put(`/api/meetings/${meetingId}/plan/0`, plan())).status).toBe(403);
    // Someone not invited learns nothing; another district neither.
    expect((await as.specialist.get(`/api/meetings/${meetingId}/plan`)).status).toBe(404);
    expect((await as.foreign.get(`/api/meetings/${meetingId}/plan`)).status).toBe(404);
  });

  it('PM-NOTE-1, PM-NOTE-2 visit notes are their author’s alone: nobody else reads an unshared note', async () => {
    const url = `/api/meetings/${meetingId}/visit-notes/mine`;
    const milo = await as.member.put<MyVisitNote>(url, { text: 'Milo saw: pairs used the starters' });
    expect(milo.status, JSON.stringify(milo.body)).toBe(200);
    expect(milo.body).toMatchObject({
      text: 'Milo saw: pairs used the starters',
      sharedAt: null,
      canShare: false,
    });
    expect((await as.coach.put<MyVisitNote>(url, { text: 'Cora: I modeled it twice' })).status).toBe(200);
    // The facilitator, the school's leader and the admin each read only their own (empty) note, or nothing.
    const fran = await as.facilitator.get<MyVisitNote>(url);
    expect(fran.body).toMatchObject({ id: null, text: '' });
    expect((await as.leader.get(url)).status).toBe(403);
    expect((await as.admin.get(url)).status).toBe(403);
    expect((await as.specialist.get(url)).status).toBe(404);
    expect((await as.foreign.get(url)).status).toBe(404);
    for (const c of [as.facilitator, as.leader, as.admin, as.specialist, as.foreign]) {
      const body = JSON.stringify((await c.get(url)).body);
      expect(body).not.toContain('Milo saw');
      expect(body).not.toContain('Cora:');
    }
    expect((await as.member.get<MyVisitNote>(url)).body.text).toBe('Milo saw: pairs used the starters');
    // Too long: 400 naming the field; sharing before the meeting runs: 409.
    const long = await as.member.put<{ error: { fields?: { path: string }[] } }>(url, {
      text: 'x'.repeat(10_001),
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error.fields)).toContain('text');
    expect((await as.member.post(`${url}/share`)).status).toBe(409);
  });
});

describe('PM-PLAN-3, PM-ROSTER-1, PM-NOTE-3: the meeting runs with the coach as model', () => {
  let fran: Socket;
  let milo: Socket;
  let cora: Socket;

  it('PM-PLAN-3 opening snapshots the plan and the invited coach; the coach presents; the plan is then fixed', async () => {
    const opened = await as.facilitator.post(`/api/meetings/${meetingId}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const [created] = await log();
    expect(created?.type).toBe('meeting.created');
    if (created?.type !== 'meeting.created') return;
    expect(created.payload.invitedIds).toEqual([people.coach]);
    expect(created.payload.memberIds).toContain(people.coach);
    expect(created.payload.plans).toEqual([{ part: 0, ...plan() }]);
    expect((await as.facilitator.put(`/api/meetings/${meetingId}/plan/0`, plan())).status).toBe(409);
    fran = socketOf(as.facilitator);
    milo = socketOf(as.member);
    cora = socketOf(as.coach);
    for (const s of [fran, milo, cora]) expect((await join(s)).ok).toBe(true);
    expect(await command(fran, { type: 'startMeeting' })).toMatchObject({ ok: true });
    // The coach may take part (a note suggestion), never facilitate.
    expect(
      await command(cora, { type: 'suggestNote', stepId: 'observe', text: 'I paused twice' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await command(fran, { type: 'handOverFacilitation', toId: people.coach })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
  });

  it('PM-NOTE-3, PM-NOTE-4 the member shares their visit note: a snapshot in the log with them as actor', async () => {
    const url = `/api/meetings/${meetingId}/visit-notes/mine`;
    const before = JSON.stringify(await log());
    expect(before).not.toContain('Milo saw');
    expect(before).not.toContain('Cora:');
    const shared = await as.member.post<MyVisitNote>(`${url}/share`);
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.sharedAt).not.toBeNull();
    expect(shared.body.changedSinceShared).toBe(false);
    const event = (await log()).find((e) => e.type === 'observation.shared');
    expect(event).toMatchObject({
      actorId: people.member,
      payload: { part: 0, text: 'Milo saw: pairs used the starters' },
    });
    // The coach's note stays private: not in the log.
    expect(JSON.stringify(await log())).not.toContain('Cora:');
    const edited = await as.member.put<MyVisitNote>(url, {
      text: 'Milo saw: pairs used the starters, mostly',
    });
    expect(edited.body.changedSinceShared).toBe(true);
    // The leader is not on the roster and cannot share anything into it.
    expect((await as.leader.post(`${url}/share`)).status).toBe(403);
  });

  it('PM-ROSTER-1 a specialist invited while it runs, and a newcomer added to the team, join the roster at once', async () => {
    expect(
      (
        await as.facilitator.post(`/api/meetings/${meetingId}/invitees`, {
          userId: people.specialist,
          role: 'observer',
        })
      ).status,
    ).toBe(200);
    const added = await as.facilitator.post(`/api/groups/${teamId}/members`, {
      userId: people.newcomer,
      role: 'member',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await until(async () => (await log()).filter((e) => e.type === 'roster.added').length === 2);
    const events = (await log()).filter((e) => e.type === 'roster.added');
    expect(events.map((e) => e.payload)).toEqual([
      { memberId: people.specialist, invited: true },
      { memberId: people.newcomer, invited: false },
    ]);
    // Joining the team with its join code while the meeting runs does the same.
    const joiner = await account('Jo Joiner', 'jo@pm.test');
    const code = await as.facilitator.post<{ code: string }>(`/api/groups/${teamId}/join-code`, {});
    expect(code.status, JSON.stringify(code.body)).toBe(200);
    const joined = await (
      await signedInClient(t, { id: joiner.id, districtId })
    ).post('/api/join', {
      code: code.body.code,
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    await until(async () =>
      (await log()).some((e) => e.type === 'roster.added' && e.payload.memberId === joiner.id),
    );
    const nia = socketOf(as.newcomer);
    expect((await join(nia)).ok).toBe(true);
    expect(await command(nia, { type: 'suggestNote', stepId: 'observe', text: 'Hello' })).toMatchObject({
      ok: true,
    });
  });

  it('PM-GUEST-6 withdrawing an invitation while it runs takes the person off the roster, with an audit entry', async () => {
    const sam = socketOf(as.specialist);
    expect((await join(sam)).ok).toBe(true);
    const res = await as.facilitator.delete(`/api/meetings/${meetingId}/invitees/${people.specialist}`);
    expect(res.status).toBe(200);
    await until(async () => (await log()).some((e) => e.type === 'roster.removed'));
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, meetingId));
    expect(audit.map((e) => e.action)).toContain('meeting.person_uninvited');
    expect((await as.specialist.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect(
      (await as.facilitator.delete(`/api/meetings/${meetingId}/invitees/${people.specialist}`)).status,
    ).toBe(404);
  });

  it('PM-MIN-1, PM-MIN-2, PM-GUEST-3 after the end: the coach reads the minutes; they show the plan and the observation', async () => {
    expect(await command(fran, { type: 'endMeeting' })).toMatchObject({ ok: true });
    const minutes = await as.coach.get<MeetingMinutes>(`/api/meetings/${meetingId}/minutes`);
    expect(minutes.status).toBe(200);
    const part = minutes.body.parts[0];
    expect(part?.plan).toMatchObject({ modelId: people.coach, modelInvited: true, mode: 'classroom-visit' });
    expect(part?.presenterId).toBe(people.coach);
    expect(part?.observations.map((o) => [o.authorId, o.text])).toEqual([
      [people.member, 'Milo saw: pairs used the starters'],
    ]);
    const md = await as.coach.get<string>(`/api/meetings/${meetingId}/minutes.md`);
    expect(md.status).toBe(200);
    expect(md.body).toContain('- Model: Cora Coach (invited to this meeting)');
    expect(md.body).toContain('- Observation mode: Classroom visit');
    expect(md.body).toContain('### Milo Member\n\nMilo saw: pairs used the starters');
    expect(md.body).not.toContain('Cora:');
    // The leader (not a member) still cannot read the team's minutes (TRUST-READ-3).
    expect((await as.leader.get(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
    for (const s of [fran, milo, cora]) s.disconnect();
  });
});

describe('PM-PLAN-2: the team’s successes', () => {
  it('a video plan links a recorded success of the team; the link is kept in its normalized https form', async () => {
    // A Share Successes meeting the team ran, with one recorded success.
    const ss = await as.facilitator.post<{ id: string }>(`/api/groups/${teamId}/meetings`, {
      title: 'Share Successes',
      routineId: 'share-successes',
    });
    const saved = meetingId;
    meetingId = ss.body.id;
    await as.facilitator.post(`/api/meetings/${meetingId}/open`);
    const f = socketOf(as.facilitator);
    expect((await join(f)).ok).toBe(true);
    await command(f, { type: 'startMeeting' });
    expect(
      await command(f, {
        type: 'recordPresentation',
        title: 'Sentence starters in grade 3',
        summary: 'Daily',
      }),
    ).toMatchObject({ ok: true });
    await command(f, { type: 'endMeeting' });
    f.disconnect();
    const successes = await as.facilitator.get<{
      items: { meetingId: string; title: string; presenterName: string }[];
    }>(`/api/groups/${teamId}/successes`);
    expect(successes.body.items).toEqual([
      expect.objectContaining({
        meetingId: ss.body.id,
        title: 'Sentence starters in grade 3',
        presenterName: 'Fran Facilitator',
      }),
    ]);
    expect((await as.member.get(`/api/groups/${teamId}/successes`)).status).toBe(403);
    // A new Peer Modeling meeting planned from it, in video mode.
    const pm = await as.facilitator.post<{ id: string }>(`/api/groups/${teamId}/meetings`, {
      title: 'Peer Modeling by video',
      routineId: 'peer-modeling',
    });
    const res = await as.facilitator.put<MeetingPlanView>(`/api/meetings/${pm.body.id}/plan/0`, {
      ...plan({ modelId: people.member }),
      mode: 'classroom-video',
      videoUrl: '  https://Video.Example.org/watch?v=1 2  ',
      fromSuccess: { meetingId: ss.body.id, part: 0 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.parts[0]?.plan).toMatchObject({
      videoUrl: 'https://video.example.org/watch?v=1%202',
      fromSuccess: { meetingId: ss.body.id, part: 0, title: 'Sentence starters in grade 3' },
    });
    meetingId = saved;
  });
});
