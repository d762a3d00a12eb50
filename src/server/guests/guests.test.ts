/**
 * DAY-FIRST: the guided first run and meeting guests (ADR 0013), over REST and real sockets.
 * A guest (no account) asks to join an open meeting by its code under a display name, waits until the
 * facilitator admits them, then takes part in that meeting only: not another meeting, not the team page, not
 * after the meeting ends. The team's facilitator decides; another district never finds any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import type { MeetingEvent } from '#contracts/meeting';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck } from '#contracts/realtime';
import { auditEvents, groupMembers, groups, meetings, schools, users } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { GUEST_COOKIE } from './sessions';

let t: TestApp;
let port = 0;
let districtId = '';
let adminClient: Client;
let foreignAdmin: Client;
const sockets: Socket[] = [];

/** A browser without an account: keeps the guest cookie it is given. */
class GuestClient {
  cookie: string | null = null;
  readonly remoteAddress = `10.9.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  async request(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        host: TEST_HOST,
        ...(this.cookie ? { cookie: `${GUEST_COOKIE}=${this.cookie}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const set = res.cookies.find((c) => c.name === GUEST_COOKIE);
    if (set) this.cookie = set.value || null;
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as unknown };
  }
  async ask(code: string, name: string) {
    const res = await this.request('POST', '/api/meeting-guests', { code, name });
    return { status: res.status, body: res.body as { guestId: string; status: string } };
  }
  async session() {
    const res = await this.request('GET', '/api/meeting-guests/me');
    return {
      status: res.status,
      body: res.body as { status: string; meeting: { id: string; canRun: boolean } | null },
    };
  }
}

function socketWith(cookie: string): Socket {
  const s = connect(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    extraHeaders: { cookie },
    reconnection: false,
  });
  sockets.push(s);
  return s;
}
const guestSocket = (g: GuestClient) => socketWith(`${GUEST_COOKIE}=${g.cookie ?? ''}`);
const accountSocket = (c: Client) => socketWith(`ensemble_session=${c.cookie ?? ''}`);

const join = (s: Socket, meetingId: string) =>
  s.timeout(5000).emitWithAck('meeting:join', {
    protocolVersion: PROTOCOL_VERSION,
    meetingId,
    lastSeq: 0,
  }) as Promise<JoinAck>;
const command = (s: Socket, meetingId: string, cmd: Record<string, unknown>) =>
  s.timeout(5000).emitWithAck('meeting:command', {
    meetingId,
    command: { idempotencyKey: randomUUID(), ...cmd },
  }) as Promise<CommandAck>;

/** Resolves once the socket is connected, or with the handshake's refusal. */
const connected = (s: Socket) =>
  new Promise<string>((resolve) => {
    if (s.connected) resolve('connected');
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (err) => resolve(err.message));
  });

const until = async (check: () => boolean, ms = 4000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

interface FirstRun {
  schoolId: string;
  groupId: string;
  meetingId: string;
}
let first: FirstRun;
let code = '';
let member: Client;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const a = await createDistrictWithAdmin(t, 'Guest District', 'admin@guests.test');
  districtId = a.district.id;
  adminClient = await signedInClient(t, a.admin);
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other.test');
  foreignAdmin = await signedInClient(t, b.admin);
  const res = await adminClient.post<FirstRun>('/api/setup/first-team', {
    schoolName: 'Lincoln Elementary',
    teamName: 'Grade 3',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  first = res.body;
  const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, first.meetingId));
  code = m!.joinCode;
  // A team member with an account, for the "not the facilitator" and privacy cases.
  const [u] = await t.database.db
    .insert(users)
    .values({
      districtId,
      email: 'member@guests.test',
      name: 'Mia Member',
      passwordHash: await hashPassword('member test password'),
    })
    .returning();
  await t.database.db
    .insert(groupMembers)
    .values({ districtId, groupId: first.groupId, userId: u!.id, role: 'member' });
  member = await signedInClient(t, u!);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

describe('DAY-FIRST-1: first steps after setup', () => {
  it('DAY-FIRST-1 one request makes the school, the admin’s own team (facilitator) and an open Share Successes meeting', async () => {
    const db = t.database.db;
    const [school] = await db.select().from(schools).where(eq(schools.id, first.schoolId));
    expect(school?.name).toBe('Lincoln Elementary');
    const [team] = await db.select().from(groups).where(eq(groups.id, first.groupId));
    expect(team).toMatchObject({ name: 'Grade 3', schoolId: first.schoolId, kind: 'teacher_team' });
    const me = await adminClient.get<{ id: string }>('/api/auth/me');
    const roles = await db
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, first.groupId), eq(groupMembers.userId, me.body.id)));
    expect(roles[0]?.role).toBe('facilitator');
    const meeting = await adminClient.get<{
      status: string;
      canRun: boolean;
      agenda: { routineId: string }[];
    }>(`/api/meetings/${first.meetingId}`);
    expect(meeting.body).toMatchObject({ status: 'live', canRun: true });
    expect(meeting.body.agenda.map((a) => a.routineId)).toEqual(['share-successes']);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, first.groupId));
    expect(audit.map((e) => e.action).sort()).toEqual(['group.member_added', 'setup.first_team']);
    expect(audit.find((e) => e.action === 'group.member_added')?.details).toMatchObject({
      role: 'facilitator',
      via: 'first_run',
    });
  });

  it('DAY-FIRST-1 bad input is a 400 naming the field, and creates nothing', async () => {
    const before = (await t.database.db.select().from(schools)).length;
    for (const [body, field] of [
      [{ schoolName: '', teamName: 'T' }, 'schoolName'],
      [{ schoolName: 'S' }, 'teamName'],
      [{ schoolName: 'S', teamName: 'x'.repeat(121) }, 'teamName'],
      [{ schoolName: 'S', teamName: 'T', extra: 1 }, 'extra'],
    ] as const) {
      const res = await adminClient.post<{ error: { fields?: { path: string }[] } }>(
        '/api/setup/first-team',
        body,
      );
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error.fields)).toContain(field);
    }
    expect(await t.database.db.select().from(schools)).toHaveLength(before);
    // A member is not an admin: 403.
    expect((await member.post('/api/setup/first-team', { schoolName: 'S', teamName: 'T' })).status).toBe(403);
  });
});

describe('DAY-FIRST-3..6: meeting guests', () => {
  it('DAY-FIRST-3 a guest asks with the code and a name only; bad input 400s; an unknown code is 404', async () => {
    const g = new GuestClient();
    const bad = [
      [{ code, name: '' }, 'name'],
      [{ code }, 'name'],
      [{ code, name: 'x'.repeat(81) }, 'name'],
      [{ code, name: 'Gia', email: 'gia@x.test' }, 'email'],
      [{ code: 5, name: 'Gia' }, 'code'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await g.request('POST', '/api/meeting-guests', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await g.ask('ZZZZZZ', 'Gia')).status).toBe(404);
    expect(g.cookie).toBeNull();
    const asked = await g.ask(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`, '  Gia Guest ');
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('waiting');
    expect(g.cookie).toBeTruthy();
    // A signed-in person joins with their account instead.
    expect((await member.post('/api/meeting-guests', { code, name: 'Mia' })).status).toBe(409);
  });

  it('DAY-FIRST-4 a guest not yet admitted gets nothing of the meeting (REST or socket)', async () => {
    const g = new GuestClient();
    await g.ask(code, 'Waiting Wes');
    const s = await g.session();
    expect(s.body).toMatchObject({ status: 'waiting', meeting: null });
    expect((await g.request('GET', `/api/meetings/${first.meetingId}`)).status).toBe(401);
    expect((await g.request('GET', `/api/meetings/${first.meetingId}/minutes`)).status).toBe(401);
    const sock = guestSocket(g);
    expect(await connected(sock)).toBe('connected');
    const joined = await join(sock, first.meetingId);
    expect(joined).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The team sees them waiting.
    const list = await member.get<{ items: { name: string; status: string }[] }>(
      `/api/meetings/${first.meetingId}/guests`,
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ name: 'Waiting Wes', status: 'waiting' }),
    );
  });

  it('DAY-FIRST-4 only the facilitator admits; then the guest takes part in that meeting over the socket', async () => {
    const g = new GuestClient();
    const asked = await g.ask(code, 'Gia Guest');
    const admitUrl = `/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/admit`;
    expect((await member.post(admitUrl)).status).toBe(403);
    expect((await foreignAdmin.post(admitUrl)).status).toBe(404);
    const admitted = await adminClient.post<{ status: string }>(admitUrl);
    expect(admitted.status).toBe(200);
    expect(admitted.body.status).toBe('admitted');
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'meeting.guest_admitted'));
    expect(entry?.details).toEqual({ guestId: asked.body.guestId });
    const s = await g.session();
    expect(s.body).toMatchObject({ status: 'admitted', meeting: { id: first.meetingId, canRun: false } });

    const facilitator = accountSocket(adminClient);
    const guest = guestSocket(g);
    expect((await join(facilitator, first.meetingId)).ok).toBe(true);
    const joined = await join(guest, first.meetingId);
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    expect(joined.events.map((e) => e.type)).toContain('roster.guest-admitted');
    const seen: MeetingEvent[] = [];
    guest.on('meeting:events', (p: { events: MeetingEvent[] }) => seen.push(...p.events));
    expect((await command(facilitator, first.meetingId, { type: 'startMeeting' })).ok).toBe(true);
    expect(
      (await command(guest, first.meetingId, { type: 'suggestNote', stepId: 'identify', text: 'Guest idea' }))
        .ok,
    ).toBe(true);
    // Private reflections stay private, between guests as between anyone.
    const secret = `private-${randomUUID()}`;
    // Mia joined the team after the meeting opened (so she is not on its roster): a second guest writes.
    const g2 = new GuestClient();
    const asked2 = await g2.ask(code, 'Second Sam');
    await adminClient.post(`/api/meetings/${first.meetingId}/guests/${asked2.body.guestId}/admit`);
    const sam = guestSocket(g2);
    expect((await join(sam, first.meetingId)).ok).toBe(true);
    const wrote = await command(sam, first.meetingId, {
      type: 'writeReflection',
      stepId: 'identify',
      text: secret,
    });
    expect(wrote.ok, JSON.stringify(wrote)).toBe(true);
    await until(() => seen.some((e) => e.type === 'event.redacted'));
    expect(JSON.stringify(seen)).not.toContain(secret);
    // …and the guest cannot run the meeting.
    const next = await command(guest, first.meetingId, { type: 'nextStep', fromStepId: 'identify' });
    expect(next).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('DAY-FIRST-5 a guest takes part in its meeting only: not another meeting, not the team page, nor the district', async () => {
    const g = new GuestClient();
    const asked = await g.ask(code, 'Roaming Ray');
    await adminClient.post(`/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/admit`);
    // Another live meeting of the same team.
    const other = await adminClient.post<{ id: string }>(`/api/groups/${first.groupId}/meetings`, {
      title: 'Other',
      routineId: 'problem-solve',
    });
    expect((await adminClient.post(`/api/meetings/${other.body.id}/open`)).status).toBe(200);
    const sock = guestSocket(g);
    expect(await join(sock, other.body.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await join(sock, randomUUID())).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A guest cookie is no account: every account endpoint answers 401.
    for (const url of [
      `/api/groups/${first.groupId}`,
      `/api/groups/${first.groupId}/meetings`,
      `/api/meetings/${first.meetingId}/guests`,
      '/api/auth/me',
      '/api/schools',
      '/api/people',
    ])
      expect((await g.request('GET', url)).status, url).toBe(401);
    // Watching the team's page over the socket is refused too.
    const watch = (await sock
      .timeout(5000)
      .emitWithAck('team:watch', { groupId: first.groupId })
      .catch(() => ({ ok: false, error: { code: 'no_such_event' } }))) as { ok: boolean };
    expect(watch.ok).toBe(false);
  });

  it('DAY-FIRST-6 tenant: another district’s admin finds neither the meeting’s guests nor its code', async () => {
    expect((await foreignAdmin.get(`/api/meetings/${first.meetingId}/guests`)).status).toBe(404);
    const g = new GuestClient();
    const asked = await g.ask(code, 'Tess');
    expect(
      (await foreignAdmin.post(`/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/decline`))
        .status,
    ).toBe(404);
    const fsock = accountSocket(foreignAdmin);
    expect(await join(fsock, first.meetingId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('DAY-FIRST-4 a declined guest is turned away and gets no socket', async () => {
    const g = new GuestClient();
    const asked = await g.ask(code, 'Nope');
    expect(
      (await member.post(`/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/decline`)).status,
    ).toBe(403);
    const res = await adminClient.post<{ status: string }>(
      `/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/decline`,
    );
    expect(res.body.status).toBe('declined');
    const declined = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'meeting.guest_declined'));
    expect(declined.map((entry) => entry.details)).toContainEqual({ guestId: asked.body.guestId });
    expect((await g.session()).body.status).toBe('declined');
    expect(await connected(guestSocket(g))).toBe('unauthenticated');
    // A declined guest cannot be admitted afterwards by accident.
    expect(
      (await adminClient.post(`/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/admit`)).status,
    ).toBe(409);
  });

  it('DAY-FIRST-5 when the meeting ends the guest’s access ends: socket closed, no rejoin, status ended', async () => {
    const g = new GuestClient();
    const asked = await g.ask(code, 'Last Lou');
    await adminClient.post(`/api/meetings/${first.meetingId}/guests/${asked.body.guestId}/admit`);
    const guest = guestSocket(g);
    expect((await join(guest, first.meetingId)).ok).toBe(true);
    let closed = false;
    guest.on('disconnect', () => {
      closed = true;
    });
    const facilitator = accountSocket(adminClient);
    expect((await join(facilitator, first.meetingId)).ok).toBe(true);
    expect((await command(facilitator, first.meetingId, { type: 'endMeeting' })).ok).toBe(true);
    await until(() => closed, 4000);
    expect((await g.session()).body.status).toBe('ended');
    expect(await connected(guestSocket(g))).toBe('unauthenticated');
    expect((await g.ask(code, 'Again')).status).toBe(404);
    // The minutes list the guests (the team reads them; guests do not).
    const minutes = await member.get<{ guests: { name: string }[] }>(
      `/api/meetings/${first.meetingId}/minutes`,
    );
    expect(minutes.body.guests.map((x) => x.name)).toEqual(
      expect.arrayContaining(['Gia Guest', 'Roaming Ray', 'Last Lou']),
    );
    expect((await g.request('GET', `/api/meetings/${first.meetingId}/minutes`)).status).toBe(401);
  });
});
