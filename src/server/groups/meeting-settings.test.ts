/**
 * DAY-TIMER-2, DAY-TIMER-3: a team's meeting settings (the timer that starts itself): on by default, read by the
 * team, changed only by those who run its meetings, scoped to the district, and copied into each meeting when it
 * is opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cmd } from '#core/meeting/testing';
import { currentTimer, decide, replay } from '#core/meeting/index';
import { createAccount } from '../auth/accounts';
import { groupMembers, groups, schoolRoles } from '../db/schema';
import { loadEvents } from '../meetings/store';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

interface Settings {
  autoStartTimer: boolean;
  canChange: boolean;
}
interface Problem {
  errors?: { path: string; message: string }[];
}

let t: TestApp;
let districtId: string;
let groupId: string;
let otherTeamId: string;
let foreignTeamId: string;
let admin: Client;
let facilitator: Client;
let facilitatorId: string;
let member: Client;
let leader: Client;
let outsider: Client;
let foreignAdmin: Client;

async function person(label: string, inDistrict = districtId) {
  const user = await createAccount(t.database.db, {
    districtId: inDistrict,
    email: `${label}-${randomUUID().slice(0, 8)}@settings.test`,
    name: label,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  return { user, client: await signedInClient(t, user) };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Settings District', 'admin@settings.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other.test');
  districtId = a.district.id;
  admin = a.client;
  foreignAdmin = b.client;
  const school = await admin.post<{ id: string }>('/api/schools', { name: 'Elm School' });
  const schoolId = school.body.id;
  const [team, other] = await t.database.db
    .insert(groups)
    .values([
      { districtId, schoolId, kind: 'teacher_team', focus: 'plc', name: 'Math PLC' },
      { districtId, schoolId: null, kind: 'teacher_team', focus: 'plc', name: 'Art PLC' },
    ])
    .returning();
  const [foreign] = await t.database.db
    .insert(groups)
    .values({ districtId: b.district.id, kind: 'teacher_team', focus: 'plc', name: 'Far PLC' })
    .returning();
  groupId = team!.id;
  otherTeamId = other!.id;
  foreignTeamId = foreign!.id;
  const f = await person('facilitator');
  const m = await person('member');
  const l = await person('leader');
  const o = await person('outsider');
  facilitator = f.client;
  facilitatorId = f.user.id;
  member = m.client;
  leader = l.client;
  outsider = o.client;
  await t.database.db.insert(groupMembers).values([
    { districtId, groupId, userId: f.user.id, role: 'facilitator' },
    { districtId, groupId, userId: m.user.id, role: 'member' },
    { districtId, groupId: otherTeamId, userId: o.user.id, role: 'facilitator' },
  ]);
  await t.database.db
    .insert(schoolRoles)
    .values({ districtId, schoolId, userId: l.user.id, role: 'school_leader' });
});
afterAll(async () => t.close());

const url = (id = groupId) => `/api/groups/${id}/meeting-settings`;

/** Schedules and opens a meeting of the team; returns the first event's payload as stored. */
async function openMeeting(): Promise<{ meetingId: string; created: Record<string, unknown> }> {
  const scheduled = await facilitator.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
    title: 'Weekly',
    routineId: 'share-successes',
  });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
  const meetingId = scheduled.body.id;
  expect((await facilitator.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
  const [first] = await loadEvents(t.database.db, districtId, meetingId);
  expect(first?.type).toBe('meeting.created');
  return { meetingId, created: { ...first?.payload } };
}

describe('DAY-TIMER: the team setting for the timer that starts itself', () => {
  it('DAY-TIMER-2: on by default; the team reads it, and only those who run its meetings may change it', async () => {
    expect((await facilitator.get<Settings>(url())).body).toEqual({ autoStartTimer: true, canChange: true });
    expect((await member.get<Settings>(url())).body).toEqual({ autoStartTimer: true, canChange: false });
    expect((await leader.get<Settings>(url())).body).toEqual({ autoStartTimer: true, canChange: true });
    expect((await admin.get<Settings>(url())).body).toEqual({ autoStartTimer: true, canChange: true });
  });

  it('DAY-TIMER-3: a member is refused (403); a colleague outside the team and another district find nothing (404); a visitor must sign in (401)', async () => {
    expect((await member.patch(url(), { autoStartTimer: false })).status).toBe(403);
    expect((await outsider.get(url())).status).toBe(404);
    expect((await outsider.patch(url(), { autoStartTimer: false })).status).toBe(404);
    expect((await foreignAdmin.get(url())).status).toBe(404);
    expect((await foreignAdmin.patch(url(), { autoStartTimer: false })).status).toBe(404);
    // Tenant scoping works both ways: district A's admin cannot reach district B's team either.
    expect((await admin.get(url(foreignTeamId))).status).toBe(404);
    expect((await admin.patch(url(foreignTeamId), { autoStartTimer: false })).status).toBe(404);
    expect((await new Client(t.app).patch(url(), { autoStartTimer: false })).status).toBe(401);
    // Nothing changed.
    expect((await facilitator.get<Settings>(url())).body.autoStartTimer).toBe(true);
  });

  it('DAY-TIMER-3: a bad body is a 400 naming the field; nothing is changed', async () => {
    const wrongType = await facilitator.patch<Problem>(url(), { autoStartTimer: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body)).toContain('autoStartTimer');
    expect((await facilitator.patch(url(), {})).status).toBe(400);
    expect((await facilitator.patch(url(), { autoStartTimer: false, extra: 1 })).status).toBe(400);
    expect((await facilitator.request('PATCH', url(), '{not json')).status).toBe(400);
    expect((await facilitator.patch(url('not-a-uuid'), { autoStartTimer: false })).status).toBe(400);
    expect((await facilitator.get<Settings>(url())).body.autoStartTimer).toBe(true);
  });

  it('DAY-TIMER-2: each meeting copies the setting when it is opened; with it on, starting the meeting starts the first step’s timer', async () => {
    const on = await openMeeting();
    expect(on.created).toMatchObject({ autoStartTimer: true });
    const events = await loadEvents(t.database.db, districtId, on.meetingId);
    const started = decide(replay(events), cmd('startMeeting', facilitatorId), { now: Date.now() });
    if (!started.ok) throw new Error(started.error.message);
    const state = replay([...events, ...started.events]);
    expect(currentTimer(state, Date.now())?.status).toBe('running');

    const off = await facilitator.patch<Settings>(url(), { autoStartTimer: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ autoStartTimer: false, canChange: true });
    expect((await member.get<Settings>(url())).body.autoStartTimer).toBe(false);
    // Another team keeps its own setting.
    expect((await outsider.get<Settings>(url(otherTeamId))).body.autoStartTimer).toBe(true);
    expect((await openMeeting()).created).toMatchObject({ autoStartTimer: false });
    // The meeting opened earlier keeps the setting it was opened with.
    const [first] = await loadEvents(t.database.db, districtId, on.meetingId);
    expect(first?.payload).toMatchObject({ autoStartTimer: true });

    expect((await leader.patch<Settings>(url(), { autoStartTimer: true })).body.autoStartTimer).toBe(true);
  });
});
