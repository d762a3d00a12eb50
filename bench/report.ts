/**
 * `bench:report` (issue 13, ADR 0029): survey reports of a big district, over HTTP against the built app.
 * Run it with `node bench/run.mjs report [--schools 200] [--teams 5000] [--waves 3] [--responses 60000]
 * [--requests 300] [--seed 13] [--app-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"] [--explain] [--identity]
 * [--keep]`.
 *
 * 1. The built app (`dist/cli/main.js serve`) on its own embedded PostgreSQL (or DATABASE_URL, empty), set up
 *    through `/api/setup` (the district and its first admin); the global rate limit is raised so that the
 *    measured requests are not refused (TRUST-LIMIT-1 is not what this measures).
 * 2. Bulk SQL (multi-row INSERT from unnest): the schools, 25 teams a school of 3 to 28 people (a fifth of them
 *    3 to 7; 12.6 on average; a tenth of people also on a second team of their school), 10 to 30 staff a school on no team, a leader a school and
 *    two more district admins: about 70,000 people with their school roles and memberships, and sessions for the
 *    admin and the leaders.
 * 3. Each wave is started through the real route (POST /api/surveys/waves, district scope, email invitations,
 *    opening today: the frame is built from the whole district, participation written, invitations "sent" by
 *    the mailer, which is off without SMTP); then its answers are inserted in bulk: `--responses` answers spread
 *    over the frame's atoms (unit x role band) at a response rate that varies by team (so some small teams stay
 *    under the threshold), with item values on the 1-6 scale around a mean that varies by team, construct and
 *    wave (reverse-keyed items written reversed), 8 % with a comment; the same number of participation rows in
 *    each atom are marked answered. Then the wave is closed through the real route (POST .../close: results
 *    computed and frozen, participation deleted). Creation and close are timed.
 * 4. VACUUM ANALYZE of the survey tables (what autovacuum does within a minute or so of a close), then reports
 *    over HTTP, one request at a time: the district report (`GET /api/surveys/waves/:id/report`, the
 *    district and its schools) as the district admin, the school report (`?at=school:<id>`, a school and its
 *    teams) as the admin and as that school's leader (who reads the school's cell only, MEASURE-REPORT-2), each
 *    over random waves and schools, after a warm-up; then pages of the district's comments
 *    (`GET .../comments?offset=`, MEASURE-REPORT-7). Every answer is checked: its cells, the district's n
 *    against the answers inserted, each shown school's n against the seed, no number in a suppressed cell, no
 *    item means or comments in the cells under the node (MEASURE-REPORT-6), and each page's comments.
 * The last line of output is one JSON object:
 * {"responses","district_report_p95_ms","school_report_p95_ms", ...more figures}.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { children, healthy, root, startChild, stopChild } from './children';
import { serverNodeFlags } from './server-flags';
import { z } from '#contracts/zod';
import { Instrument } from '#contracts/instrument';
import { WaveFrame } from '#contracts/surveys';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#server/db/embedded/index';
import { cpuMsOf, cpuMsWithChildren, freePort, machineBusyMs, postmasterOf } from './procs';

interface Options {
  schools: number;
  teams: number;
  waves: number;
  responses: number;
  requests: number;
  seed: number;
  appNodeArgs: string[];
  explain: boolean;
  /** Ask for uncompressed answers (diagnostic: what compression costs); by default fetch asks for gzip. */
  identity: boolean;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const opts: Options = {
    schools: 200,
    teams: 5_000,
    waves: 3,
    responses: 60_000,
    requests: 300,
    seed: 13,
    appNodeArgs: [],
    explain: false,
    identity: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    const value = () => {
      const v = argv[i + 1];
      i += 1;
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (min: number, max: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${flag} must be an integer in ${min}..${max}`);
      return n;
    };
    if (flag === '--schools') opts.schools = int(1, 2_000);
    else if (flag === '--teams') opts.teams = int(1, 50_000);
    else if (flag === '--waves') opts.waves = int(1, 20);
    else if (flag === '--responses') opts.responses = int(1, 1_000_000);
    else if (flag === '--requests') opts.requests = int(1, 100_000);
    else if (flag === '--seed') opts.seed = int(0, 2 ** 31);
    else if (flag === '--app-node-args') opts.appNodeArgs = value().split(' ').filter(Boolean);
    else if (flag === '--explain') opts.explain = true;
    else if (flag === '--identity') opts.identity = true;
    else if (flag === '--keep') opts.keep = true;
    else
      throw new Error(
        `unknown flag ${flag}; flags: --schools N --teams N --waves N --responses N --requests N --seed N --app-node-args "..." --explain --identity --keep`,
      );
  }
  if (opts.teams < opts.schools) throw new Error('--teams must be at least --schools');
  return opts;
}

const log = (line: string) => {
  process.stderr.write(`[bench:report] ${line}\n`);
};

/** The element at `i`, which the bench's own arithmetic guarantees exists. */
function nth<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`no element ${i} of ${list.length}`);
  return value;
}

/** mulberry32: the same district, answers and requests on every run with the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return nth(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)));
}
const round = (x: number) => Math.round(x * 10) / 10;
const machineLoad = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
};

// --- The app as a child process -----------------------------------------------------------------------------

/** The app's latest output, shown when the bench fails. */
let appOutput: () => string = () => '';
const cleanups: (() => Promise<void>)[] = [];

// --- HTTP -----------------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  text: string;
  ms: number;
  /** The answer's content-encoding (`identity` when none). */
  encoding: string;
}

async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  session: string | null,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...extra };
  if (session) headers.cookie = `ensemble_session=${session}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    ms: performance.now() - t0,
    encoding: res.headers.get('content-encoding') ?? 'identity',
  };
}

async function ok(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  session: string | null,
  body?: unknown,
  extra?: Record<string, string>,
) {
  const answer = await call(base, method, path, session, body, extra);
  if (answer.status !== 200)
    throw new Error(`${method} ${path} -> ${answer.status}: ${answer.text.slice(0, 500)}`);
  return answer;
}

const Created = z.object({ wave: z.object({ id: z.string(), invited: z.number() }) });
const Closed = z.object({ status: z.literal('closed'), responses: z.number() });
const Cell = z.object({
  status: z.enum(['shown', 'suppressed', 'empty']),
  node: z.object({ kind: z.enum(['district', 'school', 'team']), id: z.nullable(z.string()) }),
  n: z.optional(z.number()),
  constructs: z.optional(z.array(z.unknown())),
  items: z.optional(z.array(z.unknown())),
  comments: z.optional(z.nullable(z.object({ total: z.number(), items: z.array(z.string()) }))),
  freeText: z.optional(z.unknown()),
});
const Report = z.object({ cell: z.nullable(Cell), children: z.array(Cell) });

// --- The district --------------------------------------------------------------------------------------------

interface Person {
  id: string;
  kind: 'teacher' | 'pool' | 'leader' | 'admin';
  school: number;
  teams: number[];
}

interface District {
  districtId: string;
  adminSession: string;
  schoolIds: string[];
  teamIds: string[];
  teamSchool: (t: number) => number;
  leaderSessions: string[];
  people: number;
  /** A unit's own random stream: its traits (level, profile, response rate) are the same in every wave. */
  seedOf: (unit: string) => number;
}

async function seedDistrict(base: string, pool: pg.Pool, opts: Options, r: () => number): Promise<District> {
  const began = Date.now();
  await ok(base, 'POST', '/api/setup', null, {
    districtName: 'Bench District',
    name: 'Bench Admin',
    email: 'admin@bench.test',
    password: 'bench password for report load',
  });
  const admin = await pool.query<{ id: string; district_id: string; password_hash: string }>(
    `SELECT id, district_id, password_hash FROM users WHERE email = 'admin@bench.test'`,
  );
  const adminRow = admin.rows[0];
  if (!adminRow) throw new Error('setup left no admin');
  const districtId = adminRow.district_id;

  const schools = await pool.query<{ id: string; i: number }>(
    `INSERT INTO schools (district_id, name)
     SELECT $1, 'School ' || lpad(g::text, 4, '0') FROM generate_series(0, $2::int - 1) g
     RETURNING id, substr(name, 8)::int AS i`,
    [districtId, opts.schools],
  );
  const schoolIds = new Array<string>(opts.schools);
  for (const row of schools.rows) schoolIds[row.i] = row.id;
  const teamSchool = (t: number) => Math.floor((t * opts.schools) / opts.teams);
  const teams = await pool.query<{ id: string; i: number }>(
    `INSERT INTO groups (district_id, school_id, kind, focus, name)
     SELECT $1, s, 'teacher_team', 'plc', 'Team ' || lpad(i::text, 5, '0')
     FROM unnest($2::uuid[]) WITH ORDINALITY AS x(s, i)
     RETURNING id, substr(name, 6)::int AS i`,
    [districtId, Array.from({ length: opts.teams }, (_, t) => nth(schoolIds, teamSchool(t)))],
  );
  const teamIds = new Array<string>(opts.teams);
  for (const row of teams.rows) teamIds[row.i - 1] = row.id;

  // A fifth of teams are small (3 to 7 people), the rest 8 to 28 (mostly 10 to 19): about 12.6 a team. A tenth
  // of teachers also sit on a second team of their school.
  const people: Person[] = [];
  const bySchool = Array.from({ length: opts.schools }, () => [] as number[]);
  for (let t = 0; t < opts.teams; t += 1) bySchool[teamSchool(t)]?.push(t);
  for (let t = 0; t < opts.teams; t += 1) {
    const size =
      r() < 0.2 ? 3 + Math.floor(r() * 5) : Math.max(8, Math.min(28, Math.round(14.5 + 4 * normal(r))));
    for (let k = 0; k < size; k += 1)
      people.push({ id: '', kind: 'teacher', school: teamSchool(t), teams: [t] });
  }
  for (const p of people) {
    const first = nth(p.teams, 0);
    const siblings = nth(bySchool, p.school);
    if (r() < 0.1 && siblings.length > 1) {
      const other = nth(siblings, Math.floor(r() * siblings.length));
      if (other !== first) p.teams.push(other);
    }
  }
  for (let s = 0; s < opts.schools; s += 1) {
    const pool = 10 + Math.floor(r() * 21);
    for (let k = 0; k < pool; k += 1) people.push({ id: '', kind: 'pool', school: s, teams: [] });
    people.push({ id: '', kind: 'leader', school: s, teams: [] });
  }
  people.push(
    { id: '', kind: 'admin', school: -1, teams: [] },
    { id: '', kind: 'admin', school: -1, teams: [] },
  );

  const BATCH = 10_000;
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH);
    const rows = await pool.query<{ id: string; i: number }>(
      `INSERT INTO users (district_id, email, name, password_hash, district_role, email_verified_at)
       SELECT $1, 'p' || i || '@bench.test', 'Person ' || i, $2, r, now()
       FROM unnest($3::int[], $4::text[]) AS x(i, r)
       RETURNING id, substr(split_part(email, '@', 1), 2)::int AS i`,
      [
        districtId,
        adminRow.password_hash,
        batch.map((_, k) => start + k),
        batch.map((p) => (p.kind === 'admin' ? 'district_admin' : 'member')),
      ],
    );
    for (const row of rows.rows) nth(people, row.i).id = row.id;
  }
  const staff = people.filter((p) => p.school >= 0);
  await pool.query(
    `INSERT INTO school_roles (district_id, school_id, user_id, role)
     SELECT $1, s, u, r FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS x(s, u, r)`,
    [
      districtId,
      staff.map((p) => nth(schoolIds, p.school)),
      staff.map((p) => p.id),
      staff.map((p) => (p.kind === 'leader' ? 'school_leader' : 'staff')),
    ],
  );
  const memberships = people.flatMap((p) => p.teams.map((t, k) => ({ p, t, k })));
  const facilitated = new Set<number>();
  const roleOf = (t: number, k: number) => {
    if (k > 0 || facilitated.has(t)) return 'member';
    facilitated.add(t);
    return 'facilitator';
  };
  await pool.query(
    `INSERT INTO group_members (district_id, group_id, user_id, role, created_at)
     SELECT $1, g, u, r, now() - make_interval(days => d) FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[]) AS x(g, u, r, d)`,
    [
      districtId,
      memberships.map((m) => nth(teamIds, m.t)),
      memberships.map((m) => m.p.id),
      memberships.map((m) => roleOf(m.t, m.k)),
      // The first team is the oldest membership (the frame's default unit).
      memberships.map((m) => (m.k === 0 ? 400 : 30)),
    ],
  );
  const secret = () => randomBytes(32).toString('base64url');
  const sessionOf = (s: string) => createHash('sha256').update(s).digest('hex');
  const adminSession = secret();
  const leaders = people.filter((p) => p.kind === 'leader').sort((a, b) => a.school - b.school);
  const leaderSessions = leaders.map(() => secret());
  await pool.query(
    `INSERT INTO sessions (id, district_id, user_id, user_agent, expires_at)
     SELECT s, $1, u, 'bench', now() + interval '1 day' FROM unnest($2::text[], $3::uuid[]) AS x(s, u)`,
    [
      districtId,
      [adminSession, ...leaderSessions].map(sessionOf),
      [adminRow.id, ...leaders.map((p) => p.id)],
    ],
  );
  await pool.query('ANALYZE');
  log(
    `seeded ${opts.schools} schools, ${opts.teams} teams, ${people.length + 1} people (${people.filter((p) => p.teams.length > 1).length} on two teams, ${staff.length - people.filter((p) => p.kind === 'teacher').length - leaders.length} on none), ${memberships.length} memberships in ${Math.round((Date.now() - began) / 1000)} s`,
  );
  return {
    districtId,
    adminSession,
    schoolIds,
    teamIds,
    teamSchool,
    leaderSessions,
    people: people.length + 1,
    seedOf: (unit) => {
      let h = opts.seed;
      for (let i = 0; i < unit.length; i += 1) h = Math.imul(h ^ unit.charCodeAt(i), 16777619) >>> 0;
      return h;
    },
  };
}

// --- Answers --------------------------------------------------------------------------------------------------

const COMMENTS = [
  'We need more time to plan together.',
  'Our team meetings have become more focused this term.',
  'I would like to see more of what other teams try.',
  'Sometimes it is hard to say when something did not work.',
  'The student work protocol helped us a lot.',
  'Too many initiatives at once.',
];

/** A count per atom adding up to `total`: each atom's invited people times a rate that varies by unit, then evened out. */
function responseCounts(
  invited: readonly { unit: string; role: 'staff' | 'leader'; n: number }[],
  total: number,
  rateOf: (unit: string, role: 'staff' | 'leader') => number,
  r: () => number,
): number[] {
  const room = invited.reduce((sum, a) => sum + a.n, 0);
  if (room < total) throw new Error(`the frame invited ${room} people, fewer than ${total} answers`);
  const wanted = invited.map((a) => a.n * rateOf(a.unit, a.role));
  const scale = total / wanted.reduce((sum, w) => sum + w, 0);
  const counts = invited.map((a, i) => Math.min(a.n, Math.round(nth(wanted, i) * scale)));
  let left = total - counts.reduce((sum, c) => sum + c, 0);
  while (left !== 0) {
    const i = Math.floor(r() * counts.length);
    const c = nth(counts, i);
    if (left > 0 && c < nth(invited, i).n) {
      counts[i] = c + 1;
      left -= 1;
    } else if (left < 0 && c > 0) {
      counts[i] = c - 1;
      left += 1;
    }
  }
  return counts;
}

async function runWave(
  base: string,
  pool: pg.Pool,
  district: District,
  opts: Options,
  w: number,
  r: () => number,
): Promise<{
  id: string;
  createMs: number;
  closeMs: number;
  invited: number;
  perSchool: Map<string, number>;
}> {
  const today = new Date().toISOString().slice(0, 10);
  const closesOn = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
  const created = await ok(base, 'POST', '/api/surveys/waves', district.adminSession, {
    title: `Team efficacy, wave ${w + 1}`,
    instrument: { slug: 'ensemble-efficacy' },
    scope: { kind: 'district' },
    opensOn: today,
    closesOn,
    invite: 'email',
  });
  const wave = Created.parse(JSON.parse(created.text)).wave;
  const stored = await pool.query<{ frame: unknown; instrument: unknown }>(
    'SELECT frame, instrument FROM survey_waves WHERE id = $1',
    [wave.id],
  );
  const frame = WaveFrame.parse(stored.rows[0]?.frame);
  const instrument = Instrument.parse(stored.rows[0]?.instrument);

  // Each team's level, its construct profile and its response rate; a little growth from wave to wave.
  const traits = new Map<string, { level: number; profile: number[]; rate: number }>();
  const traitsOf = (unit: string) => {
    let t = traits.get(unit);
    if (!t) {
      const u = rng(district.seedOf(unit));
      t = {
        level: 3.3 + 1.4 * u() + 0.15 * w,
        profile: instrument.items.map(() => 0),
        rate: 0.45 + 0.55 * Math.sqrt(u()),
      };
      const byConstruct = new Map<string, number>();
      t.profile = instrument.items.map((item) => {
        const v = byConstruct.get(item.construct) ?? 0.4 * normal(u);
        byConstruct.set(item.construct, v);
        return v;
      });
      traits.set(unit, t);
    }
    return t;
  };
  const counts = responseCounts(
    frame.invited,
    opts.responses,
    (unit, role) => (role === 'leader' ? 0.9 : traitsOf(unit).rate * (0.9 + 0.2 * r())),
    r,
  );
  const perSchool = new Map<string, number>();
  const schoolOfUnit = new Map(
    frame.units.map((u) => [u.key, u.kind === 'team' ? u.parent : u.kind === 'school' ? u.key : null]),
  );
  const rows = {
    unit: [] as string[],
    role: [] as string[],
    answers: [] as string[],
    text: [] as (string | null)[],
  };
  const insert = async () => {
    await pool.query(
      `INSERT INTO survey_responses (district_id, wave_id, unit, role_band, submitted_on, answers, free_text)
       SELECT $1, $2, u, r, $3::date, a::int[], t FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS x(u, r, a, t)`,
      [district.districtId, wave.id, today, rows.unit, rows.role, rows.answers, rows.text],
    );
    rows.unit = [];
    rows.role = [];
    rows.answers = [];
    rows.text = [];
  };
  const points = instrument.scale.points;
  for (const [i, atom] of frame.invited.entries()) {
    const n = nth(counts, i);
    if (n === 0) continue;
    const school = schoolOfUnit.get(atom.unit) ?? null;
    if (school !== null) perSchool.set(school, (perSchool.get(school) ?? 0) + n);
    const t = traitsOf(atom.unit);
    for (let k = 0; k < n; k += 1) {
      const person = t.level + 0.6 * normal(r);
      const values = instrument.items.map((item, j) => {
        const v = Math.max(1, Math.min(points, Math.round(person + nth(t.profile, j) + 0.7 * normal(r))));
        return item.reverse ? points + 1 - v : v;
      });
      rows.unit.push(atom.unit);
      rows.role.push(atom.role);
      rows.answers.push(`{${values.join(',')}}`);
      rows.text.push(r() < 0.08 ? nth(COMMENTS, Math.floor(r() * COMMENTS.length)) : null);
      if (rows.unit.length >= 5_000) await insert();
    }
  }
  if (rows.unit.length) await insert();
  // The same number of people in each atom have answered (participation as the routes leave it).
  const invitedRows = await pool.query<{ user_id: string; unit: string; role_band: string }>(
    'SELECT user_id, units[1] AS unit, role_band FROM survey_participation WHERE wave_id = $1',
    [wave.id],
  );
  const left = new Map(frame.invited.map((a, i) => [`${a.unit}|${a.role}`, nth(counts, i)]));
  const answered: string[] = [];
  for (const p of invitedRows.rows) {
    const key = `${p.unit}|${p.role_band}`;
    const n = left.get(key) ?? 0;
    if (n <= 0) continue;
    left.set(key, n - 1);
    answered.push(p.user_id);
  }
  await pool.query(
    'UPDATE survey_participation SET answered = true WHERE wave_id = $1 AND user_id = ANY($2::uuid[])',
    [wave.id, answered],
  );
  await pool.query('ANALYZE survey_responses');
  const closed = await ok(base, 'POST', `/api/surveys/waves/${wave.id}/close`, district.adminSession);
  const summary = Closed.parse(JSON.parse(closed.text));
  if (summary.responses !== opts.responses)
    throw new Error(`wave ${w + 1} counts ${summary.responses} responses, ${opts.responses} were inserted`);
  const cells = await pool.query<{ status: string; kind: string; n: string }>(
    `SELECT payload->>'status' AS status, split_part(node, ':', 1) AS kind, count(*) AS n
     FROM survey_results WHERE wave_id = $1 AND role = 'all' GROUP BY 1, 2 ORDER BY 2, 1`,
    [wave.id],
  );
  log(
    `wave ${w + 1}: created in ${Math.round(created.ms)} ms (${wave.invited} invited), ${opts.responses} answers inserted, closed in ${Math.round(closed.ms)} ms; cells (all roles): ${cells.rows.map((c) => `${c.kind} ${c.status} ${c.n}`).join(', ')}`,
  );
  return { id: wave.id, createMs: created.ms, closeMs: closed.ms, invited: wave.invited, perSchool };
}

// --- Reports --------------------------------------------------------------------------------------------------

interface Series {
  name: string;
  /** CPU ms spent meanwhile by the app, PostgreSQL (when embedded), this client and every other process. */
  cpu?: { app: number; db: number | null; client: number; other: number; wallMs: number };
  times: number[];
  bytes: number[];
  cells: number[];
  problems: string[];
}

function summarise(s: Series) {
  const sorted = [...s.times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    kb: Math.round(s.bytes.reduce((a, b) => a + b, 0) / Math.max(1, s.bytes.length) / 1024),
    cells: Math.round(s.cells.reduce((a, b) => a + b, 0) / Math.max(1, s.cells.length)),
  };
}

/**
 * Checks one report: its own cell is the node asked for, a suppressed cell has no number, the cells under it are
 * summaries (no item means, no comments: MEASURE-REPORT-6), and the n's match the seed.
 */
function checkReport(
  s: Series,
  text: string,
  expect: {
    first: 'district' | 'school';
    firstId: string | null;
    children: number;
    total: number;
    perSchool: Map<string, number>;
  },
) {
  const report = Report.parse(JSON.parse(text));
  const first = report.cell;
  const rest = report.children;
  if (first?.node.kind !== expect.first || first.node.id !== expect.firstId)
    s.problems.push(`${s.name}: own cell is ${first?.node.kind ?? 'missing'} ${first?.node.id ?? ''}`);
  if (rest.length !== expect.children)
    s.problems.push(`${s.name}: ${rest.length} cells under it, expected ${expect.children}`);
  for (const cell of rest)
    if (cell.items !== undefined || cell.comments !== undefined || cell.freeText !== undefined)
      s.problems.push(`${s.name}: a cell under the node carries item means or comments`);
  for (const cell of [...(first ? [first] : []), ...rest]) {
    if (cell.status !== 'shown') {
      if (cell.n !== undefined || cell.constructs !== undefined || cell.items !== undefined)
        s.problems.push(`${s.name}: a ${cell.status} cell carries numbers`);
      continue;
    }
    const want =
      cell.node.kind === 'district'
        ? expect.total
        : cell.node.kind === 'school' && cell.node.id !== null
          ? (expect.perSchool.get(`school:${cell.node.id}`) ?? 0)
          : null;
    if (want !== null && cell.n !== want)
      s.problems.push(
        `${s.name}: ${cell.node.kind} ${cell.node.id ?? ''} shows n=${cell.n ?? '?'}, ${want} answered`,
      );
  }
  if (first?.status === 'shown' && first.comments && first.comments.items.length > 50)
    s.problems.push(`${s.name}: ${first.comments.items.length} comments sent at once`);
  s.cells.push(rest.length + (first ? 1 : 0));
}

const Comments = z.object({
  comments: z.object({ total: z.number(), offset: z.number(), items: z.array(z.string()) }),
});

/** A page of comments: where it was asked for, at most 50, and no more than the total. */
function checkComments(s: Series, text: string, offset: number) {
  const { comments } = Comments.parse(JSON.parse(text));
  const want = Math.max(0, Math.min(50, comments.total - offset));
  if (comments.offset !== offset || comments.items.length !== want)
    s.problems.push(
      `${s.name}: ${comments.items.length} comments from ${comments.offset} of ${comments.total}, asked from ${offset}`,
    );
  s.cells.push(comments.items.length);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const loadAtStart = machineLoad();
  const work = mkdtempSync(join(tmpdir(), 'ensemble-bench-report-'));
  chmodSync(work, 0o755);
  cleanups.push(() => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    return Promise.resolve();
  });
  log(
    `on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ${loadAtStart}; work dir ${work}`,
  );
  const began = Date.now();

  let databaseUrl = process.env.DATABASE_URL;
  let postmaster: number | null = null;
  if (!databaseUrl) {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres({
      dataDir: join(work, 'pg-data'),
      log: { info: () => undefined, warn: log, error: log },
    });
    cleanups.push(() => embedded.stop());
    databaseUrl = embedded.connectionString;
    postmaster = postmasterOf(embedded.clusterDir);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startChild(
    'the app',
    [...serverNodeFlags(root), ...opts.appNodeArgs, join(root, 'dist/cli/main.js'), 'serve'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(work, 'app-data'),
      // Without SMTP the mailer is off and warns once per invitation; errors only, so 70,000 lines a wave stay out.
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    join(work, 'app.log'),
    () => true,
  );
  appOutput = app.output;
  cleanups.push(() => stopChild(app.child));
  await healthy(base, 120_000, app);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', (err) => {
    log(`pool: ${err.message}`);
  });
  cleanups.push(() => pool.end());

  const r = rng(opts.seed);
  const district = await seedDistrict(base, pool, opts, r);
  const waves = [];
  for (let w = 0; w < opts.waves; w += 1) waves.push(await runWave(base, pool, district, opts, w, r));
  // What autovacuum does within a minute or so of the close: visibility map and statistics of the tables read.
  await pool.query('VACUUM ANALYZE survey_responses');
  await pool.query('VACUUM ANALYZE survey_results');
  await pool.query('VACUUM ANALYZE survey_waves');
  const seededS = Math.round((Date.now() - began) / 1000);
  log(`seeded and closed ${opts.waves} waves in ${seededS} s; ${machineLoad()}`);

  if (opts.explain) {
    const wave = nth(waves, 0);
    for (const [label, at] of [
      ['district', 'district'],
      ['school', `school:${nth(district.schoolIds, 0)}`],
    ] as const) {
      const plan = await pool.query<Record<string, string>>(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT node, payload FROM survey_results
         WHERE district_id = $1 AND wave_id = $2 AND role = 'all' AND (node = $3 OR parent = $3)`,
        [district.districtId, wave.id, at],
      );
      log(`results query, ${label} report:`);
      for (const row of plan.rows) log(`  ${Object.values(row).join(' ')}`);
    }
    const counted = await pool.query<Record<string, string>>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT wave_id, count(*) FROM survey_responses
       WHERE district_id = $1 AND wave_id = ANY($2::uuid[]) GROUP BY wave_id`,
      [district.districtId, [wave.id]],
    );
    log('response count of one wave:');
    for (const row of counted.rows) log(`  ${Object.values(row).join(' ')}`);
  }

  // Requests: random waves and schools, the same on every run with the same seed; a warm-up first.
  const WARM_UP = 20;
  const series = {
    district: { name: 'district report (admin)', times: [], bytes: [], cells: [], problems: [] } as Series,
    school: { name: 'school report (admin)', times: [], bytes: [], cells: [], problems: [] } as Series,
    leader: {
      name: "school report (the school's leader)",
      times: [],
      bytes: [],
      cells: [],
      problems: [],
    } as Series,
    comments: {
      name: 'district comments, a page (admin)',
      times: [],
      bytes: [],
      cells: [],
      problems: [],
    } as Series,
  };
  const headers: Record<string, string> = opts.identity ? { 'accept-encoding': 'identity' } : {};
  const encodings = new Set<string>();
  const teamsOf = (s: number) => district.teamIds.filter((_, t) => district.teamSchool(t) === s).length;
  const measureLoad = machineLoad();
  const measureBegan = Date.now();
  const appPid = app.child.pid ?? 0;
  for (const [key, s] of Object.entries(series) as [keyof typeof series, Series][]) {
    let cpu0 = { app: 0, db: 0, client: process.cpuUsage(), machine: 0, at: 0 };
    for (let i = 0; i < WARM_UP + opts.requests; i += 1) {
      if (i === WARM_UP)
        cpu0 = {
          app: cpuMsOf(appPid),
          db: postmaster === null ? 0 : cpuMsWithChildren(postmaster),
          client: process.cpuUsage(),
          machine: machineBusyMs(),
          at: Date.now(),
        };
      const w = Math.floor(r() * waves.length);
      const wave = nth(waves, w);
      const school = Math.floor(r() * district.schoolIds.length);
      const schoolId = nth(district.schoolIds, school);
      // A page of the district's comments (MEASURE-REPORT-7): some 4,800 a wave, 50 a page.
      const page = Math.floor(r() * 90);
      const path =
        key === 'district'
          ? `/api/surveys/waves/${wave.id}/report`
          : key === 'comments'
            ? `/api/surveys/waves/${wave.id}/comments?offset=${page * 50}`
            : `/api/surveys/waves/${wave.id}/report?at=school:${schoolId}`;
      const session = key === 'leader' ? nth(district.leaderSessions, school) : district.adminSession;
      const answer = await ok(base, 'GET', path, session, undefined, headers);
      encodings.add(answer.encoding);
      if (i < WARM_UP) continue;
      s.times.push(answer.ms);
      s.bytes.push(Buffer.byteLength(answer.text));
      if (key === 'comments') {
        checkComments(s, answer.text, page * 50);
        continue;
      }
      checkReport(s, answer.text, {
        first: key === 'district' ? 'district' : 'school',
        firstId: key === 'district' ? null : schoolId,
        children: key === 'district' ? district.schoolIds.length : key === 'school' ? teamsOf(school) : 0,
        total: opts.responses,
        perSchool: wave.perSchool,
      });
    }
    const client = process.cpuUsage(cpu0.client);
    const used = {
      app: cpuMsOf(appPid) - cpu0.app,
      db: postmaster === null ? null : cpuMsWithChildren(postmaster) - cpu0.db,
      client: (client.user + client.system) / 1000,
    };
    s.cpu = {
      ...used,
      other: Math.max(0, machineBusyMs() - cpu0.machine - used.app - (used.db ?? 0) - used.client),
      wallMs: Date.now() - cpu0.at,
    };
  }
  const measureS = Math.round((Date.now() - measureBegan) / 1000);
  const figures = Object.fromEntries(Object.entries(series).map(([k, s]) => [k, summarise(s)]));
  for (const [k, s] of Object.entries(series)) {
    const f = nth(Object.values(figures), Object.keys(series).indexOf(k));
    const per = (ms: number | null | undefined) =>
      ms === null || ms === undefined ? 'n/a' : (ms / Math.max(1, s.times.length)).toFixed(1);
    log(
      `${s.name}: ${s.times.length} requests, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, max ${f.max} ms; ${f.cells} cells, ${f.kb} KiB a response; ` +
        `CPU ms a request: app ${per(s.cpu?.app)}, postgres ${per(s.cpu?.db)}, client ${per(s.cpu?.client)}; ` +
        `other processes meanwhile ${s.cpu ? (s.cpu.other / s.cpu.wallMs).toFixed(2) : '?'} cores`,
    );
  }
  log(
    `measured in ${measureS} s, one request at a time, answers encoded ${[...encodings].join(', ')}; load when measuring began: ${measureLoad}; now: ${machineLoad()}`,
  );
  const problems = Object.values(series).flatMap((s) => s.problems);
  for (const p of problems.slice(0, 20)) log(`PROBLEM ${p}`);
  if (problems.length) process.exitCode = 1;
  const cpuPer = (x: Series) => (x.cpu ? round(x.cpu.app / Math.max(1, x.times.length)) : null);
  const d = figures.district;
  const s = figures.school;
  const l = figures.leader;
  const c = figures.comments;
  if (!d || !s || !l || !c) throw new Error('no figures');
  log(`target (both p95 <= 100 ms): ${d.p95 <= 100 && s.p95 <= 100 ? 'met' : 'NOT met'}`);
  process.stdout.write(
    `${JSON.stringify({
      responses: opts.responses * opts.waves,
      district_report_p95_ms: d.p95,
      school_report_p95_ms: s.p95,
      district_report_p50_ms: d.p50,
      school_report_p50_ms: s.p50,
      school_report_leader_p95_ms: l.p95,
      comments_page_p95_ms: c.p95,
      district_report_app_cpu_ms: cpuPer(series.district),
      school_report_app_cpu_ms: cpuPer(series.school),
      district_report_kib: d.kb,
      people: district.people,
      create_ms: waves.map((w) => Math.round(w.createMs)),
      close_ms: waves.map((w) => Math.round(w.closeMs)),
      seeded_s: seededS,
      problems: problems.length,
      load_at_start: loadAtStart.replace(/^.*load average: /, ''),
    })}\n`,
  );
}

async function cleanup(): Promise<void> {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  cleanups.length = 0;
  for (const child of children) child.kill('SIGKILL');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });

let exitCode = 0;
try {
  await main();
  exitCode = Number(process.exitCode ?? 0);
} catch (err) {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  const tail = appOutput().slice(-3_000).trim();
  if (tail) log(`the app's last output:\n${tail}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
