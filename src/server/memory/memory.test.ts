/**
 * Team memory: records over REST and a real socket (issue 12, ADR 0019, docs/SPEC.md MEM-*): a Share Successes
 * meeting that ends leaves its success; a Problem-Solve's dilemma is resolved with evidence and becomes a linked
 * success; members log, edit, tag and link records; nobody outside the team reads any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import type { MemoryPage, MemoryRecord } from '#contracts/memory';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck } from '#contracts/realtime';
import { createMeeting, decide, evolve, replay } from '#core/meeting/index';
import type { MeetingEvent } from '#contracts/meeting';
import { hashPassword } from '../auth/passwords';
import {
  groupMembers,
  groups,
  meetingEvents,
  meetings,
  memoryRecords,
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
import { materializeMeetingMemory } from './materialize';

let t: TestApp;
let port = 0;
let districtId = '';
let teamId = '';
let otherTeamId = '';
let foreignTeamId = '';
const sockets: Socket[] = [];
const people = { fran: '', milo: '', pia: '', lena: '', otto: '' };
let as: Record<keyof typeof people | 'admin' | 'foreign', Client>;
let passwordHash = '';

async function account(name: string, email: string, district = districtId) {
  const [u] = await t.database.db
    .insert(users)
    .values({ districtId: district, email, name, passwordHash, emailVerifiedAt: new Date() })
    .returning();
  return u!;
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

const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const base = () => `/api/groups/${teamId}/memory`;

/** An ended meeting of the team written straight into the log (memory not drawn yet): its id. */
async function endedMeeting(
  routineId: string,
  steps: (state: ReturnType<typeof replay>) => [string, Record<string, unknown>][],
): Promise<string> {
  const routine = loadShippedRoutines().get(routineId)!;
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId,
      groupId: teamId,
      title: 'Tuesday PLC',
      agenda: [{ routineId, routineVersion: 1, routineName: routine.name, minutes: 30 }],
      totalMinutes: 30,
      joinCode: randomUUID()
        .replace(/[^A-HJ-NP-Z2-9]/gi, 'K')
        .toUpperCase()
        .slice(0, 6),
      createdBy: people.fran,
    })
    .returning();
  const made = createMeeting({
    meetingId: m!.id,
    agenda: [routine],
    memberIds: [people.fran, people.milo, people.pia],
    facilitatorId: people.fran,
    now: Date.now(),
  });
  if (!made.ok) throw new Error(made.error.message);
  let state = replay(made.events);
  const events: MeetingEvent[] = [...made.events];
  const run = (actorId: string, c: Record<string, unknown>) => {
    const d = decide(state, { ...c, actorId, idempotencyKey: randomUUID() } as never, {
      now: Date.now(),
      newId: randomUUID(),
    });
    if (!d.ok) throw new Error(`${String(c.type)}: ${d.error.message}`);
    events.push(...d.events);
    state = d.events.reduce(evolve, state);
  };
  run(people.fran, { type: 'assignRoles', presenter: people.milo });
  run(people.fran, { type: 'startMeeting' });
  for (const [actor, c] of steps(state)) run(actor, c);
  run(people.fran, { type: 'endMeeting' });
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId, meetingId: m!.id, ...e })));
  await t.database.db
    .update(meetings)
    .set({ status: 'ended', startedAt: new Date(), endedAt: new Date() })
    .where(eq(meetings.id, m!.id));
  return m!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const a = await createDistrictWithAdmin(t, 'Memory District', 'admin@mem.test');
  districtId = a.district.id;
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other-mem.test');
  passwordHash = await hashPassword('memory test password');
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'Lincoln' }).returning();
  const [team, other] = await db
    .insert(groups)
    .values([
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 3' },
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 4' },
    ])
    .returning();
  teamId = team!.id;
  otherTeamId = other!.id;
  const [foreignSchool] = await db
    .insert(schools)
    .values({ districtId: b.district.id, name: 'Far' })
    .returning();
  const [foreignTeam] = await db
    .insert(groups)
    .values({
      districtId: b.district.id,
      schoolId: foreignSchool!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Far team',
    })
    .returning();
  foreignTeamId = foreignTeam!.id;
  // District B's admin belongs to a team of their own: asking it for a record of A still finds nothing.
  await db
    .insert(groupMembers)
    .values({ districtId: b.district.id, groupId: foreignTeamId, userId: b.admin.id, role: 'facilitator' });
  people.fran = (await account('Fran Facilitator', 'fran@mem.test')).id;
  people.milo = (await account('Milo Member', 'milo@mem.test')).id;
  people.pia = (await account('Pia Peer', 'pia@mem.test')).id;
  people.lena = (await account('Lena Leader', 'lena@mem.test')).id;
  people.otto = (await account('Otto Other', 'otto@mem.test')).id;
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: people.fran, role: 'facilitator' },
    { districtId, groupId: teamId, userId: people.milo, role: 'member' },
    { districtId, groupId: teamId, userId: people.pia, role: 'member' },
    { districtId, groupId: otherTeamId, userId: people.otto, role: 'facilitator' },
  ]);
  await db
    .insert(schoolRoles)
    .values({ districtId, schoolId: school!.id, userId: people.lena, role: 'school_leader' });
  const client = (id: string) => signedInClient(t, { id, districtId });
  as = {
    fran: await client(people.fran),
    milo: await client(people.milo),
    pia: await client(people.pia),
    lena: await client(people.lena),
    otto: await client(people.otto),
    admin: a.client,
    foreign: b.client,
  };
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

let successId = '';
let dilemmaId = '';

describe('MEM-REC-1: an ended Share Successes meeting leaves its success', () => {
  it('MEM-REC-1, MEM-REC-2, MEM-REC-5 the live meeting ends; the hook draws the success with its evidence', async () => {
    const scheduled = await as.fran.post<{ id: string }>(`/api/groups/${teamId}/meetings`, {
      title: 'Week 12',
      routineId: 'share-successes',
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const meetingId = scheduled.body.id;
    expect((await as.fran.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
    const fran = socketOf(as.fran);
    const milo = socketOf(as.milo);
    for (const s of [fran, milo]) expect((await join(s, meetingId)).ok).toBe(true);
    const ok = { ok: true };
    expect(await command(fran, meetingId, { type: 'assignRoles', presenter: people.milo })).toMatchObject(ok);
    expect(await command(fran, meetingId, { type: 'startMeeting' })).toMatchObject(ok);
    expect(
      await command(milo, meetingId, {
        type: 'writeReflection',
        stepId: 'identify',
        text: 'PRIVATE-milo-doubt',
      }),
    ).toMatchObject(ok);
    expect(await command(fran, meetingId, { type: 'nextStep', fromStepId: 'identify' })).toMatchObject(ok);
    expect(
      await command(milo, meetingId, {
        type: 'recordPresentation',
        title: 'Exit tickets',
        summary: 'Daily exit tickets in math',
        evidence: 'Unit scores rose from 61% to 78%',
      }),
    ).toMatchObject(ok);
    for (const [stepId, text] of [
      ['team-reflects', 'Short and daily'],
      ['presenter-reflects', 'Keep it to three questions'],
      ['final', 'Feedback loops work'],
    ])
      expect(await command(fran, meetingId, { type: 'writeNote', stepId, text })).toMatchObject(ok);
    expect(await command(fran, meetingId, { type: 'endMeeting' })).toMatchObject(ok);
    // The committed hook draws it without any list being read.
    const drawn = async () =>
      t.database.db
        .select()
        .from(memoryRecords)
        .where(and(eq(memoryRecords.districtId, districtId), eq(memoryRecords.meetingId, meetingId)));
    await until(async () => (await drawn()).length === 1);
    const [meeting] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId));
    await until(async () => {
      const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId));
      return m?.memoryAt !== null;
    });
    expect(meeting?.status).toBe('ended');
    // Idempotent: drawing again inserts nothing.
    expect(await materializeMeetingMemory(t.database.db, districtId, meetingId)).toEqual([]);

    const list = await as.pia.get<MemoryPage>(`${base()}?kind=success`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items).toMatchObject([
      {
        title: 'Exit tickets',
        excerpt: 'Daily exit tickets in math',
        authorName: 'Milo Member',
        meeting: { title: 'Week 12' },
      },
    ]);
    successId = list.body.items[0]!.id;
    const record = await as.pia.get<MemoryRecord>(`${base()}/${successId}`);
    expect(record.body).toMatchObject({
      kind: 'success',
      authorId: people.milo,
      content: {
        story: 'Daily exit tickets in math',
        evidence: 'Unit scores rose from 61% to 78%',
        whatWorked: 'Short and daily',
        insight: 'Keep it to three questions',
        learned: 'Feedback loops work',
      },
      abilities: { edit: false, resolve: false },
    });
    expect(JSON.stringify([list.body, record.body])).not.toContain('PRIVATE-milo-doubt');
    // The minutes carry the evidence too.
    const minutes = await as.pia.get<{ parts: { presentation: { evidence: string } | null }[] }>(
      `/api/meetings/${meetingId}/minutes`,
    );
    expect(minutes.body.parts[0]?.presentation?.evidence).toBe('Unit scores rose from 61% to 78%');
  });

  it('MEM-REC-1 a list draws what the hook missed (ended meetings without memory_at)', async () => {
    const meetingId = await endedMeeting('problem-solve', () => [
      [people.fran, { type: 'nextStep', fromStepId: 'identify' }],
      [
        people.milo,
        { type: 'recordPresentation', title: 'Quiet groups', summary: 'Groups stall after 5 minutes' },
      ],
      [people.fran, { type: 'writeNote', stepId: 'discuss', text: 'Role cards; a visible timer' }],
      [
        people.milo,
        { type: 'addActionItem', text: 'Try role cards in period 2', ownerId: people.milo, due: null },
      ],
    ]);
    const list = await as.milo.get<MemoryPage>(`${base()}?kind=dilemma&status=open`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((i) => [i.title, i.status])).toEqual([['Quiet groups', 'open']]);
    dilemmaId = list.body.items[0]!.id;
    const record = await as.milo.get<MemoryRecord>(`${base()}/${dilemmaId}`);
    expect(record.body).toMatchObject({
      meeting: { id: meetingId, title: 'Tuesday PLC' },
      content: {
        kind: 'dilemma',
        suggestedActions: 'Role cards; a visible timer',
        nextSteps: [{ text: 'Try role cards in period 2', ownerId: people.milo }],
      },
      abilities: { edit: true, resolve: true },
    });
  });
});

describe('MEM-DIL-3: a dilemma resolved with evidence becomes a success linked to it', () => {
  it('MEM-DIL-3 only its author or a facilitator resolves it, with evidence; both records link', async () => {
    const url = () => `${base()}/${dilemmaId}/resolve`;
    expect((await as.pia.post(url(), { evidence: 'Fewer stalls' })).status).toBe(403);
    const empty = await as.milo.post(url(), { evidence: '  ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('evidence');
    const resolved = await as.milo.post<MemoryRecord>(url(), { evidence: 'Groups finished 9 of 10 tasks' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: 'Groups finished 9 of 10 tasks',
      resolvedBy: { id: people.milo, name: 'Milo Member' },
      abilities: { resolve: false },
      links: { successFromIt: { kind: 'success', title: 'Quiet groups' } },
    });
    const success = await as.pia.get<MemoryRecord>(`${base()}/${resolved.body.links.successFromIt!.id}`);
    expect(success.body).toMatchObject({
      kind: 'success',
      authorId: people.milo,
      content: {
        story: 'Groups stall after 5 minutes',
        evidence: 'Groups finished 9 of 10 tasks',
        whatWorked: '- Try role cards in period 2',
      },
      links: { fromDilemma: { id: dilemmaId, kind: 'dilemma', title: 'Quiet groups' } },
    });
    const library = await as.pia.get<MemoryPage>(`${base()}?kind=success`);
    expect(library.body.items.find((i) => i.id === success.body.id)?.fromDilemma).toBe(true);
    // MEM-DIL-4: once.
    expect((await as.fran.post(url(), { evidence: 'Again' })).status).toBe(409);
    expect((await as.fran.post(`${base()}/${successId}/resolve`, { evidence: 'x' })).status).toBe(409);
  });
});

describe('MEM-REC-6, MEM-OBS-2, MEM-REC-11, MEM-TAG: members log, link, edit and tag', () => {
  let observationId = '';
  let loggedId = '';
  beforeAll(async () => {
    const [o] = await t.database.db
      .insert(memoryRecords)
      .values({
        districtId,
        groupId: teamId,
        kind: 'observation',
        authorId: people.fran,
        title: 'Turn and talk',
        content: {
          kind: 'observation',
          practice: 'Stems',
          curiosity: '',
          modelId: null,
          mode: null,
          notes: [],
          questions: [],
          learned: '',
        },
        occurredAt: new Date(),
      })
      .returning();
    observationId = o!.id;
  });

  it('MEM-REC-6 a member logs a success outside a meeting; bad input answers 400 naming the field', async () => {
    const body = {
      title: 'Reading buddies',
      story: 'Grade 5 read with grade 1',
      evidence: 'Fluency up 12 wcpm',
      whatWorked: 'Weekly slot',
      insight: '',
      tags: { grade: ' 1 ', subject: 'Reading', strategy: '', studentGroup: null },
      occurredOn: '2026-11-20',
    };
    const noTitle = await as.pia.post(`${base()}/successes`, { ...body, title: '' });
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.body)).toContain('title');
    const badDate = await as.pia.post(`${base()}/successes`, { ...body, occurredOn: '20 Nov' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('occurredOn');
    const notObservation = await as.pia.post(`${base()}/successes`, { ...body, inspiredById: successId });
    expect(notObservation.status).toBe(400);
    expect(JSON.stringify(notObservation.body)).toContain('inspiredById');
    const logged = await as.pia.post<MemoryRecord>(`${base()}/successes`, {
      ...body,
      inspiredById: observationId,
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(200);
    expect(logged.body).toMatchObject({
      authorName: 'Pia Peer',
      meeting: null,
      occurredAt: '2026-11-20T12:00:00.000Z',
      tags: { grade: '1', subject: 'Reading', strategy: null, studentGroup: null },
      links: { inspiredBy: { id: observationId, kind: 'observation' } },
      abilities: { edit: true, resolve: false },
    });
    loggedId = logged.body.id;
  });

  it('MEM-OBS-2 any member links a success to an observation; the observation lists what it inspired', async () => {
    const bad = await as.milo.put(`${base()}/${successId}/inspired-by`, { observationId: dilemmaId });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('observationId');
    const linked = await as.milo.put<MemoryRecord>(`${base()}/${successId}/inspired-by`, { observationId });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const observation = await as.milo.get<MemoryRecord>(`${base()}/${observationId}`);
    expect(observation.body.links.inspired.map((l) => l.id).sort()).toEqual([successId, loggedId].sort());
    const unlinked = await as.milo.put<MemoryRecord>(`${base()}/${successId}/inspired-by`, {
      observationId: null,
    });
    expect(unlinked.body.links.inspiredBy).toBeNull();
  });

  it('MEM-REC-11 the author or a facilitator edits texts and tags; others are refused; texts of another kind 400', async () => {
    expect((await as.pia.patch(`${base()}/${successId}`, { tags: { grade: '3' } })).status).toBe(403);
    const byFacilitator = await as.fran.patch<MemoryRecord>(`${base()}/${successId}`, {
      tags: { grade: '3', subject: 'Math' },
    });
    expect(byFacilitator.status, JSON.stringify(byFacilitator.body)).toBe(200);
    expect(byFacilitator.body.tags).toEqual({
      grade: '3',
      subject: 'Math',
      strategy: null,
      studentGroup: null,
    });
    const wrongKind = await as.milo.patch(`${base()}/${successId}`, { texts: { practice: 'x' } });
    expect(wrongKind.status).toBe(400);
    expect(JSON.stringify(wrongKind.body)).toContain('texts.practice');
    const byAuthor = await as.milo.patch<MemoryRecord>(`${base()}/${successId}`, {
      title: 'Exit tickets, daily',
      texts: { insight: 'Three questions at most' },
    });
    expect(byAuthor.body).toMatchObject({
      title: 'Exit tickets, daily',
      content: { insight: 'Three questions at most', evidence: 'Unit scores rose from 61% to 78%' },
    });
  });

  it('MEM-TAG-2 the library filters by tag (case-insensitive) and offers the tag values in use', async () => {
    const math = await as.pia.get<MemoryPage>(`${base()}?kind=success&subject=math`);
    expect(math.body.items.map((i) => i.id)).toEqual([successId]);
    expect(math.body.tagValues.subject).toEqual(['Math', 'Reading']);
    const none = await as.pia.get<MemoryPage>(`${base()}?kind=success&grade=12`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('MEM-REC-9: team-internal: nobody outside the team reads or changes any of it', () => {
  it('MEM-REC-9 the principal and the admin are refused (403), another team and another district find nothing (404)', async () => {
    for (const [who, status] of [
      ['lena', 403],
      ['admin', 403],
      ['otto', 404],
      ['foreign', 404],
    ] as const) {
      const c = as[who];
      expect((await c.get(`${base()}?kind=success`)).status, who).toBe(status);
      expect((await c.get(`${base()}/${successId}`)).status, who).toBe(status);
      expect((await c.patch(`${base()}/${successId}`, { title: 'x' })).status, who).toBe(status);
      expect((await c.post(`${base()}/${dilemmaId}/resolve`, { evidence: 'x' })).status, who).toBe(status);
      expect((await c.put(`${base()}/${successId}/inspired-by`, { observationId: null })).status, who).toBe(
        status,
      );
      const logged = await c.post(`${base()}/successes`, {
        title: 'x',
        story: 'y',
        evidence: '',
        whatWorked: '',
        insight: '',
        occurredOn: '2026-11-20',
      });
      expect(logged.status, who).toBe(status);
      expect(JSON.stringify(logged.body)).not.toContain('Exit tickets');
    }
  });

  it('MEM-REC-9 a record is found only under its own team: another team’s path and another district answer 404', async () => {
    expect((await as.otto.get(`/api/groups/${otherTeamId}/memory/${successId}`)).status).toBe(404);
    expect((await as.foreign.get(`/api/groups/${foreignTeamId}/memory/${successId}`)).status).toBe(404);
    expect((await as.pia.get(`${base()}/not-a-uuid`)).status).toBe(400);
    expect((await as.pia.get(`${base()}/${randomUUID()}`)).status).toBe(404);
  });

  it('MEM-TAG-2 a list without its kind, or with an unknown one, answers 400 naming it', async () => {
    for (const q of ['', '?kind=minutes', '?kind=success&page=0']) {
      const res = await as.pia.get(`${base()}${q}`);
      expect(res.status, q).toBe(400);
      expect(JSON.stringify(res.body), q).toMatch(/kind|page/);
    }
  });
});
