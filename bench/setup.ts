/**
 * Fills an empty app for `bench:live` by the fast paths: one district through the setup endpoint, then the
 * people, teams, memberships and sessions in a few bulk SQL statements (one password hash, taken from the
 * district admin, for everyone; sessions stored as sha256 of the cookie secret, as src/server/auth/sessions.ts
 * does), then every meeting scheduled and opened through the REST API by its team's facilitator.
 * With `rounds` > 1 (`bench:live --saturate`), the same people form that many teams (team m of round r has the
 * members of team m of round 0), and `openRound(r)` opens round r's meetings when the benchmark needs them: a
 * fresh meeting per round, so the per-person caps of the core (TRUST-RT-CAP-1) never refuse the load.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { FleetMeeting } from './fleet';
import { inBatches } from './fleet';

const SESSION_DAYS = 30;

async function post(base: string, path: string, session: string | null, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = `ensemble_session=${session}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} -> ${res.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

export interface Seeded {
  /** Round 0's meetings, opened. */
  meetings: FleetMeeting[];
  /** Schedules and opens round `r`'s meetings (1 <= r < rounds) over REST. */
  openRound: (r: number) => Promise<FleetMeeting[]>;
}

export async function seedApp(opts: {
  base: string;
  pool: pg.Pool;
  meetings: number;
  perMeeting: number;
  rounds?: number;
  log: (line: string) => void;
}): Promise<Seeded> {
  const { base, pool, meetings, perMeeting, log } = opts;
  const rounds = opts.rounds ?? 1;
  const began = Date.now();
  await post(base, '/api/setup', null, {
    districtName: 'Bench District',
    name: 'Bench Admin',
    email: 'admin@bench.test',
    password: 'bench password for load tests',
  });
  const admin = await pool.query<{ district_id: string; password_hash: string }>(
    `SELECT district_id, password_hash FROM users WHERE email = 'admin@bench.test'`,
  );
  const districtId = admin.rows[0]?.district_id;
  const hash = admin.rows[0]?.password_hash;
  if (!districtId || !hash) throw new Error('setup left no admin');

  const people = meetings * perMeeting;
  const users = await pool.query<{ id: string; email: string }>(
    `INSERT INTO users (district_id, email, name, password_hash, email_verified_at)
     SELECT $1, 'bench-' || g || '@bench.test', 'Bench Person ' || g, $2, now() FROM generate_series(0, $3::int - 1) g
     RETURNING id, email`,
    [districtId, hash, people],
  );
  const userIds: string[] = new Array<string>(people);
  for (const row of users.rows) userIds[Number(/bench-(\d+)@/.exec(row.email)?.[1])] = row.id;
  const groups = await pool.query<{ id: string; name: string }>(
    `INSERT INTO groups (district_id, kind, focus, name)
     SELECT $1, 'teacher_team', 'plc', 'Bench Team ' || g FROM generate_series(0, $2::int - 1) g
     RETURNING id, name`,
    [districtId, meetings * rounds],
  );
  // Team r * meetings + m: round r's team of the people of meeting m.
  const groupIds: string[] = new Array<string>(meetings * rounds);
  for (const row of groups.rows) groupIds[Number(/(\d+)$/.exec(row.name)?.[1])] = row.id;

  const memberGroup: string[] = [];
  const memberUser: string[] = [];
  const memberRole: string[] = [];
  const sessionIds: string[] = [];
  const secrets: string[] = [];
  for (let r = 1; r < rounds; r++)
    for (let i = 0; i < people; i++) {
      memberGroup.push(groupIds[r * meetings + Math.floor(i / perMeeting)] ?? '');
      memberUser.push(userIds[i] ?? '');
      memberRole.push(i % perMeeting === 0 ? 'facilitator' : 'member');
    }
  for (let i = 0; i < people; i++) {
    memberGroup.push(groupIds[Math.floor(i / perMeeting)] ?? '');
    memberUser.push(userIds[i] ?? '');
    memberRole.push(i % perMeeting === 0 ? 'facilitator' : 'member');
    const secret = randomBytes(32).toString('base64url');
    secrets.push(secret);
    sessionIds.push(createHash('sha256').update(secret).digest('hex'));
  }
  await pool.query(
    `INSERT INTO group_members (district_id, group_id, user_id, role)
     SELECT $1, g, u, r FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(g, u, r)`,
    [districtId, memberGroup, memberUser, memberRole],
  );
  await pool.query(
    `INSERT INTO sessions (id, district_id, user_id, user_agent, expires_at)
     SELECT s, $1, u, 'bench', now() + make_interval(days => $4::int) FROM unnest($2::text[], $3::uuid[]) AS t(s, u)`,
    [districtId, sessionIds, memberUser.slice(-people), SESSION_DAYS],
  );
  log(
    `  seeded ${people} people, ${meetings * rounds} teams and ${people} sessions in ${Date.now() - began} ms`,
  );
  const openRound = async (r: number) => {
    const opened = await openMeetings(
      base,
      groupIds.slice(r * meetings, (r + 1) * meetings),
      secrets,
      perMeeting,
      log,
    );
    // What autovacuum does within its first minute (autovacuum_naptime) on a server that runs: the load comes
    // seconds after these tables were filled. Without statistics, the planner saw every index of the nearly empty
    // `meetings` as equally cheap, and the plans the app's connections cached then (the check of meeting_events'
    // foreign key among them) read all of a district's meetings for each event, for the rest of the run
    // (ADR 0054). ANALYZE makes PostgreSQL plan those statements again.
    await pool.query('ANALYZE');
    return opened;
  };
  return { meetings: await openRound(0), openRound };
}

async function openMeetings(
  base: string,
  groupIds: readonly string[],
  secrets: readonly string[],
  perMeeting: number,
  log: (line: string) => void,
): Promise<FleetMeeting[]> {
  const meetings = groupIds.length;
  const opened = Date.now();
  const result: FleetMeeting[] = new Array<FleetMeeting>(meetings);
  await inBatches(groupIds, 8, async (groupId, m) => {
    const facilitator = secrets[m * perMeeting] ?? '';
    const scheduled = (await post(base, `/api/groups/${groupId}/meetings`, facilitator, {
      title: `Bench meeting ${m}`,
      routineId: 'share-successes',
    })) as { id: string };
    await post(base, `/api/meetings/${scheduled.id}/open`, facilitator);
    result[m] = {
      id: scheduled.id,
      members: Array.from({ length: perMeeting }, (_, k) => ({
        session: secrets[m * perMeeting + k] ?? '',
        facilitator: k === 0,
      })),
    };
  });
  log(`  scheduled and opened ${meetings} meetings over REST in ${Date.now() - opened} ms`);
  return result;
}
