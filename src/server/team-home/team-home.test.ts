/**
 * The team home and the memory export over REST (HOME-*, EXPORT-*): ended meetings and memory records inserted
 * directly (the code that fills memory_records from meetings is another feature's), read back through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TeamHome } from '#contracts/team-home';
import { meetingLog, type LogSpec } from '#core/journey/testing';
import {
  auditEvents,
  groupMembers,
  groups,
  meetingEvents,
  meetings,
  memoryRecords,
  schoolRoles,
  schools,
  teamVisits,
  users,
} from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let districtId = '';
let teamId = '';
let otherTeamId = '';
const ids = { facilitator: '', member: '', third: '', leader: '', admin: '', outsider: '', foreign: '' };
let as: Record<keyof typeof ids, Client>;

async function person(district: string, name: string) {
  const [u] = await t.database.db
    .insert(users)
    .values({
      districtId: district,
      email: `${name}-${randomUUID().slice(0, 6)}@home.test`,
      name,
      passwordHash: 'x',
    })
    .returning();
  if (!u) throw new Error('no user');
  return u;
}

const code = () => randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();

/** An ended meeting of the team with the log `spec` describes (presenters are user ids). */
async function endedMeeting(spec: LogSpec, endedAt = new Date(Date.now() - 86_400_000), group = teamId) {
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId,
      groupId: group,
      title: `Meeting ${code()}`,
      agenda: [
        { routineId: 'share-successes', routineVersion: 1, routineName: 'Share Successes', minutes: 16 },
      ],
      totalMinutes: 16,
      joinCode: code(),
      createdBy: ids.facilitator,
      status: 'ended',
      startedAt: new Date(endedAt.getTime() - 3_600_000),
      endedAt,
    })
    .returning();
  if (!m) throw new Error('no meeting');
  const log = meetingLog({ ...spec, meetingId: m.id });
  await t.database.db.insert(meetingEvents).values(
    log.events.map((e) => ({
      districtId,
      meetingId: m.id,
      seq: e.seq,
      type: e.type,
      v: e.v,
      at: e.at,
      actorId: e.actorId,
      idempotencyKey: e.idempotencyKey,
      payload: e.payload,
    })),
  );
  return m;
}

async function record(
  values: Partial<typeof memoryRecords.$inferInsert> & {
    kind: 'success' | 'dilemma' | 'observation';
    content: unknown;
  },
) {
  const [r] = await t.database.db
    .insert(memoryRecords)
    .values({
      districtId,
      groupId: teamId,
      title: 'A record',
      occurredAt: new Date('2026-11-03T15:00:00Z'),
      ...values,
    })
    .returning();
  if (!r) throw new Error('no record');
  return r;
}

const home = async (c: Client) => {
  const res = await c.get<TeamHome>(`/api/groups/${teamId}/home`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Home District', 'admin@home.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other.test');
  districtId = a.district.id;
  ids.admin = a.admin.id;
  ids.foreign = b.admin.id;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'North' }).returning();
  const [team, other] = await db
    .insert(groups)
    .values([
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 4 Team' },
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 5 Team' },
    ])
    .returning();
  teamId = team!.id;
  otherTeamId = other!.id;
  ids.facilitator = (await person(districtId, 'Fran Facilitator')).id;
  ids.member = (await person(districtId, 'Mo Member')).id;
  ids.third = (await person(districtId, 'Tess Third')).id;
  ids.leader = (await person(districtId, 'Lee Leader')).id;
  ids.outsider = (await person(districtId, 'Ola Outsider')).id;
  const joined = new Date('2026-09-01T00:00:00Z');
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: ids.facilitator, role: 'facilitator', joinedAt: joined },
    { districtId, groupId: teamId, userId: ids.member, role: 'member', joinedAt: joined },
    { districtId, groupId: teamId, userId: ids.third, role: 'member', joinedAt: joined },
    { districtId, groupId: otherTeamId, userId: ids.outsider, role: 'facilitator', joinedAt: joined },
  ]);
  await db
    .insert(schoolRoles)
    .values({ districtId, schoolId: school!.id, userId: ids.leader, role: 'school_leader' });
  as = {
    facilitator: await signedInClient(t, { id: ids.facilitator, districtId }),
    member: await signedInClient(t, { id: ids.member, districtId }),
    third: await signedInClient(t, { id: ids.third, districtId }),
    leader: await signedInClient(t, { id: ids.leader, districtId }),
    admin: a.client,
    outsider: await signedInClient(t, { id: ids.outsider, districtId }),
    foreign: b.client,
  };
});
afterAll(async () => t.close());

describe('team home (HOME-1..4)', () => {
  it('HOME-1: only the team’s members read it; its principal and admin are refused, another team and district find nothing', async () => {
    for (const who of ['leader', 'admin'] as const) {
      const res = await as[who].get(`/api/groups/${teamId}/home`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('journey');
    }
    expect((await as.outsider.get(`/api/groups/${teamId}/home`)).status).toBe(404);
    expect((await as.foreign.get(`/api/groups/${teamId}/home`)).status).toBe(404);
    expect((await as.member.get(`/api/groups/not-a-uuid/home`)).status).toBe(400);
  });

  it('HOME-3: the first visit gets a welcome (no changes listed), and reads within the visit keep it', async () => {
    const first = await home(as.third);
    expect(first.sinceLastVisit.since).toBeNull();
    expect((await home(as.third)).sinceLastVisit.since).toBeNull();
    const [row] = await t.database.db
      .select()
      .from(teamVisits)
      .where(and(eq(teamVisits.groupId, teamId), eq(teamVisits.userId, ids.third)));
    expect(row?.districtId).toBe(districtId);
  });

  it('JOURNEY-1..5 and SOURCES-1 end to end: the journey and the chart read the team’s ended meetings', async () => {
    const empty = await home(as.member);
    expect(empty.journey.suggestion).toMatchObject({ rule: 'JOURNEY-2', focus: 'success' });
    expect(empty.sources.months).toEqual([]);

    await endedMeeting({
      parts: [{ focus: 'success', presenter: ids.facilitator }],
      tags: [
        { source: 'mastery', why: 'Our exit tickets showed it' },
        { source: 'vicarious', why: 'Saw Fran’s routine work' },
      ],
    });
    await endedMeeting({ parts: [{ focus: 'success', presenter: ids.member }] });
    await endedMeeting({
      parts: [{ focus: 'success', presenter: ids.third }],
      tags: [{ source: 'mastery', why: 'We can do this', untagged: true }],
    });
    // Another team's meeting never counts.
    await endedMeeting(
      {
        parts: [{ focus: 'dilemma', presenter: ids.outsider }],
        tags: [{ source: 'affective_state', why: 'Other team' }],
      },
      undefined,
      otherTeamId,
    );
    const h = await home(as.member);
    expect(h.journey.facts).toMatchObject({
      successAnalyses: 3,
      membersPresented: 3,
      members: 3,
      dilemmasBrought: 0,
    });
    expect(h.journey.suggestion).toMatchObject({ rule: 'JOURNEY-4', focus: 'dilemma' });
    expect(h.sources.total).toEqual({ mastery: 1, vicarious: 1, social_persuasion: 0, affective_state: 0 });
    expect(h.sources.words.find((w) => w.source === 'vicarious')?.items[0]?.why).toBe(
      'Saw Fran’s routine work',
    );
    expect(JSON.stringify(h)).not.toContain('Other team');

    await record({ kind: 'dilemma', status: 'resolved', resolvedAt: new Date(), content: dilemmaContent() });
    expect((await home(as.member)).journey.suggestion).toMatchObject({
      rule: 'JOURNEY-5',
      focus: 'observed-practice',
    });
  });

  it('HOME-2: the next meeting: a live one first, else the first scheduled; Start for those who run the team', async () => {
    const db = t.database.db;
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const later = new Date(Date.now() + 9 * 86_400_000);
    const base = { districtId, groupId: teamId, totalMinutes: 16, createdBy: ids.facilitator };
    const agenda = [
      { routineId: 'share-successes', routineVersion: 1, routineName: 'Share Successes', minutes: 16 },
    ];
    await db.insert(meetings).values([
      { ...base, agenda, title: 'Later one', scheduledFor: later, joinCode: code() },
      { ...base, agenda, title: 'Soon one', scheduledFor: soon, joinCode: code() },
      {
        ...base,
        agenda,
        title: 'Long past',
        scheduledFor: new Date('2026-01-01T00:00:00Z'),
        joinCode: code(),
      },
    ]);
    const forMember = (await home(as.member)).nextMeeting;
    expect(forMember).toMatchObject({
      title: 'Soon one',
      status: 'scheduled',
      canStart: false,
      routineNames: ['Share Successes'],
    });
    expect((await home(as.facilitator)).nextMeeting).toMatchObject({ title: 'Soon one', canStart: true });
    const [live] = await db
      .insert(meetings)
      .values({
        ...base,
        agenda,
        title: 'Running now',
        status: 'live',
        startedAt: new Date(),
        joinCode: code(),
      })
      .returning();
    expect((await home(as.facilitator)).nextMeeting).toMatchObject({
      title: 'Running now',
      status: 'live',
      canStart: false,
    });
    await db.update(meetings).set({ status: 'ended', endedAt: new Date() }).where(eq(meetings.id, live!.id));
  });

  it('HOME-3, HOME-4: after a gap, what happened since the last visit: meetings ended, successes, dilemmas resolved, next steps done, people who joined', async () => {
    const db = t.database.db;
    await home(as.member); // a visit
    const since = new Date(Date.now() - 3 * 3_600_000);
    await db
      .update(teamVisits)
      .set({ seenAt: since })
      .where(and(eq(teamVisits.groupId, teamId), eq(teamVisits.userId, ids.member)));
    const newcomer = await person(districtId, 'Nia Newcomer');
    await db
      .insert(groupMembers)
      .values({ districtId, groupId: teamId, userId: newcomer.id, role: 'member' });
    const now = Date.now();
    const ended = await endedMeeting(
      {
        parts: [{ focus: 'dilemma', presenter: ids.member }],
        endedAfter: now - 60_000 - 1_800_000_000_000,
        steps: [
          { itemId: 'i-1', text: 'Try the number talk', completedAfter: now - 30_000 - 1_800_000_000_000 },
          { itemId: 'i-2', text: 'Still to do' },
        ],
      },
      new Date(now - 60_000),
    );
    await record({ kind: 'success', title: 'Fractions clicked', content: successContent() });
    await record({
      kind: 'success',
      title: 'Before the visit',
      createdAt: new Date(since.getTime() - 60_000),
      content: successContent(),
    });
    await record({
      kind: 'dilemma',
      title: 'Quiet group',
      status: 'resolved',
      resolvedAt: new Date(),
      content: dilemmaContent(),
    });

    const h = await home(as.member);
    expect(h.sinceLastVisit.since).toBe(since.toISOString());
    expect(h.sinceLastVisit.meetingsEnded.map((m) => m.id)).toContain(ended.id);
    expect(h.sinceLastVisit.successes.map((s) => s.title)).toEqual(['Fractions clicked']);
    expect(h.sinceLastVisit.dilemmasResolved.map((s) => s.title)).toContain('Quiet group');
    expect(h.sinceLastVisit.nextStepsDone.map((s) => s.text)).toEqual(['Try the number talk']);
    expect(h.sinceLastVisit.membersJoined.map((m) => m.name)).toEqual(['Nia Newcomer']);
    // The same visit: read again, it still compares against the end of the previous one.
    expect((await home(as.member)).sinceLastVisit.since).toBe(since.toISOString());
  });
});

function successContent(over: Record<string, string> = {}) {
  return {
    kind: 'success',
    story: 'We tried number talks daily.',
    evidence: '18 of 22 students explained two strategies.',
    whatWorked: 'Short, every day, same time.',
    insight: 'Wait time matters.',
    learned: 'Routines beat novelty.',
    ...over,
  };
}
function dilemmaContent() {
  return {
    kind: 'dilemma',
    story: 'A quiet group never speaks up.',
    suggestedActions: 'Turn and talk first.',
    insight: 'They need rehearsal.',
    learned: 'Rehearsal helps.',
    nextSteps: [
      {
        meetingId: randomUUID(),
        itemId: 'x',
        text: 'Try turn and talk',
        ownerId: ids.member,
        due: '2026-12-10',
      },
    ],
  };
}

describe('team memory export (EXPORT-1..4)', () => {
  it('EXPORT-1: members only; the principal and admin are refused; other teams and districts find nothing', async () => {
    for (const path of ['memory.md', 'memory.csv']) {
      expect((await as.leader.get(`/api/groups/${teamId}/${path}`)).status).toBe(403);
      expect((await as.admin.get(`/api/groups/${teamId}/${path}`)).status).toBe(403);
      expect((await as.outsider.get(`/api/groups/${teamId}/${path}`)).status).toBe(404);
      expect((await as.foreign.get(`/api/groups/${teamId}/${path}`)).status).toBe(404);
    }
  });

  it('EXPORT-2: Markdown: a section per kind, every text escaped, the status and resolution of dilemmas', async () => {
    await record({
      kind: 'success',
      title: 'Exit tickets <script>',
      authorId: ids.member,
      grade: '4',
      subject: 'Math',
      content: successContent({ story: '# not a heading\n[link](https://evil.example)' }),
    });
    await record({
      kind: 'dilemma',
      title: 'Homework return',
      status: 'resolved',
      resolution: 'Weekly folder worked',
      resolvedAt: new Date('2026-11-20T00:00:00Z'),
      content: dilemmaContent(),
    });
    await record({
      kind: 'observation',
      title: 'Number talk in room 12',
      content: {
        kind: 'observation',
        practice: 'Number talks',
        curiosity: 'How to start',
        modelId: ids.facilitator,
        mode: 'classroom-visit',
        notes: [{ authorId: ids.third, text: 'Students led' }],
        questions: [{ kind: 'probing', text: 'What if nobody answers?' }],
        learned: 'Start small',
      },
    });
    await record({ kind: 'success', title: 'Unreadable content', content: { kind: 'nonsense' } });
    const res = await as.member.get<string>(`/api/groups/${teamId}/memory.md`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/markdown');
    expect(String(res.headers['content-disposition'])).toMatch(
      /attachment; filename="ensemble-team-memory-\d{4}-\d{2}-\d{2}\.md"/,
    );
    const md = res.body;
    expect(md).toContain('# Grade 4 Team: team memory');
    expect(md).toContain('## Successes');
    expect(md).toContain('## Problems of practice');
    expect(md).toContain('## Observations');
    expect(md).toContain('Exit tickets \\<script\\>');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('\\[link\\](https://evil.example)');
    expect(md).toContain('Resolved 2026-11-20');
    expect(md).toContain('Weekly folder worked');
    expect(md).toContain('Try turn and talk (Mo Member, by 2026-12-10)');
    expect(md).toContain('Tess Third: Students led');
    expect(md).toContain('Modeled by Fran Facilitator · Classroom visit');
    expect(md).toContain('### Unreadable content');
    expect(md).not.toContain('nonsense');
  });

  it('EXPORT-3: CSV: a header row, RFC 4180 quoting, formula-like cells written as text', async () => {
    await record({
      kind: 'success',
      title: '=HYPERLINK("https://evil.example","click")',
      content: successContent({
        story: 'Line one, with a comma\nline "two"',
        evidence: '+1 on the quiz',
        insight: '@once',
      }),
    });
    const res = await as.member.get<string>(`/api/groups/${teamId}/memory.csv`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const csv = res.body;
    expect(csv.startsWith('\uFEFFkind,title,occurred_at,author,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).toContain('"Line one, with a comma\nline ""two"""');
    expect(csv).toContain(`'+1 on the quiz`);
    expect(csv).toContain(`'@once`);
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(header).toContain('record_id');
    expect(csv.split('\r\n').filter((l) => l.startsWith('dilemma,')).length).toBeGreaterThan(0);
    // Another team's records never leave with this team's memory.
    const [foreignRecord] = await t.database.db
      .insert(memoryRecords)
      .values({
        districtId,
        groupId: otherTeamId,
        kind: 'success',
        title: 'Grade 5 secret',
        occurredAt: new Date(),
        content: successContent(),
      })
      .returning();
    expect(foreignRecord).toBeDefined();
    expect((await as.member.get<string>(`/api/groups/${teamId}/memory.csv`)).body).not.toContain(
      'Grade 5 secret',
    );
  });

  it('I18N-CSV-3: the team memory CSV in the asking tab’s language: header, kinds and statuses; the team’s words as written', async () => {
    const res = await as.member.request<string>('GET', `/api/groups/${teamId}/memory.csv`, undefined, {
      'accept-language': 'es',
    });
    expect(res.status).toBe(200);
    expect(res.body.startsWith('\uFEFFtipo,título,fecha,autor(a),grado,asignatura,')).toBe(true);
    const lines = res.body.split('\r\n');
    expect(lines.some((l) => l.startsWith('dilema,Homework return,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('logro,'))).toBe(true);
    expect(res.body).toContain(',resuelto,Weekly folder worked,');
    expect(res.body).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  });

  it('EXPORT-4: each export is in the audit log with the team, the format and the count, and no text', async () => {
    await as.facilitator.get(`/api/groups/${teamId}/memory.csv`);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.districtId, districtId), eq(auditEvents.action, 'export.team_memory')));
    const mine = rows.filter((r) => r.actorId === ids.facilitator);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ subjectType: 'group', subjectId: teamId });
    expect(mine[0]?.details).toMatchObject({ format: 'csv' });
    expect(JSON.stringify(rows)).not.toContain('Fractions');
    // A refused export is not logged as one.
    await as.leader.get(`/api/groups/${teamId}/memory.md`);
    const after = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export.team_memory'), eq(auditEvents.actorId, ids.leader)));
    expect(after).toHaveLength(0);
  });
});
