/**
 * SERIES and CAL-FEED through the API on a real database: a weekly series in the school's time zone makes one
 * meeting per date that is not skipped; its holidays and end change; a meeting is moved or cancelled (SEQUENCE
 * grows, a cancelled one is never opened); secret calendar links answer without a cookie until reset, and a
 * team's link stops when its owner leaves the team.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { CalendarFeedLink, SeriesSummary } from '#contracts/schedule';
import { createAccount } from '../auth/accounts';
import { groupMembers, groups, meetings, schools, users } from '../db/schema';
import { safePath } from '../http/logging';
import { expandSeries } from '../calendar/testing';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

interface Problem {
  error: { code: string; fields?: { path: string; message: string }[] };
}

let t: TestApp;
let districtId: string;
let schoolId: string;
let teamId: string;
let leadershipId: string;
let admin: Client;
let facilitator: Client;
let member: Client;
let memberId: string;

async function person(label: string) {
  const user = await createAccount(t.database.db, {
    districtId,
    email: `${label}-${randomUUID().slice(0, 8)}@series.test`,
    name: label,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: true,
  });
  return { user, client: await signedInClient(t, user) };
}

const weekly = (change: Record<string, unknown> = {}) => ({
  title: 'Grade 3 weekly',
  agenda: [{ routineId: 'share-successes' }],
  weekday: 2,
  time: '15:30',
  intervalWeeks: 1,
  firstDate: '2027-02-23',
  lastDate: '2027-03-30',
  skipDates: ['2027-03-23'],
  ...change,
});

const meetingsOf = async (client: Client, groupId = teamId) =>
  (await client.get<{ items: MeetingSummary[] }>(`/api/groups/${groupId}/meetings`)).body.items;

/** A feed fetched as a calendar app does: no cookie. */
async function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  const res = await t.app.inject({ method: 'GET', url: path, headers: { host: TEST_HOST } });
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Series District', 'admin@series.test');
  districtId = a.district.id;
  admin = a.client;
  const [school] = await t.database.db
    .insert(schools)
    .values({ districtId, name: 'Lincoln', timeZone: 'America/Chicago' })
    .returning();
  schoolId = school!.id;
  const [team, leadership] = await t.database.db
    .insert(groups)
    .values([
      { districtId, schoolId, kind: 'teacher_team', focus: 'plc', name: 'Grade 3' },
      { districtId, schoolId: null, kind: 'district_leadership', name: 'Leaders' },
    ])
    .returning();
  teamId = team!.id;
  leadershipId = leadership!.id;
  const f = await person('facilitator');
  const m = await person('member');
  memberId = m.user.id;
  facilitator = f.client;
  member = m.client;
  await t.database.db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: f.user.id, role: 'facilitator' },
    { districtId, groupId: teamId, userId: m.user.id, role: 'member' },
    { districtId, groupId: leadershipId, userId: f.user.id, role: 'facilitator' },
  ]);
});
afterAll(async () => t.close());

describe('time zones (SERIES-TZ)', () => {
  it('SERIES-TZ-1: an unknown time zone is a 400 naming the field; the district admin sets a known one', async () => {
    const bad = await admin.patch<Problem>('/api/district', { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['timeZone']);
    const school = await admin.post<Problem>('/api/schools', { name: 'X', timeZone: 'Not/AZone' });
    expect(school.status).toBe(400);
    expect(school.body.error.fields?.map((f) => f.path)).toEqual(['timeZone']);
    const ok = await admin.patch<{ timeZone: string }>('/api/district', { timeZone: 'America/Denver' });
    expect(ok.status).toBe(200);
    expect(ok.body.timeZone).toBe('America/Denver');
    expect((await member.patch('/api/district', { timeZone: 'America/Denver' })).status).toBe(403);
  });

  it('SERIES-TZ-2: a team meets in its school’s zone; a leadership team in the district’s', async () => {
    const team = await facilitator.get<{ timeZone: string }>(`/api/groups/${teamId}/series`);
    expect(team.body.timeZone).toBe('America/Chicago');
    const leaders = await facilitator.get<{ timeZone: string }>(`/api/groups/${leadershipId}/series`);
    expect(leaders.body.timeZone).toBe('America/Denver');
  });
});

describe('weekly series (SERIES)', () => {
  let series: SeriesSummary;

  it('SERIES-CREATE-1: a series makes one meeting per date that is not skipped, at the wall time in the school’s zone across the DST change', async () => {
    const res = await facilitator.post<SeriesSummary>(`/api/groups/${teamId}/series`, weekly());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    series = res.body;
    expect(series).toMatchObject({
      timeZone: 'America/Chicago',
      weekday: 2,
      time: '15:30',
      cancelled: false,
    });
    const list = (await meetingsOf(member)).filter((m) => m.seriesId === series.id);
    expect(list.map((m) => [m.occurrenceDate, m.scheduledFor]).sort()).toEqual([
      ['2027-02-23', '2027-02-23T21:30:00.000Z'],
      ['2027-03-02', '2027-03-02T21:30:00.000Z'],
      ['2027-03-09', '2027-03-09T21:30:00.000Z'],
      ['2027-03-16', '2027-03-16T20:30:00.000Z'],
      ['2027-03-30', '2027-03-30T20:30:00.000Z'],
    ]);
    expect(list.every((m) => m.status === 'scheduled' && m.title === 'Grade 3 weekly')).toBe(true);
    expect(new Set(list.map((m) => m.joinCode)).size).toBe(5);
  });

  it('SERIES-RULE-2: bad dates are refused with the field at fault, and nothing is written', async () => {
    const before = (await meetingsOf(member)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ lastDate: '2027-02-01' }, 'lastDate'],
      [{ lastDate: '2029-12-31' }, 'lastDate'],
      [{ skipDates: ['2027-03-24'] }, 'skipDates.0'],
      [{ firstDate: '2027-02-30' }, 'firstDate'],
      [{ time: '25:00' }, 'time'],
      [{ intervalWeeks: 5 }, 'intervalWeeks'],
      [{ weekday: 0 }, 'weekday'],
      [{ agenda: [{ routineId: 'no-such-routine' }] }, 'agenda.0.routineId'],
    ];
    for (const [change, path] of cases) {
      const res = await facilitator.post<Problem>(`/api/groups/${teamId}/series`, weekly(change));
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toContain(path);
    }
    expect((await meetingsOf(member)).length).toBe(before);
    expect((await member.post(`/api/groups/${teamId}/series`, weekly())).status).toBe(403);
  });

  it('SERIES-EDIT-1: a new holiday removes that meeting, a removed one brings it back, a later end adds meetings; the SEQUENCE grows', async () => {
    const res = await facilitator.patch<SeriesSummary>(`/api/series/${series.id}`, {
      skipDates: ['2027-03-09'],
      lastDate: '2027-04-06',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const dates = (await meetingsOf(member))
      .filter((m) => m.seriesId === series.id)
      .map((m) => m.occurrenceDate)
      .sort();
    expect(dates).toEqual([
      '2027-02-23',
      '2027-03-02',
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
    ]);
    const [row] = await t.database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, series.id), eq(meetings.occurrenceDate, '2027-03-23')));
    expect(row?.scheduledFor?.toISOString()).toBe('2027-03-23T20:30:00.000Z');
  });

  it('SERIES-EDIT-1: a meeting that was held cannot leave its series', async () => {
    const first = (await meetingsOf(facilitator)).find(
      (m) => m.seriesId === series.id && m.occurrenceDate === '2027-02-23',
    )!;
    expect((await facilitator.post(`/api/meetings/${first.id}/open`)).status).toBe(200);
    const res = await facilitator.patch<Problem>(`/api/series/${series.id}`, {
      skipDates: ['2027-02-23', '2027-03-09'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.map((f) => f.path)).toEqual(['skipDates.0']);
  });

  it('SERIES-MOVE-1: moving a meeting changes its time and bumps its SEQUENCE; a live meeting cannot be moved', async () => {
    const target = (await meetingsOf(facilitator)).find((m) => m.occurrenceDate === '2027-03-16')!;
    const moved = await facilitator.patch<MeetingSummary>(`/api/meetings/${target.id}`, {
      scheduledFor: '2027-03-17T21:00:00.000Z',
      title: 'Moved to Wednesday',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      scheduledFor: '2027-03-17T21:00:00.000Z',
      title: 'Moved to Wednesday',
    });
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(row?.sequence).toBe(1);
    const cleared = await facilitator.patch<Problem>(`/api/meetings/${target.id}`, { scheduledFor: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.fields?.map((f) => f.path)).toEqual(['scheduledFor']);
    const live = (await meetingsOf(facilitator)).find((m) => m.occurrenceDate === '2027-02-23')!;
    expect((await facilitator.patch(`/api/meetings/${live.id}`, { title: 'x' })).status).toBe(409);
    expect((await member.patch(`/api/meetings/${target.id}`, { title: 'x' })).status).toBe(403);
  });

  it('SERIES-MOVE-2: a cancelled meeting is kept, listed as cancelled, never opened, and its SEQUENCE grows', async () => {
    const target = (await meetingsOf(facilitator)).find((m) => m.occurrenceDate === '2027-03-30')!;
    const res = await facilitator.post<MeetingSummary>(`/api/meetings/${target.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect((await meetingsOf(member)).find((m) => m.id === target.id)?.status).toBe('cancelled');
    expect((await facilitator.post(`/api/meetings/${target.id}/open`)).status).toBe(409);
    expect((await facilitator.patch(`/api/meetings/${target.id}`, { title: 'x' })).status).toBe(409);
    // Cancelling twice is harmless.
    expect((await facilitator.post(`/api/meetings/${target.id}/cancel`)).status).toBe(200);
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(row?.sequence).toBe(1);
  });

  it('SERIES-CANCEL-1: cancelling a series cancels each meeting still to come and keeps the held one', async () => {
    const res = await facilitator.post<SeriesSummary>(`/api/series/${series.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.cancelled).toBe(true);
    const list = (await meetingsOf(member)).filter((m) => m.seriesId === series.id);
    expect(list.find((m) => m.occurrenceDate === '2027-02-23')?.status).toBe('live');
    expect(list.filter((m) => m.occurrenceDate !== '2027-02-23').every((m) => m.status === 'cancelled')).toBe(
      true,
    );
    expect((await facilitator.patch(`/api/series/${series.id}`, { lastDate: '2027-05-01' })).status).toBe(
      409,
    );
  });
});

describe('calendar feeds behind a secret link (CAL-FEED)', () => {
  let teamLink: CalendarFeedLink;

  it('CAL-FEED-1: the link answers without a cookie, as text/calendar, with the series, its EXDATE and its overrides', async () => {
    const s = await facilitator.post<SeriesSummary>(
      `/api/groups/${teamId}/series`,
      weekly({
        title: 'Spring series',
        firstDate: '2027-03-01',
        lastDate: '2027-03-31',
        skipDates: ['2027-03-16'],
      }),
    );
    expect(s.status).toBe(200);
    const cancelMe = (await meetingsOf(facilitator)).find(
      (m) => m.seriesId === s.body.id && m.occurrenceDate === '2027-03-23',
    )!;
    expect((await facilitator.post(`/api/meetings/${cancelMe.id}/cancel`)).status).toBe(200);

    const made = await member.post<CalendarFeedLink>(`/api/groups/${teamId}/calendar-feed`);
    expect(made.status).toBe(200);
    teamLink = made.body;
    expect(teamLink.url).toMatch(
      /^http:\/\/ensemble\.test\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/,
    );
    expect(teamLink.webcalUrl).toBe(teamLink.url.replace('http://', 'webcal://'));
    const status = await member.get<{ exists: boolean }>(`/api/groups/${teamId}/calendar-feed`);
    expect(status.body.exists).toBe(true);

    const res = await fetchFeed(teamLink.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const seen = expandSeries(res.body, 'Spring series').out.map(
      (o) => `${o.utc} ${o.start.slice(11)} ${o.status}`,
    );
    expect(seen).toEqual([
      '2027-03-02T21:30:00.000Z 15:30 CONFIRMED',
      '2027-03-09T21:30:00.000Z 15:30 CONFIRMED',
      '2027-03-23T20:30:00.000Z 15:30 CANCELLED',
      '2027-03-30T20:30:00.000Z 15:30 CONFIRMED',
    ]);
  });

  it('CAL-FEED-2: resetting the link makes the old one answer 404; an unknown link is 404 too', async () => {
    const again = await member.post<CalendarFeedLink>(`/api/groups/${teamId}/calendar-feed`);
    expect(again.body.url).not.toBe(teamLink.url);
    expect((await fetchFeed(teamLink.url)).statusCode).toBe(404);
    expect((await fetchFeed(again.body.url)).statusCode).toBe(200);
    expect((await fetchFeed('http://ensemble.test/api/calendar-feeds/nope/calendar.ics')).statusCode).toBe(
      404,
    );
    teamLink = again.body;
  });

  it('CAL-FEED-3: a team link stops answering when its owner leaves the team; the personal link shows only their teams now, and nothing once they are deactivated', async () => {
    const mine = await member.post<CalendarFeedLink>('/api/me/calendar-feed');
    expect(mine.status).toBe(200);
    const personal = await fetchFeed(mine.body.url);
    expect(personal.statusCode).toBe(200);
    expect(personal.body).toContain('SUMMARY:Spring series');
    await t.database.db
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, teamId), eq(groupMembers.userId, memberId)));
    expect((await fetchFeed(teamLink.url)).statusCode).toBe(404);
    const after = await fetchFeed(mine.body.url);
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('Spring series');
    // A deactivated owner's links answer nothing.
    await t.database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, memberId));
    expect((await fetchFeed(mine.body.url)).statusCode).toBe(404);
  });

  it('CAL-FEED-5: a personal link carries a meeting of another team its owner is invited to, as a standalone event, and drops it when the invitation is withdrawn', async () => {
    const coach = await person('invited-coach');
    const scheduled = await facilitator.post<MeetingSummary>(`/api/groups/${teamId}/meetings`, {
      title: 'Turn and talk, modeled',
      routineId: 'peer-modeling',
      scheduledFor: '2027-04-06T20:30:00.000Z',
    });
    expect(scheduled.status).toBe(200);
    const invited = await facilitator.post(`/api/meetings/${scheduled.body.id}/invitees`, {
      userId: coach.user.id,
      role: 'model',
    });
    expect(invited.status).toBe(200);
    const link = await coach.client.post<CalendarFeedLink>('/api/me/calendar-feed');
    const feed = await fetchFeed(link.body.url);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Turn and talk\\, modeled');
    expect(feed.body).toContain(`UID:meeting-${scheduled.body.id}@ensemble`);
    // Nothing else of the team: not its series.
    expect(feed.body).not.toContain('Spring series');
    const withdrawn = await facilitator.delete(
      `/api/meetings/${scheduled.body.id}/invitees/${coach.user.id}`,
    );
    expect(withdrawn.status).toBe(200);
    expect((await fetchFeed(link.body.url)).body).not.toContain('Turn and talk');
  });

  it('CAL-FEED-4: request logs never hold the secret of a calendar link', () => {
    const secret = 'Abc_def-123';
    expect(safePath(`/api/calendar-feeds/${secret}/calendar.ics`)).toBe(
      '/api/calendar-feeds/<redacted>/calendar.ics',
    );
    expect(safePath(new URL(teamLink.url).pathname)).toBe('/api/calendar-feeds/<redacted>/calendar.ics');
  });
});
