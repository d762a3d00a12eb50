/**
 * The meeting pulse over HTTP against PostgreSQL (docs/SPEC.md MEASURE-PULSE): open for a day after a meeting
 * ends, answered once by each member, stored with no person; the team's trend shows only pooled windows of at
 * least 5 answers; who answered is forgotten when the pulse closes.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingPulse, TeamPulseTrend } from '#contracts/pulse';
import { groupMembers, groups, meetings, schools, users } from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { runSurveyRound } from '../surveys/job';

let t: TestApp;
let districtId = '';
let teamId = '';
const members: { id: string; client: Client }[] = [];
let outsider: Client;
const DAY = 86_400_000;

async function endedMeeting(endedAgoMs: number) {
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId,
      groupId: teamId,
      title: 'Weekly',
      agenda: [
        { routineId: 'share-successes', routineVersion: 1, routineName: 'Share Successes', minutes: 16 },
      ],
      totalMinutes: 16,
      joinCode: randomUUID().slice(0, 6).toUpperCase(),
      status: 'ended',
      startedAt: new Date(Date.now() - endedAgoMs - 20 * 60_000),
      endedAt: new Date(Date.now() - endedAgoMs),
      createdBy: members[0]!.id,
    })
    .returning();
  return m!.id;
}

const answers = (pulse: MeetingPulse, value: number) => ({
  answers: Object.fromEntries(pulse.items.map((i) => [i.id, value])),
});

async function answerAll(meetingId: string, who: number, value: number) {
  for (const m of members.slice(0, who)) {
    const pulse = (await m.client.get<MeetingPulse>(`/api/meetings/${meetingId}/pulse`)).body;
    const res = await m.client.post(`/api/meetings/${meetingId}/pulse`, answers(pulse, value));
    expect(res.status).toBe(200);
  }
}

/** Moves a meeting's end into the past, as if the days had gone by. */
async function age(meetingId: string, endedAgoMs: number) {
  await t.database.db
    .update(meetings)
    .set({ endedAt: new Date(Date.now() - endedAgoMs) })
    .where(eq(meetings.id, meetingId));
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Pulse District', 'admin@pulse.test');
  districtId = a.district.id;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'East' }).returning();
  const [team, other] = await db
    .insert(groups)
    .values([
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 5' },
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Music' },
    ])
    .returning();
  teamId = team!.id;
  for (let i = 0; i < 7; i += 1) {
    const [u] = await db
      .insert(users)
      .values({ districtId, email: `m${i}@pulse.test`, name: `M${i}`, emailVerifiedAt: new Date() })
      .returning();
    await db.insert(groupMembers).values({ districtId, groupId: teamId, userId: u!.id, role: 'member' });
    members.push({ id: u!.id, client: await signedInClient(t, u!) });
  }
  const [o] = await db
    .insert(users)
    .values({ districtId, email: 'o@pulse.test', name: 'O', emailVerifiedAt: new Date() })
    .returning();
  await db.insert(groupMembers).values({ districtId, groupId: other!.id, userId: o!.id, role: 'member' });
  outsider = await signedInClient(t, o!);
});

afterAll(async () => {
  await t.close();
});

describe('MEASURE-PULSE: the meeting pulse', () => {
  it('MEASURE-PULSE-1: open for a day after the meeting ends, for its team; another team is told it does not exist', async () => {
    const recent = await endedMeeting(60_000);
    const pulse = await members[0]!.client.get<MeetingPulse>(`/api/meetings/${recent}/pulse`);
    expect(pulse.status).toBe(200);
    expect(pulse.body).toMatchObject({ open: true, answered: false, threshold: 5 });
    expect(pulse.body.items.length).toBe(2);
    expect((await outsider.get(`/api/meetings/${recent}/pulse`)).status).toBe(404);
    const old = await endedMeeting(2 * DAY);
    const closed = await members[0]!.client.get<MeetingPulse>(`/api/meetings/${old}/pulse`);
    expect(closed.body.open).toBe(false);
    expect(
      (await members[0]!.client.post(`/api/meetings/${old}/pulse`, answers(closed.body, 4))).status,
    ).toBe(409);
  });

  it('MEASURE-PULSE-2: every item on the scale, once; the answer is stored with no person', async () => {
    const meetingId = await endedMeeting(60_000);
    const me = members[0]!.client;
    const pulse = (await me.get<MeetingPulse>(`/api/meetings/${meetingId}/pulse`)).body;
    const [first, second] = pulse.items;
    const bad = await me.post<{ error: { fields: { path: string }[] } }>(`/api/meetings/${meetingId}/pulse`, {
      answers: { [first!.id]: 6, 'made-up': 2 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(
      [`answers.${second!.id}`, 'answers.made-up'].sort(),
    );
    const ok = await me.post<MeetingPulse>(`/api/meetings/${meetingId}/pulse`, answers(pulse, 5));
    expect(ok.status).toBe(200);
    expect(ok.body.answered).toBe(true);
    expect((await me.post(`/api/meetings/${meetingId}/pulse`, answers(pulse, 5))).status).toBe(409);
    const rows = await t.database.db.execute(
      sql`select * from meeting_pulse_responses where meeting_id = ${meetingId}`,
    );
    expect(rows.rows).toHaveLength(1);
    expect(JSON.stringify(rows.rows)).not.toContain(members[0]!.id);
  });

  it('MEASURE-PULSE-3: the trend shows pooled windows of 5 or more answers only; later meetings are counted, never numbered', async () => {
    const team = (await members[0]!.client.get<TeamPulseTrend>(`/api/groups/${teamId}/pulse`)).body;
    const before = team.windows.length;
    // Two meetings of 3 answers each pool into one window of 6; a third meeting of 2 waits for more.
    const m1 = await endedMeeting(60_000);
    await answerAll(m1, 3, 6);
    const m2 = await endedMeeting(60_000);
    await answerAll(m2, 3, 4);
    const m3 = await endedMeeting(60_000);
    await answerAll(m3, 2, 1);
    // Still open (less than a day): none of the three is in a window yet.
    const open = (await members[0]!.client.get<TeamPulseTrend>(`/api/groups/${teamId}/pulse`)).body;
    expect(open.windows.length).toBe(before);
    await age(m1, 30 * DAY);
    await age(m2, 29 * DAY);
    await age(m3, 28 * DAY);
    const trend = await members[0]!.client.get<TeamPulseTrend>(`/api/groups/${teamId}/pulse`);
    expect(trend.status).toBe(200);
    const shown = trend.body.windows.find((w) => w.n === 6);
    expect(shown).toBeDefined();
    expect(shown!.meetings).toBe(2);
    for (const item of shown!.items) expect(item.mean).toBeCloseTo(5, 5);
    expect(trend.body.windows.every((w) => w.n >= 5)).toBe(true);
    expect(JSON.stringify(trend.body)).not.toContain(m3);
    expect(trend.body.pendingMeetings).toBeGreaterThanOrEqual(1);
    expect((await outsider.get(`/api/groups/${teamId}/pulse`)).status).toBe(404);
  });

  it('MEASURE-PULSE-4: who answered is forgotten once the pulse closes', async () => {
    const meetingId = await endedMeeting(60_000);
    await answerAll(meetingId, 1, 3);
    const count = async () =>
      (
        await t.database.db.execute(
          sql`select count(*)::int as n from meeting_pulse_participation where meeting_id = ${meetingId}`,
        )
      ).rows[0];
    expect(await count()).toEqual({ n: 1 });
    const deps = {
      db: t.database.db,
      mailer: { send: () => Promise.resolve() },
      link: (path: string) => path,
      log: { error: () => undefined },
    };
    await runSurveyRound(deps, new Date());
    expect(await count()).toEqual({ n: 1 });
    await runSurveyRound(deps, new Date(Date.now() + 2 * DAY));
    expect(await count()).toEqual({ n: 0 });
  });
});
