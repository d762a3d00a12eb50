/**
 * Search permissions (docs/SPEC.md SEARCH-PERM): seeded data where every findable thing says "fractions", across
 * teams, schools and districts, shared copies at school and district scope, and private reflections that say it
 * too. For every role, every hit is checked against an oracle computed from the seed itself (not from the index):
 * 0 leaks, and nothing the person may read is missing. A private reflection is never found, not by its author.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommandBody, MeetingEvent } from '#contracts/meeting';
import type { MemoryContent } from '#contracts/memory';
import type { SearchHit, SearchResults } from '#contracts/search';
import { createMeeting, decide, evolve, replay } from '#core/meeting/index';
import { hashPassword } from '../auth/passwords';
import {
  groupMembers,
  groups,
  meetingEvents,
  meetings,
  memoryRecords,
  memoryShares,
  schoolRoles,
  schools,
  searchDocuments,
  users,
} from '../db/schema';
import { loadShippedRoutines } from '../routines/catalog';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import {
  backfillSearch,
  indexMeeting,
  indexRecord,
  indexShare,
  searchListener,
  unindexShare,
} from './indexer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const routine = loadShippedRoutines().get('share-successes')!;

let t: TestApp;
type Person = 'm1' | 'author' | 'm2' | 'leaderN' | 'staffS' | 'admin' | 'foreign';
const ids = {} as Record<Person, string>;
const districtOf = {} as Record<Person, string>;
const clients = {} as Record<Person, Client>;
/** The seed's memberships, as the oracle reads them. */
const teamsOf = {} as Record<Person, string[]>;
const schoolsOf = {} as Record<Person, string[]>;

/** A findable thing as the seed made it: what its hit opens, and who may read it. */
interface Thing {
  href: string;
  kind: SearchHit['kind'];
  districtId: string;
  scope: 'team' | 'school' | 'district';
  teamId: string | null;
  schoolId: string | null;
}
const things: Thing[] = [];

/** SEARCH-PERM-1 as the product promises it, from the seed alone. */
function oracleMayRead(p: Person, th: Thing): boolean {
  if (th.districtId !== districtOf[p]) return false;
  if (th.scope === 'team') return th.teamId !== null && teamsOf[p].includes(th.teamId);
  if (th.scope === 'school') return th.schoolId !== null && schoolsOf[p].includes(th.schoolId);
  return true;
}

const PRIVATE = 'fractions zebra private worry';
const PEOPLE: Person[] = ['m1', 'author', 'm2', 'leaderN', 'staffS', 'admin', 'foreign'];

let dA = '';
let dB = '';
let north = '';
let south = '';
let t1 = '';
let t2 = '';
let t3 = '';
let tB = '';
let endedT1 = '';
let liveT1 = '';
let laterShared = '';

async function meetingWithLog(
  districtId: string,
  group: string,
  facilitator: string,
  memberIds: string[],
  title: string,
  startedAt: number,
  script: (run: (actor: string, c: MeetingCommandBody, newId?: string) => void) => void,
  end = true,
): Promise<string> {
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId,
      groupId: group,
      title,
      scheduledFor: new Date(startedAt),
      agenda: [
        { routineId: routine.id, routineVersion: routine.version, routineName: routine.name, minutes: 16 },
      ],
      totalMinutes: 16,
      joinCode: randomUUID().slice(0, 6).toUpperCase(),
      createdBy: facilitator,
    })
    .returning();
  const created = createMeeting({
    meetingId: m!.id,
    agenda: [routine],
    memberIds,
    facilitatorId: facilitator,
    now: startedAt - MINUTE,
  });
  if (!created.ok) throw new Error(created.error.message);
  const events: MeetingEvent[] = [...created.events];
  let state = replay(events);
  let now = startedAt;
  const run = (actorId: string, command: MeetingCommandBody, newId: string = randomUUID()) => {
    now += MINUTE;
    const d = decide(state, { ...command, actorId, idempotencyKey: randomUUID() }, { now, newId });
    if (!d.ok) throw new Error(`${command.type}: ${d.error.message}`);
    events.push(...d.events);
    state = d.events.reduce(evolve, state);
  };
  run(facilitator, { type: 'startMeeting' });
  script(run);
  if (end) run(facilitator, { type: 'endMeeting' });
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId, meetingId: m!.id, ...e })));
  await t.database.db
    .update(meetings)
    .set({
      status: end ? 'ended' : 'live',
      startedAt: new Date(startedAt),
      endedAt: end ? new Date(now) : null,
      lastSeq: events.length,
    })
    .where(eq(meetings.id, m!.id));
  return m!.id;
}

const success = (story: string): MemoryContent => ({
  kind: 'success',
  story,
  evidence: 'Exit tickets went from 40% to 75%.',
  whatWorked: 'Number lines on the floor.',
  insight: '',
  learned: '',
});

async function record(
  districtId: string,
  groupId: string,
  kind: 'success' | 'dilemma' | 'observation',
  title: string,
  content: MemoryContent,
  occurredAt: Date,
  tags: { grade?: string; subject?: string } = {},
) {
  const [r] = await t.database.db
    .insert(memoryRecords)
    .values({
      districtId,
      groupId,
      kind,
      title,
      content,
      occurredAt,
      grade: tags.grade ?? null,
      subject: tags.subject ?? null,
    })
    .returning();
  await indexRecord(t.database.db, districtId, r!.id);
  things.push({
    href: `/teams/${groupId}/memory/${r!.id}`,
    kind,
    districtId,
    scope: 'team',
    teamId: groupId,
    schoolId: null,
  });
  return r!;
}

async function share(
  districtId: string,
  rec: { id: string; groupId: string; kind: string },
  scope: 'school' | 'district',
  schoolId: string | null,
  status: 'shared' | 'awaiting-team',
  proposedBy: string,
  title: string,
) {
  const kind = rec.kind === 'dilemma' ? 'dilemma' : 'success';
  const [s] = await t.database.db
    .insert(memoryShares)
    .values({
      districtId,
      recordId: rec.id,
      groupId: rec.groupId,
      schoolId,
      scope,
      status,
      kind,
      title,
      content: { kind, story: `Shared story about fractions (${title})`, authorId: proposedBy },
      proposedBy,
      sharedAt: status === 'shared' ? new Date() : null,
    })
    .returning();
  await indexShare(t.database.db, districtId, s!.id);
  if (status === 'shared')
    things.push({ href: `/shared/${s!.id}`, kind, districtId, scope, teamId: rec.groupId, schoolId });
  return s!;
}

const minutesThing = (districtId: string, teamId: string, meetingId: string, kind: Thing['kind']): Thing => ({
  href: `/meetings/${meetingId}/minutes`,
  kind,
  districtId,
  scope: 'team',
  teamId,
  schoolId: null,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Search District', 'admin@search.test');
  const b = await createDistrictWithAdmin(t, 'Far District', 'admin@far.test');
  dA = a.district.id;
  dB = b.district.id;
  const db = t.database.db;
  const [n, s, x] = await db
    .insert(schools)
    .values([
      { districtId: dA, name: 'North' },
      { districtId: dA, name: 'South' },
      { districtId: dB, name: 'Far School' },
    ])
    .returning();
  north = n!.id;
  south = s!.id;
  const [g1, g2, g3, gB] = await db
    .insert(groups)
    .values([
      { districtId: dA, schoolId: north, kind: 'teacher_team', focus: 'plc', name: 'Grade 4 North' },
      { districtId: dA, schoolId: north, kind: 'teacher_team', focus: 'plc', name: 'Grade 5 North' },
      { districtId: dA, schoolId: south, kind: 'teacher_team', focus: 'plc', name: 'Grade 4 South' },
      { districtId: dB, schoolId: x!.id, kind: 'teacher_team', focus: 'plc', name: 'Far Team' },
    ])
    .returning();
  [t1, t2, t3, tB] = [g1!.id, g2!.id, g3!.id, gB!.id];
  const hash = await hashPassword('search test password');
  for (const p of PEOPLE) {
    if (p === 'admin') {
      ids.admin = a.admin.id;
      districtOf.admin = dA;
      continue;
    }
    const districtId = p === 'foreign' ? dB : dA;
    const [u] = await db
      .insert(users)
      .values({ districtId, email: `${p}@search.test`, name: p.toUpperCase(), passwordHash: hash })
      .returning();
    ids[p] = u!.id;
    districtOf[p] = districtId;
  }
  teamsOf.m1 = [t1];
  teamsOf.author = [t1];
  teamsOf.m2 = [t2];
  teamsOf.leaderN = [];
  teamsOf.staffS = [];
  teamsOf.admin = [];
  teamsOf.foreign = [tB];
  schoolsOf.m1 = [north];
  schoolsOf.author = [];
  schoolsOf.m2 = [north];
  schoolsOf.leaderN = [north];
  schoolsOf.staffS = [south];
  schoolsOf.admin = [];
  schoolsOf.foreign = [x!.id];
  await db.insert(groupMembers).values([
    { districtId: dA, groupId: t1, userId: ids.m1, role: 'facilitator' },
    { districtId: dA, groupId: t1, userId: ids.author, role: 'member' },
    { districtId: dA, groupId: t2, userId: ids.m2, role: 'facilitator' },
    { districtId: dB, groupId: tB, userId: ids.foreign, role: 'facilitator' },
  ]);
  await db.insert(schoolRoles).values([
    { districtId: dA, schoolId: north, userId: ids.m1, role: 'staff' },
    { districtId: dA, schoolId: north, userId: ids.m2, role: 'staff' },
    { districtId: dA, schoolId: north, userId: ids.leaderN, role: 'school_leader' },
    { districtId: dA, schoolId: south, userId: ids.staffS, role: 'staff' },
    { districtId: dB, schoolId: x!.id, userId: ids.foreign, role: 'school_leader' },
  ]);

  const now = Date.now();
  const r1 = await record(
    dA,
    t1,
    'success',
    'Fractions on the number line',
    success('We taught fractions with a number line.'),
    new Date(now - 10 * DAY),
    { grade: 'Grade 4', subject: 'Math' },
  );
  const r2 = await record(
    dA,
    t2,
    'dilemma',
    'Fractions and the quiet group',
    {
      kind: 'dilemma',
      story: 'The quiet group avoids fractions.',
      suggestedActions: 'Pairs first.',
      insight: '',
      learned: '',
      nextSteps: [],
    },
    new Date(now - 9 * DAY),
  );
  const r3 = await record(
    dA,
    t3,
    'observation',
    'Observed fractions lesson',
    {
      kind: 'observation',
      practice: 'Fraction strips in pairs: fractions everywhere.',
      curiosity: '',
      modelId: null,
      mode: null,
      notes: [],
      questions: [],
      learned: '',
    },
    new Date(now - 8 * DAY),
  );
  const r3b = await record(
    dA,
    t3,
    'success',
    'Fracciones con tiras',
    success('Los alumnos compararon fracciones con tiras de papel.'),
    new Date(now - 7 * DAY),
    { grade: 'Grade 4' },
  );
  await record(
    dB,
    tB,
    'success',
    'Far fractions',
    success('Fractions in another district.'),
    new Date(now - 6 * DAY),
  );
  await record(
    dA,
    t1,
    'success',
    'Markup <b>fractions</b>',
    success('Ratios & fractions, <i>then</i> pairs'),
    new Date(now - 5 * DAY),
  );
  await share(dA, r1, 'school', north, 'shared', ids.m1, 'Number line fractions (school copy)');
  await share(dA, r3, 'district', null, 'shared', ids.m1, 'Fraction strips (district copy)');
  await share(dA, r3b, 'school', south, 'shared', ids.m1, 'Fracciones (South copy)');
  await share(dA, r2, 'school', north, 'awaiting-team', ids.m2, 'Awaiting fractions copy');
  const rB = (await t.database.db.select().from(memoryRecords).where(eq(memoryRecords.groupId, tB)))[0]!;
  await share(dB, rB, 'district', null, 'shared', ids.foreign, 'Far district copy');

  // Team 1's ended meeting: a shared note, a next step, a shared reflection, and a private one (never found).
  const privateId = randomUUID();
  laterShared = randomUUID();
  endedT1 = await meetingWithLog(
    dA,
    t1,
    ids.m1,
    [ids.m1, ids.author],
    'Grade 4 fractions meeting',
    now - 3 * DAY,
    (run) => {
      run(ids.m1, { type: 'writeNote', stepId: 'identify', text: 'Note: fractions with pizza slices.' });
      run(ids.author, { type: 'writeReflection', stepId: 'identify', text: PRIVATE }, privateId);
      run(
        ids.author,
        { type: 'writeReflection', stepId: 'identify', text: 'Shared: fractions felt easier.' },
        'r-shared',
      );
      run(ids.author, { type: 'shareReflection', reflectionId: 'r-shared' });
      run(
        ids.author,
        { type: 'writeReflection', stepId: 'identify', text: 'Later: fractions with pairs worked.' },
        laterShared,
      );
      run(
        ids.m1,
        { type: 'addActionItem', text: 'Try fractions exit tickets', ownerId: ids.author, due: null },
        'item-1',
      );
    },
  );
  // A live meeting of team 1 is not indexed (SEARCH-DOC-4): its notes are not findable until it ends.
  liveT1 = await meetingWithLog(
    dA,
    t1,
    ids.m1,
    [ids.m1, ids.author],
    'Live fractions meeting',
    now - 60 * MINUTE,
    (run) => {
      run(ids.m1, { type: 'writeNote', stepId: 'identify', text: 'Live fractions note' });
    },
    false,
  );
  const endedT2 = await meetingWithLog(
    dA,
    t2,
    ids.m2,
    [ids.m2],
    'Grade 5 fractions meeting',
    now - 2 * DAY,
    (run) => {
      run(ids.m2, { type: 'writeNote', stepId: 'identify', text: 'Grade 5 fractions note' });
    },
  );
  const endedB = await meetingWithLog(
    dB,
    tB,
    ids.foreign,
    [ids.foreign],
    'Far fractions meeting',
    now - 2 * DAY,
    (run) => {
      run(ids.foreign, { type: 'writeReflection', stepId: 'identify', text: PRIVATE });
    },
  );
  // SEARCH-DOC-6: the backfill indexes ended meetings that have no documents yet.
  const filled = await backfillSearch(t.database.db);
  expect(filled.meetings).toBe(3);
  things.push(
    minutesThing(dA, t1, endedT1, 'minutes'),
    minutesThing(dA, t1, endedT1, 'note'),
    minutesThing(dA, t1, endedT1, 'next-step'),
    minutesThing(dA, t2, endedT2, 'minutes'),
    minutesThing(dB, tB, endedB, 'minutes'),
  );
  for (const p of PEOPLE) clients[p] = await signedInClient(t, { id: ids[p], districtId: districtOf[p] });
});
afterAll(async () => t.close());

async function searchAll(
  p: Person,
  q: string,
  extra = '',
): Promise<{ hits: SearchHit[]; first: SearchResults }> {
  const hits: SearchHit[] = [];
  let first: SearchResults | null = null;
  for (let page = 1; ; page += 1) {
    const res = await clients[p].get<SearchResults>(
      `/api/search?q=${encodeURIComponent(q)}${extra}&page=${page}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    first ??= res.body;
    hits.push(...res.body.items);
    if (res.body.items.length < res.body.pageSize) break;
  }
  return { hits, first: first };
}

const key = (x: { kind: string; href: string }) => `${x.kind} ${x.href}`;

describe('search permissions (SEARCH-PERM)', () => {
  it.each(PEOPLE)(
    'SEARCH-PERM-1: %s: every hit is readable by them (0 leaks) and nothing they may read is missing',
    async (p) => {
      const { hits, first } = await searchAll(p, 'fractions');
      const allowed = things.filter((th) => oracleMayRead(p, th));
      const leaks = hits.filter((h) => !allowed.some((th) => key(th) === key(h)));
      expect(leaks).toEqual([]);
      // Every visible seeded thing mentions fractions (the Spanish ones as "fracciones", same stem family only
      // in Spanish): compare by kind and link, as a multiset.
      const wanted = allowed
        .filter((th) => !th.href.includes('Fracciones'))
        .map(key)
        .sort();
      const got = hits.map(key).sort();
      for (const w of wanted) expect(got, `missing ${w}`).toContain(w);
      expect(first.total).toBe(hits.length);
      // SEARCH-FACET-1: facets count the same candidates.
      expect(first.facets.types.reduce((n, x) => n + x.count, 0)).toBe(first.total);
      for (const team of first.facets.teams) expect(teamsOf[p]).toContain(team.id);
      expect(JSON.stringify(hits)).not.toContain('zebra');
    },
  );

  it('SEARCH-PERM-2: a private reflection is found by nobody, not even its author', async () => {
    for (const p of PEOPLE) {
      const { hits, first } = await searchAll(p, 'zebra');
      expect(hits, p).toEqual([]);
      expect(first.total).toBe(0);
      expect(first.facets).toEqual({ types: [], tags: [], teams: [] });
    }
    const rows = await t.database.db.select({ body: searchDocuments.body }).from(searchDocuments);
    expect(rows.some((r) => r.body.includes('zebra'))).toBe(false);
  });

  it('SEARCH-PERM-3: a district admin and a school leader who are on no team see shared copies only', async () => {
    for (const p of ['admin', 'leaderN', 'staffS'] as const) {
      const { hits } = await searchAll(p, 'fractions');
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.visibility, p).not.toBe('team');
    }
    const admin = await searchAll('admin', 'fractions');
    expect(admin.hits.map((h) => h.visibility)).toEqual(['district']);
  });

  it('SEARCH-DOC-4: a live meeting is not indexed; a copy awaiting the team is not found', async () => {
    const { hits } = await searchAll('m1', 'live');
    expect(hits.filter((h) => h.href.includes(liveT1))).toEqual([]);
    const awaiting = await searchAll('m2', 'awaiting');
    expect(awaiting.hits.filter((h) => h.visibility !== 'team')).toEqual([]);
  });

  it('SEARCH-DOC-5: a reflection shared after the meeting is found once its event commits (the listener re-indexes)', async () => {
    const before = await searchAll('m1', 'pairs worked');
    expect(before.hits).toEqual([]);
    const res = await clients.author.post(`/api/me/reflections/${laterShared}/share`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    let hits: SearchHit[] = [];
    for (let i = 0; i < 50 && !hits.length; i += 1) {
      hits = (await searchAll('m1', 'pairs worked')).hits;
      if (!hits.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(hits.map((h) => [h.kind, h.href])).toEqual([['note', `/meetings/${endedT1}/minutes`]]);
    expect((await searchAll('m2', 'pairs worked')).hits).toEqual([]);
    // Events of a live meeting change nothing; indexing twice keeps one set of documents.
    await searchListener(t.database.db)({ districtId: dA, meetingId: liveT1, events: [] });
    // The runtime's own word (ADR 0047) is taken without a read.
    await searchListener(t.database.db)({ districtId: dA, meetingId: liveT1, events: [], ended: false });
    expect(await indexMeeting(t.database.db, dA, endedT1)).toBe(
      await indexMeeting(t.database.db, dA, endedT1),
    );
    const docs = await t.database.db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.districtId, dA), eq(searchDocuments.meetingId, liveT1)));
    expect(docs).toEqual([]);
  });

  it('SEARCH-DOC-3: a withdrawn copy disappears from search', async () => {
    const [s] = await t.database.db
      .select()
      .from(memoryShares)
      .where(and(eq(memoryShares.districtId, dA), eq(memoryShares.scope, 'district')));
    const before = await searchAll('admin', 'strips');
    expect(before.hits.length).toBe(1);
    await t.database.db.delete(memoryShares).where(eq(memoryShares.id, s!.id));
    await unindexShare(t.database.db, dA, s!.id);
    expect((await searchAll('admin', 'strips')).hits).toEqual([]);
    // Re-shared: found again (the indexer reads the source as it is now).
    const [again] = await t.database.db
      .insert(memoryShares)
      .values({ ...s!, id: randomUUID() })
      .returning();
    await indexShare(t.database.db, dA, again!.id);
    expect((await searchAll('admin', 'strips')).hits.map((h) => h.href)).toEqual([`/shared/${again!.id}`]);
  });
});

describe('search queries (SEARCH-Q, SEARCH-SNIP, SEARCH-FILTER, SEARCH-LANG)', () => {
  it('SEARCH-SNIP-1: snippets are text segments with the matched words marked; markup comes back as text', async () => {
    const { hits } = await searchAll('m1', 'markup fractions');
    expect(hits).toHaveLength(1);
    const [h] = hits;
    expect(h!.title.map((s) => s.text).join('')).toBe('Markup <b>fractions</b>');
    expect(h!.title.filter((s) => s.hit).map((s) => s.text)).toEqual(['Markup', 'fractions']);
    // ts_headline's fragments leave out tag-like tokens; what remains is plain text, never markup to render.
    expect(h!.snippet.map((s) => s.text).join('')).toContain('Ratios &');
    expect(h!.snippet.filter((s) => s.hit).map((s) => s.text)).toContain('fractions');
    const strips = await searchAll('m1', 'number line');
    const hit = strips.hits.find((x) => x.kind === 'success' && x.visibility === 'team')!;
    expect(hit.snippet.some((s) => s.hit && /number|line/i.test(s.text))).toBe(true);
    expect(hit.team).toEqual({ id: t1, name: 'Grade 4 North' });
    expect(hit.href).toMatch(new RegExp(`^/teams/${t1}/memory/`));
  });

  it('SEARCH-LANG-2: English and Spanish stems both match: "fracción" finds the Spanish copy, "strip" finds "strips"', async () => {
    // The South copy is Spanish (indexed with the Spanish configuration); the district copy is English.
    const es = await searchAll('staffS', 'fracción');
    expect(es.hits.map((h) => h.href)).toEqual([expect.stringMatching(/^\/shared\//)]);
    expect(es.hits.map((h) => h.visibility)).toEqual(['school']);
    const en = await searchAll('staffS', 'strip');
    expect(en.hits.length).toBeGreaterThan(0);
  });

  it('SEARCH-FILTER-1: type, tag, team and dates narrow the hits; facets stay those of the words', async () => {
    const all = await searchAll('m1', 'fractions');
    const minutes = await searchAll('m1', 'fractions', '&type=minutes');
    expect(minutes.hits.map((h) => h.kind)).toEqual(['minutes']);
    expect(minutes.first.facets).toEqual(all.first.facets);
    const tagged = await searchAll('m1', 'fractions', '&tag=GRADE%204');
    expect(tagged.hits.length).toBeGreaterThan(0);
    for (const h of tagged.hits) expect(h.tags).toContain('grade 4');
    const team = await searchAll('m1', 'fractions', `&groupId=${t1}`);
    expect(team.hits.length).toBeGreaterThan(0);
    // The team's own records and meetings, and the copies it shared.
    for (const h of team.hits) expect(h.team?.id).toBe(t1);
    expect(team.hits.filter((h) => h.href.includes('/shared/'))).toHaveLength(1);
    // Another team's id as a filter finds nothing (it cannot be used to probe).
    expect((await searchAll('m1', 'fractions', `&groupId=${t2}`)).hits).toEqual([]);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const recent = await searchAll('m1', 'fractions', `&from=${day(Date.now() - 4 * DAY)}`);
    expect(recent.hits.length).toBeLessThan(all.hits.length);
    for (const h of recent.hits)
      expect(Date.parse(h.occurredAt)).toBeGreaterThanOrEqual(Date.now() - 5 * DAY);
    const old = await searchAll('m1', 'fractions', `&to=${day(Date.now() - 10 * DAY)}`);
    expect(old.hits.map((h) => h.kind)).toEqual(['success']);
  });

  it('SEARCH-Q-1: an empty or stop-word-only query answers an empty result; operators never fail', async () => {
    for (const q of ['', '   ', 'the and of', 'el la de', '"', '-', 'or', '!!!', ':*']) {
      const res = await clients.m1.get<SearchResults>(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items, q).toEqual([]);
      expect(res.body.total).toBe(0);
    }
    const phrase = await searchAll('m1', '"number line" -pizza');
    expect(phrase.hits.length).toBeGreaterThan(0);
    const res = await clients.m1.get<SearchResults>('/api/search');
    expect(res.status).toBe(200);
  });

  it('SEARCH-Q-2: bad input answers 400 naming the field', async () => {
    for (const [qs, field] of [
      ['q=x&type=bogus', 'type'],
      ['q=x&from=yesterday', 'from'],
      ['q=x&groupId=nope', 'groupId'],
      ['q=x&page=0', 'page'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['q=x&extra=1', ''],
    ] as const) {
      const res = await clients.m1.get<{ error: { code: string; fields?: { path: string }[] } }>(
        `/api/search?${qs}`,
      );
      expect(res.status, qs).toBe(400);
      if (field)
        expect(
          (res.body.error.fields ?? []).map((f) => f.path),
          qs,
        ).toContain(`querystring.${field}`);
    }
  });
});
