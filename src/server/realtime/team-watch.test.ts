/**
 * DAY-TEAM-1: a team page watches its team's meetings over the socket. The watch is authorized like reading the
 * team over REST; a watcher hears, after the commit, when a meeting of that team is opened, started and ended,
 * and nothing about other teams; removal from the team closes the socket (TRUST-REVOKE) and a new watch is
 * refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientEvents, ServerEvents, TeamMeetingsChanged } from '#contracts/realtime';
import { hashPassword } from '../auth/passwords';
import { groupMembers, groups, schools, users } from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { RtClient, sleep, until } from '../../../test/realtime-harness';

let t: TestApp;
let base = '';
let districtId = '';
let teamA = '';
let teamB = '';
const sockets: RtClient[] = [];
const people = new Map<string, { id: string; client: Client }>();

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const d = await createDistrictWithAdmin(t, 'Watch District', 'admin@watch.test');
  districtId = d.district.id;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'S' }).returning();
  const made = await db
    .insert(groups)
    .values([
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Team A' },
      { districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Team B' },
    ])
    .returning();
  teamA = made[0]!.id;
  teamB = made[1]!.id;
  const hash = await hashPassword('team watch test password');
  for (const [key, groupId, role] of [
    ['lead', teamA, 'facilitator'],
    ['member', teamA, 'member'],
    ['removed', teamA, 'member'],
    ['other', teamB, 'facilitator'],
  ] as const) {
    const [u] = await db
      .insert(users)
      .values({
        districtId,
        email: `${key}@watch.test`,
        name: key,
        passwordHash: hash,
        emailVerifiedAt: new Date(),
      })
      .returning();
    await db.insert(groupMembers).values({ districtId, groupId, userId: u!.id, role });
    people.set(key, { id: u!.id, client: await signedInClient(t, u!) });
  }
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
}, 60_000);

function person(key: string) {
  const p = people.get(key);
  if (!p) throw new Error(`no person ${key}`);
  return p;
}

/** A socket that records every `team:meetings` push it receives. */
async function watcher(key: string): Promise<{ rt: RtClient; heard: TeamMeetingsChanged[] }> {
  const secret = person(key).client.cookie;
  if (!secret) throw new Error('no session');
  const rt = await RtClient.open(base, secret, { origin: null });
  sockets.push(rt);
  const heard: TeamMeetingsChanged[] = [];
  rt.socket.on(ServerEvents.teamMeetings, (payload: unknown) => {
    heard.push(TeamMeetingsChanged.parse(payload));
  });
  return { rt, heard };
}

async function schedule(groupId: string, lead: string): Promise<string> {
  const res = await person(lead).client.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
    title: 'Weekly',
    routineId: 'share-successes',
  });
  expect(res.status).toBe(200);
  return res.body.id;
}

describe('watching a team’s meetings (DAY-TEAM-1)', () => {
  it('DAY-TEAM-1 a member hears the team’s meeting opened, started and ended, and nothing of another team', async () => {
    const member = await watcher('member');
    expect(await member.rt.ask(ClientEvents.watchTeam, { groupId: teamA })).toEqual({
      ok: true,
      groupId: teamA,
    });

    const meetingId = await schedule(teamA, 'lead');
    const otherMeeting = await schedule(teamB, 'other');
    expect((await person('other').client.post(`/api/meetings/${otherMeeting}/open`)).status).toBe(200);
    expect((await person('lead').client.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
    await until(() => member.heard.length >= 1, 2_000, 'the opened signal');
    expect(member.heard).toEqual([{ groupId: teamA, meetingId, change: 'opened' }]);

    const lead = await watcher('lead');
    await lead.rt.mustJoin(meetingId, 0);
    await lead.rt.must(meetingId, { type: 'startMeeting' });
    await until(() => member.heard.length >= 2, 2_000, 'the started signal');
    await lead.rt.must(meetingId, { type: 'endMeeting' });
    await until(() => member.heard.length >= 3, 2_000, 'the ended signal');
    await sleep(200);
    expect(member.heard.map((h) => h.change)).toEqual(['opened', 'started', 'ended']);
    expect(member.heard.every((h) => h.groupId === teamA && h.meetingId === meetingId)).toBe(true);
  });

  it('DAY-TEAM-1 the watch follows the REST rule for reading the team; bad input is refused, never thrown', async () => {
    const other = await watcher('other');
    const refusal = await other.rt.ask(ClientEvents.watchTeam, { groupId: teamA });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const rest = await person('other').client.get(`/api/groups/${teamA}`);
    expect(rest.status).toBe(404);
    // Still serving, with its own rate allowance per socket (a burst of 5).
    expect(await other.rt.ask(ClientEvents.watchTeam, { groupId: teamB })).toEqual({
      ok: true,
      groupId: teamB,
    });
    expect(await other.rt.ask(ClientEvents.watchTeam, { groupId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const fuzz = await watcher('other');
    for (const bad of [undefined, 'x', { groupId: 'not-a-uuid' }, { groupId: teamA, extra: 1 }])
      expect(await fuzz.rt.ask(ClientEvents.watchTeam, bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    expect(fuzz.rt.connected).toBe(true);
  });

  it('DAY-TEAM-1 watching is rate-limited like joining', async () => {
    const member = await watcher('member');
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => member.rt.ask(ClientEvents.watchTeam, { groupId: teamA })),
    );
    expect(answers.some((a) => JSON.stringify(a).includes('rate_limited'))).toBe(true);
  });

  it('DAY-TEAM-1 / TRUST-REVOKE-6 removal from the team closes the watching socket; a new watch is refused', async () => {
    const removed = await watcher('removed');
    expect(await removed.rt.ask(ClientEvents.watchTeam, { groupId: teamA })).toEqual({
      ok: true,
      groupId: teamA,
    });
    const res = await person('lead').client.delete(`/api/groups/${teamA}/members/${person('removed').id}`);
    expect(res.status).toBe(200);
    await until(() => !removed.rt.connected, 1_000, 'the removed person’s socket to close');

    // Reconnecting passes the rule again: they no longer belong to the team.
    const again = await watcher('removed');
    expect(await again.rt.ask(ClientEvents.watchTeam, { groupId: teamA })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const meetingId = await schedule(teamA, 'lead');
    expect((await person('lead').client.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
    await sleep(300);
    expect(again.heard).toEqual([]);
    expect(removed.heard).toEqual([]);
  });
});
