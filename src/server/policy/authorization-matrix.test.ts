/**
 * AUTHZ-MATRIX-1: every catalogue endpoint, called by every role and by an admin of another district,
 * answers exactly what the policy says. A route that forgets its `authorize` call makes a cell fail.
 * AUTHZ-MATRIX-2: the matrix covers every registered API route (no route escapes it).
 * TENANT-1: answers to another district's people never contain this district's ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { api, pathFor, type EndpointName } from '#contracts/api';
import { ClientEvents, PROTOCOL_VERSION, type SocketErrorCode } from '#contracts/realtime';
import { eq } from 'drizzle-orm';
import { createMeeting, decide, evolve, replay } from '#core/meeting/index';
import { loadShippedRoutines } from '../routines/catalog';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrumentsFolder, loadShippedInstruments } from '../surveys/catalog';

import { hashPassword } from '../auth/passwords';
import {
  apiTokens,
  groupJoinRequests,
  groupMembers,
  groups,
  invitations,
  joinCodes,
  meetingEvents,
  meetingGuests,
  meetingInvitees,
  meetings,
  memoryRecords,
  memoryShares,
  routineLibrary,
  schoolRoles,
  schools,
  shareCards,
  ssoProviders,
  teamRoutines,
  users,
} from '../db/schema';
import { hashSecret } from '../auth/tokens';
import { ASYNCAPI_PATH } from '../http/openapi';
import { agreedPair, colleagueProfile } from '../testing/colleague';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type TestApp,
} from '../testing/api-harness';
import { ackOutcome, socketProbes } from '../testing/sockets';

type Role = 'anon' | 'member' | 'facilitator' | 'leader' | 'admin' | 'outsider' | 'foreign';
const ROLES: Role[] = ['anon', 'member', 'facilitator', 'leader', 'admin', 'outsider', 'foreign'];
/** 'ok' = any 2xx. */
type Expect = 'ok' | 400 | 401 | 403 | 404 | 409;

interface World {
  districtA: string;
  districtB: string;
  schoolA1: string;
  schoolA2: string;
  teamA1: string;
  teamA2: string;
  teamB: string;
  /** Joined by code in the matrix: kept apart so joining never changes who belongs to team A1. */
  teamA3: string;
  users: Record<Exclude<Role, 'anon'>, { id: string; districtId: string }>;
}

let t: TestApp;
let w: World;
let passwordHash: string;

async function person(districtId: string, label: string, role: 'district_admin' | 'member' = 'member') {
  const [u] = await t.database.db
    .insert(users)
    .values({
      districtId,
      email: `${label}-${randomUUID().slice(0, 8)}@matrix.test`,
      name: label,
      passwordHash,
      districtRole: role,
      emailVerifiedAt: new Date(),
    })
    .returning();
  return u!;
}

const registeredRoutes: { method: string; url: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({
    onRoute: (r) =>
      registeredRoutes.push(
        ...[r.method]
          .flat()
          .filter((m) => m !== 'HEAD')
          .map((m) => ({ method: m, url: r.url })),
      ),
  });
  passwordHash = await hashPassword('matrix test password');
  const a = await createDistrictWithAdmin(t, 'District A', 'admin@a.test');
  const b = await createDistrictWithAdmin(t, 'District B', 'admin@b.test');
  const db = t.database.db;
  const [s1, s2] = await db
    .insert(schools)
    .values([
      { districtId: a.district.id, name: 'A1' },
      { districtId: a.district.id, name: 'A2' },
    ])
    .returning();
  const [sb] = await db.insert(schools).values({ districtId: b.district.id, name: 'B1' }).returning();
  const [t1, t2] = await db
    .insert(groups)
    .values([
      { districtId: a.district.id, schoolId: s1!.id, kind: 'teacher_team', focus: 'plc', name: 'Team A1' },
      { districtId: a.district.id, schoolId: s2!.id, kind: 'teacher_team', focus: 'plc', name: 'Team A2' },
    ])
    .returning();
  const [t3] = await db
    .insert(groups)
    .values({
      districtId: a.district.id,
      schoolId: s2!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Team A3',
    })
    .returning();
  const [tb] = await db
    .insert(groups)
    .values({
      districtId: b.district.id,
      schoolId: sb!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Team B',
    })
    .returning();
  const member = await person(a.district.id, 'member');
  const facilitator = await person(a.district.id, 'facilitator');
  const leader = await person(a.district.id, 'leader');
  const outsider = await person(a.district.id, 'outsider');
  await db.insert(schoolRoles).values([
    { districtId: a.district.id, schoolId: s1!.id, userId: leader.id, role: 'school_leader' },
    { districtId: a.district.id, schoolId: s1!.id, userId: member.id, role: 'staff' },
    { districtId: a.district.id, schoolId: s2!.id, userId: outsider.id, role: 'staff' },
  ]);
  await db.insert(groupMembers).values([
    { districtId: a.district.id, groupId: t1!.id, userId: facilitator.id, role: 'facilitator' },
    { districtId: a.district.id, groupId: t1!.id, userId: member.id, role: 'member' },
    { districtId: a.district.id, groupId: t2!.id, userId: outsider.id, role: 'facilitator' },
  ]);
  w = {
    districtA: a.district.id,
    districtB: b.district.id,
    schoolA1: s1!.id,
    schoolA2: s2!.id,
    teamA1: t1!.id,
    teamA2: t2!.id,
    teamB: tb!.id,
    teamA3: t3!.id,
    users: { member, facilitator, leader, admin: a.admin, outsider, foreign: b.admin },
  };
});
afterAll(async () => t.close());

/** A fresh member of team A1 to act upon (so destructive cells never interfere with each other). */
async function freshTeamMember() {
  const p = await person(w.districtA, 'target');
  await t.database.db
    .insert(groupMembers)
    .values({ districtId: w.districtA, groupId: w.teamA1, userId: p.id, role: 'member' });
  return p;
}

async function freshInvitation() {
  const [i] = await t.database.db
    .insert(invitations)
    .values({
      districtId: w.districtA,
      email: `inv-${randomUUID().slice(0, 8)}@matrix.test`,
      tokenHash: hashSecret(randomUUID()),
      groupId: w.teamA1,
      groupRole: 'member',
      schoolId: w.schoolA1,
      schoolRole: 'staff',
      districtRole: 'member',
      invitedBy: w.users.facilitator.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  return i!;
}

async function liveInvitationToken() {
  const token = `tok-${randomUUID()}`;
  await t.database.db.insert(invitations).values({
    districtId: w.districtA,
    email: `invitee-${randomUUID().slice(0, 8)}@matrix.test`,
    tokenHash: hashSecret(token),
    groupId: w.teamA1,
    groupRole: 'member',
    schoolId: null,
    schoolRole: null,
    districtRole: 'member',
    invitedBy: w.users.admin.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return token;
}

async function liveJoinCode() {
  const code = randomUUID()
    .replace(/[^A-HJ-NP-Z2-9]/gi, '')
    .toUpperCase()
    .replace(/[IO01]/g, 'A')
    .slice(0, 8)
    .padEnd(8, 'Z');
  await t.database.db.insert(joinCodes).values({
    districtId: w.districtA,
    groupId: w.teamA3,
    code,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: w.users.admin.id,
  });
  return code;
}

/** A pending request to join team A1 by a fresh person of district A (TRUST-LEAD). */
async function freshJoinRequest() {
  const p = await person(w.districtA, 'requester');
  const [r] = await t.database.db
    .insert(groupJoinRequests)
    .values({ districtId: w.districtA, groupId: w.teamA1, userId: p.id, role: 'member', via: 'self_add' })
    .returning();
  return r!;
}

/** The school leader's own pending request to join team A1 (made once, reused until withdrawn). */
async function leadersJoinRequest() {
  const db = t.database.db;
  await db
    .insert(groupJoinRequests)
    .values({
      districtId: w.districtA,
      groupId: w.teamA1,
      userId: w.users.leader.id,
      role: 'member',
      via: 'self_add',
    })
    .onConflictDoNothing();
  const rows = await db.select().from(groupJoinRequests);
  return rows.find((r) => r.userId === w.users.leader.id && r.status === 'pending')!;
}

/** A scheduled meeting of team A1, made directly in the database. */
/** A routine of team A1 under a fresh id (ROUTINE-LIB); `shared` also puts it in the district's library. */
async function freshTeamRoutine(shared = false) {
  const routine = loadShippedRoutines().get('share-successes')!;
  const id = `matrix-${randomUUID().slice(0, 8)}`;
  const definition = { ...routine, id, name: `Matrix ${id}` };
  await t.database.db.insert(teamRoutines).values({
    districtId: w.districtA,
    groupId: w.teamA1,
    routineId: id,
    version: 1,
    definition,
    createdBy: w.users.facilitator.id,
  });
  if (shared)
    await t.database.db.insert(routineLibrary).values({
      districtId: w.districtA,
      groupId: w.teamA1,
      routineId: id,
      version: 1,
      definition,
      authorId: w.users.facilitator.id,
    });
  return id;
}

async function freshMeeting() {
  const [m] = await t.database.db
    .insert(meetings)
    .values({
      districtId: w.districtA,
      groupId: w.teamA1,
      title: 'Weekly',
      agenda: [
        { routineId: 'share-successes', routineVersion: 1, routineName: 'Share Successes', minutes: 16 },
      ],
      totalMinutes: 16,
      joinCode: randomUUID()
        .replace(/[^A-HJ-NP-Z2-9]/gi, 'K')
        .toUpperCase()
        .slice(0, 6),
      createdBy: w.users.facilitator.id,
    })
    .returning();
  return m!;
}

/** MEASURE-PULSE: a meeting of team A1 that ended a minute ago (its pulse is open). */
async function freshEndedMeeting() {
  const m = await freshMeeting();
  await t.database.db
    .update(meetings)
    .set({
      status: 'ended',
      startedAt: new Date(Date.now() - 30 * 60_000),
      endedAt: new Date(Date.now() - 60_000),
    })
    .where(eq(meetings.id, m.id));
  return m;
}

/** A weekly series of team A1 with its meetings (through the API, as its facilitator): its id. */
async function freshSeries(): Promise<string> {
  const lead = await signedInClient(t, w.users.facilitator);
  const res = await lead.post<{ id: string }>(`/api/groups/${w.teamA1}/series`, {
    title: 'Weekly',
    agenda: [{ routineId: 'share-successes' }],
    weekday: 2,
    time: '15:30',
    intervalWeeks: 1,
    firstDate: '2027-03-01',
    lastDate: '2027-04-30',
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.id;
}

/** The facilitator's secret calendar link for team A1 (CAL-FEED): its secret. */
async function liveFeedToken(): Promise<string> {
  const lead = await signedInClient(t, w.users.facilitator);
  const res = await lead.post<{ url: string }>(`/api/groups/${w.teamA1}/calendar-feed`);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return /calendar-feeds\/([^/]+)\//.exec(res.body.url)?.[1] ?? '';
}

/** A scheduled Peer Modeling meeting of team A1 (issue 11), made directly in the database. */
async function freshPeerModelingMeeting() {
  const m = await freshMeeting();
  const agenda = [
    { routineId: 'peer-modeling', routineVersion: 1, routineName: 'Practice Peer Modeling', minutes: 28 },
  ];
  await t.database.db.update(meetings).set({ agenda, totalMinutes: 28 }).where(eq(meetings.id, m.id));
  return { ...m, agenda };
}

/** A scheduled Peer Modeling meeting of team A1 with a fresh person of district A invited to it. */
async function meetingWithInvitee() {
  const m = await freshPeerModelingMeeting();
  const coach = await person(w.districtA, 'coach');
  await t.database.db.insert(meetingInvitees).values({
    districtId: w.districtA,
    meetingId: m.id,
    userId: coach.id,
    role: 'model',
    invitedBy: w.users.facilitator.id,
  });
  return { meetingId: m.id, userId: coach.id };
}

/** An ended meeting of team A1 in which the member wrote one private reflection (DAY-REFL-2): its id. */
async function membersReflection(): Promise<string> {
  const m = await freshMeeting();
  const routine = loadShippedRoutines().get('share-successes')!;
  const reflectionId = randomUUID();
  const made = createMeeting({
    meetingId: m.id,
    agenda: [routine],
    memberIds: [w.users.facilitator.id, w.users.member.id],
    facilitatorId: w.users.facilitator.id,
    now: Date.now(),
  });
  if (!made.ok) throw new Error(made.error.message);
  let state = replay(made.events);
  const events = [...made.events];
  for (const [actorId, c] of [
    [w.users.facilitator.id, { type: 'startMeeting' }],
    [w.users.member.id, { type: 'writeReflection', stepId: 'identify', text: 'Mine alone' }],
    [w.users.facilitator.id, { type: 'endMeeting' }],
  ] as const) {
    const d = decide(
      state,
      { ...c, actorId, idempotencyKey: randomUUID() },
      { now: Date.now(), newId: reflectionId },
    );
    if (!d.ok) throw new Error(d.error.message);
    events.push(...d.events);
    state = d.events.reduce(evolve, state);
  }
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId: w.districtA, meetingId: m.id, ...e })));
  // The meeting's row follows its log, as the group commit keeps it (CAP-LIVE-3 appends after `last_seq`).
  await t.database.db
    .update(meetings)
    .set({ status: 'ended', lastSeq: events.at(-1)?.seq ?? 0 })
    .where(eq(meetings.id, m.id));
  return reflectionId;
}

/** An ended meeting of team A1 with a next step the member owns (NEXT-DONE-2): its meeting and item ids. */
async function membersNextStep(): Promise<{ meetingId: string; itemId: string }> {
  const m = await freshMeeting();
  const routine = loadShippedRoutines().get('share-successes')!;
  const itemId = randomUUID();
  const made = createMeeting({
    meetingId: m.id,
    agenda: [routine],
    memberIds: [w.users.facilitator.id, w.users.member.id],
    facilitatorId: w.users.facilitator.id,
    now: Date.now(),
  });
  if (!made.ok) throw new Error(made.error.message);
  let state = replay(made.events);
  const events = [...made.events];
  for (const [actorId, c] of [
    [w.users.facilitator.id, { type: 'startMeeting' }],
    [w.users.member.id, { type: 'addActionItem', text: 'Try it', ownerId: w.users.member.id, due: null }],
    [w.users.facilitator.id, { type: 'endMeeting' }],
  ] as const) {
    const d = decide(
      state,
      { ...c, actorId, idempotencyKey: randomUUID() },
      { now: Date.now(), newId: itemId },
    );
    if (!d.ok) throw new Error(d.error.message);
    events.push(...d.events);
    state = d.events.reduce(evolve, state);
  }
  await t.database.db
    .insert(meetingEvents)
    .values(events.map((e) => ({ districtId: w.districtA, meetingId: m.id, ...e })));
  // The meeting's row follows its log, as the group commit keeps it (CAP-LIVE-3 appends after `last_seq`).
  await t.database.db
    .update(meetings)
    .set({ status: 'ended', lastSeq: events.at(-1)?.seq ?? 0 })
    .where(eq(meetings.id, m.id));
  return { meetingId: m.id, itemId };
}

/** A guest waiting to join a meeting (DAY-FIRST). */
async function freshGuest(meetingId: string) {
  const [g] = await t.database.db
    .insert(meetingGuests)
    .values({
      districtId: w.districtA,
      meetingId,
      name: 'Guest',
      secretHash: hashSecret(randomUUID()),
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning();
  return g!.id;
}

/** MEM-REC-9: a record of team A1's memory, authored by a fresh member (so the matrix's member is not its author). */
async function freshMemoryRecord(kind: 'success' | 'dilemma' | 'observation') {
  const author = await freshTeamMember();
  const content =
    kind === 'success'
      ? { kind, story: 'Exit tickets', evidence: 'Scores rose', whatWorked: '', insight: '', learned: '' }
      : kind === 'dilemma'
        ? { kind, story: 'Groups stall', suggestedActions: '', insight: '', learned: '', nextSteps: [] }
        : {
            kind,
            practice: 'Stems',
            curiosity: '',
            modelId: null,
            mode: null,
            notes: [],
            questions: [],
            learned: '',
          };
  const [r] = await t.database.db
    .insert(memoryRecords)
    .values({
      districtId: w.districtA,
      groupId: w.teamA1,
      kind,
      authorId: author.id,
      title: `Matrix ${kind}`,
      content,
      status: kind === 'dilemma' ? 'open' : null,
      occurredAt: new Date(),
    })
    .returning();
  return r!.id;
}

/** A success of team A1 logged by the member (SHARE-*): its id; `share` also proposes or shares it. */
async function freshRecord(share: 'none' | 'awaiting-author' | 'shared' = 'none'): Promise<string> {
  const [r] = await t.database.db
    .insert(memoryRecords)
    .values({
      districtId: w.districtA,
      groupId: w.teamA1,
      kind: 'success',
      authorId: w.users.member.id,
      createdBy: w.users.member.id,
      title: 'Matrix success',
      content: { kind: 'success', story: 's', evidence: 'e', whatWorked: 'w', insight: 'i', learned: 'l' },
      occurredAt: new Date(),
    })
    .returning();
  if (share !== 'none')
    await t.database.db.insert(memoryShares).values({
      districtId: w.districtA,
      recordId: r!.id,
      groupId: w.teamA1,
      schoolId: w.schoolA1,
      scope: 'school',
      status: share === 'shared' ? 'shared' : 'awaiting-team',
      kind: 'success',
      title: 'Matrix success',
      content: { ...sharedDraft(), teamName: 'Team A1', schoolName: 'A1' },
      proposedBy: w.users.facilitator.id,
      authorConsentAt: share === 'shared' ? new Date() : null,
      sharedAt: share === 'shared' ? new Date() : null,
    });
  return r!.id;
}
const sharedDraft = () => ({
  kind: 'success',
  title: 'Matrix success',
  story: 's',
  evidence: 'e',
  whatWorked: 'w',
  insight: 'i',
  tags: { grade: null, subject: null, strategy: null, studentGroup: null },
});
/** A shared copy of team A1 to school A1: its id. */
async function freshSharedCopy(): Promise<string> {
  const recordId = await freshRecord('shared');
  const rows = await t.database.db.select().from(memoryShares).where(eq(memoryShares.recordId, recordId));
  return rows[0]!.id;
}
/** SHARE-CARD: a published card (with a 1x1 PNG) of a fresh copy of team A1, made by its author (member). */
async function freshShareCard(): Promise<string> {
  const shareId = await freshSharedCopy();
  const [card] = await t.database.db
    .insert(shareCards)
    .values({
      districtId: w.districtA,
      shareId,
      authorId: w.users.member.id,
      title: 'Matrix card',
      text: 'Matrix card text',
      image: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
      imageType: 'image/png',
      imageAlt: 'A dot',
      publishedAt: new Date(),
    })
    .returning();
  return card!.id;
}
/** SHARE-CARD-6: a card of a copy of team A1 (school A1): its author (member) only; other readers 403, the rest 404. */
const cardAuthorA1: Record<Role, Expect> = {
  anon: 401,
  member: 'ok',
  facilitator: 403,
  leader: 403,
  admin: 404,
  outsider: 404,
  foreign: 404,
};
/** SHARE-CARD-6: changing a card: its author; anyone else of district A 403, district B 404. */
const ownCardA1: Record<Role, Expect> = {
  anon: 401,
  member: 'ok',
  facilitator: 403,
  leader: 403,
  admin: 403,
  outsider: 403,
  foreign: 404,
};

interface Case {
  /** The request carries a secret (invitation link, join code) that itself grants entry to district A. */
  secretGrantsAccess?: boolean;
  /**
   * SSO-SIGNIN-3: the answer is a district's public sign-in options (its id, name and buttons), which its sign-in
   * link shows to anyone: it names the district on purpose, and nothing of its people.
   */
  publicSignInOptions?: boolean;
  params?: () => Promise<Record<string, string>> | Record<string, string>;
  /** A query string, `?` included (made per call when it needs fresh records). */
  query?: string | (() => Promise<string>);
  body?: () => unknown;
  expect: Record<Role, Expect>;
}

const signedIn = (ok: Expect = 'ok'): Record<Role, Expect> => ({
  anon: 401,
  member: ok,
  facilitator: ok,
  leader: ok,
  admin: ok,
  outsider: ok,
  foreign: ok,
});
const everyone = (e: Expect = 'ok'): Record<Role, Expect> => ({
  anon: e,
  member: e,
  facilitator: e,
  leader: e,
  admin: e,
  outsider: e,
  foreign: e,
});
/** A copy shared to school A1 (SHARE-LIB-1): its people and the team read it; nobody else learns it exists. */
const readersOfCopyA1: Record<Role, Expect> = {
  anon: 401,
  member: 'ok',
  facilitator: 'ok',
  leader: 'ok',
  admin: 404,
  outsider: 404,
  foreign: 404,
};
/** Managing team A1: its facilitator, the leader of its school and the admin; others in A are refused, B never finds it. */
const manageTeamA1: Record<Role, Expect> = {
  anon: 401,
  member: 403,
  facilitator: 'ok',
  leader: 'ok',
  admin: 'ok',
  outsider: 404,
  foreign: 404,
};
/** Reading team A1: its members and those who lead it. */
const readTeamA1: Record<Role, Expect> = {
  anon: 401,
  member: 'ok',
  facilitator: 'ok',
  leader: 'ok',
  admin: 'ok',
  outsider: 404,
  foreign: 404,
};
/** Taking part in team A1's meetings (live and minutes): members only, not their principal or admin (non-evaluative). */
const takePartTeamA1: Record<Role, Expect> = {
  anon: 401,
  member: 'ok',
  facilitator: 'ok',
  leader: 403,
  admin: 403,
  outsider: 404,
  foreign: 404,
};
/** MEM-REC-11: editing or resolving a record of team A1: its author or a facilitator of the team. */
const authorOrFacilitatorA1: Record<Role, Expect> = {
  anon: 401,
  member: 403,
  facilitator: 'ok',
  leader: 403,
  admin: 403,
  outsider: 404,
  foreign: 404,
};
/** Deciding a request to join team A1 (TRUST-LEAD-3): its facilitators only, not the leader or admin. */
const decideForTeamA1: Record<Role, Expect> = {
  anon: 401,
  member: 403,
  facilitator: 'ok',
  leader: 403,
  admin: 403,
  outsider: 404,
  foreign: 404,
};
const adminOnlyA: Record<Role, Expect> = {
  anon: 401,
  member: 403,
  facilitator: 403,
  leader: 403,
  admin: 'ok',
  outsider: 403,
  foreign: 404,
};

/** MEASURE-WAVE: a fresh survey wave of team A1 (school A1), started by the admin (`link`: by anonymous link). */
const efficacyItems = loadShippedInstruments().get('ensemble-efficacy')!.items;
const pulseItems = loadShippedInstruments().get('meeting-pulse')!.items;
const shippedSurveyText = readFileSync(join(instrumentsFolder(), 'ensemble-efficacy.en.yaml'), 'utf8');
async function freshWave(opts: { invite?: 'email' | 'link'; closed?: boolean; answers?: number } = {}) {
  const admin = await signedInClient(t, w.users.admin);
  const today = new Date().toISOString().slice(0, 10);
  const created = await admin.post<{ wave: { id: string }; link: string | null }>('/api/surveys/waves', {
    title: 'Matrix wave',
    instrument: { slug: 'ensemble-efficacy' },
    scope: { kind: 'teams', teamIds: [w.teamA1] },
    opensOn: today,
    closesOn: today,
    invite: opts.invite ?? 'email',
  });
  if (created.status !== 200) throw new Error(`freshWave: ${created.status} ${JSON.stringify(created.body)}`);
  const token =
    created.body.link === null ? '' : (new URL(created.body.link).pathname.split('/').pop() ?? '');
  // Answers through the link (it needs no account), so that the wave shows a group and what people wrote.
  for (let i = 0; i < (opts.answers ?? 0); i += 1) {
    const answered = await admin.post(`/api/s/${token}`, {
      ...surveyAnswer(),
      leader: false,
      freeText: `Note ${i}`,
    });
    if (answered.status !== 200) throw new Error(`freshWave: an answer got ${answered.status}`);
  }
  if (opts.closed) await admin.post(`/api/surveys/waves/${created.body.wave.id}/close`);
  return {
    waveId: created.body.wave.id,
    token,
  };
}
const surveyAnswer = () => ({
  unit: `team:${w.teamA1}`,
  answers: Object.fromEntries(efficacyItems.map((i) => [i.id, 4])),
  browserToken: `matrix-${randomUUID()}`,
});
/** A wave of team A1: those who run it (school A1's leader, the admin) manage it. */
const runWaveA1: Record<Role, Expect> = {
  anon: 401,
  member: 403,
  facilitator: 403,
  leader: 'ok',
  admin: 'ok',
  outsider: 404,
  foreign: 404,
};
/** A wave of team A1 is read by those who run it and by the people of school A1 and of team A1. */
const readWaveA1: Record<Role, Expect> = {
  anon: 401,
  member: 'ok',
  facilitator: 'ok',
  leader: 'ok',
  admin: 'ok',
  outsider: 404,
  foreign: 404,
};

const organizationBody = () => ({
  name: 'Regional principals circle',
  url: 'https://example.org/circle',
  scope: 'national',
  audience: 'all',
  offers: 'Monthly meetings.',
});
/** An organization district A's admin added (NET-ORG-2). */
async function freshOrganization() {
  const admin = await signedInClient(t, w.users.admin);
  const added = await admin.post<{ id: string }>('/api/organizations', organizationBody());
  if (added.status !== 200) throw new Error(`freshOrganization: ${added.status}`);
  return { organizationId: added.body.id };
}
/** MATCH-SPACE: an agreed pair of two principals who are none of the matrix's roles (one of A, one of B). */
let colleaguePair: Promise<string> | null = null;
async function freshColleaguePair() {
  colleaguePair ??= (async () => {
    const principalOf = async (districtId: string, label: string) => {
      const p = await person(districtId, label);
      const [school] = await t.database.db
        .insert(schools)
        .values({ districtId, name: `${label} school` })
        .returning();
      await t.database.db
        .insert(schoolRoles)
        .values({ districtId, schoolId: school!.id, userId: p.id, role: 'school_leader' });
      return signedInClient(t, p);
    };
    return agreedPair(await principalOf(w.districtA, 'pairA'), await principalOf(w.districtB, 'pairB'));
  })();
  return { pairId: await colleaguePair };
}
/** ADR 0032: who may find networks and ask to join: school leaders and district admins (of any district). */
const joinsNetworks: Record<Role, Expect> = {
  anon: 401,
  member: 403,
  facilitator: 403,
  leader: 'ok',
  admin: 'ok',
  outsider: 403,
  foreign: 'ok',
};
/** A fresh network started by district B's admin (so district A's people are not in it). */
async function freshNetwork(visibility: 'listed' | 'unlisted') {
  const convener = await signedInClient(t, w.users.foreign);
  const created = await convener.post<{ id: string }>('/api/networks', {
    name: 'Matrix network',
    visibility,
  });
  if (created.status !== 200)
    throw new Error(`freshNetwork: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}
/** A fresh invitation to such a network, addressed to district A's school leader. */
async function freshNetworkInvitation() {
  const networkId = await freshNetwork('unlisted');
  const convener = await signedInClient(t, w.users.foreign);
  const [leader] = await t.database.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, w.users.leader.id));
  const invited = await convener.request(
    'POST',
    '/api/network/invitations',
    { email: leader!.email },
    { 'x-ensemble-network': networkId },
  );
  if (invited.status !== 200) throw new Error(`freshNetworkInvitation: ${invited.status}`);
  const link = (invited.body as { link: string | null }).link;
  if (!link) throw new Error('freshNetworkInvitation: no link (mail is not off in tests?)');
  return { token: new URL(link).pathname.split('/').pop() ?? '' };
}

/** BOOK: a fresh book study of team A1 (through the API, as its facilitator): its id and its first section's. */
async function freshBookStudy(): Promise<{ studyId: string; sectionId: string }> {
  const lead = await signedInClient(t, w.users.facilitator);
  const res = await lead.post<{ id: string; sections: { id: string }[] }>(
    `/api/groups/${w.teamA1}/book-studies`,
    {
      title: 'Matrix book',
      authors: ['An Author'],
      sections: [
        { title: 'One', readBy: '2027-03-08', sessionAt: '2027-03-09T16:00', routineId: 'share-successes' },
      ],
    },
  );
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return { studyId: res.body.id, sectionId: res.body.sections[0]!.id };
}

/** BOOK-3: a private reflection the member wrote in a fresh book study of team A1: its id. */
async function membersBookReflection(): Promise<{ reflectionId: string }> {
  const { studyId, sectionId } = await freshBookStudy();
  const member = await signedInClient(t, w.users.member);
  const res = await member.post<{ id: string }>(
    `/api/book-studies/${studyId}/sections/${sectionId}/reflections`,
    { text: 'Mine alone' },
  );
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return { reflectionId: res.body.id };
}

/** SSO-CONFIG-1: a fresh single sign-on provider of district A (its domain `matrix-sso.test`). */
async function freshSsoProvider(): Promise<{ providerId: string }> {
  const [row] = await t.database.db
    .insert(ssoProviders)
    .values({
      districtId: w.districtA,
      kind: 'oidc',
      label: 'Matrix IdP',
      issuer: 'https://idp.matrix-sso.test',
      clientId: 'matrix',
      clientSecret: 'matrix-secret',
      allowedDomains: ['matrix-sso.test'],
    })
    .returning();
  return { providerId: row!.id };
}

/** API-TOKEN-7: a fresh personal API token of the member of team A1 (its secret never used here): its id. */
async function membersApiToken(): Promise<string> {
  const [row] = await t.database.db
    .insert(apiTokens)
    .values({
      districtId: w.districtA,
      userId: w.users.member.id,
      name: 'Matrix token',
      scope: 'read',
      secretHash: hashSecret(randomUUID()),
    })
    .returning({ id: apiTokens.id });
  return row!.id;
}

const CASES: Record<EndpointName, Case> = {
  health: { expect: everyone() },
  setupStatus: { expect: everyone() },
  setup: {
    body: () => ({
      districtName: 'New',
      name: 'N',
      email: `n-${randomUUID().slice(0, 6)}@x.test`,
      password: 'a long enough password',
    }),
    expect: everyone(409),
  },
  signIn: {
    // A new address each call: failures per address are limited (TRUST-LIMIT-2), and 7 roles try.
    body: () => ({ email: `nobody-${randomUUID().slice(0, 8)}@matrix.test`, password: 'whatever password' }),
    expect: everyone(400),
  },
  signOut: { expect: everyone() },
  signOutEverywhere: { expect: signedIn() },
  me: { expect: signedIn() },
  changeName: { body: () => ({ name: 'Renamed' }), expect: signedIn() },
  setLanguage: { body: () => ({ language: 'es' }), expect: signedIn() },
  requestPasswordReset: { body: () => ({ email: 'nobody@matrix.test' }), expect: everyone() },
  completePasswordReset: {
    body: () => ({ token: 'x'.repeat(40), password: 'a long enough password' }),
    expect: everyone(400),
  },
  requestEmailVerification: { expect: signedIn() },
  completeEmailVerification: { body: () => ({ token: 'y'.repeat(40) }), expect: everyone(400) },
  district: { expect: signedIn() },
  // SERIES-TZ-1: the district's time zone is its admins' to set.
  updateDistrict: {
    body: () => ({ timeZone: 'America/Chicago' }),
    expect: { ...adminOnlyA, foreign: 'ok' /* in their own district */ },
  },
  listSchools: { expect: signedIn() },
  // ROSTER-AUTH-1: a OneRoster import is a district admin's (in their own district); an admin past the check gets
  // the 400 of a body that is no zip, everyone else the 403 before the body is read.
  previewRoster: {
    body: () => ({ zip: 'bm90IGEgemlw' }),
    expect: { ...adminOnlyA, admin: 400, foreign: 400 },
  },
  commitRoster: {
    body: () => ({ zip: 'bm90IGEgemlw', planHash: '0'.repeat(64) }),
    expect: { ...adminOnlyA, admin: 400, foreign: 400 },
  },
  createSchool: {
    body: () => ({ name: 'New school' }),
    expect: { ...adminOnlyA, foreign: 'ok' /* in their own district */ },
  },
  updateSchool: {
    params: () => ({ schoolId: w.schoolA1 }),
    body: () => ({ name: 'A1 renamed' }),
    expect: adminOnlyA,
  },
  listPeople: {
    expect: {
      anon: 401,
      member: 403,
      facilitator: 403,
      leader: 'ok',
      admin: 'ok',
      outsider: 403,
      foreign: 'ok',
    },
  },
  updatePerson: {
    params: async () => ({ userId: (await person(w.districtA, 'p')).id }),
    body: () => ({ districtRole: 'member' }),
    expect: adminOnlyA,
  },
  issueResetLink: {
    params: async () => ({ userId: (await person(w.districtA, 'p')).id }),
    expect: adminOnlyA,
  },
  setSchoolRole: {
    params: async () => ({ schoolId: w.schoolA1, userId: (await person(w.districtA, 'p')).id }),
    body: () => ({ role: 'staff' }),
    expect: {
      anon: 401,
      member: 403,
      facilitator: 403,
      leader: 'ok',
      admin: 'ok',
      outsider: 403,
      foreign: 404,
    },
  },
  listGroups: { expect: signedIn() },
  createGroup: {
    body: () => ({ name: 'New team', kind: 'teacher_team', focus: 'plc', schoolId: w.schoolA1 }),
    expect: {
      anon: 401,
      member: 403,
      facilitator: 403,
      leader: 'ok',
      admin: 'ok',
      outsider: 403,
      foreign: 400,
    },
  },
  getGroup: {
    params: () => ({ groupId: w.teamA1 }),
    expect: {
      anon: 401,
      member: 'ok',
      facilitator: 'ok',
      leader: 'ok',
      admin: 'ok',
      outsider: 404,
      foreign: 404,
    },
  },
  updateGroup: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ name: 'Team A1' }),
    expect: manageTeamA1,
  },
  addMember: {
    params: () => ({ groupId: w.teamA1 }),
    body: async () => ({ userId: (await person(w.districtA, 'new')).id, role: 'member' }),
    expect: manageTeamA1,
  },
  updateMember: {
    params: async () => ({ groupId: w.teamA1, userId: (await freshTeamMember()).id }),
    body: () => ({ role: 'member' }),
    expect: manageTeamA1,
  },
  removeMember: {
    params: async () => ({ groupId: w.teamA1, userId: (await freshTeamMember()).id }),
    expect: manageTeamA1,
  },
  createJoinCode: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ expiresInHours: 24 }),
    expect: manageTeamA1,
  },
  revokeJoinCode: { params: () => ({ groupId: w.teamA1 }), expect: manageTeamA1 },
  listJoinRequests: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  acceptJoinRequest: {
    params: async () => ({ groupId: w.teamA1, requestId: (await freshJoinRequest()).id }),
    expect: decideForTeamA1,
  },
  declineJoinRequest: {
    params: async () => ({ groupId: w.teamA1, requestId: (await freshJoinRequest()).id }),
    expect: decideForTeamA1,
  },
  getMeetingSettings: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  updateMeetingSettings: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ autoStartTimer: true }),
    expect: manageTeamA1,
  },
  withdrawJoinRequest: {
    params: async () => ({ groupId: w.teamA1, requestId: (await leadersJoinRequest()).id }),
    // Only the requester (here the school leader) withdraws; the team's facilitator decides instead.
    expect: {
      anon: 401,
      member: 403,
      facilitator: 403,
      leader: 'ok',
      admin: 403,
      outsider: 404,
      foreign: 404,
    },
  },
  listInvitations: { expect: signedIn() },
  createInvitation: {
    body: () => ({ email: `new-${randomUUID().slice(0, 8)}@matrix.test`, groupId: w.teamA1 }),
    expect: manageTeamA1,
  },
  revokeInvitation: {
    params: async () => ({ invitationId: (await freshInvitation()).id }),
    expect: {
      anon: 401,
      member: 403,
      facilitator: 'ok',
      leader: 'ok',
      admin: 'ok',
      outsider: 403,
      foreign: 404,
    },
  },
  previewInvitation: {
    secretGrantsAccess: true,
    params: async () => ({ token: await liveInvitationToken() }),
    expect: everyone(),
  },
  acceptInvitation: {
    secretGrantsAccess: true,
    params: async () => ({ token: await liveInvitationToken() }),
    body: () => ({ name: 'Invitee', password: 'a long enough password' }),
    expect: everyone(),
  },
  previewJoinCode: {
    secretGrantsAccess: true,
    params: async () => ({ code: await liveJoinCode() }),
    expect: everyone(),
  },
  joinByCode: {
    body: async () => ({
      code: await liveJoinCode(),
      name: 'Joiner',
      email: `j-${randomUUID().slice(0, 8)}@matrix.test`,
      password: 'a long enough password',
    }),
    // Signed-in people join as themselves; one of another district is refused.
    expect: {
      anon: 'ok',
      member: 'ok',
      facilitator: 'ok',
      leader: 'ok',
      admin: 'ok',
      outsider: 'ok',
      foreign: 400,
    },
  },
  confirmSignUp: { body: () => ({ token: 'z'.repeat(43) }), expect: everyone(400) },
  devOutbox: { expect: everyone() },
  // DAY-DEMO-1: this server is not a demo: it says so, and the demo's sign-in and practice meetings do not exist.
  demoInfo: { expect: everyone() },
  demoSignIn: { body: () => ({ userId: w.users.member.id }), expect: everyone(404) },
  startPracticeMeeting: {
    params: () => ({ groupId: w.teamA1 }),
    expect: { ...everyone(404), anon: 401 },
  },
  // The audit log: district admins only, each of their own district (TRUST-AUDIT-1).
  auditLog: { expect: { ...adminOnlyA, foreign: 'ok' } },
  auditLogCsv: { expect: { ...adminOnlyA, foreign: 'ok' } },

  // API-TOKEN-7: everyone's own tokens; the district's are its admins' (another district's admin sees their own).
  listMyApiTokens: { expect: signedIn() },
  createApiToken: {
    body: () => ({ name: 'Matrix script', scope: 'read', expiresInDays: 30 }),
    expect: signedIn(),
  },
  // The personal route finds only the caller's own tokens: the member's token is not found for anyone else.
  revokeApiToken: {
    params: async () => ({ tokenId: await membersApiToken() }),
    expect: {
      anon: 401,
      member: 'ok',
      facilitator: 404,
      leader: 404,
      admin: 404,
      outsider: 404,
      foreign: 404,
    },
  },
  listDistrictApiTokens: { expect: { ...adminOnlyA, foreign: 'ok' } },
  revokeDistrictApiToken: { params: async () => ({ tokenId: await membersApiToken() }), expect: adminOnlyA },

  listRoutines: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  getRoutine: { params: () => ({ groupId: w.teamA1, routine: 'share-successes' }), expect: readTeamA1 },
  customizeRoutine: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({
      baseId: 'share-successes',
      changes: [{ op: 'update-routine', name: 'Our success routine' }],
    }),
    expect: manageTeamA1,
  },
  // ROUTINE-LIB: writing, copying and importing routines is for those who run the team; reading and exporting
  // for those who read it; sharing for those who run it; withdrawing for the author (here the facilitator) or
  // a district admin.
  createRoutine: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ from: 'copy', routineId: 'share-successes', name: 'Our successes' }),
    expect: manageTeamA1,
  },
  importRoutines: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ files: [{ name: 'mine.yaml', text: 'id: [' }] }),
    expect: { ...manageTeamA1, facilitator: 400, leader: 400, admin: 400 },
  },
  exportRoutine: { params: () => ({ groupId: w.teamA1, routine: 'problem-solve' }), expect: readTeamA1 },
  shareRoutine: {
    params: async () => ({ groupId: w.teamA1, routine: await freshTeamRoutine() }),
    body: () => ({ scope: 'district' }),
    expect: manageTeamA1,
  },
  withdrawRoutine: {
    params: async () => ({ routine: await freshTeamRoutine(true) }),
    expect: { ...adminOnlyA, facilitator: 'ok', foreign: 404 },
  },
  listMeetings: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  scheduleMeeting: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ title: 'Weekly', routineId: 'share-successes' }),
    expect: manageTeamA1,
  },
  groupCalendar: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  // SERIES: a series is scheduled, changed and cancelled by those who run the team, read by those who read it.
  listSeries: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  createSeries: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({
      title: 'Weekly',
      agenda: [{ routineId: 'share-successes' }],
      weekday: 2,
      time: '15:30',
      intervalWeeks: 1,
      firstDate: '2027-03-01',
      lastDate: '2027-04-30',
      skipDates: ['2027-03-23'],
    }),
    expect: manageTeamA1,
  },
  updateSeries: {
    params: async () => ({ seriesId: await freshSeries() }),
    body: () => ({ skipDates: ['2027-03-16'] }),
    expect: manageTeamA1,
  },
  cancelSeries: { params: async () => ({ seriesId: await freshSeries() }), expect: manageTeamA1 },
  updateMeeting: {
    params: async () => ({ meetingId: (await freshMeeting()).id }),
    body: () => ({ title: 'Moved', scheduledFor: '2027-03-03T15:00:00Z' }),
    expect: manageTeamA1,
  },
  cancelMeeting: { params: async () => ({ meetingId: (await freshMeeting()).id }), expect: manageTeamA1 },
  // CAL-FEED: a team's calendar link follows its owner's membership, so only members make one.
  groupCalendarFeed: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  resetGroupCalendarFeed: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  myCalendarFeed: { expect: signedIn() },
  myUpcomingMeetings: { expect: signedIn() },
  resetMyCalendarFeed: { expect: signedIn() },
  // The secret link is the credential: anyone holding it reads the feed, no cookie needed (CAL-FEED-1).
  calendarFeed: {
    secretGrantsAccess: true,
    params: async () => ({ token: await liveFeedToken() }),
    expect: everyone(),
  },
  getMeeting: { params: async () => ({ meetingId: (await freshMeeting()).id }), expect: readTeamA1 },
  // TRUST-READ-2: opening puts the opener on the roster, so only a member who runs the team may open.
  openMeeting: {
    params: async () => ({ meetingId: (await freshMeeting()).id }),
    expect: { ...manageTeamA1, leader: 403, admin: 403 },
  },
  findMeetingByCode: {
    params: async () => ({ code: (await freshMeeting()).joinCode }),
    expect: takePartTeamA1,
  },
  meetingMinutes: { params: async () => ({ meetingId: (await freshMeeting()).id }), expect: takePartTeamA1 },
  meetingMinutesMarkdown: {
    params: async () => ({ meetingId: (await freshMeeting()).id }),
    expect: takePartTeamA1,
  },
  // DAY-FIRST: the guided first run is a district admin's (school, own team, meeting opened now).
  firstTeam: {
    body: () => ({ schoolName: 'First school', teamName: 'First team' }),
    expect: { ...adminOnlyA, foreign: 'ok' /* in their own district */ },
  },
  // DAY-FIRST-4: the team sees who waits; only the meeting's facilitator (as its log says) lets a guest in.
  listMeetingGuests: {
    params: async () => ({ meetingId: (await freshMeeting()).id }),
    expect: takePartTeamA1,
  },
  admitMeetingGuest: {
    params: async () => {
      const m = await freshMeeting();
      return { meetingId: m.id, guestId: await freshGuest(m.id) };
    },
    // A meeting not opened yet has nobody to let in (409) for those who take part; the rest never get there.
    expect: { ...takePartTeamA1, member: 409, facilitator: 409 },
  },
  declineMeetingGuest: {
    params: async () => {
      const m = await freshMeeting();
      return { meetingId: m.id, guestId: await freshGuest(m.id) };
    },
    // Nobody facilitates a meeting before it is opened.
    expect: { ...takePartTeamA1, member: 403, facilitator: 403 },
  },
  // Public, for people without an account: a signed-in person joins with their account (409).
  askToJoinAsGuest: {
    body: () => ({ code: 'ZZZZZZ', name: 'Guest' }),
    expect: { ...everyone(409), anon: 404 },
  },
  guestSession: { expect: everyone(401) },
  leaveAsGuest: { expect: everyone() },
  // DAY-REFL-2: one's own reflections only; someone else's is not found, whatever the rank.
  // Peer Modeling (issue 11, PM-*): the plan reads like the team; planning and inviting are for those who run
  // it; visit notes are for those who take part (each their own).
  getMeetingPlan: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id }),
    expect: readTeamA1,
  },
  saveMeetingPlan: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id, part: '0' }),
    body: () => ({
      curiosity: 'How pairs explain',
      practice: 'Turn and talk',
      modelId: null,
      mode: 'classroom-visit',
      modelingAt: null,
      videoUrl: null,
      fromSuccess: null,
    }),
    expect: manageTeamA1,
  },
  teamSuccesses: { params: () => ({ groupId: w.teamA1 }), expect: manageTeamA1 },
  inviteCandidates: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id }),
    query: '?q=co',
    expect: manageTeamA1,
  },
  inviteToMeeting: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id }),
    body: async () => ({ userId: (await person(w.districtA, 'coach')).id, role: 'model' }),
    expect: manageTeamA1,
  },
  uninviteFromMeeting: { params: meetingWithInvitee, expect: manageTeamA1 },
  invitedMeetings: { expect: signedIn() },
  myVisitNote: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id }),
    expect: takePartTeamA1,
  },
  saveMyVisitNote: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id }),
    body: () => ({ text: 'Seen in class' }),
    expect: takePartTeamA1,
  },
  // Nothing written yet: those who take part are told to write first (400); the rest never get there.
  shareMyVisitNote: {
    params: async () => ({ meetingId: (await freshPeerModelingMeeting()).id }),
    expect: { ...takePartTeamA1, member: 400, facilitator: 400 },
  },
  // Sharing beyond the team (SHARE-ACCESS-1): the team's records are its members' only.
  shareReview: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshRecord() }),
    expect: takePartTeamA1,
  },
  checkShareDraft: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshRecord() }),
    body: () => ({ draft: sharedDraft() }),
    expect: takePartTeamA1,
  },
  // SHARE-CONSENT-1: proposed without the author's consent: the author (member) must consent, others may propose.
  proposeShare: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshRecord() }),
    body: () => ({ scope: 'school', draft: sharedDraft(), authorConsent: false }),
    expect: { ...takePartTeamA1, member: 400 },
  },
  consentShare: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshRecord('awaiting-author') }),
    body: () => ({ as: 'author' }),
    expect: { ...takePartTeamA1, facilitator: 403 },
  },
  withdrawShare: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshRecord('shared') }),
    expect: takePartTeamA1,
  },
  pendingShares: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  sharedLibrary: { expect: signedIn() },
  // SHARE-LIB-1: a copy shared to school A1: its people and the team; not the admin without a role there.
  sharedCopy: {
    params: async () => ({ shareId: await freshSharedCopy() }),
    expect: readersOfCopyA1,
  },
  // Share cards (ADR 0035): made and changed by the copy's author; a published card and its image are public.
  shareCardsOfCopy: { params: async () => ({ shareId: await freshSharedCopy() }), expect: cardAuthorA1 },
  checkShareCard: {
    params: async () => ({ shareId: await freshSharedCopy() }),
    body: () => ({ title: 'A card', text: 'Its text', imageAlt: null }),
    expect: cardAuthorA1,
  },
  createShareCard: {
    params: async () => ({ shareId: await freshSharedCopy() }),
    body: () => ({ title: 'A card', text: 'Its text', link: null, image: null, consent: true }),
    expect: cardAuthorA1,
  },
  updateShareCard: {
    params: async () => ({ cardId: await freshShareCard() }),
    body: () => ({ published: false }),
    expect: ownCardA1,
  },
  deleteShareCard: { params: async () => ({ cardId: await freshShareCard() }), expect: ownCardA1 },
  // SSO-CONFIG-3: a district's sign-in providers are its admins' (another district's: 404).
  listSsoProviders: { expect: { ...adminOnlyA, foreign: 'ok' /* their own district's */ } },
  createSsoProvider: {
    body: () => ({
      kind: 'oidc',
      label: 'Sign in with IdP',
      issuer: 'https://idp.example.org',
      clientId: 'client',
      clientSecret: 'secret',
    }),
    expect: { ...adminOnlyA, foreign: 'ok' /* in their own district */ },
  },
  updateSsoProvider: {
    params: freshSsoProvider,
    body: () => ({ label: 'Renamed IdP' }),
    expect: adminOnlyA,
  },
  deleteSsoProvider: { params: freshSsoProvider, expect: adminOnlyA },
  // SSO-SIGNIN-1, -2: the sign-in pages' public options (buttons only: no secret, no person).
  ssoDistrictOptions: {
    params: async () => (await freshSsoProvider(), { districtId: w.districtA }),
    publicSignInOptions: true,
    expect: everyone(),
  },
  ssoLookup: {
    body: async () => (await freshSsoProvider(), { email: 'someone@matrix-sso.test' }),
    publicSignInOptions: true,
    expect: everyone(),
  },
  publicShareCard: { params: async () => ({ cardId: await freshShareCard() }), expect: everyone() },
  shareCardImage: { params: async () => ({ cardId: await freshShareCard() }), expect: everyone() },
  // SHARE-HELPED-1: whoever reads the copy may say it helped them (and take it back); nobody else learns it exists.
  markHelped: {
    params: async () => ({ shareId: await freshSharedCopy() }),
    expect: readersOfCopyA1,
  },
  unmarkHelped: {
    params: async () => ({ shareId: await freshSharedCopy() }),
    expect: readersOfCopyA1,
  },
  myReflections: { expect: signedIn() },
  // RIGHTS-EXPORT-1: everyone downloads their own data; RIGHTS-DELETE-1: a wrong password deletes nobody (the
  // deletion itself is rights.test.ts's, so the matrix's people stay).
  myDataExport: { expect: signedIn() },
  deleteMyAccount: {
    body: () => ({ password: 'not the password of anyone', confirm: 'DELETE' }),
    expect: signedIn(403),
  },
  // RIGHTS-DISTRICT-2, RIGHTS-RETAIN-1: the district's export and retention are its admins' (another district's
  // admin reads and sets their own).
  districtDataExport: { expect: { ...adminOnlyA, foreign: 'ok' } },
  retentionSettings: { expect: { ...adminOnlyA, foreign: 'ok' } },
  updateRetentionSettings: {
    body: () => ({ meetingContentYears: null, auditLogYears: 5, surveyResponseYears: null }),
    expect: { ...adminOnlyA, foreign: 'ok' },
  },
  myReflectionsMarkdown: { expect: signedIn() },
  myReflectionsCsv: { expect: signedIn() },
  shareMyReflection: {
    params: async () => ({ reflectionId: await membersReflection() }),
    expect: {
      anon: 401,
      member: 'ok',
      facilitator: 404,
      leader: 404,
      admin: 404,
      outsider: 404,
      foreign: 404,
    },
  },
  // HOME-1, EXPORT-1: the team home and its memory export are the team's own (members only).
  teamHome: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  teamMemoryMarkdown: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  teamMemoryCsv: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  // Team memory: records (MEM-REC-9): team A1's members only; its leader and admin are refused.
  teamMemory: { params: () => ({ groupId: w.teamA1 }), query: '?kind=success', expect: takePartTeamA1 },
  memoryRecord: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshMemoryRecord('success') }),
    expect: takePartTeamA1,
  },
  logSuccess: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({
      title: 'Exit tickets',
      story: 'Daily exit tickets',
      evidence: 'Scores rose',
      whatWorked: '',
      insight: '',
      occurredOn: '2026-11-30',
    }),
    expect: takePartTeamA1,
  },
  editMemoryRecord: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshMemoryRecord('success') }),
    body: () => ({ tags: { grade: '3' } }),
    expect: authorOrFacilitatorA1,
  },
  resolveDilemma: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshMemoryRecord('dilemma') }),
    body: () => ({ evidence: 'Fewer groups stalled' }),
    expect: authorOrFacilitatorA1,
  },
  linkObservation: {
    params: async () => ({ groupId: w.teamA1, recordId: await freshMemoryRecord('success') }),
    body: async () => ({ observationId: await freshMemoryRecord('observation') }),
    expect: takePartTeamA1,
  },
  // SEARCH-PERM-1: everyone signed in searches their own district (what they may read: search/permissions.test.ts).
  search: { query: '?q=fractions', expect: signedIn() },
  // Next steps (issue 12, NEXT-READ-1): a team's are its members' only; mine cover my own teams.
  myNextSteps: { expect: signedIn() },
  myNextStepsReminder: { expect: signedIn() },
  teamNextSteps: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  teamNextStepsCsv: { params: () => ({ groupId: w.teamA1 }), expect: takePartTeamA1 },
  // NEXT-DONE-2: through the meeting's command: the owner, or the facilitator of that meeting.
  completeNextStep: {
    params: () => membersNextStep(),
    body: () => ({ outcome: 'It went well' }),
    expect: takePartTeamA1,
  },
  // MEASURE-WAVE-1, MEASURE-REPORT-2: survey waves.
  listInstruments: { expect: signedIn() },
  // MEASURE-INST-13: the district admins upload instruments (another district's admin, into their own district).
  uploadInstrument: {
    body: () => ({
      file: {
        name: 'licensed.yaml',
        text: shippedSurveyText.replace(/^id: .*$/m, `id: licensed-${randomUUID().slice(0, 8)}`),
      },
    }),
    expect: { ...adminOnlyA, outsider: 403, foreign: 'ok' },
  },
  // MEASURE-PULSE-1..3: the pulse of an ended meeting is its team's (members, people invited to it).
  meetingPulse: {
    params: async () => ({ meetingId: (await freshEndedMeeting()).id }),
    expect: takePartTeamA1,
  },
  submitPulse: {
    params: async () => ({ meetingId: (await freshEndedMeeting()).id }),
    body: () => ({ answers: Object.fromEntries(pulseItems.map((i) => [i.id, 5])) }),
    expect: takePartTeamA1,
  },
  teamPulse: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  listWaves: { expect: signedIn() },
  createWave: {
    body: () => ({
      title: 'Matrix wave',
      instrument: { slug: 'ensemble-efficacy' },
      scope: { kind: 'school', schoolId: w.schoolA1 },
      opensOn: new Date().toISOString().slice(0, 10),
      closesOn: new Date().toISOString().slice(0, 10),
      invite: 'email',
    }),
    // Another district's admin names a school that is not in their district: a 400 on that field.
    expect: { ...runWaveA1, outsider: 403, foreign: 400 },
  },
  getWave: { params: () => freshWave(), expect: readWaveA1 },
  closeWave: { params: () => freshWave(), expect: runWaveA1 },
  remindWave: { params: () => freshWave(), expect: runWaveA1 },
  resetWaveLink: { params: () => freshWave({ invite: 'link' }), expect: runWaveA1 },
  waveReport: { params: () => freshWave({ closed: true }), expect: readWaveA1 },
  waveReportCsv: { params: () => freshWave({ closed: true }), expect: readWaveA1 },
  // MEASURE-REPORT-7: a wave with 5 answers (a shown group, with what they wrote), read as its report is.
  waveComments: {
    params: () => freshWave({ invite: 'link', answers: 5, closed: true }),
    expect: readWaveA1,
  },
  compareWaves: {
    query: async () => {
      const [before, after] = [await freshWave({ closed: true }), await freshWave({ closed: true })];
      return `?before=${before.waveId}&after=${after.waveId}&at=team:${w.teamA1}`;
    },
    expect: readWaveA1,
  },
  mySurveys: { expect: signedIn() },
  // MEASURE-WAVE-4: only the invited (team A1's members) answer; to those who run the wave it does not exist either.
  surveyToAnswer: { params: () => freshWave(), expect: { ...readWaveA1, leader: 404, admin: 404 } },
  submitResponse: {
    params: () => freshWave(),
    body: surveyAnswer,
    expect: { ...readWaveA1, leader: 404, admin: 404 },
  },
  // MEASURE-WAVE-6: the anonymous link is the key: anyone holding it answers, once per browser.
  linkSurvey: { params: () => freshWave({ invite: 'link' }), secretGrantsAccess: true, expect: everyone() },
  submitLinkResponse: {
    params: () => freshWave({ invite: 'link' }),
    body: surveyAnswer,
    secretGrantsAccess: true,
    expect: everyone(),
  },
  myDigest: { expect: signedIn() },
  updateMyDigest: { body: () => ({ weekly: false }), expect: signedIn() },
  // DIGEST-UNSUB-1: public; an unknown secret changes nothing (the page says the link no longer works).
  digestUnsubscribePage: { params: () => ({ token: 'not-a-real-token' }), expect: everyone() },
  digestUnsubscribe: { params: () => ({ token: 'not-a-real-token' }), expect: everyone(404) },
  // ADR 0032: from one's district, a district admin starts a network; principals and admins find listed ones and
  // ask to join.
  createNetwork: { body: () => ({ name: 'Matrix network' }), expect: { ...adminOnlyA, foreign: 'ok' } },
  myNetworks: { expect: signedIn() },
  listedNetworks: { expect: joinsNetworks },
  requestToJoinNetwork: {
    params: async () => ({ networkId: await freshNetwork('listed') }),
    body: () => ({ shown: { name: 'Matrix principal' } }),
    expect: joinsNetworks,
  },
  // The link is the key to read what it is for; only the addressed account accepts (the leader's address here).
  networkInvitation: { params: freshNetworkInvitation, secretGrantsAccess: true, expect: signedIn() },
  acceptNetworkInvitation: {
    params: freshNetworkInvitation,
    body: () => ({ shown: { name: 'Matrix principal' } }),
    secretGrantsAccess: true,
    expect: { ...signedIn(403), leader: 'ok' },
  },
  // A network's own endpoints exist only for a request that names a network its caller belongs to (the network
  // cases are in networks/networks.test.ts): without one, every district role, its admins included, gets a 404.
  currentNetwork: { expect: signedIn(404) },
  networkJoinRequests: { expect: signedIn(404) },
  approveNetworkJoinRequest: { params: () => ({ requestId: randomUUID() }), expect: signedIn(404) },
  declineNetworkJoinRequest: { params: () => ({ requestId: randomUUID() }), expect: signedIn(404) },
  inviteToNetwork: { body: () => ({ email: 'someone@matrix.test' }), expect: signedIn(404) },
  networkInvitations: { expect: signedIn(404) },
  leaveNetwork: { expect: signedIn(404) },
  listCohorts: { expect: signedIn(404) },
  createCohort: {
    body: () => ({ name: 'Cohort', focus: { area: 'teacher_coaching' }, goal: 'A goal' }),
    expect: signedIn(404),
  },
  startCohortCycle: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({ focus: { area: 'teacher_coaching' }, goal: 'A goal' }),
    expect: signedIn(404),
  },
  joinCohort: { params: () => ({ groupId: w.teamA1 }), expect: signedIn(404) },
  // NET-ORG-2: everyone reads their district's list of professional organizations; its admins edit it (district
  // B's admin edits B's own list, and finds none of A's entries).
  listOrganizations: { expect: signedIn() },
  addOrganization: { body: organizationBody, expect: { ...adminOnlyA, foreign: 'ok' } },
  updateOrganization: {
    params: freshOrganization,
    body: () => ({ fields: organizationBody(), hidden: false }),
    expect: adminOnlyA,
  },
  removeOrganization: { params: freshOrganization, expect: adminOnlyA },
  editShippedOrganization: {
    params: () => ({ slug: 'naesp' }),
    body: () => ({ fields: organizationBody(), hidden: true }),
    expect: { ...adminOnlyA, foreign: 'ok' },
  },
  restoreShippedOrganization: { params: () => ({ slug: 'naesp' }), expect: { ...adminOnlyA, foreign: 'ok' } },
  // MATCH-SPACE: principals (school leaders, district admins) ask for a colleague; a pair of two other principals,
  // one of district A and one of B, is theirs alone: every matrix role, both districts' admins included, gets 404.
  myColleague: { expect: signedIn() },
  optInAsColleague: {
    body: () => ({ profile: colleagueProfile(), shown: { name: 'Matrix principal' } }),
    expect: joinsNetworks,
  },
  optOutAsColleague: { expect: signedIn() },
  acceptColleague: { params: freshColleaguePair, expect: signedIn(404) },
  declineColleague: { params: freshColleaguePair, expect: signedIn(404) },
  endColleaguePair: { params: freshColleaguePair, expect: signedIn(404) },
  colleagueSpace: { params: freshColleaguePair, expect: signedIn(404) },
  addColleagueNote: {
    params: freshColleaguePair,
    body: () => ({ visibility: 'shared', body: 'Hello' }),
    expect: signedIn(404),
  },
  setColleagueCheckIn: {
    params: freshColleaguePair,
    body: () => ({ everyWeeks: 2, nextOn: null }),
    expect: signedIn(404),
  },
  // BOOK: a team's book studies: whoever reads the team lists them; those who run it start and change them and
  // schedule sessions; its members (not its leader or admin, non-evaluative) read one, reflect and subscribe.
  listBookStudies: { params: () => ({ groupId: w.teamA1 }), expect: readTeamA1 },
  createBookStudy: {
    params: () => ({ groupId: w.teamA1 }),
    body: () => ({
      title: 'Matrix book',
      authors: ['An Author'],
      isbn: '978-0-306-40615-7',
      sections: [{ title: 'One', readBy: '2027-03-08', prompts: ['Why?'] }],
    }),
    expect: manageTeamA1,
  },
  getBookStudy: {
    params: async () => ({ studyId: (await freshBookStudy()).studyId }),
    expect: takePartTeamA1,
  },
  replaceBookSections: {
    params: async () => ({ studyId: (await freshBookStudy()).studyId }),
    body: () => ({ sections: [{ title: 'All of it', readBy: '2027-04-01' }] }),
    expect: manageTeamA1,
  },
  writeBookReflection: {
    params: freshBookStudy,
    body: () => ({ text: 'A thought' }),
    expect: takePartTeamA1,
  },
  shareBookReflection: {
    params: membersBookReflection,
    expect: {
      anon: 401,
      member: 'ok',
      facilitator: 404,
      leader: 404,
      admin: 404,
      outsider: 404,
      foreign: 404,
    },
  },
  scheduleBookSession: { params: freshBookStudy, expect: manageTeamA1 },
  bookStudyCalendar: {
    params: async () => ({ studyId: (await freshBookStudy()).studyId }),
    expect: takePartTeamA1,
  },
};

async function clientFor(role: Role): Promise<Client> {
  if (role === 'anon') return new Client(t.app);
  return signedInClient(t, w.users[role]);
}

describe('AUTHZ-MATRIX-1: every endpoint x every role', () => {
  for (const [name, c] of Object.entries(CASES) as [EndpointName, Case][]) {
    it.each(ROLES)(`${name} as %s`, async (role) => {
      const endpoint = api[name];
      const client = await clientFor(role);
      const query = typeof c.query === 'function' ? await c.query() : (c.query ?? '');
      const url = pathFor(endpoint.path, c.params ? await c.params() : {}) + query;
      const body = c.body
        ? await c.body()
        : endpoint.method === 'GET' || endpoint.method === 'DELETE'
          ? undefined
          : {};
      const res = await client.request(endpoint.method, url, body);
      const want = c.expect[role];
      if (want === 'ok') expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
      if (want === 'ok') expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      else expect(res.status, JSON.stringify(res.body)).toBe(want);
      // Whatever the answer, a caller of district B never receives an id that belongs to district A.
      if (role === 'foreign' && !c.secretGrantsAccess) {
        const text = JSON.stringify(res.body ?? '');
        for (const id of [
          // SSO-SIGNIN-3: a public sign-in page names its district, and nothing else of it.
          ...(c.publicSignInOptions ? [] : [w.districtA]),
          w.schoolA1,
          w.schoolA2,
          w.teamA1,
          w.teamA2,
          w.users.member.id,
          w.users.admin.id,
        ]) {
          expect(text).not.toContain(id);
        }
      }
    });
  }
});

describe('SHARE-HELPED-4: only a shared copy can be marked as helpful', () => {
  it.each(ROLES)(
    'a private reflection, an unshared record and a copy awaiting consent answer as unknown to %s',
    async (role) => {
      const client = await clientFor(role);
      const awaiting = await freshRecord('awaiting-author');
      const [pending] = await t.database.db
        .select()
        .from(memoryShares)
        .where(eq(memoryShares.recordId, awaiting));
      const ids = [await membersReflection(), await freshRecord(), awaiting, pending!.id];
      for (const id of ids)
        for (const name of ['markHelped', 'unmarkHelped'] as const) {
          const res = await client.request(api[name].method, pathFor(api[name].path, { shareId: id }));
          expect(res.status, `${name} ${id}`).toBe(role === 'anon' ? 401 : 404);
        }
    },
  );
});

describe('AUTHZ-MATRIX-2: coverage', () => {
  it('every registered /api route is a catalogue endpoint, and every catalogue endpoint is in the matrix', () => {
    const catalogue = new Set(Object.values(api).map((e) => `${e.method} ${e.path}`));
    for (const route of registeredRoutes) {
      // The API's own descriptions (OpenAPI, AsyncAPI: API-DOC-*) are public documents, not endpoints.
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === ASYNCAPI_PATH)
        continue;
      expect(catalogue, `${route.method} ${route.url} is not in the catalogue`).toContain(
        `${route.method} ${route.url}`,
      );
    }
    expect(new Set(Object.keys(CASES))).toEqual(new Set(Object.keys(api)));
  });
});

/**
 * AUTHZ-MATRIX-3 (TRUST-RT-AUTHZ-2): the live socket's events are in the matrix too. Each role connects, joins a
 * live meeting of team A1, sends a command and leaves. `core` = the message reached the meeting and the core
 * answered (here: only the facilitator may start it); codes are the socket's refusals.
 */
type SocketOutcome = 'ok' | 'core' | SocketErrorCode;
const SOCKET_EVENTS: Record<'join' | 'command' | 'leave' | 'watch', Record<Role, SocketOutcome>> = {
  join: {
    anon: 'unauthenticated',
    member: 'ok',
    facilitator: 'ok',
    leader: 'forbidden',
    admin: 'forbidden',
    outsider: 'not_found',
    foreign: 'not_found',
  },
  command: {
    anon: 'unauthenticated',
    member: 'core',
    facilitator: 'ok',
    leader: 'not_found',
    admin: 'not_found',
    outsider: 'not_found',
    foreign: 'not_found',
  },
  leave: {
    anon: 'unauthenticated',
    member: 'ok',
    facilitator: 'ok',
    leader: 'not_found',
    admin: 'not_found',
    outsider: 'not_found',
    foreign: 'not_found',
  },
  // DAY-TEAM-1: watching the team's meetings follows reading the team (getGroup above).
  watch: {
    anon: 'unauthenticated',
    member: 'ok',
    facilitator: 'ok',
    leader: 'ok',
    admin: 'ok',
    outsider: 'not_found',
    foreign: 'not_found',
  },
};

/** A refusal by the meeting's core (its codes are upper case) is `core`; the socket's own codes are themselves. */
function outcomeOf(ack: unknown): string {
  const outcome = ackOutcome(ack);
  return /^[A-Z_]+$/.test(outcome) ? 'core' : outcome;
}

describe('AUTHZ-MATRIX-3: socket events (join, command, leave) x every role', () => {
  const probes = socketProbes(() => t.app);
  beforeAll(() => probes.listen());
  afterAll(() => {
    probes.closeAll();
  });

  it.each(ROLES)('meeting:join, meeting:command, meeting:leave, team:watch as %s', async (role) => {
    const m = await freshMeeting();
    const lead = await signedInClient(t, w.users.facilitator);
    expect((await lead.post(`/api/meetings/${m.id}/open`)).status).toBe(200);
    const client = await clientFor(role);
    const { socket, connected } = await probes.connect(client.cookie);
    const ask = async (event: string, payload: unknown) =>
      outcomeOf(await socket.timeout(5_000).emitWithAck(event, payload));
    const got =
      connected === 'connected'
        ? {
            join: await ask(ClientEvents.join, {
              protocolVersion: PROTOCOL_VERSION,
              meetingId: m.id,
              lastSeq: 0,
            }),
            command: await ask(ClientEvents.command, {
              meetingId: m.id,
              command: { type: 'startMeeting', idempotencyKey: randomUUID() },
            }),
            leave: await ask(ClientEvents.leave, { meetingId: m.id }),
            watch: await ask(ClientEvents.watchTeam, { groupId: w.teamA1 }),
          }
        : { join: connected, command: connected, leave: connected, watch: connected };
    socket.disconnect();
    expect(got).toEqual({
      join: SOCKET_EVENTS.join[role],
      command: SOCKET_EVENTS.command[role],
      leave: SOCKET_EVENTS.leave[role],
      watch: SOCKET_EVENTS.watch[role],
    });
  });
});
