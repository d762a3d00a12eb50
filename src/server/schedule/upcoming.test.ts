/**
 * PWA-UPCOMING-1 and PWA-OFFLINE-2 through the API on a real database: my upcoming meetings (my teams only, live
 * first, then the next 14 days, in the team's time zone), and which answers the service worker may keep (a
 * personal device's own reads in its district; never a shared device's, another path's or a network tab's).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_ALLOWED, OFFLINE_HEADER, OFFLINE_READ_PATHS } from '#contracts/offline';
import type { UpcomingMeeting } from '#contracts/schedule';
import { createAccount } from '../auth/accounts';
import { createSession } from '../auth/sessions';
import { groupMembers, groups, meetings, schools } from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let districtId: string;
let mine: Client;
let personalId: { id: string; districtId: string };
let teamId: string;
const HOUR = 3_600_000;

async function meeting(
  groupId: string,
  title: string,
  at: Date | null,
  status: 'scheduled' | 'live' | 'ended',
) {
  await t.database.db.insert(meetings).values({
    districtId,
    groupId,
    title,
    scheduledFor: at,
    status,
    agenda: [
      { routineId: 'share-successes', routineVersion: 1, routineName: 'Share Successes', minutes: 20 },
    ],
    totalMinutes: 20,
    joinCode: randomUUID().slice(0, 8).toUpperCase(),
    createdBy: personalId.id,
    ...(status === 'live' ? { startedAt: new Date() } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Upcoming District', 'admin@upcoming.test');
  districtId = a.district.id;
  const [school] = await t.database.db
    .insert(schools)
    .values({ districtId, name: 'Roosevelt', timeZone: 'America/Denver' })
    .returning();
  const [team, other] = await t.database.db
    .insert(groups)
    .values([
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 4' },
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 5' },
    ])
    .returning();
  teamId = team!.id;
  const user = await createAccount(t.database.db, {
    districtId,
    email: `teacher-${randomUUID().slice(0, 8)}@upcoming.test`,
    name: 'Teacher',
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  personalId = user;
  await t.database.db
    .insert(groupMembers)
    .values({ districtId, groupId: teamId, userId: user.id, role: 'member' });
  mine = await signedInClient(t, user);
  const now = Date.now();
  await meeting(teamId, 'In three days', new Date(now + 72 * HOUR), 'scheduled');
  await meeting(teamId, 'Live now', null, 'live');
  await meeting(teamId, 'Tomorrow', new Date(now + 24 * HOUR), 'scheduled');
  await meeting(teamId, 'This morning, not opened', new Date(now - 3 * HOUR), 'scheduled');
  await meeting(teamId, 'In three weeks', new Date(now + 21 * 24 * HOUR), 'scheduled');
  await meeting(teamId, 'Yesterday', new Date(now - 30 * HOUR), 'scheduled');
  await meeting(teamId, 'Ended', new Date(now - 2 * HOUR), 'ended');
  await meeting(other!.id, 'Another team', new Date(now + 24 * HOUR), 'scheduled');
});
afterAll(async () => t.close());

describe('my upcoming meetings (PWA-UPCOMING-1)', () => {
  it('PWA-UPCOMING-1: my teams only; live first, then from 12 hours ago to 14 days ahead, soonest first, in the team’s zone', async () => {
    const res = await mine.get<{ items: UpcomingMeeting[] }>('/api/me/upcoming-meetings');
    expect(res.status).toBe(200);
    expect(res.body.items.map((m) => m.title)).toEqual([
      'Live now',
      'This morning, not opened',
      'Tomorrow',
      'In three days',
    ]);
    expect(res.body.items.every((m) => m.groupName === 'Grade 4' && m.timeZone === 'America/Denver')).toBe(
      true,
    );
    expect(res.body.items[0]!.status).toBe('live');
  });

  it('PWA-UPCOMING-1: without a session, 401', async () => {
    expect((await new Client(t.app).get('/api/me/upcoming-meetings')).status).toBe(401);
  });
});

describe('what a device may keep for offline use (PWA-OFFLINE-2)', () => {
  it('PWA-OFFLINE-2: a shared-device session’s answers are never marked', async () => {
    for (const path of OFFLINE_READ_PATHS) {
      const res = await mine.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers[OFFLINE_HEADER], path).toBeUndefined();
    }
  });

  it('PWA-OFFLINE-2: a personal device’s own reads are marked, other answers are not', async () => {
    const session = await createSession(t.database.db, personalId, 'vitest', { persistent: true });
    const personal = new Client(t.app, session.secret);
    for (const path of OFFLINE_READ_PATHS) {
      const res = await personal.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers[OFFLINE_HEADER], path).toBe(OFFLINE_ALLOWED);
    }
    // Another read, a query string's variant of a kept one's path, and an error are not kept.
    expect((await personal.get(`/api/groups/${teamId}`)).headers[OFFLINE_HEADER]).toBeUndefined();
    const missing = await personal.get(`/api/groups/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers[OFFLINE_HEADER]).toBeUndefined();
    // Nor is a network tab's answer (the request names a network the person is not in: 404).
    const inNetwork = await personal.request('GET', '/api/auth/me', undefined, {
      'x-ensemble-network': randomUUID(),
    });
    expect(inNetwork.headers[OFFLINE_HEADER]).toBeUndefined();
  });
});
