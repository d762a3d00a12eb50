/**
 * `bench:search` (docs/SPEC.md SEARCH-BENCH-1): search over 100,000 memory records across 1,000 teams in 20
 * districts, through the real query path (`searchFor` in src/server/search/queries.ts, permissions included).
 * Run it with `node bench/run.mjs search [--records 100000] [--queries 2000] [--concurrency 1]`.
 *
 * 1. Embedded PostgreSQL (or DATABASE_URL) in a fresh data directory, migrated.
 * 2. Seed by bulk SQL (multi-row INSERT from unnest): 20 districts, 5 schools each, 1,000 teams, 6,000 people
 *    (each on 1 to 3 teams of their district, staff of one school; one leader per school; one admin per
 *    district), 100,000 records with realistic texts (20 % Spanish), 5 % of them shared (half to their school,
 *    half to the district). The documents are made by the same core functions as the indexer
 *    (`recordDocument`, `shareDocument`) and inserted in bulk; the GIN index is rebuilt after the load with the
 *    migration's own definition, then VACUUM ANALYZE.
 * 3. Searches by random people (80 % team members, 10 % school leaders, 10 % district admins) with rare,
 *    medium and common words in English and Spanish, one to three words. Every hit is checked against an
 *    oracle computed from the seed in memory (district, team, school, scope), and for every 10th query the
 *    total is compared with a count made the other way round (the oracle's visible ids, then the text match).
 * The last line of output is one JSON object: {"records","queries","p50_ms","p95_ms","leaks"}.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#server/db/embedded/index';
import { connectDatabase } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { planSearch, searchFor, searchStatement, type SearchScope } from '#server/search/queries';
import { sql } from 'drizzle-orm';
import { recordDocument, shareDocument } from '#core/search/index';
import type { MemoryContent } from '#contracts/memory';

interface Options {
  records: number;
  queries: number;
  concurrency: number;
  seed: number;
  /** Print EXPLAIN ANALYZE of this many of the slowest searches after the run. */
  explain: number;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { records: 100_000, queries: 2_000, concurrency: 1, seed: 12, explain: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const v = Number(argv[i + 1]);
    if (argv[i] === '--records') opts.records = v;
    else if (argv[i] === '--queries') opts.queries = v;
    else if (argv[i] === '--concurrency') opts.concurrency = v;
    else if (argv[i] === '--seed') opts.seed = v;
    else if (argv[i] === '--explain') opts.explain = v;
    else continue;
    i += 1;
  }
  return opts;
}

/** The element at `i`, which the bench's own arithmetic guarantees exists. */
function nth<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`no element ${i} of ${list.length}`);
  return value;
}

const log = (line: string) => console.error(`[bench:search] ${line}`);

/** mulberry32: the same data and queries on every run with the same seed. */
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

const DISTRICTS = 20;
const SCHOOLS_PER_DISTRICT = 5;
const TEAMS = 1_000;
const PEOPLE_PER_DISTRICT = 300;

// Words of teaching practice. Topics are drawn with a Zipf-like weight, so a few are common and most are rare.
const EN_TOPICS = (
  'fractions decimals ratios place-value multiplication division geometry measurement graphing algebra ' +
  'phonics fluency vocabulary comprehension inference summarizing annotation essays narratives poetry ' +
  'argument evidence citations grammar spelling handwriting photosynthesis ecosystems weather magnets ' +
  'circuits forces planets cells genetics chemistry maps timelines citizenship elections migration ' +
  'exit-tickets think-pair-share jigsaw number-talks sentence-frames anchor-charts manipulatives ' +
  'read-alouds conferring feedback rubrics portfolios retrieval spacing interleaving modeling scaffolds ' +
  'questioning wait-time cold-calling whiteboards station-rotation small-groups peer-tutoring homework ' +
  'attendance routines transitions seating behavior engagement motivation belonging attendance newcomers ' +
  'multilingual dyslexia attention anxiety gifted co-teaching inclusion accommodations goals conferences'
).split(' ');
const ES_TOPICS = (
  'fracciones decimales razones multiplicación división geometría medición gráficas álgebra fonética ' +
  'fluidez vocabulario comprensión inferencias resúmenes ensayos narraciones poesía argumentos evidencia ' +
  'gramática ortografía fotosíntesis ecosistemas clima imanes circuitos fuerzas planetas células mapas ' +
  'ciudadanía migración rúbricas portafolios retroalimentación modelado preguntas pizarras tutorías tareas ' +
  'asistencia rutinas transiciones conducta motivación pertenencia recién-llegados bilingües ansiedad metas'
).split(' ');
const GROUPS_EN = [
  'quiet group',
  'newcomers',
  'whole class',
  'reading group',
  'English learners',
  'seventh graders',
];
const GROUPS_ES = [
  'grupo callado',
  'recién llegados',
  'toda la clase',
  'grupo de lectura',
  'alumnos bilingües',
];
const EN_SENTENCES = [
  'We tried {t} with the {g} for three weeks and kept notes on every lesson.',
  'The students who struggled most with {t} started explaining their thinking to a partner.',
  'Exit tickets showed that {n} of {m} students could use {t} on their own by Friday.',
  'What made it work was short practice every day and clear models of {t} before independent work.',
  'Our team noticed that the {g} responded better when {t} came with a visual.',
  'The presenter said she had doubted that {t} would work with this class, and it did.',
  'Next time we want to combine {t} with {t2} and check the results after two weeks.',
  'Several students asked for more time with {t}; we added a station for it.',
  'Scores on the unit check rose from {n} percent to {m} percent after we focused on {t}.',
  'We learned that the routine matters more than the materials when teaching {t}.',
  'Parents reported that their children talked about {t} at home, which had not happened before.',
  'The hardest part was keeping the {g} engaged during {t2}, so we shortened the mini-lesson.',
];
const ES_SENTENCES = [
  'Probamos {t} con el {g} durante tres semanas y tomamos notas de cada clase.',
  'Los alumnos que más batallaban con {t} empezaron a explicar su razonamiento a un compañero.',
  'Las boletas de salida mostraron que {n} de {m} alumnos podían usar {t} solos el viernes.',
  'Lo que funcionó fue la práctica corta cada día y modelos claros de {t} antes del trabajo independiente.',
  'El equipo notó que el {g} respondía mejor cuando {t} venía con un apoyo visual.',
  'La maestra dijo que dudaba que {t} funcionara con este grupo, y funcionó.',
  'La próxima vez queremos combinar {t} con {t2} y revisar los resultados en dos semanas.',
  'Los resultados de la unidad subieron de {n} a {m} por ciento después de enfocarnos en {t}.',
];

function pickZipf(r: () => number, list: readonly string[]): string {
  // P(i) ~ 1 / (i + 1): index = floor(n^u) - 1 for uniform u.
  const i = Math.min(list.length - 1, Math.floor(Math.pow(list.length + 1, r())) - 1);
  return nth(list, Math.max(0, i));
}
const pick = <T>(r: () => number, list: readonly T[]): T => nth(list, Math.floor(r() * list.length));

function paragraph(r: () => number, spanish: boolean, sentences: number): string {
  const pool = spanish ? ES_SENTENCES : EN_SENTENCES;
  const topics = spanish ? ES_TOPICS : EN_TOPICS;
  const groups = spanish ? GROUPS_ES : GROUPS_EN;
  const out: string[] = [];
  for (let i = 0; i < sentences; i += 1) {
    const n = 5 + Math.floor(r() * 20);
    out.push(
      pick(r, pool)
        .replace('{t}', pickZipf(r, topics).replace(/-/g, ' '))
        .replace('{t2}', pickZipf(r, topics).replace(/-/g, ' '))
        .replace('{t}', pickZipf(r, topics).replace(/-/g, ' '))
        .replace('{g}', pick(r, groups))
        .replace('{n}', String(n))
        .replace('{m}', String(n + 5 + Math.floor(r() * 40))),
    );
  }
  return out.join(' ');
}

interface DocMeta {
  districtIndex: number;
  visibility: 'team' | 'school' | 'district';
  team: number;
  school: number;
}

interface Searcher {
  districtIndex: number;
  scope: SearchScope;
  teams: Set<number>;
  schools: Set<number>;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return nth(sorted, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1));
}
const round = (x: number) => Math.round(x * 100) / 100;

async function insertRows(pool: pg.Pool, sql: string, columns: unknown[][]): Promise<void> {
  await pool.query(sql, columns);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const r = rng(opts.seed);
  let embedded: EmbeddedPostgres | null = null;
  let work: string | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    work = mkdtempSync(join(tmpdir(), 'ensemble-bench-search-'));
    chmodSync(work, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: join(work, 'pg-data'),
      log: { info: () => undefined, warn: log, error: log },
    });
    databaseUrl = embedded.connectionString;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const database = connectDatabase(databaseUrl, { max: Math.max(2, opts.concurrency) });
  try {
    await runMigrations(databaseUrl);
    const began = Date.now();

    // --- Organisation -----------------------------------------------------------------------------------
    const districtIds = Array.from({ length: DISTRICTS }, () => randomUUID());
    await insertRows(pool, `INSERT INTO districts (id, name) SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      districtIds,
      districtIds.map((_, i) => `Bench District ${i + 1}`),
    ]);
    const schoolIds = Array.from({ length: DISTRICTS * SCHOOLS_PER_DISTRICT }, () => randomUUID());
    const schoolDistrict = (s: number) => Math.floor(s / SCHOOLS_PER_DISTRICT);
    await insertRows(
      pool,
      `INSERT INTO schools (id, district_id, name) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
      [
        schoolIds,
        schoolIds.map((_, s) => districtIds[schoolDistrict(s)]),
        schoolIds.map((_, s) => `School ${s}`),
      ],
    );
    const teamsPerDistrict = TEAMS / DISTRICTS;
    const teamIds = Array.from({ length: TEAMS }, () => randomUUID());
    const teamDistrict = (t: number) => Math.floor(t / teamsPerDistrict);
    const teamSchool = (t: number) =>
      teamDistrict(t) * SCHOOLS_PER_DISTRICT + ((t % teamsPerDistrict) % SCHOOLS_PER_DISTRICT);
    await insertRows(
      pool,
      `INSERT INTO groups (id, district_id, school_id, kind, focus, name)
       SELECT id, d, s, 'teacher_team', 'plc', n FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS x(id, d, s, n)`,
      [
        teamIds,
        teamIds.map((_, t) => districtIds[teamDistrict(t)]),
        teamIds.map((_, t) => schoolIds[teamSchool(t)]),
        teamIds.map((_, t) => `Team ${t}`),
      ],
    );

    // People: per district, PEOPLE_PER_DISTRICT teachers (1-3 teams of their district, staff of the school of
    // their first team), one leader per school, one admin.
    const users: {
      id: string;
      district: number;
      role: 'teacher' | 'leader' | 'admin';
      school: number;
      teams: number[];
    }[] = [];
    for (let d = 0; d < DISTRICTS; d += 1) {
      for (let p = 0; p < PEOPLE_PER_DISTRICT; p += 1) {
        const first = d * teamsPerDistrict + (p % teamsPerDistrict);
        const teams = new Set([first]);
        const extra = r() < 0.5 ? 0 : r() < 0.6 ? 1 : 2;
        for (let i = 0; i < extra; i += 1)
          teams.add(d * teamsPerDistrict + Math.floor(r() * teamsPerDistrict));
        users.push({
          id: randomUUID(),
          district: d,
          role: 'teacher',
          school: teamSchool(first),
          teams: [...teams],
        });
      }
      for (let s = 0; s < SCHOOLS_PER_DISTRICT; s += 1)
        users.push({
          id: randomUUID(),
          district: d,
          role: 'leader',
          school: d * SCHOOLS_PER_DISTRICT + s,
          teams: [],
        });
      users.push({ id: randomUUID(), district: d, role: 'admin', school: -1, teams: [] });
    }
    await insertRows(
      pool,
      `INSERT INTO users (id, district_id, email, name, password_hash, district_role)
       SELECT id, d, e, n, 'x', r FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS x(id, d, e, n, r)`,
      [
        users.map((u) => u.id),
        users.map((u) => districtIds[u.district]),
        users.map((u, i) => `p${i}@bench.test`),
        users.map((u, i) => `Person ${i}`),
        users.map((u) => (u.role === 'admin' ? 'district_admin' : 'member')),
      ],
    );
    const memberships = users.flatMap((u) => u.teams.map((t) => [u, t] as const));
    await insertRows(
      pool,
      `INSERT INTO group_members (district_id, group_id, user_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])`,
      [
        memberships.map(([u]) => districtIds[u.district]),
        memberships.map(([, t]) => teamIds[t]),
        memberships.map(([u]) => u.id),
        memberships.map(() => 'member'),
      ],
    );
    const staff = users.filter((u) => u.school >= 0);
    await insertRows(
      pool,
      `INSERT INTO school_roles (district_id, school_id, user_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])`,
      [
        staff.map((u) => districtIds[u.district]),
        staff.map((u) => schoolIds[u.school]),
        staff.map((u) => u.id),
        staff.map((u) => (u.role === 'leader' ? 'school_leader' : 'staff')),
      ],
    );
    log(
      `organisation: ${DISTRICTS} districts, ${schoolIds.length} schools, ${TEAMS} teams, ${users.length} people`,
    );

    // --- Records, shares and their documents ---------------------------------------------------------------
    await pool.query('DROP INDEX IF EXISTS search_documents_tsv');
    const meta = new Map<string, DocMeta>();
    const BATCH = 2_000;
    const now = Date.now();
    let shares = 0;
    let bytes = 0;
    for (let start = 0; start < opts.records; start += BATCH) {
      const n = Math.min(BATCH, opts.records - start);
      const rec = {
        id: [] as string[],
        d: [] as string[],
        g: [] as string[],
        kind: [] as string[],
        title: [] as string[],
        content: [] as string[],
        grade: [] as (string | null)[],
        subject: [] as (string | null)[],
        at: [] as string[],
      };
      const doc = {
        id: [] as string[],
        d: [] as string[],
        g: [] as string[],
        s: [] as (string | null)[],
        vis: [] as string[],
        kind: [] as string[],
        src: [] as string[],
        title: [] as string[],
        body: [] as string[],
        tags: [] as string[],
        lang: [] as string[],
        at: [] as string[],
      };
      const sh = {
        id: [] as string[],
        d: [] as string[],
        rec: [] as string[],
        g: [] as string[],
        s: [] as (string | null)[],
        scope: [] as string[],
        kind: [] as string[],
        title: [] as string[],
        content: [] as string[],
        by: [] as string[],
      };
      const pushDoc = (
        id: string,
        m: DocMeta,
        kind: string,
        src: string,
        draft: ReturnType<typeof recordDocument>,
        at: string,
      ) => {
        meta.set(id, m);
        doc.id.push(id);
        doc.d.push(nth(districtIds, m.districtIndex));
        doc.g.push(nth(teamIds, m.team));
        doc.s.push(m.visibility === 'school' ? nth(schoolIds, m.school) : null);
        doc.vis.push(m.visibility);
        doc.kind.push(kind);
        doc.src.push(src);
        doc.title.push(draft.title);
        doc.body.push(draft.body);
        doc.tags.push(JSON.stringify(draft.tags));
        doc.lang.push(draft.lang);
        doc.at.push(at);
        bytes += draft.title.length + draft.body.length;
      };
      for (let i = 0; i < n; i += 1) {
        const k = start + i;
        const team = k % TEAMS;
        const district = teamDistrict(team);
        const spanish = r() < 0.2;
        const kindRoll = r();
        const kind = kindRoll < 0.5 ? 'success' : kindRoll < 0.8 ? 'dilemma' : 'observation';
        const topic = pickZipf(r, spanish ? ES_TOPICS : EN_TOPICS).replace(/-/g, ' ');
        const title = spanish ? `${topic}: lo que aprendimos` : `${topic} with the ${pick(r, GROUPS_EN)}`;
        const long = () => paragraph(r, spanish, 2 + Math.floor(r() * 4));
        const content: MemoryContent =
          kind === 'success'
            ? { kind, story: long(), evidence: long(), whatWorked: long(), insight: long(), learned: long() }
            : kind === 'dilemma'
              ? {
                  kind,
                  story: long(),
                  suggestedActions: long(),
                  insight: long(),
                  learned: long(),
                  nextSteps: [],
                }
              : {
                  kind,
                  practice: long(),
                  curiosity: long(),
                  modelId: null,
                  mode: null,
                  notes: [{ authorId: nth(users, 0).id, text: long() }],
                  questions: [],
                  learned: long(),
                };
        const grade = r() < 0.6 ? `grade ${1 + Math.floor(r() * 8)}` : null;
        const subject = r() < 0.6 ? pick(r, ['math', 'reading', 'science', 'writing', 'history']) : null;
        const id = randomUUID();
        const at = new Date(now - Math.floor(r() * 3 * 365) * 86_400_000).toISOString();
        rec.id.push(id);
        rec.d.push(nth(districtIds, district));
        rec.g.push(nth(teamIds, team));
        rec.kind.push(kind);
        rec.title.push(title);
        rec.content.push(JSON.stringify(content));
        rec.grade.push(grade);
        rec.subject.push(subject);
        rec.at.push(at);
        const tags = { grade, subject, strategy: null, studentGroup: null };
        pushDoc(
          randomUUID(),
          { districtIndex: district, visibility: 'team', team, school: teamSchool(team) },
          kind,
          id,
          recordDocument(title, content, tags),
          at,
        );
        if (kind !== 'observation' && r() < 0.05) {
          const scope = r() < 0.5 ? 'school' : 'district';
          const shareId = randomUUID();
          const copy = {
            kind,
            title,
            story: 'story' in content ? content.story : '',
            whatWorked: 'whatWorked' in content ? content.whatWorked : '',
          };
          sh.id.push(shareId);
          sh.d.push(nth(districtIds, district));
          sh.rec.push(id);
          sh.g.push(nth(teamIds, team));
          sh.s.push(scope === 'school' ? nth(schoolIds, teamSchool(team)) : null);
          sh.scope.push(scope);
          sh.kind.push(kind);
          sh.title.push(title);
          sh.content.push(JSON.stringify(copy));
          sh.by.push(users.find((u) => u.teams.includes(team))?.id ?? nth(users, 0).id);
          pushDoc(
            randomUUID(),
            { districtIndex: district, visibility: scope, team, school: teamSchool(team) },
            kind,
            shareId,
            shareDocument(title, copy, tags.grade ? [tags.grade] : []),
            at,
          );
          shares += 1;
        }
      }
      await insertRows(
        pool,
        `INSERT INTO memory_records (id, district_id, group_id, kind, title, content, grade, subject, occurred_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::timestamptz[])`,
        [rec.id, rec.d, rec.g, rec.kind, rec.title, rec.content, rec.grade, rec.subject, rec.at],
      );
      if (sh.id.length)
        await insertRows(
          pool,
          `INSERT INTO memory_shares (id, district_id, record_id, group_id, school_id, scope, status, kind, title, content, proposed_by, shared_at)
           SELECT id, d, rec, g, s, scope, 'shared', kind, title, content, by, now()
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::uuid[])
             AS x(id, d, rec, g, s, scope, kind, title, content, by)`,
          [sh.id, sh.d, sh.rec, sh.g, sh.s, sh.scope, sh.kind, sh.title, sh.content, sh.by],
        );
      await insertRows(
        pool,
        `INSERT INTO search_documents (id, district_id, group_id, school_id, visibility, kind, source_id, title, body, tags, lang, occurred_at)
         SELECT id, d, g, s, vis, kind, src, title, body, ARRAY(SELECT jsonb_array_elements_text(tags)), lang::regconfig, at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::timestamptz[])
           AS x(id, d, g, s, vis, kind, src, title, body, tags, lang, at)`,
        [
          doc.id,
          doc.d,
          doc.g,
          doc.s,
          doc.vis,
          doc.kind,
          doc.src,
          doc.title,
          doc.body,
          doc.tags,
          doc.lang,
          doc.at,
        ],
      );
      if ((start / BATCH) % 10 === 0)
        log(`seeded ${start + n} records (${Math.round((Date.now() - began) / 1000)} s)`);
    }
    const indexBegan = Date.now();
    // The migration's own definition (drizzle/0006_team_memory.sql), built once after the bulk load.
    await pool.query('CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)');
    const indexMs = Date.now() - indexBegan;
    await pool.query('VACUUM ANALYZE search_documents');
    await pool.query('VACUUM ANALYZE group_members');
    const size = await pool.query<{ table: string; gin: string }>(
      `SELECT pg_size_pretty(pg_total_relation_size('search_documents')) AS table,
              pg_size_pretty(pg_relation_size('search_documents_tsv')) AS gin`,
    );
    log(
      `seeded ${opts.records} records + ${shares} shared copies (${Math.round(bytes / (opts.records + shares))} chars a document on average) in ${Math.round((Date.now() - began) / 1000)} s; GIN built in ${Math.round(indexMs / 1000)} s; table ${size.rows[0]?.table}, GIN ${size.rows[0]?.gin}`,
    );

    // --- Searches ------------------------------------------------------------------------------------------
    const searchers: Searcher[] = users.map((u) => ({
      districtIndex: u.district,
      scope: {
        districtId: nth(districtIds, u.district),
        teamIds: u.teams.map((t) => nth(teamIds, t)),
        schoolIds: u.school >= 0 ? [nth(schoolIds, u.school)] : [],
      },
      teams: new Set(u.teams),
      schools: new Set(u.school >= 0 ? [u.school] : []),
    }));
    const members = searchers.filter((_, i) => nth(users, i).role === 'teacher');
    const leaders = searchers.filter((_, i) => nth(users, i).role === 'leader');
    const admins = searchers.filter((_, i) => nth(users, i).role === 'admin');
    const terms = [
      ...EN_TOPICS.map((t) => t.replace(/-/g, ' ')),
      ...ES_TOPICS.map((t) => t.replace(/-/g, ' ')),
      'students',
      'alumnos',
      'team',
      'quiet group',
      'exit tickets',
      '"number talks"',
      'fractions -decimals',
      'results or resultados',
    ];
    const mayRead = (s: Searcher, m: DocMeta) =>
      m.districtIndex === s.districtIndex &&
      (m.visibility === 'district' ||
        (m.visibility === 'school' && s.schools.has(m.school)) ||
        (m.visibility === 'team' && s.teams.has(m.team)));

    let leaks = 0;
    let mismatches = 0;
    let hitsSeen = 0;
    const times: number[] = [];
    const slowest: { ms: number; who: Searcher; q: string }[] = [];
    const plan = Array.from({ length: opts.queries + 50 }, () => {
      const roll = r();
      const who = roll < 0.8 ? pick(r, members) : roll < 0.9 ? pick(r, leaders) : pick(r, admins);
      const words = 1 + Math.floor(r() * (r() < 0.7 ? 1 : 3));
      const q = Array.from({ length: words }, () => pickZipf(r, terms)).join(' ');
      return { who, q };
    });
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= plan.length) return;
        const { who, q } = nth(plan, i);
        const t0 = performance.now();
        const res = await searchFor(database.db, who.scope, { q, page: 1 });
        const ms = performance.now() - t0;
        if (i < 50) continue; // warm-up
        times.push(ms);
        slowest.push({ ms, who, q });
        hitsSeen += res.items.length;
        for (const h of res.items) {
          const m = meta.get(h.id);
          if (!m || !mayRead(who, m)) leaks += 1;
        }
        if (i % 10 === 0) {
          // The other way round: the oracle's visible documents first, then the words.
          const visible = [...meta.entries()].filter(([, m]) => mayRead(who, m)).map(([id]) => id);
          const count = await pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM search_documents WHERE id = ANY($1::uuid[])
               AND tsv @@ (websearch_to_tsquery('english', $2) || websearch_to_tsquery('spanish', $2))`,
            [visible, q],
          );
          if (Number(count.rows[0]?.n ?? 0) !== res.total) mismatches += 1;
        }
      }
    };
    const searchBegan = Date.now();
    await Promise.all(Array.from({ length: opts.concurrency }, () => worker()));
    const searchMs = Date.now() - searchBegan;
    times.sort((a, b) => a - b);
    log(
      `${times.length} searches (concurrency ${opts.concurrency}) in ${Math.round(searchMs / 1000)} s on ${cpus().length} cores: ` +
        `p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms, p99 ${round(percentile(times, 99))} ms, ` +
        `max ${round(times.at(-1) ?? 0)} ms; ${hitsSeen} hits checked, ${leaks} leaks, ${mismatches} totals that differ from the oracle's count`,
    );
    slowest.sort((a, b) => b.ms - a.ms);
    for (const { ms, who, q } of slowest.slice(0, opts.explain)) {
      const plan = await planSearch(database.db, who.scope, q);
      if (plan === null) continue;
      const explained = await database.db.execute(
        sql`explain (analyze, buffers) ${searchStatement(who.scope, { q, page: 1 }, plan)}`,
      );
      log(
        `slow search (${round(ms)} ms) "${q}" by a person of ${who.teams.size} teams, ${who.schools.size} schools, ${plan.readable} readable documents:`,
      );
      for (const row of explained.rows) log(`  ${String(Object.values(row)[0])}`);
    }
    if (mismatches > 0) process.exitCode = 1;
    if (leaks > 0) process.exitCode = 1;
    console.log(
      JSON.stringify({
        records: opts.records,
        queries: times.length,
        p50_ms: round(percentile(times, 50)),
        p95_ms: round(percentile(times, 95)),
        leaks,
      }),
    );
  } finally {
    await database.close();
    await pool.end();
    await embedded?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

await main();
