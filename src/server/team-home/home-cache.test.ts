/**
 * CAP-API-6, CAP-API-7 (ADR 0045): `GET /api/auth/me` and the team home's past are served from memory behind the
 * request's fence, and a change made anywhere (here: raw SQL on another connection, as another node or a script
 * would) shows in the very next answer. A visit writes at most once a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Me } from '#contracts/auth';
import type { TeamHome } from '#contracts/team-home';
import { meetingLog } from '#core/journey/testing';
import { createDistrictWithAdmin, createTestApp, type Client, type TestApp } from '../testing/api-harness';
import { teamWithFacilitator } from '../testing/people';
import { api } from '#contracts/api';

let t: TestApp;
let other: pg.Client;
let districtId = '';
let team: { groupId: string; userId: string; lead: Client };

beforeAll(async () => {
  t = await createTestApp();
  other = new pg.Client({ connectionString: t.testDb.url });
  await other.connect();
  const { district } = await createDistrictWithAdmin(t, 'Cache District', 'admin@cache.test');
  districtId = district.id;
  team = await teamWithFacilitator(t, districtId, {
    teamName: 'Cached Team',
    email: 'lead@cache.test',
    name: 'Lead',
  });
});

afterAll(async () => {
  await other.end();
  await t.close();
});

const stats = () => {
  const feed = t.app.accessFeed;
  if (!feed) throw new Error('the app was built without its access feed');
  return { ...feed.stats };
};

describe('CAP-API-7: reads kept in memory answer what the database says', () => {
  it('CAP-API-7: me is a cache hit the second time, and shows a language or school name changed elsewhere at once', async () => {
    const first = await team.lead.get<Me>('/api/auth/me');
    expect(first.status).toBe(200);
    const before = stats();
    const second = await team.lead.get<Me>('/api/auth/me');
    expect(second.body).toEqual(first.body);
    // The session and me both came from memory.
    expect(stats().hits - before.hits).toBe(2);
    expect(stats().misses - before.misses).toBe(0);

    await other.query(`UPDATE users SET language = 'es' WHERE district_id = $1 AND id = $2`, [
      districtId,
      team.userId,
    ]);
    expect((await team.lead.get<Me>('/api/auth/me')).body.language).toBe('es');
    await other.query(
      `INSERT INTO school_roles (district_id, school_id, user_id, role)
       SELECT district_id, id, $2, 'staff' FROM schools WHERE district_id = $1 AND name = 'School of Cached Team'`,
      [districtId, team.userId],
    );
    expect((await team.lead.get<Me>('/api/auth/me')).body.schools.map((s) => s.schoolName)).toEqual([
      'School of Cached Team',
    ]);
    await other.query(`UPDATE schools SET name = 'Renamed School' WHERE district_id = $1`, [districtId]);
    expect((await team.lead.get<Me>('/api/auth/me')).body.schools.map((s) => s.schoolName)).toEqual([
      'Renamed School',
    ]);
  });

  it("CAP-API-7: a team's past is kept; a meeting ended elsewhere and a member removed elsewhere show at once", async () => {
    const home = () => team.lead.get<TeamHome>(`/api/groups/${team.groupId}/home`);
    const first = await home();
    expect(first.status).toBe(200);
    const before = stats();
    expect((await home()).body.journey).toEqual(first.body.journey);
    expect(stats().hits - before.hits).toBe(2); // the session and the team's past

    const meetings = first.body.journey.facts.meetingsEnded;
    // A meeting that ends elsewhere: its log is written, then its row says ended (as the live path does).
    const inserted = await other.query<{ id: string }>(
      `INSERT INTO meetings (district_id, group_id, title, agenda, total_minutes, join_code, created_by, status, started_at)
       VALUES ($1, $2, 'Ended elsewhere', '[]', 10, 'ELSEWHR1', $3, 'live', now() - interval '2 hours') RETURNING id`,
      [districtId, team.groupId, team.userId],
    );
    const meetingId = inserted.rows[0]!.id;
    const log = meetingLog({
      parts: [{ focus: 'success', presenter: team.userId }],
      endedAfter: 3_600_000,
      meetingId,
    });
    for (const e of log.events)
      await other.query(
        `INSERT INTO meeting_events (district_id, meeting_id, seq, type, v, at, actor_id, idempotency_key, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          districtId,
          meetingId,
          e.seq,
          e.type,
          e.v,
          e.at,
          e.actorId,
          e.idempotencyKey,
          JSON.stringify(e.payload),
        ],
      );
    // Appending to a live meeting's log changes nothing kept: still a hit.
    const beforeEnd = stats();
    expect((await home()).body.journey.facts.meetingsEnded).toBe(meetings);
    expect(stats().hits - beforeEnd.hits).toBe(2);
    await other.query(
      `UPDATE meetings SET status = 'ended', ended_at = now() WHERE district_id = $1 AND id = $2`,
      [districtId, meetingId],
    );
    expect((await home()).body.journey.facts.meetingsEnded).toBe(meetings + 1);

    await other.query(`DELETE FROM group_members WHERE district_id = $1 AND group_id = $2`, [
      districtId,
      team.groupId,
    ]);
    // Not a member any more: the team is not found for them (as without the cache).
    expect((await home()).status).toBe(404);
  });

  it('CAP-API-6: reading the home again within a minute writes nothing; after a minute it records the visit', async () => {
    await other.query(
      `INSERT INTO group_members (district_id, group_id, user_id, role) VALUES ($1, $2, $3, 'facilitator')`,
      [districtId, team.groupId, team.userId],
    );
    const seen = async () =>
      (
        await other.query<{ seen_at: Date; xmin: string }>(
          `SELECT seen_at, xmin::text FROM team_visits WHERE district_id = $1 AND group_id = $2 AND user_id = $3`,
          [districtId, team.groupId, team.userId],
        )
      ).rows[0];
    expect((await team.lead.get(`/api/groups/${team.groupId}/home`)).status).toBe(200);
    const first = await seen();
    expect((await team.lead.get(`/api/groups/${team.groupId}/home`)).status).toBe(200);
    // The same row version: no write, no lock.
    expect(await seen()).toEqual(first);
    await other.query(
      `UPDATE team_visits SET seen_at = seen_at - interval '2 minutes' WHERE district_id = $1 AND group_id = $2`,
      [districtId, team.groupId],
    );
    const moved = await seen();
    expect((await team.lead.get(`/api/groups/${team.groupId}/home`)).status).toBe(200);
    const after = await seen();
    expect(after?.xmin).not.toBe(moved?.xmin);
    expect(after!.seen_at.getTime()).toBeGreaterThan(moved!.seen_at.getTime() + 60_000);
  });
});

describe('CAP-API-9: the hottest answers go out as built, and are exactly their contract', () => {
  it('CAP-API-9: me and the team home, written without a second parse, equal what their contracts make of them', async () => {
    const me = await team.lead.get('/api/auth/me');
    const home = await team.lead.get(`/api/groups/${team.groupId}/home`);
    expect(me.status).toBe(200);
    expect(home.status).toBe(200);
    // Parsing strips what a contract does not name and rewrites what it would change: equal means nothing was
    // either, so writing the handler's object as it is sends what the contract would have sent.
    expect(api.me.response.parse(me.body)).toEqual(me.body);
    expect(api.teamHome.response.parse(home.body)).toEqual(home.body);
    // The home has history to show (the meetings of the tests above), not only empty lists.
    expect(JSON.stringify(home.body).length).toBeGreaterThan(500);
  });
});
