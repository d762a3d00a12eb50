/**
 * Sharing beyond the team over REST (issue 12, ADR 0023): review with flags, consent by the author and, for a
 * record drawn from a meeting, by the team; the library of shared copies by school and district; withdrawal
 * deletes the copy everywhere; leaders who are not members never read the team's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { MemoryContent } from '#contracts/memory';
import type { PendingShare, ShareReview, SharedCopy } from '#contracts/sharing';
import {
  auditEvents,
  groupMembers,
  groups,
  meetings,
  memoryRecords,
  memoryShares,
  schoolRoles,
  schools,
  users,
} from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let districtId = '';
let teamId = '';
let soloTeamId = '';
let schoolId = '';
type Who = 'author' | 'facilitator' | 'member' | 'leader' | 'staff' | 'otherStaff' | 'admin' | 'foreign';
const ids = {} as Record<Who, string>;
let as: Record<Who, Client>;

const success = (story: string): MemoryContent => ({
  kind: 'success',
  story,
  evidence: 'Exit tickets rose from 40% to 75% in three weeks.',
  whatWorked: 'Sentence stems and wait time.',
  insight: 'Talk before writing.',
  learned: 'Team-internal learning.',
});
const dilemma: MemoryContent = {
  kind: 'dilemma',
  story: 'Quiet students in group work.',
  suggestedActions: 'Talk cards; roles.',
  insight: 'x',
  learned: 'y',
  nextSteps: [],
};

async function person(name: string, label: string) {
  const [u] = await t.database.db
    .insert(users)
    .values({
      districtId,
      email: `${label}-${randomUUID().slice(0, 6)}@share.test`,
      name,
      emailVerifiedAt: new Date(),
    })
    .returning();
  return u!;
}

async function record(opts: {
  groupId?: string;
  kind?: 'success' | 'dilemma' | 'observation';
  content?: MemoryContent;
  fromMeeting?: boolean;
  authorId?: string | null;
  status?: 'open' | 'resolved' | null;
}): Promise<string> {
  const db = t.database.db;
  const groupId = opts.groupId ?? teamId;
  let meetingId: string | null = null;
  if (opts.fromMeeting) {
    const [m] = await db
      .insert(meetings)
      .values({
        districtId,
        groupId,
        title: 'Weekly',
        agenda: [
          { routineId: 'share-successes', routineVersion: 1, routineName: 'Share Successes', minutes: 16 },
        ],
        totalMinutes: 16,
        joinCode: randomUUID()
          .replace(/[^A-HJ-NP-Z2-9]/gi, 'K')
          .toUpperCase()
          .slice(0, 6),
        createdBy: ids.facilitator,
        status: 'ended',
      })
      .returning();
    meetingId = m!.id;
  }
  const kind = opts.kind ?? 'success';
  const [r] = await db
    .insert(memoryRecords)
    .values({
      districtId,
      groupId,
      kind,
      meetingId,
      part: meetingId ? 0 : null,
      authorId: opts.authorId === undefined ? ids.author : opts.authorId,
      title: 'Fractions talk',
      content: opts.content ?? success('Pairs explained fractions to each other.'),
      grade: '4',
      subject: 'Math',
      status: opts.status ?? (kind === 'dilemma' ? 'open' : null),
      resolution: opts.status === 'resolved' ? 'Talk cards worked for Jaylen and others.' : null,
      occurredAt: new Date(),
      createdBy: meetingId ? null : (opts.authorId ?? ids.author),
    })
    .returning();
  return r!.id;
}

const url = (recordId: string, groupId = teamId) => `/api/groups/${groupId}/memory/${recordId}/share`;

async function reviewOf(c: Client, recordId: string) {
  const res = await c.get<ShareReview>(url(recordId));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function propose(c: Client, recordId: string, scope: 'school' | 'district', authorConsent = true) {
  const draft = (await reviewOf(as.author, recordId)).draft;
  return c.post<ShareReview>(url(recordId), { scope, draft, authorConsent });
}

async function library(c: Client): Promise<SharedCopy[]> {
  const res = await c.get<{ items: SharedCopy[] }>('/api/shared');
  expect(res.status).toBe(200);
  return res.body.items;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDistrictWithAdmin(t, 'Share District', 'admin@share.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other.test');
  districtId = a.district.id;
  const db = t.database.db;
  const [s1, s2] = await db
    .insert(schools)
    .values([
      { districtId, name: 'Lincoln Elementary' },
      { districtId, name: 'Roosevelt Middle' },
    ])
    .returning();
  schoolId = s1!.id;
  const [team, solo] = await db
    .insert(groups)
    .values([
      { districtId, schoolId, kind: 'teacher_team', focus: 'plc', name: 'Grade 4 Team' },
      { districtId, schoolId, kind: 'teacher_team', focus: 'plc', name: 'Solo-led Team' },
    ])
    .returning();
  teamId = team!.id;
  soloTeamId = solo!.id;
  const author = await person('Ana Author', 'author');
  const facilitator = await person('Fay Facil', 'facilitator');
  const member = await person('Mo Member', 'member');
  const leader = await person('Pat Principal', 'leader');
  const staff = await person('Sam Staff', 'staff');
  const otherStaff = await person('Sue Other', 'other');
  Object.assign(ids, {
    author: author.id,
    facilitator: facilitator.id,
    member: member.id,
    leader: leader.id,
    staff: staff.id,
    otherStaff: otherStaff.id,
    admin: a.admin.id,
    foreign: b.admin.id,
  });
  await db.insert(schoolRoles).values([
    { districtId, schoolId, userId: leader.id, role: 'school_leader' },
    { districtId, schoolId, userId: staff.id, role: 'staff' },
    { districtId, schoolId, userId: author.id, role: 'staff' },
    { districtId, schoolId: s2!.id, userId: otherStaff.id, role: 'staff' },
  ]);
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: author.id, role: 'member' },
    { districtId, groupId: teamId, userId: facilitator.id, role: 'facilitator' },
    { districtId, groupId: teamId, userId: member.id, role: 'member' },
    // The solo-led team: the author is its only facilitator.
    { districtId, groupId: soloTeamId, userId: author.id, role: 'facilitator' },
    { districtId, groupId: soloTeamId, userId: member.id, role: 'member' },
  ]);
  as = {
    author: await signedInClient(t, author),
    facilitator: await signedInClient(t, facilitator),
    member: await signedInClient(t, member),
    leader: await signedInClient(t, leader),
    staff: await signedInClient(t, staff),
    otherStaff: await signedInClient(t, otherStaff),
    admin: a.client,
    foreign: b.client,
  };
});
afterAll(async () => t.close());

describe('SHARE-REVIEW-1, SHARE-FLAG-2/5: the review shows exactly the copy, with its flags', () => {
  it('builds the copy from the record, without person ids, and flags a student name and a known name', async () => {
    const id = await record({ content: success('We asked Maya to explain it to Sam at recess.') });
    const r = await reviewOf(as.author, id);
    expect(r.shareable).toBe(true);
    expect(r.draft).toMatchObject({
      kind: 'success',
      title: 'Fractions talk',
      story: 'We asked Maya to explain it to Sam at recess.',
      tags: { grade: '4', subject: 'Math', strategy: null, studentGroup: null },
    });
    expect(JSON.stringify(r.draft)).not.toContain(ids.author);
    expect(JSON.stringify(r.draft)).not.toContain('Team-internal');
    expect(r.teamName).toBe('Grade 4 Team');
    expect(r.schoolName).toBe('Lincoln Elementary');
    expect(r.flags).toEqual(
      expect.arrayContaining([
        { field: 'story', start: 9, end: 13, text: 'Maya', reason: 'capitalized' },
        { field: 'story', start: 31, end: 34, text: 'Sam', reason: 'known-name' },
      ]),
    );
    expect(r.can).toEqual({ propose: true, consentAsAuthor: false, consentAsTeam: false, withdraw: false });
  });

  it('checks an edited draft again (the roster stays on the server)', async () => {
    const id = await record({});
    const draft = (await reviewOf(as.author, id)).draft!;
    const res = await as.member.post<{ flags: unknown[] }>(`${url(id)}/check`, {
      draft: { ...draft, insight: 'Ask Pat Principal.' },
    });
    expect(res.status).toBe(200);
    expect(res.body.flags).toEqual([
      { field: 'insight', start: 4, end: 17, text: 'Pat Principal', reason: 'known-name' },
    ]);
  });
});

describe('SHARE-ACCESS-1: a team’s records are its members’ only', () => {
  it.each([
    ['leader', 403],
    ['admin', 403],
    ['staff', 404],
    ['foreign', 404],
  ] as const)('%s is refused the review, propose, consent and withdraw (%s)', async (who, status) => {
    const id = await record({});
    const draft = (await reviewOf(as.author, id)).draft;
    expect((await as[who].get(url(id))).status).toBe(status);
    expect((await as[who].post(url(id), { scope: 'school', draft, authorConsent: true })).status).toBe(
      status,
    );
    expect((await as[who].post(`${url(id)}/consent`, { as: 'team' })).status).toBe(status);
    expect((await as[who].delete(url(id))).status).toBe(status);
    expect((await as[who].get(`/api/groups/${teamId}/shares/pending`)).status).toBe(status);
  });
});

describe('SHARE-RULE-1: only successes and resolved dilemmas', () => {
  it('an open dilemma or an observation answers 409', async () => {
    const open = await record({ kind: 'dilemma', content: dilemma, status: 'open' });
    const r = await reviewOf(as.author, open);
    expect(r.shareable).toBe(false);
    expect(r.draft).toBeNull();
    const draft = {
      kind: 'dilemma',
      title: 'x',
      story: 'x',
      tried: 'x',
      resolution: 'x',
      tags: { grade: null, subject: null, strategy: null, studentGroup: null },
    };
    expect((await as.author.post(url(open), { scope: 'school', draft, authorConsent: true })).status).toBe(
      409,
    );
  });

  it('a resolved dilemma can be shared, with what was tried and its resolution', async () => {
    const id = await record({ kind: 'dilemma', content: dilemma, status: 'resolved' });
    const r = await reviewOf(as.author, id);
    expect(r.draft).toMatchObject({ kind: 'dilemma', tried: 'Talk cards; roles.' });
    expect(r.flags.map((f) => `${f.field}:${f.text}`)).toContain('resolution:Jaylen');
  });

  it('bad input answers 400 naming the field', async () => {
    const id = await record({});
    const draft = (await reviewOf(as.author, id)).draft;
    const res = await as.author.post<{ error: { fields: { path: string }[] } }>(url(id), {
      scope: 'world',
      draft,
      authorConsent: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path)).toContain('scope');
  });
});

describe('SHARE-CONSENT-1/4, SHARE-LIB-1: a record one member logged', () => {
  it('needs the author’s explicit consent', async () => {
    const id = await record({});
    const res = await propose(as.author, id, 'school', false);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('authorConsent');
  });

  it('is shared at once to the school: its people read it, others do not', async () => {
    const id = await record({ content: success('The class explained fractions.') });
    const res = await propose(as.author, id, 'school');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.share?.stage).toBe('shared');
    const shareId = res.body.share!.id;
    for (const who of ['leader', 'staff', 'author', 'member'] as const)
      expect(
        (await library(as[who])).map((c) => c.id),
        who,
      ).toContain(shareId);
    for (const who of ['otherStaff', 'admin', 'foreign'] as const)
      expect(
        (await library(as[who])).map((c) => c.id),
        who,
      ).not.toContain(shareId);
    const one = await as.leader.get<SharedCopy>(`/api/shared/${shareId}`);
    expect(one.status).toBe(200);
    expect(one.body.content).toMatchObject({ teamName: 'Grade 4 Team', schoolName: 'Lincoln Elementary' });
    // SHARE-LIB-2: no person ids and no record id in what others read.
    for (const secret of [ids.author, id, teamId]) expect(JSON.stringify(one.body)).not.toContain(secret);
    expect((await as.otherStaff.get(`/api/shared/${shareId}`)).status).toBe(404);
    expect((await as.foreign.get(`/api/shared/${shareId}`)).status).toBe(404);
    // A principal reads the shared copy, never the record (SHARE-ACCESS-1).
    expect((await as.leader.get(url(id))).status).toBe(403);
  });

  it('proposed by another member, it waits for the author', async () => {
    const id = await record({});
    expect((await propose(as.member, id, 'district', true)).status).toBe(400);
    const res = await propose(as.member, id, 'district', false);
    expect(res.body.share?.stage).toBe('awaiting-author');
    expect((await library(as.otherStaff)).some((c) => c.id === res.body.share!.id)).toBe(false);
    expect((await as.member.post(`${url(id)}/consent`, { as: 'author' })).status).toBe(403);
    const pending = await as.author.get<{ items: PendingShare[] }>(`/api/groups/${teamId}/shares/pending`);
    expect(pending.body.items.find((p) => p.recordId === id)).toMatchObject({
      stage: 'awaiting-author',
      canConsentAsAuthor: true,
      canConsentAsTeam: false,
      proposedBy: 'Mo Member',
    });
    const consented = await as.author.post<ShareReview>(`${url(id)}/consent`, { as: 'author' });
    expect(consented.body.share?.stage).toBe('shared');
    // District scope: everyone in the district reads it.
    expect((await library(as.otherStaff)).some((c) => c.id === res.body.share!.id)).toBe(true);
    expect((await library(as.admin)).some((c) => c.id === res.body.share!.id)).toBe(true);
    // The team's consent is not asked for a record with one contributor.
    expect((await as.facilitator.post(`${url(id)}/consent`, { as: 'team' })).status).toBe(409);
  });
});

describe('SHARE-CONSENT-3/5: a record drawn from a meeting needs the team’s consent too', () => {
  it('waits for a facilitator other than the author', async () => {
    const id = await record({ fromMeeting: true });
    const res = await propose(as.author, id, 'district');
    expect(res.body.share?.stage).toBe('awaiting-team');
    expect(res.body.needsTeamConsent).toBe(true);
    const shareId = res.body.share!.id;
    expect((await library(as.otherStaff)).some((c) => c.id === shareId)).toBe(false);
    expect((await as.author.post(`${url(id)}/consent`, { as: 'team' })).status).toBe(403);
    expect((await as.member.post(`${url(id)}/consent`, { as: 'team' })).status).toBe(403);
    const pending = await as.facilitator.get<{ items: PendingShare[] }>(
      `/api/groups/${teamId}/shares/pending`,
    );
    expect(pending.body.items.find((p) => p.shareId === shareId)?.canConsentAsTeam).toBe(true);
    const ok = await as.facilitator.post<ShareReview>(`${url(id)}/consent`, { as: 'team' });
    expect(ok.status).toBe(200);
    expect(ok.body.share).toMatchObject({ stage: 'shared', teamConsentBy: { id: ids.facilitator } });
    expect((await library(as.otherStaff)).some((c) => c.id === shareId)).toBe(true);
    expect((await as.facilitator.post(`${url(id)}/consent`, { as: 'team' })).status).toBe(409);
  });

  it('when the author is the team’s only facilitator, any other member consents', async () => {
    const id = await record({ groupId: soloTeamId, fromMeeting: true });
    const draft = (await as.author.get<ShareReview>(url(id, soloTeamId))).body.draft;
    const res = await as.author.post<ShareReview>(url(id, soloTeamId), {
      scope: 'school',
      draft,
      authorConsent: true,
    });
    expect(res.body.share?.stage).toBe('awaiting-team');
    const ok = await as.member.post<ShareReview>(`${url(id, soloTeamId)}/consent`, { as: 'team' });
    expect(ok.body.share?.stage).toBe('shared');
  });
});

describe('SHARE-CONSENT-4: agreeing at once', () => {
  it('two facilitators agreeing together share it once, audited once', async () => {
    const second = await person('Fred Second', 'second');
    await t.database.db
      .insert(groupMembers)
      .values({ districtId, groupId: teamId, userId: second.id, role: 'facilitator' });
    const secondClient = await signedInClient(t, second);
    const id = await record({ fromMeeting: true });
    expect((await propose(as.author, id, 'school')).body.share?.stage).toBe('awaiting-team');
    const answers = await Promise.all([
      as.facilitator.post(`${url(id)}/consent`, { as: 'team' }),
      secondClient.post(`${url(id)}/consent`, { as: 'team' }),
    ]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, 'memory.shared')));
    expect(audit).toHaveLength(1);
    await t.database.db.delete(groupMembers).where(eq(groupMembers.userId, second.id));
  });
});

describe('SHARE-WITHDRAW-1: withdrawal deletes the copy everywhere', () => {
  it('by the author: gone from the library, its page and the table; audited without text', async () => {
    const id = await record({});
    const shareId = (await propose(as.author, id, 'school')).body.share!.id;
    expect((await as.member.delete(url(id))).status).toBe(403);
    expect((await as.author.delete(url(id))).status).toBe(200);
    expect((await library(as.leader)).some((c) => c.id === shareId)).toBe(false);
    expect((await as.leader.get(`/api/shared/${shareId}`)).status).toBe(404);
    const rows = await t.database.db.select().from(memoryShares).where(eq(memoryShares.id, shareId));
    expect(rows).toEqual([]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.districtId, districtId), eq(auditEvents.subjectId, id)));
    expect(audit.map((e) => e.action).sort()).toEqual(['memory.share_withdrawn', 'memory.shared']);
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain('fractions');
    expect((await as.author.delete(url(id))).status).toBe(409);
  });

  it('by a facilitator of the team, and a new copy may then be proposed', async () => {
    const id = await record({});
    await propose(as.author, id, 'school');
    expect((await propose(as.author, id, 'district')).status).toBe(409);
    expect((await as.facilitator.delete(url(id))).status).toBe(200);
    expect((await propose(as.author, id, 'district')).body.share?.scope).toBe('district');
  });
});
