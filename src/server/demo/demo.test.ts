/**
 * The demo that teaches (DAY-DEMO), against a real app and database holding the seeded demo district: the
 * public demo info, the one-click sign-in (demo mode only, demo accounts only, a normal audited session), the
 * coach's ready meeting, and a practice meeting whose simulated colleagues act through the meeting runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import type { DemoInfo } from '#contracts/demo';
import type { MeetingEvent } from '#contracts/meeting';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck, type Presence } from '#contracts/realtime';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { auditEvents, groups, meetingEvents, meetings, users } from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type TestApp,
} from '../testing/api-harness';
import { READY_MEETING_TITLE, seedDemo } from './seed';
import { DEMO_EARLIER_SURVEY_TITLE, DEMO_SURVEY_TITLE } from './survey';
import type { WaveComparison, WaveList, WaveReport } from '#contracts/surveys';

let testDb: TestDatabase;
/** A demo server (`serve --demo`), with simulated colleagues sped up. */
let demo: TestApp;
/** An ordinary server on the same database: the demo district exists there too, but it is not a demo. */
let plain: TestApp;
let port = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  demo = await createTestApp({
    testDb,
    config: { demo: true },
    demoPace: {
      arriveMs: [50, 100],
      firstMs: [100, 150],
      gapMs: [100, 150],
      tickMs: 40,
      maxRunMs: 60_000,
    },
  });
  plain = await createTestApp({ testDb });
  await seedDemo(demo.database.db);
  await demo.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = demo.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await demo.close();
  await plain.close();
  await testDb.drop();
});

async function demoInfo(): Promise<DemoInfo> {
  const res = await new Client(demo.app).get<DemoInfo>('/api/demo');
  expect(res.status).toBe(200);
  return res.body;
}

async function signInAs(name: string): Promise<{ client: Client; userId: string }> {
  const person = (await demoInfo()).people.find((p) => p.name === name);
  if (!person) throw new Error(`${name} is not listed`);
  const client = new Client(demo.app);
  const res = await client.post('/api/demo/sign-in', { userId: person.userId });
  expect(res.status).toBe(200);
  return { client, userId: person.userId };
}

describe('DAY-DEMO outside demo mode', () => {
  it('DAY-DEMO-1, DAY-DEMO-2: a server that is not a demo says so, and answers 404 to the demo sign-in and practice meetings', async () => {
    const anonymous = new Client(plain.app);
    const info = await anonymous.get<DemoInfo>('/api/demo');
    expect(info.body).toEqual({ demo: false, districtName: null, people: [], othersCount: 0 });
    const [coach] = await plain.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'coach@demo.ensemble.test'));
    expect((await anonymous.post('/api/demo/sign-in', { userId: coach!.id })).status).toBe(404);
    expect(anonymous.cookie).toBeNull();
    // Signed in the ordinary way (the demo's people exist in this database): still no practice meeting.
    const [team] = await plain.database.db.select().from(groups).where(eq(groups.name, 'Grade 3 Team'));
    const coachClient = await signedInClient(plain, coach!);
    expect((await coachClient.post(`/api/demo/groups/${team!.id}/practice-meeting`)).status).toBe(404);
  });
});

describe('DAY-DEMO in demo mode', () => {
  it('DAY-DEMO-1: the public demo info names the district and its people with role, team and what to try; no secret', async () => {
    const info = await demoInfo();
    expect(info.demo).toBe(true);
    expect(info.districtName).toBe('Riverbend Unified (demo)');
    const coach = info.people.find((p) => p.try === 'coach');
    expect(coach).toMatchObject({ name: 'Lena Ortiz', role: 'coach', schoolName: 'North Elementary' });
    expect(coach?.teams).toContainEqual({ name: 'Grade 3 Team', role: 'facilitator' });
    expect(info.people.map((p) => p.try)).toEqual(['coach', 'teacher', 'facilitator', 'principal', 'admin']);
    expect(info.othersCount).toBe(11);
    expect(JSON.stringify(info)).not.toMatch(/password|hash|session/i);
  });

  it('DAY-DEMO-2: one click signs in as a demo person through a normal session, audited as a sign-in', async () => {
    const { client, userId } = await signInAs('Lena Ortiz');
    const me = await client.get<{ id: string; name: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: userId, name: 'Lena Ortiz' });
    const audit = await demo.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, userId), eq(auditEvents.action, 'auth.sign_in')));
    expect(audit.at(-1)?.details).toEqual({ keepSignedIn: false, demo: true });
    expect(audit.at(-1)?.ip).not.toBeNull();
  });

  it('DAY-DEMO-2: only seeded accounts of the demo district: never another district’s person, a sign-up, or nobody', async () => {
    const other = await createDistrictWithAdmin(demo, 'Real District', 'admin@real.test');
    const anonymous = new Client(demo.app);
    expect((await anonymous.post('/api/demo/sign-in', { userId: other.admin.id })).status).toBe(404);
    const [district] = await demo.database.db.select().from(groups).where(eq(groups.name, 'Grade 3 Team'));
    const [signUp] = await demo.database.db
      .insert(users)
      .values({
        districtId: district!.districtId,
        email: 'visitor@example.org',
        name: 'A visitor who signed up',
        passwordHash: null,
      })
      .returning();
    expect((await anonymous.post('/api/demo/sign-in', { userId: signUp!.id })).status).toBe(404);
    expect((await anonymous.post('/api/demo/sign-in', { userId: randomUUID() })).status).toBe(404);
    expect((await anonymous.post('/api/demo/sign-in', { userId: 'not-an-id' })).status).toBe(400);
    expect(anonymous.cookie).toBeNull();
  });

  it('DAY-DEMO-3: the coach’s own team has a meeting ready to start, scheduled for today', async () => {
    const [team] = await demo.database.db.select().from(groups).where(eq(groups.name, 'Grade 3 Team'));
    const { client } = await signInAs('Lena Ortiz');
    const list = await client.get<{
      items: { title: string; status: string; scheduledFor: string; canRun: boolean }[];
    }>(`/api/groups/${team!.id}/meetings`);
    const ready = list.body.items.find((m) => m.title === READY_MEETING_TITLE);
    expect(ready).toMatchObject({ status: 'scheduled', canRun: true });
    expect(Math.abs(new Date(ready!.scheduledFor).getTime() - Date.now())).toBeLessThan(12 * 3_600_000);
    // A second `--demo` start keeps one ready meeting, moved to that day.
    await seedDemo(demo.database.db);
    const again = await demo.database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.groupId, team!.id), eq(meetings.title, READY_MEETING_TITLE)));
    expect(again).toHaveLength(1);
  });

  it('DAY-DEMO-5: simulated colleagues come online and act through the meeting runtime, as events of their own, carry on when the visitor leaves, and stop at the end', async () => {
    const [team] = await demo.database.db.select().from(groups).where(eq(groups.name, 'Grade 3 Team'));
    const coach = await signInAs('Lena Ortiz');
    const started = await coach.client.post<{ meetingId: string }>(
      `/api/demo/groups/${team!.id}/practice-meeting`,
    );
    expect(started.status).toBe(200);
    const { meetingId } = started.body;

    /** The visitor's browser tab: a socket in the meeting, what it received, and a way to send commands. */
    const tab = async () => {
      const socket = connect(`http://127.0.0.1:${port}`, {
        path: '/socket.io',
        extraHeaders: { cookie: `ensemble_session=${coach.client.cookie}` },
        reconnection: false,
      });
      sockets.push(socket);
      const seen: MeetingEvent[] = [];
      const view = { seen, present: [] as Presence['present'], socket };
      socket.on('meeting:events', (p: { events: MeetingEvent[] }) => seen.push(...p.events));
      socket.on('meeting:presence', (p: Presence) => (view.present = p.present));
      const joined = (await socket.timeout(5000).emitWithAck('meeting:join', {
        protocolVersion: PROTOCOL_VERSION,
        meetingId,
        lastSeq: 0,
      })) as JoinAck;
      expect(joined.ok).toBe(true);
      if (joined.ok) seen.push(...joined.events);
      const send = async (cmd: Record<string, unknown>) => {
        const ack = (await socket.timeout(5000).emitWithAck('meeting:command', {
          meetingId,
          command: { idempotencyKey: randomUUID(), ...cmd },
        })) as CommandAck;
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
      };
      return { view, send };
    };
    const first = await tab();
    const { seen } = first.view;
    const send = first.send;

    const colleagueIds = new Set(
      (await demo.database.db.select().from(users))
        .filter((u) => ['Sam Okafor', 'Jo Lindqvist', 'Ana Beltrán'].includes(u.name))
        .map((u) => u.id),
    );
    // They come online (presence), without a socket of their own.
    await expect
      .poll(() => first.view.present.filter((p) => colleagueIds.has(p.userId)).length, { timeout: 5_000 })
      .toBe(3);

    // A lone visitor facilitates: start, then walk the steps; colleagues act in each.
    await send({ type: 'startMeeting' });
    const fromColleagues = (type: string) =>
      seen.filter((e) => e.type === type && colleagueIds.has(e.actorId));
    await expect.poll(() => fromColleagues('reflection.shared').length, { timeout: 5_000 }).toBe(1);
    // Private reflections reach the visitor only as placeholders, never their text.
    expect(JSON.stringify(seen)).not.toContain('My quiet group');
    const steps = ['identify', 'describe', 'clarify', 'team-reflects', 'presenter-reflects'];
    const expectations: Record<string, string> = {
      describe: 'presentation.recorded',
      clarify: 'question.submitted',
      'team-reflects': 'note.suggested',
    };
    for (const [i, stepId] of steps.entries()) {
      if (i > 0) {
        const type = expectations[stepId];
        if (type) await expect.poll(() => fromColleagues(type).length, { timeout: 5_000 }).toBeGreaterThan(0);
      }
      await send({ type: 'nextStep', fromStepId: stepId });
    }
    // The visitor closes the tab in the final step: the colleagues carry on, on the server.
    first.view.socket.disconnect();
    const colleagueEventsInLog = async (type: string) =>
      (
        await demo.database.db.select().from(meetingEvents).where(eq(meetingEvents.meetingId, meetingId))
      ).filter((e) => e.type === type && colleagueIds.has(e.actorId)).length;
    await expect.poll(() => colleagueEventsInLog('source.tagged'), { timeout: 5_000 }).toBeGreaterThan(0);
    await expect.poll(() => colleagueEventsInLog('action-item.added'), { timeout: 5_000 }).toBeGreaterThan(0);
    const second = await tab();
    expect(second.view.seen.some((e) => e.type === 'source.tagged' && colleagueIds.has(e.actorId))).toBe(
      true,
    );
    // Questions are clarifying in the clarifying step, and every colleague event is an ordinary command's.
    const questions = seen.flatMap((e) => (e.type === 'question.submitted' ? [e.payload.kind] : []));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((kind) => kind === 'clarifying')).toBe(true);
    expect(seen.filter((e) => colleagueIds.has(e.actorId)).every((e) => e.idempotencyKey !== null)).toBe(
      true,
    );

    await second.send({ type: 'endMeeting' });
    await expect
      .poll(() => second.view.present.filter((p) => colleagueIds.has(p.userId)).length, { timeout: 5_000 })
      .toBe(0);
    const atEnd = second.view.seen.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(second.view.seen.length).toBe(atEnd);
  });
});

describe('PM-GUEST-5 in the demo district (issue 11)', () => {
  it('the Grade 3 Team has a planned Peer Modeling meeting with the instructional coach invited as its model', async () => {
    // Not one of the featured demo people: signed in directly.
    const [nora] = await demo.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'instructional-coach@demo.ensemble.test'));
    if (!nora) throw new Error('no instructional coach in the demo district');
    const client = await signedInClient(demo, nora);
    const invited = await client.get<{ items: { id: string; title: string; groupName: string }[] }>(
      '/api/me/invited-meetings',
    );
    expect(invited.body.items).toEqual([
      expect.objectContaining({ title: 'Peer Modeling: turn and talk', groupName: 'Grade 3 Team' }),
    ]);
    const id = invited.body.items[0]?.id ?? '';
    const plan = await client.get<{
      parts: { plan: { modelName: string; mode: string } | null }[];
      invitees: { name: string; role: string }[];
    }>(`/api/meetings/${id}/plan`);
    expect(plan.body.parts[0]?.plan).toMatchObject({ modelName: 'Nora Haddad', mode: 'classroom-visit' });
    expect(plan.body.invitees).toEqual([expect.objectContaining({ name: 'Nora Haddad', role: 'model' })]);
  });
});

describe('DEMO-SURVEY-1 in the demo district (issue 13)', () => {
  it('the district admin finds a closed autumn survey whose district results are shown and whose small groups are not', async () => {
    const [admin] = await demo.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'admin@demo.ensemble.test'));
    if (!admin) throw new Error('no demo admin');
    const client = await signedInClient(demo, admin);
    const waves = await client.get<WaveList>('/api/surveys/waves');
    const autumn = waves.body.items.find((w) => w.title === DEMO_SURVEY_TITLE);
    expect(autumn).toMatchObject({ status: 'closed', invited: 16, responses: 12 });
    const report = await client.get<WaveReport>(`/api/surveys/waves/${autumn!.id}/report`);
    expect(report.status).toBe(200);
    const district = report.body.cell;
    expect(district?.node.kind).toBe('district');
    expect(district?.status).toBe('shown');
    if (district?.status === 'shown') expect(district.constructs).toHaveLength(5);
    expect(report.body.children.some((c) => c.status !== 'shown')).toBe(true);
  });

  it('DEMO-SURVEY-2 an earlier closed wave of the same questions compares with it: lower on mastery at the district, and a school the earlier wave does not show', async () => {
    const [admin] = await demo.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'admin@demo.ensemble.test'));
    if (!admin) throw new Error('no demo admin');
    const client = await signedInClient(demo, admin);
    const waves = (await client.get<WaveList>('/api/surveys/waves')).body.items;
    const autumn = waves.find((w) => w.title === DEMO_SURVEY_TITLE);
    const earlier = waves.find((w) => w.title === DEMO_EARLIER_SURVEY_TITLE);
    if (!autumn || !earlier) throw new Error('the demo has not both waves');
    expect(earlier).toMatchObject({
      status: 'closed',
      invited: 16,
      responses: 11,
      instrument: autumn.instrument,
    });
    expect(earlier.closesOn < autumn.opensOn).toBe(true);
    const compare = (at: string) =>
      client.get<WaveComparison>(`/api/surveys/compare?before=${earlier.id}&after=${autumn.id}&at=${at}`);
    const district = await compare('district');
    expect(district.status).toBe(200);
    expect(district.body.rows).toHaveLength(5);
    for (const row of district.body.rows) expect(row.change).not.toBeNull();
    const mastery = district.body.rows.find((r) => r.construct === 'mastery');
    expect(mastery?.before).toMatchObject({ n: 11 });
    expect(mastery?.after).toMatchObject({ n: 12 });
    expect(mastery?.change).toMatchObject({ direction: 'higher', couldBeChance: false });
    // The same anonymity rules: a school with too few answers in the earlier wave has no numbers there.
    const report = await client.get<WaveReport>(`/api/surveys/waves/${autumn.id}/report`);
    const south = report.body.children.find((c) => c.node.name === 'South Middle School');
    expect(south?.status).toBe('shown');
    const school = await compare(`school:${south?.node.id ?? ''}`);
    expect(school.body.rows.length).toBeGreaterThan(0);
    for (const row of school.body.rows) {
      expect(row.before).toBeNull();
      expect(row.after).not.toBeNull();
      expect(row.change).toBeNull();
    }
  });
});
