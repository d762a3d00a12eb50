/**
 * Data rights (docs/SPEC.md RIGHTS-*, ADR 0042): a person's export holds everything they wrote and nothing of anyone
 * else's private data; after their account is deleted no row of any table holds their name or address; a district's
 * export leaves out private reflections, private notes and survey answers and other districts' rows; retention is
 * applied by the maintenance job, in batches, with counts in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommandBody, MeetingEvent } from '#contracts/meeting';
import { MyDataExport } from '#contracts/my-data';
import { createMeeting, decide, evolve, replay } from '#core/meeting/index';
import { createAccount } from '../auth/accounts';
import {
  auditEvents,
  authThrottle,
  bookReflections,
  bookSections,
  bookStudies,
  calendarFeeds,
  colleagueNotes,
  colleaguePairs,
  colleagueProfiles,
  digestSubscriptions,
  districts,
  groupMembers,
  groups,
  invitations,
  meetingEvents,
  meetings,
  memoryRecords,
  memoryShares,
  networkAffiliations,
  networkInvitations,
  networkJoinRequests,
  networkMembers,
  outbox,
  pendingSignups,
  schoolRoles,
  schools,
  searchDocuments,
  sessions,
  shareCards,
  surveyResponses,
  surveyWaves,
  users,
  visitNotes,
} from '../db/schema';
import { startMaintenance } from '../maintenance/job';
import { loadShippedRoutines } from '../routines/catalog';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  TEST_PASSWORD,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { SESSION_COOKIE } from '../auth/sessions';
import { ERASURE_PLAN, FORMER_MEMBER_NAME, NOT_ABOUT_A_PERSON, textColumns } from './erase';
import { myDataToMarkdown } from './my-data';

const MINUTE = 60_000;
const routine = loadShippedRoutines().get('share-successes')!;

const NAME = 'Zebulon Quartermaine';
const EMAIL = 'zebulon.q@rights.test';
/** Texts by which each piece of content is found in an export. */
const TEXT = {
  reflection: 'Zed private reflection: I was unsure the pairs would work.',
  question: 'Zed question: how did you group the readers?',
  suggestion: 'Zed suggestion: write the prompt on the board.',
  sharedReflection: 'Zed shared reflection: pairs first.',
  owned: 'Next step Odile gave Zed: try the pairs again.',
  visit: 'Zed visit note: the anchor chart helped.',
  bookPrivate: 'Zed private book reflection on chapter one.',
  bookShared: 'Zed shared book reflection on chapter one.',
  colleaguePrivate: 'Zed private colleague note.',
  colleagueShared: 'Zed shared colleague note.',
  partnerShared: 'Partner shared note addressed to Zed.',
  networkQuestion: 'Zed network question: who else tried this?',
  memory: 'Zed success: reading pairs',
  card: 'Zed card: reading pairs',
} as const;
/** Other people's private texts that must never leave with Zed's data. */
const PRIVATE_OF_OTHERS = {
  odileReflection: 'Odile private reflection: keep this to myself.',
  odileVisit: 'Odile private visit note.',
  odileBook: 'Odile private book reflection.',
  partnerPrivate: 'Partner private colleague note.',
} as const;
const MENTION = `Thanks ${NAME} for the idea (${EMAIL}).`;

let t: TestApp;
let districtId = '';
let otherDistrictId = '';
let networkId = '';
let exchangeId = '';
let teamId = '';
let zedId = '';
let odileId = '';
let zedMemberId = '';
let zedExchangeId = '';
let partnerExchangeId = '';
let admin: Client;
let zed: Client;
let odile: Client;
let zedSession = '';

/** A meeting's log made with the same core as a live one, stored as the server stores it. */
async function meetingWithLog(
  tenant: string,
  group: string,
  facilitator: string,
  memberIds: string[],
  script: (run: (actor: string, c: MeetingCommandBody, newId?: string) => void) => void,
  endedAt = Date.now() - 60 * MINUTE,
): Promise<string> {
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId: tenant,
      groupId: group,
      title: 'Weekly',
      scheduledFor: new Date(endedAt - 30 * MINUTE),
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
    now: endedAt - 30 * MINUTE,
  });
  if (!created.ok) throw new Error(created.error.message);
  const events: MeetingEvent[] = [...created.events];
  let state = replay(events);
  let now = endedAt - 29 * MINUTE;
  const run = (actorId: string, command: MeetingCommandBody, newId: string = randomUUID()) => {
    now += 1000;
    const d = decide(state, { ...command, actorId, idempotencyKey: randomUUID() }, { now, newId });
    if (!d.ok) throw new Error(`${command.type}: ${d.error.message}`);
    events.push(...d.events);
    state = d.events.reduce(evolve, state);
  };
  run(facilitator, { type: 'startMeeting' });
  script(run);
  run(facilitator, { type: 'endMeeting' });
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId: tenant, meetingId: m!.id, ...e })));
  await t.database.db
    .update(meetings)
    .set({
      status: 'ended',
      startedAt: new Date(endedAt - 29 * MINUTE),
      endedAt: new Date(endedAt),
      lastSeq: events.length,
    })
    .where(eq(meetings.id, m!.id));
  return m!.id;
}

async function zip(client: Client, url: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { host: TEST_HOST, cookie: `${SESSION_COOKIE}=${client.cookie ?? ''}` },
  });
  return { status: res.statusCode, type: res.headers['content-type'], bytes: new Uint8Array(res.rawPayload) };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Rights District', 'admin@rights.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other-rights.test');
  districtId = a.district.id;
  otherDistrictId = b.district.id;
  admin = a.client;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'North' }).returning();
  const [team] = await db
    .insert(groups)
    .values({ districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 4' })
    .returning();
  teamId = team!.id;
  const account = (email: string, name: string) =>
    createAccount(db, {
      districtId,
      email,
      name,
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: true,
    });
  const z = await account(EMAIL, NAME);
  const o = await account('odile@rights.test', 'Odile Brightwater');
  zedId = z.id;
  odileId = o.id;
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: odileId, role: 'facilitator' },
    { districtId, groupId: teamId, userId: zedId, role: 'member' },
  ]);
  await db.insert(schoolRoles).values({ districtId, schoolId: school!.id, userId: zedId, role: 'staff' });

  // A meeting: Zed's reflection (private), a shared one, a question, a suggestion; a next step Odile gives Zed;
  // Odile's private reflection and a note that names Zed.
  const shared = randomUUID();
  const meetingId = await meetingWithLog(districtId, teamId, odileId, [odileId, zedId], (run) => {
    run(zedId, { type: 'writeReflection', stepId: 'identify', text: TEXT.reflection });
    run(zedId, { type: 'writeReflection', stepId: 'identify', text: TEXT.sharedReflection }, shared);
    run(zedId, { type: 'shareReflection', reflectionId: shared });
    run(zedId, { type: 'submitQuestion', kind: 'clarifying', text: TEXT.question });
    run(zedId, { type: 'suggestNote', stepId: 'identify', text: TEXT.suggestion });
    run(odileId, { type: 'writeReflection', stepId: 'identify', text: PRIVATE_OF_OTHERS.odileReflection });
    run(odileId, { type: 'writeNote', stepId: 'identify', text: MENTION });
    run(odileId, { type: 'addActionItem', text: TEXT.owned, ownerId: zedId, due: null });
  });
  await db.insert(visitNotes).values([
    { districtId, meetingId, authorId: zedId, text: TEXT.visit },
    { districtId, meetingId, authorId: odileId, text: PRIVATE_OF_OTHERS.odileVisit },
  ]);
  const [record] = await db
    .insert(memoryRecords)
    .values({
      districtId,
      groupId: teamId,
      kind: 'success',
      authorId: zedId,
      createdBy: zedId,
      title: TEXT.memory,
      content: { kind: 'success', summary: MENTION },
      occurredAt: new Date(),
    })
    .returning();
  const [share] = await db
    .insert(memoryShares)
    .values({
      districtId,
      recordId: record!.id,
      groupId: teamId,
      scope: 'district',
      status: 'shared',
      kind: 'success',
      title: TEXT.memory,
      content: { teamName: 'Grade 4', schoolName: 'North' },
      proposedBy: zedId,
      sharedAt: new Date(),
    })
    .returning();
  await db
    .insert(shareCards)
    .values({ districtId, shareId: share!.id, authorId: zedId, title: TEXT.card, text: 'Card text' });
  await db.insert(searchDocuments).values({
    districtId,
    groupId: teamId,
    visibility: 'team',
    kind: 'note',
    sourceId: meetingId,
    meetingId,
    title: 'Weekly',
    body: MENTION,
    tags: [NAME],
    occurredAt: new Date(),
  });
  const [study] = await db
    .insert(bookStudies)
    .values({ districtId, groupId: teamId, title: 'A book', authors: ['An Author'], createdBy: odileId })
    .returning();
  const [section] = await db
    .insert(bookSections)
    .values({ districtId, studyId: study!.id, position: 1, title: 'One', readBy: '2026-12-01', prompts: [] })
    .returning();
  await db.insert(bookReflections).values([
    { districtId, sectionId: section!.id, authorId: zedId, body: TEXT.bookPrivate, visibility: 'private' },
    {
      districtId,
      sectionId: section!.id,
      authorId: zedId,
      body: TEXT.bookShared,
      visibility: 'shared',
      sharedAt: new Date(),
    },
    {
      districtId,
      sectionId: section!.id,
      authorId: odileId,
      body: PRIVATE_OF_OTHERS.odileBook,
      visibility: 'private',
    },
  ]);

  // A network with Zed's member row (ADR 0032), a cohort and a question there; a request to join another one.
  const [network] = await db
    .insert(districts)
    .values({ kind: 'network', name: 'Principals Network' })
    .returning();
  networkId = network!.id;
  zedMemberId = randomUUID();
  const odileMemberId = randomUUID();
  await db.insert(users).values([
    {
      id: zedMemberId,
      districtId: networkId,
      kind: 'network_member',
      email: `member-${zedMemberId}@network.invalid`,
      name: NAME,
    },
    {
      id: odileMemberId,
      districtId: networkId,
      kind: 'network_member',
      email: `member-${odileMemberId}@network.invalid`,
      name: 'Odile Brightwater',
    },
  ]);
  await db.insert(networkMembers).values([
    {
      districtId: networkId,
      userId: zedMemberId,
      homeDistrictId: districtId,
      homeUserId: zedId,
      role: 'member',
      title: `${NAME}, reading coach`,
    },
    {
      districtId: networkId,
      userId: odileMemberId,
      homeDistrictId: districtId,
      homeUserId: odileId,
      role: 'convener',
    },
  ]);
  await db
    .insert(networkAffiliations)
    .values({ districtId, userId: zedId, networkId, networkName: 'Principals Network' });
  const [cohort] = await db
    .insert(groups)
    .values({ districtId: networkId, kind: 'cohort', name: 'Cohort 1' })
    .returning();
  await db.insert(groupMembers).values([
    { districtId: networkId, groupId: cohort!.id, userId: odileMemberId, role: 'facilitator' },
    { districtId: networkId, groupId: cohort!.id, userId: zedMemberId, role: 'member' },
  ]);
  await meetingWithLog(networkId, cohort!.id, odileMemberId, [odileMemberId, zedMemberId], (run) => {
    run(zedMemberId, { type: 'submitQuestion', kind: 'probing', text: TEXT.networkQuestion });
  });
  const [listed] = await db.insert(districts).values({ kind: 'network', name: 'Listed Network' }).returning();
  await db.insert(networkJoinRequests).values({
    districtId: listed!.id,
    homeDistrictId: districtId,
    homeUserId: zedId,
    shownName: NAME,
    message: `Hello, ${NAME} here`,
  });

  // The colleague exchange: Zed's and a partner's member rows, a pair, notes of both kinds by both.
  const [exchange] = await db
    .insert(districts)
    .values({ kind: 'exchange', name: 'Colleague exchange' })
    .returning();
  exchangeId = exchange!.id;
  zedExchangeId = randomUUID();
  partnerExchangeId = randomUUID();
  await db.insert(users).values([
    {
      id: zedExchangeId,
      districtId: exchangeId,
      kind: 'network_member',
      email: `member-${zedExchangeId}@network.invalid`,
      name: NAME,
    },
    {
      id: partnerExchangeId,
      districtId: exchangeId,
      kind: 'network_member',
      email: `member-${partnerExchangeId}@network.invalid`,
      name: 'Partner Person',
    },
  ]);
  await db.insert(networkMembers).values([
    {
      districtId: exchangeId,
      userId: zedExchangeId,
      homeDistrictId: districtId,
      homeUserId: zedId,
      role: 'member',
    },
    {
      districtId: exchangeId,
      userId: partnerExchangeId,
      homeDistrictId: otherDistrictId,
      homeUserId: randomUUID(),
      role: 'member',
    },
  ]);
  await db.insert(colleagueProfiles).values({
    districtId: exchangeId,
    userId: zedExchangeId,
    homeDistrictId: districtId,
    regionKey: 'us-ca',
    profile: { about: `I am ${NAME}` },
  });
  const [memberA, memberB] = [zedExchangeId, partnerExchangeId].sort();
  const [pair] = await db
    .insert(colleaguePairs)
    .values({ districtId: exchangeId, memberA: memberA!, memberB: memberB!, fit: 3, status: 'active' })
    .returning();
  await db.insert(colleagueNotes).values([
    {
      districtId: exchangeId,
      pairId: pair!.id,
      authorId: zedExchangeId,
      visibility: 'private',
      body: TEXT.colleaguePrivate,
    },
    {
      districtId: exchangeId,
      pairId: pair!.id,
      authorId: zedExchangeId,
      visibility: 'shared',
      body: TEXT.colleagueShared,
    },
    {
      districtId: exchangeId,
      pairId: pair!.id,
      authorId: partnerExchangeId,
      visibility: 'private',
      body: PRIVATE_OF_OTHERS.partnerPrivate,
    },
    {
      districtId: exchangeId,
      pairId: pair!.id,
      authorId: partnerExchangeId,
      visibility: 'shared',
      body: TEXT.partnerShared,
    },
  ]);

  // Settings, links, pending rows and mail that carry Zed's address or account.
  await db
    .insert(digestSubscriptions)
    .values({ districtId, userId: zedId, weekly: true, tokenHash: `digest-${randomUUID()}` });
  await db.insert(calendarFeeds).values({ districtId, userId: zedId, tokenHash: `feed-${randomUUID()}` });
  await db.insert(invitations).values({
    districtId,
    email: EMAIL,
    tokenHash: `inv-${randomUUID()}`,
    groupId: teamId,
    groupRole: 'member',
    districtRole: 'member',
    invitedBy: odileId,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(pendingSignups).values({
    tokenHash: `signup-${randomUUID()}`,
    districtId,
    groupId: teamId,
    email: EMAIL,
    name: NAME,
    passwordHash: 'x',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(networkInvitations).values({
    districtId: networkId,
    email: EMAIL,
    tokenHash: `ninv-${randomUUID()}`,
    invitedBy: odileMemberId,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db
    .insert(authThrottle)
    .values({ key: `sign-in-failures:${EMAIL}`, windowStart: new Date(), count: 1 });
  await db.insert(outbox).values({ districtId, to: EMAIL, subject: 'Welcome', text: `Hello ${NAME}` });
  await db.insert(auditEvents).values({
    districtId,
    actorId: odileId,
    action: 'group.member_added',
    subjectType: 'person',
    subjectId: zedId,
    details: { note: `added ${NAME} <${EMAIL}>` },
  });

  zed = await signedInClient(t, { id: zedId, districtId });
  odile = await signedInClient(t, { id: odileId, districtId });
  zedSession = zed.cookie ?? '';
});
afterAll(async () => t.close());

describe('A person downloads their data (RIGHTS-EXPORT)', () => {
  let json: MyDataExport;
  let all = '';

  it('RIGHTS-EXPORT-1, RIGHTS-EXPORT-2: one zip with my-data.json (its format and version) and my-data.md, audited', async () => {
    const res = await zip(zed, '/api/me/data-export');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const files = unzipSync(res.bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['my-data.json', 'my-data.md']));
    json = MyDataExport.parse(JSON.parse(strFromU8(files['my-data.json']!)));
    expect(json.format).toBe('ensemble.my-data');
    expect(json.version).toBe(1);
    expect(json.person).toMatchObject({ id: zedId, name: NAME, email: EMAIL });
    const md = strFromU8(files['my-data.md']!);
    all = `${strFromU8(files['my-data.json']!)}\n${md}`;
    expect(md).toContain('# Your data in Ensemble');
    expect(md).toContain(TEXT.visit);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export.my_data'), eq(auditEvents.actorId, zedId)));
    expect(audit).toHaveLength(1);
  });

  it('I18N-CONTENT-11: the readable copy comes in Spanish for a Spanish reader, with the same data; the JSON stays as it is', () => {
    const md = myDataToMarkdown(json, 'es');
    expect(md).toContain('# Tus datos en Ensemble');
    expect(md).toContain('## Lo que no se incluye');
    expect(md).toContain('## Lo que escribiste en las reuniones');
    expect(md).not.toContain('Your data in Ensemble');
    expect(md).not.toContain('Not included');
    expect(md).toContain(TEXT.visit);
    expect(myDataToMarkdown(json)).toContain('# Your data in Ensemble');
  });

  it('RIGHTS-EXPORT-1: everything Zed wrote or that is about Zed is there, in their district, network and exchange', () => {
    for (const text of Object.values(TEXT)) expect(all, text).toContain(text);
    const s = json.sections;
    expect(s.memberships.map((m) => m.team)).toEqual(expect.arrayContaining(['Grade 4', 'Cohort 1']));
    expect(s.schoolRoles).toHaveLength(1);
    expect(s.networkMemberships.length).toBe(2); // the network and the exchange
    const types = s.meetingContributions.map((c) => c.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'reflection.written',
        'reflection.shared',
        'question.submitted',
        'note.suggested',
      ]),
    );
    expect(s.nextStepsOwned.map((n) => n.text)).toEqual([TEXT.owned]);
    expect(s.memoryRecords).toHaveLength(1);
    expect(s.sharedCopies).toHaveLength(1);
    expect(s.shareCards).toHaveLength(1);
    expect(s.visitNotes).toHaveLength(1);
    expect(s.bookReflections).toHaveLength(2);
    expect(s.colleagueProfile).toHaveLength(1);
    expect(s.colleagueNotes.map((n) => n.body).sort()).toEqual(
      [TEXT.colleaguePrivate, TEXT.colleagueShared, TEXT.partnerShared].sort(),
    );
    expect(s.digestSubscription).toHaveLength(1);
    expect(s.calendarFeeds).toHaveLength(1);
    expect(s.sessions.length).toBeGreaterThanOrEqual(1);
    expect(s.auditEvents.length).toBeGreaterThanOrEqual(1);
    expect(json.notIncluded.join(' ')).toMatch(/anonymous by design/);
  });

  it("RIGHTS-EXPORT-3, RIGHTS-EXPORT-4: nothing of anyone else's private data, and no secret", () => {
    for (const text of Object.values(PRIVATE_OF_OTHERS)) expect(all, text).not.toContain(text);
    expect(all).not.toMatch(/tokenHash|passwordHash|digest-|feed-/);
  });
});

describe('A district admin exports the district (RIGHTS-DISTRICT)', () => {
  it('RIGHTS-DISTRICT-1: a streamed zip of JSON Lines per table and a manifest; no private reflection, private note or survey answer; no other district; audited', async () => {
    await t.database.db.insert(users).values({
      districtId: otherDistrictId,
      email: 'elsewhere@other-rights.test',
      name: 'Elsewhere Person',
    });
    const res = await zip(admin, '/api/district/data-export');
    expect(res.status).toBe(200);
    const files = unzipSync(res.bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      format: string;
      rows: Record<string, number>;
    };
    expect(manifest.format).toBe('ensemble.district-data');
    const usersFile = strFromU8(files['tables/users.jsonl']!);
    expect(usersFile).toContain(EMAIL);
    expect(usersFile).not.toContain('Elsewhere Person');
    expect(usersFile).not.toContain('password_hash');
    expect(manifest.rows.users).toBe(usersFile.trim().split('\n').length);
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(everything).toContain(TEXT.sharedReflection);
    expect(everything).toContain(TEXT.bookShared);
    for (const text of [
      TEXT.reflection,
      TEXT.visit,
      TEXT.bookPrivate,
      PRIVATE_OF_OTHERS.odileReflection,
      PRIVATE_OF_OTHERS.odileBook,
    ])
      expect(everything, text).not.toContain(text);
    expect(everything).not.toContain(TEXT.networkQuestion); // the network's tenant is not the district's
    expect(files['tables/survey_responses.jsonl']).toBeUndefined();
    expect(files['tables/visit_notes.jsonl']).toBeUndefined();
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.districtId, districtId), eq(auditEvents.action, 'export.district_data')));
    expect(audited).toBeDefined();
  });

  it('RIGHTS-DISTRICT-2: only district admins', async () => {
    expect((await zip(zed, '/api/district/data-export')).status).toBe(403);
    expect((await zed.get('/api/district/retention')).status).toBe(403);
  });
});

describe('A person deletes their account (RIGHTS-DELETE)', () => {
  it('RIGHTS-DELETE-1: the password again and the word DELETE; a wrong password changes nothing', async () => {
    expect((await zed.post('/api/me/delete-account', { confirm: 'DELETE' })).status).toBe(400);
    expect(
      (await zed.post('/api/me/delete-account', { password: TEST_PASSWORD, confirm: 'yes' })).status,
    ).toBe(400);
    expect(
      (await zed.post('/api/me/delete-account', { password: 'not the password', confirm: 'DELETE' })).status,
    ).toBe(403);
    const [still] = await t.database.db.select().from(users).where(eq(users.id, zedId));
    expect(still?.name).toBe(NAME);
  });

  it('RIGHTS-DELETE-5: the only district admin cannot delete their account', async () => {
    const res = await admin.post('/api/me/delete-account', { password: TEST_PASSWORD, confirm: 'DELETE' });
    expect(res.status).toBe(409);
  });

  it('RIGHTS-DELETE-2, RIGHTS-DELETE-3: shared contributions stay under "A former member"; private ones go; signed out', async () => {
    const res = await zed.post('/api/me/delete-account', { password: TEST_PASSWORD, confirm: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true });
    const again = await signedInClientWith(zedSession);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    const db = t.database.db;
    const [row] = await db.select().from(users).where(eq(users.id, zedId));
    expect(row).toMatchObject({ name: FORMER_MEMBER_NAME, passwordHash: null });
    expect(row?.deactivatedAt).not.toBeNull();
    const [member] = await db.select().from(users).where(eq(users.id, zedMemberId));
    expect(member?.name).toBe(FORMER_MEMBER_NAME);
    // Shared: kept (author id now names "A former member").
    expect(await db.select().from(memoryRecords).where(eq(memoryRecords.authorId, zedId))).toHaveLength(1);
    const book = await db.select().from(bookReflections).where(eq(bookReflections.authorId, zedId));
    expect(book.map((b) => b.body)).toEqual([TEXT.bookShared]);
    const notes = await db.select().from(colleagueNotes).where(eq(colleagueNotes.authorId, zedExchangeId));
    expect(notes.map((n) => n.body)).toEqual([TEXT.colleagueShared]);
    const [partnerPrivate] = await db
      .select()
      .from(colleagueNotes)
      .where(and(eq(colleagueNotes.authorId, partnerExchangeId), eq(colleagueNotes.visibility, 'private')));
    expect(partnerPrivate?.body).toBe(PRIVATE_OF_OTHERS.partnerPrivate);
    // Private: gone (the log keeps the event, its text blanked); others' private content untouched.
    expect(await db.select().from(visitNotes).where(eq(visitNotes.authorId, zedId))).toHaveLength(0);
    expect(await db.select().from(shareCards).where(eq(shareCards.authorId, zedId))).toHaveLength(0);
    const log = (await db.select().from(meetingEvents).where(eq(meetingEvents.districtId, districtId)))
      .map((e) => JSON.stringify(e.payload))
      .join('\n');
    expect(log).not.toContain(TEXT.reflection);
    expect(log).toContain(TEXT.sharedReflection);
    expect(log).toContain(TEXT.question);
    expect(log).toContain(PRIVATE_OF_OTHERS.odileReflection);
    expect(log).toContain(`Thanks ${FORMER_MEMBER_NAME} for the idea`);
    const [audited] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person.account_deleted'), eq(auditEvents.subjectId, zedId)));
    expect(audited).toBeDefined();
    // Odile still reads her team.
    expect((await odile.get(`/api/groups/${teamId}`)).status).toBe(200);
  });

  it('RIGHTS-DELETE-4: after deletion no row of any table (every text, JSON and text-array column in the catalogue) holds the name or the address', async () => {
    const columns = await textColumns(t.database.db);
    expect(columns.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const c of columns) {
      const result = await t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(c.table)}
            WHERE ${sql.identifier(c.column)}::text ILIKE ${`%${NAME}%`} OR ${sql.identifier(c.column)}::text ILIKE ${`%${EMAIL}%`}`,
      );
      if ((result.rows[0]?.n ?? 0) > 0) hits.push(`${c.table}.${c.column}`);
    }
    expect(hits).toEqual([]);
    // The scan looks where the name was before: these columns held it until the deletion.
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining([
        'users.name',
        'meeting_events.payload',
        'audit_events.details',
        'search_documents.tags',
      ]),
    );
  });

  it('RIGHTS-DELETE-1: an account without a password (single sign-on) deletes itself only within 10 minutes of signing in', async () => {
    const db = t.database.db;
    const [sso] = await db
      .insert(users)
      .values({ districtId, email: 'sso.only@rights.test', name: 'Sso Only', passwordHash: null })
      .returning();
    const client = await signedInClient(t, { id: sso!.id, districtId });
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 11 * MINUTE) })
      .where(eq(sessions.userId, sso!.id));
    expect((await client.post('/api/me/delete-account', { confirm: 'DELETE' })).status).toBe(403);
    const fresh = await signedInClient(t, { id: sso!.id, districtId });
    expect((await fresh.post('/api/me/delete-account', { confirm: 'DELETE' })).status).toBe(200);
    const [row] = await db.select().from(users).where(eq(users.id, sso!.id));
    expect(row?.name).toBe(FORMER_MEMBER_NAME);
  });

  it('RIGHTS-DELETE-6: every table of the database is in the erasure plan or named as holding nobody', async () => {
    const result = await t.database.db.execute<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const known = new Set([...ERASURE_PLAN.map((s) => s.table), ...NOT_ABOUT_A_PERSON]);
    expect(result.rows.map((r) => r.table_name).filter((name) => !known.has(name))).toEqual([]);
  });
});

async function signedInClientWith(cookie: string): Promise<Client> {
  const c = await signedInClient(t, { id: odileId, districtId });
  c.cookie = cookie;
  return c;
}

describe('Retention (RIGHTS-RETAIN)', () => {
  it('RIGHTS-RETAIN-1: an admin sets retention in years, each at least its minimum', async () => {
    expect((await admin.get('/api/district/retention')).body).toEqual({
      settings: { meetingContentYears: null, auditLogYears: null, surveyResponseYears: null },
      lastRunAt: null,
    });
    const tooShort = await admin.put('/api/district/retention', {
      meetingContentYears: 0,
      auditLogYears: null,
      surveyResponseYears: null,
    });
    expect(tooShort.status).toBe(400);
    const saved = await admin.put('/api/district/retention', {
      meetingContentYears: 2,
      auditLogYears: 3,
      surveyResponseYears: 1,
    });
    expect(saved.status).toBe(200);
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.districtId, districtId), eq(auditEvents.action, 'retention.settings_changed')),
      );
    expect(audited?.details).toMatchObject({ meetingContentYears: 2 });
  });

  it('RIGHTS-RETAIN-2: the maintenance job deletes what is older, in batches, once a day, and records each run with counts only', async () => {
    const db = t.database.db;
    const now = new Date(Date.now() + MINUTE);
    const year = 365.25 * 24 * 60 * MINUTE;
    const at = (yearsAgo: number) => now.getTime() - yearsAgo * year;
    const old = await meetingWithLog(districtId, teamId, odileId, [odileId], () => undefined, at(2.5));
    const recent = await meetingWithLog(districtId, teamId, odileId, [odileId], () => undefined, at(1));
    await db.insert(auditEvents).values([
      { districtId, action: 'auth.sign_in', at: new Date(at(4)) },
      { districtId, action: 'auth.sign_in', at: new Date(at(2)) },
      { districtId: otherDistrictId, action: 'auth.sign_in', at: new Date(at(4)) },
    ]);
    const wave = (closedYearsAgo: number) => ({
      districtId,
      title: 'Wave',
      scopeKind: 'district' as const,
      instrument: {},
      invite: 'email' as const,
      frame: {},
      opensOn: '2020-01-01',
      closesOn: '2020-02-01',
      closedAt: new Date(at(closedYearsAgo)),
    });
    const [oldWave, newWave] = await db
      .insert(surveyWaves)
      .values([wave(1.5), wave(0.5)])
      .returning();
    const answer = (waveId: string) => ({
      districtId,
      waveId,
      unit: 'district',
      roleBand: 'staff' as const,
      submittedOn: '2020-01-15',
      answers: [3],
    });
    await db
      .insert(surveyResponses)
      .values([...Array.from({ length: 3 }, () => answer(oldWave!.id)), answer(newWave!.id)]);

    const job = startMaintenance({
      database: t.database,
      log: { info: () => undefined, error: () => undefined },
      intervalMs: 3_600_000,
    });
    try {
      await job.runOnce(now);
      const ids = (
        await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.districtId, districtId))
      ).map((m) => m.id);
      expect(ids).not.toContain(old);
      expect(ids).toContain(recent);
      const runs = () =>
        db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.districtId, districtId), eq(auditEvents.action, 'retention.applied')));
      const [run] = await runs();
      expect(run?.details).toEqual({ meetings: 1, auditEvents: 1, surveyResponses: 3 });
      expect(run?.actorId).toBeNull();
      const otherOld = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.districtId, otherDistrictId), eq(auditEvents.action, 'auth.sign_in')));
      expect(otherOld).toHaveLength(1);
      expect(
        await db.select().from(surveyResponses).where(eq(surveyResponses.waveId, newWave!.id)),
      ).toHaveLength(1);
      // Once a day: a second round the same day does nothing; the next day's does, and records it.
      await job.runOnce(new Date(now.getTime() + 60 * MINUTE));
      expect(await runs()).toHaveLength(1);
      await job.runOnce(new Date(now.getTime() + 25 * 60 * MINUTE));
      const after = await runs();
      expect(after).toHaveLength(2);
      expect(after.map((r) => r.details)).toContainEqual({ meetings: 0, auditEvents: 0, surveyResponses: 0 });
    } finally {
      await job.stop();
    }
  });
});
