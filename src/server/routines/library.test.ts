/**
 * Routines a school can grow (issue 11 item 3, ADR 0018), through the API against a real PostgreSQL: any
 * number of routines per team, the order they are offered in, YAML import and export, and the library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { MeetingSummary, RoutineSummary } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import type { ImportRoutinesResult, SharedRoutine } from '#contracts/routine-library';
import { routineToYaml } from '#core/routines/export';
import { hashPassword } from '../auth/passwords';
import {
  auditEvents,
  groupMembers,
  groups,
  routineLibrary,
  schools,
  teamRoutines,
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
let admin: Client;
/** Facilitators of a teacher team in school A, one in school B, and a district leadership team. */
let leadA: Client;
let leadB: Client;
let leadA2: Client;
let teamA = '';
let teamA2 = '';
let teamB = '';
let leaders = '';
let leadAId = '';

type Items = { items: RoutineSummary[] };
interface ApiErr {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

async function person(name: string, groupId: string, role: 'facilitator' | 'member') {
  const [u] = await t.database.db
    .insert(users)
    .values({
      districtId,
      email: `${name.toLowerCase()}@library.test`,
      name,
      passwordHash: await hashPassword('library test password'),
    })
    .returning();
  await t.database.db.insert(groupMembers).values({ districtId, groupId, userId: u!.id, role });
  return u!;
}

const team = async (name: string, schoolId: string | null, kind: 'teacher_team' | 'district_leadership') => {
  const [g] = await t.database.db.insert(groups).values({ districtId, schoolId, kind, name }).returning();
  return g!.id;
};

const NEW_ROUTINE = {
  name: 'Reading Check-in',
  summary: 'Each colleague brings one reader they are watching closely.',
  focus: 'success',
  source: 'Written by the Grade 4 team',
  audience: 'Grade-level teams in the first weeks of a term.',
  steps: [
    {
      id: 'bring',
      title: 'Bring a reader',
      kind: 'present',
      minutes: 5,
      purpose: 'One colleague describes a reader and what they tried.',
      prompts: ['What did the reader do this week?'],
      speaker: 'presenter',
      sources: ['vicarious'],
    },
    {
      id: 'final',
      title: 'Wrap up',
      kind: 'final',
      minutes: 4,
      purpose: 'Name what we learned.',
      prompts: ['Tag each source you saw.'],
      speaker: 'team',
      sources: ['mastery', 'vicarious'],
      finalPrompts: {
        learned: 'What did we learn?',
        nextSteps: 'Is there a next step?',
        sources: 'Which sources?',
      },
    },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDistrictWithAdmin(t, 'Library District', 'admin@library.test');
  districtId = d.district.id;
  admin = d.client;
  const [a, b] = await t.database.db
    .insert(schools)
    .values([
      { districtId, name: 'Alder Elementary' },
      { districtId, name: 'Birch Middle' },
    ])
    .returning();
  teamA = await team('Grade 4', a!.id, 'teacher_team');
  teamA2 = await team('Grade 5', a!.id, 'teacher_team');
  teamB = await team('Science', b!.id, 'teacher_team');
  leaders = await team('Principals', null, 'district_leadership');
  const ua = await person('Lee', teamA, 'facilitator');
  leadAId = ua.id;
  leadA = await signedInClient(t, ua);
  leadA2 = await signedInClient(t, await person('Kim', teamA2, 'facilitator'));
  leadB = await signedInClient(t, await person('Ana', teamB, 'facilitator'));
});
afterAll(async () => t.close());

const list = async (c: Client, groupId: string) =>
  (await c.get<Items>(`/api/groups/${groupId}/routines`)).body.items;

describe('any number of routines per team', () => {
  it("ROUTINE-LIB-NEW-1: a routine written from scratch gets an id from its name, version 1, and is listed after Ensemble's", async () => {
    const res = await leadA.post<Routine>(`/api/groups/${teamA}/routines/new`, {
      from: 'scratch',
      routine: NEW_ROUTINE,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: 'reading-check-in', version: 1, name: 'Reading Check-in' });
    expect(res.body.basedOn).toBeUndefined();
    const items = await list(leadA, teamA);
    expect(items.map((r) => r.id)).toEqual([
      'share-successes',
      'problem-solve',
      'peer-modeling',
      'reading-check-in',
    ]);
    expect(items.at(-1)).toMatchObject({ origin: 'team', custom: true, totalMinutes: 9, library: null });
  });

  it('ROUTINE-LIB-NEW-1: a routine from scratch is checked like a file: each problem names its field', async () => {
    const broken = { ...NEW_ROUTINE, steps: [NEW_ROUTINE.steps[1], NEW_ROUTINE.steps[0]] };
    const res = await leadA.post<ApiErr>(`/api/groups/${teamA}/routines/new`, {
      from: 'scratch',
      routine: broken,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'routine.steps.0.kind' })]),
    );
    const tooLong = await leadA.post<ApiErr>(`/api/groups/${teamA}/routines/new`, {
      from: 'scratch',
      routine: { ...NEW_ROUTINE, steps: [{ ...NEW_ROUTINE.steps[0], minutes: 500 }, NEW_ROUTINE.steps[1]] },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields?.[0]?.path).toBe('routine.steps.0.minutes');
  });

  it('ROUTINE-LIB-NEW-2/3: copies under new names get new unique ids and remember their origin; names may repeat', async () => {
    const one = await leadA.post<Routine>(`/api/groups/${teamA}/routines/new`, {
      from: 'copy',
      routineId: 'problem-solve',
      name: 'Our Problem-Solve',
    });
    const two = await leadA.post<Routine>(`/api/groups/${teamA}/routines/new`, {
      from: 'copy',
      routineId: 'problem-solve',
      name: 'Our Problem-Solve',
    });
    // Another team of the district naming a routine alike still gets another id (ids are unique in the district).
    const three = await leadB.post<Routine>(`/api/groups/${teamB}/routines/new`, {
      from: 'copy',
      routineId: 'reading-check-in',
      name: 'Our Problem-Solve',
    });
    expect(three.status, 'another team cannot copy a team routine it cannot see').toBe(400);
    const four = await leadB.post<Routine>(`/api/groups/${teamB}/routines/new`, {
      from: 'scratch',
      routine: { ...NEW_ROUTINE, name: 'Our Problem-Solve' },
    });
    expect([one.body.id, two.body.id, four.body.id]).toEqual([
      'our-problem-solve',
      'our-problem-solve-2',
      'our-problem-solve-3',
    ]);
    expect(one.body).toMatchObject({ version: 1, basedOn: { id: 'problem-solve', version: 1 } });
    expect(one.body.steps.map((s) => s.minutes)).toEqual([4, 2, 2, 4, 4, 2, 4]);
    // Editing a new routine keeps making versions.
    const edited = await leadA.post<Routine>(`/api/groups/${teamA}/routines`, {
      baseId: 'our-problem-solve',
      changes: [{ op: 'update-step', stepId: 'probe', minutes: 6 }],
    });
    expect(edited.body).toMatchObject({ id: 'our-problem-solve', version: 2 });
    const fetched = await leadA.get<Routine>(`/api/groups/${teamA}/routines/our-problem-solve?version=1`);
    expect(fetched.body.steps.find((s) => s.id === 'probe')?.minutes).toBe(4);
  });

  it("ROUTINE-LIB-ORDER-1: an adapted copy of an Ensemble routine stays in that routine's place; Share Successes stays first", async () => {
    const adapted = await leadA2.post<Routine>(`/api/groups/${teamA2}/routines`, {
      baseId: 'problem-solve',
      changes: [{ op: 'update-step', stepId: 'probe', minutes: 6 }],
    });
    expect(adapted.body).toMatchObject({ id: 'problem-solve', version: 2 });
    const items = await list(leadA2, teamA2);
    expect(items.slice(0, 3).map((r) => [r.id, r.origin, r.totalMinutes])).toEqual([
      ['share-successes', 'shipped', 16],
      ['problem-solve', 'team', 24],
      ['peer-modeling', 'shipped', 28],
    ]);
    // Scheduling without a choice of version runs the team's copy, as before.
    const m = await leadA2.post<MeetingSummary>(`/api/groups/${teamA2}/meetings`, {
      title: 'Weekly',
      routineId: 'problem-solve',
    });
    expect(m.body.agenda[0]).toMatchObject({ routineId: 'problem-solve', routineVersion: 2, minutes: 24 });
  });

  it('ROUTINE-LIB-LEAD-2: a district leadership team is offered the leader wording first, in progression order', async () => {
    const items = await list(admin, leaders);
    expect(items.slice(0, 6).map((r) => r.id)).toEqual([
      'share-successes-leaders',
      'problem-solve-leaders',
      'peer-modeling-leaders',
      'share-successes',
      'problem-solve',
      'peer-modeling',
    ]);
    expect(items[0]).toMatchObject({
      origin: 'shipped',
      for: ['district_leadership', 'cohort'],
      totalMinutes: 16,
    });
    // A teacher team is not offered the leader wording, but it still runs, and an adapted copy of it is listed.
    expect((await list(leadA2, teamA2)).some((r) => r.id === 'share-successes-leaders')).toBe(false);
    const adapted = await leadA2.post<Routine>(`/api/groups/${teamA2}/routines`, {
      baseId: 'share-successes-leaders',
      changes: [{ op: 'update-step', stepId: 'final', minutes: 5 }],
    });
    expect(adapted.status).toBe(200);
    expect((await list(leadA2, teamA2)).find((r) => r.id === 'share-successes-leaders')).toMatchObject({
      origin: 'team',
      version: 2,
    });
  });
});

describe('YAML import and export', () => {
  const rowCounts = async () => {
    const [routinesCount] = await t.database.db.select({ n: count() }).from(teamRoutines);
    const [libraryCount] = await t.database.db.select({ n: count() }).from(routineLibrary);
    return { routines: routinesCount!.n, library: libraryCount!.n };
  };

  it('ROUTINE-LIB-IO-1: ten malformed files are each refused with their file and line, and nothing is saved', async () => {
    const good = (await leadA.get<string>(`/api/groups/${teamA}/routines/reading-check-in/yaml`)).body;
    const lines = good.split('\n');
    const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
    const replace = (from: string, to: string) => good.replace(from, to);
    const minutesLine = lineOf('    minutes: 5');
    const malformed: { name: string; text: string; line: number }[] = [
      { name: '01-syntax.yaml', text: replace('    minutes: 5', '    minutes: [5'), line: -1 },
      { name: '02-range.yaml', text: replace('    minutes: 5', '    minutes: 500'), line: minutesLine },
      {
        name: '03-unknown-field.yaml',
        text: replace('    minutes: 5', '    minutes: 5\n    colour: blue'),
        line: minutesLine + 1,
      },
      {
        name: '04-duplicate-key.yaml',
        text: replace('focus: success', 'focus: success\nfocus: dilemma'),
        line: lineOf('focus:') + 1,
      },
      { name: '05-alias.yaml', text: `${good}\nextra: &a [1]\nmore: *a\n`, line: lines.length + 1 },
      { name: '06-no-final.yaml', text: replace('    kind: final', '    kind: discussion'), line: -1 },
      { name: '07-empty.yaml', text: '', line: 1 },
      { name: '08-two-documents.yaml', text: `${good}\n---\nid: other\n`, line: -1 },
      {
        name: '09-bad-speaker.yaml',
        text: replace('    speaker: presenter', '    speaker: everybody'),
        line: lineOf('    speaker: presenter'),
      },
      { name: '10-too-big.yaml', text: `# ${'x'.repeat(60_000)}\n${good}`, line: 1 },
    ];
    const before = await rowCounts();
    const res = await leadA.post<ApiErr>(`/api/groups/${teamA}/routines/import`, {
      files: [{ name: 'fine.yaml', text: good }, ...malformed.map(({ name, text }) => ({ name, text }))],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Nothing was imported: 10 files/);
    const fields = res.body.error.fields ?? [];
    for (const file of malformed) {
      const mine = fields.filter((f) => f.path.startsWith(`${file.name}:`));
      expect(mine.length, file.name).toBeGreaterThan(0);
      for (const f of mine)
        expect(f.message, file.name).toMatch(new RegExp(`^${file.name.replace('.', '\\.')}:\\d+:\\d+: `));
      if (file.line > 0) expect(mine[0]?.path, file.name).toBe(`${file.name}:${file.line}`);
    }
    expect(fields.some((f) => f.path.startsWith('fine.yaml'))).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  it('ROUTINE-LIB-IO-3: a file nested thousands of levels deep is refused with its line; the server keeps answering', async () => {
    const res = await leadA.post<ApiErr>(`/api/groups/${teamA}/routines/import`, {
      files: [
        { name: 'deep.yaml', text: '['.repeat(40_000) },
        { name: 'noisy.yaml', text: '{a: ['.repeat(20).concat(']'.repeat(400)) },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]).toEqual({
      path: 'deep.yaml:1',
      message: 'deep.yaml:1:1: Nested more than 24 levels deep',
    });
    expect(res.body.error.fields?.filter((f) => f.path.startsWith('noisy.yaml')).length).toBeLessThanOrEqual(
      10,
    );
    expect((await leadA.get(`/api/groups/${teamA}/routines`)).status).toBe(200);
  });

  it('ROUTINE-LIB-IO-1: an import beyond the limits is refused as a whole (file count)', async () => {
    const before = await rowCounts();
    const res = await leadA.post<ApiErr>(`/api/groups/${teamA}/routines/import`, {
      files: Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.yaml`, text: 'id: x' })),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.path).toBe('files');
    expect(await rowCounts()).toEqual(before);
  });

  it('ROUTINE-LIB-IO-2: an exported routine downloads as YAML and imports back (renamed when its id is taken)', async () => {
    const exported = await leadA.get<string>(`/api/groups/${teamA}/routines/our-problem-solve/yaml`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/yaml/);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="our-problem-solve.yaml"');
    const shipped = await leadB.get<string>(`/api/groups/${teamB}/routines/share-successes-leaders/yaml`);
    const res = await leadB.post<ImportRoutinesResult>(`/api/groups/${teamB}/routines/import`, {
      files: [
        { name: 'our-problem-solve.yaml', text: exported.body },
        { name: 'leaders.yaml', text: shipped.body },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toEqual([
      {
        file: 'our-problem-solve.yaml',
        id: 'our-problem-solve-4',
        name: 'Our Problem-Solve',
        renamedFrom: 'our-problem-solve',
      },
      {
        file: 'leaders.yaml',
        id: 'share-successes-leaders-2',
        name: 'Share Successes (leadership team)',
        renamedFrom: 'share-successes-leaders',
      },
    ]);
    const back = await leadB.get<Routine>(`/api/groups/${teamB}/routines/our-problem-solve-4`);
    const original = await leadA.get<Routine>(`/api/groups/${teamA}/routines/our-problem-solve`);
    expect(back.body).toEqual({ ...original.body, id: 'our-problem-solve-4', version: 1 });
    expect(routineToYaml(back.body)).toContain('id: our-problem-solve-4');
  });
});

describe('the library', () => {
  it('ROUTINE-LIB-SHARE-1/2: shared with the district, a routine reaches a team of another school with its author and version; it can run it', async () => {
    const shared = await leadA.post<SharedRoutine>(`/api/groups/${teamA}/routines/reading-check-in/share`, {
      scope: 'district',
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body).toMatchObject({
      id: 'reading-check-in',
      version: 1,
      library: { scope: 'district', schoolName: null, authorName: 'Lee', canWithdraw: true },
    });
    const seen = (await list(leadB, teamB)).find((r) => r.id === 'reading-check-in');
    expect(seen).toMatchObject({
      origin: 'library',
      version: 1,
      library: { authorName: 'Lee', scope: 'district', canWithdraw: false },
    });
    const own = (await list(leadA, teamA)).find((r) => r.id === 'reading-check-in');
    expect(own).toMatchObject({ origin: 'team', library: { version: 1, scope: 'district' } });
    // Team B runs it directly: scheduled, opened, started.
    const m = await leadB.post<MeetingSummary>(`/api/groups/${teamB}/meetings`, {
      title: 'Borrowed routine',
      routineId: 'reading-check-in',
    });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.agenda[0]).toMatchObject({ routineId: 'reading-check-in', routineVersion: 1, minutes: 9 });
    const opened = await leadB.post<MeetingSummary>(`/api/meetings/${m.body.id}/open`);
    expect(opened.body.status).toBe('live');
    // A library routine is another team's: it is copied to be adapted, not changed in place.
    const inPlace = await leadB.post<ApiErr>(`/api/groups/${teamB}/routines`, {
      baseId: 'reading-check-in',
      changes: [{ op: 'update-routine', name: 'Mine now' }],
    });
    expect(inPlace.status).toBe(400);
    const copy = await leadB.post<Routine>(`/api/groups/${teamB}/routines/new`, {
      from: 'copy',
      routineId: 'reading-check-in',
      name: 'Reading Check-in, science',
    });
    expect(copy.body).toMatchObject({
      id: 'reading-check-in-science',
      basedOn: { id: 'reading-check-in', version: 1 },
    });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'routine.shared'));
    expect(audit).toEqual([expect.objectContaining({ actorId: leadAId, subjectId: 'reading-check-in' })]);
  });

  it("ROUTINE-LIB-SHARE-2: shared with a school, a routine reaches that school's teams only", async () => {
    await leadA.post(`/api/groups/${teamA}/routines/our-problem-solve/share`, { scope: 'school' });
    expect((await list(leadA2, teamA2)).find((r) => r.id === 'our-problem-solve')).toMatchObject({
      origin: 'library',
      version: 2,
      library: { scope: 'school', schoolName: 'Alder Elementary' },
    });
    expect((await list(leadB, teamB)).some((r) => r.id === 'our-problem-solve')).toBe(false);
    const elsewhere = await leadB.post<ApiErr>(`/api/groups/${teamB}/meetings`, {
      title: 'X',
      routineId: 'our-problem-solve',
    });
    expect(elsewhere.status).toBe(400);
    expect((await leadB.get(`/api/groups/${teamB}/routines/our-problem-solve`)).status).toBe(404);
  });

  it('ROUTINE-LIB-SHARE-1: sharing again after an edit publishes the new version in place of the old', async () => {
    await leadA.post(`/api/groups/${teamA}/routines`, {
      baseId: 'reading-check-in',
      changes: [{ op: 'update-step', stepId: 'bring', minutes: 7 }],
    });
    const again = await leadA.post<SharedRoutine>(`/api/groups/${teamA}/routines/reading-check-in/share`, {
      scope: 'district',
    });
    expect(again.body.version).toBe(2);
    expect((await list(leadB, teamB)).find((r) => r.id === 'reading-check-in')).toMatchObject({
      version: 2,
      totalMinutes: 11,
    });
  });

  it("ROUTINE-LIB-SHARE-3: only the team's own new routines are shared, by those who run the team", async () => {
    const adapted = await leadA2.post<ApiErr>(`/api/groups/${teamA2}/routines/problem-solve/share`, {
      scope: 'school',
    });
    expect(adapted.status).toBe(400);
    expect(adapted.body.error.message).toMatch(/Copy this routine under a new name/);
    const notMine = await leadB.post(`/api/groups/${teamB}/routines/reading-check-in/share`, {
      scope: 'district',
    });
    expect(notMine.status).toBe(404);
    const noSchool = await admin.post<Routine>(`/api/groups/${leaders}/routines/new`, {
      from: 'copy',
      routineId: 'share-successes-leaders',
      name: 'Principals share',
    });
    const res = await admin.post<ApiErr>(`/api/groups/${leaders}/routines/${noSchool.body.id}/share`, {
      scope: 'school',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.path).toBe('scope');
  });

  it('ROUTINE-LIB-SHARE-4: the author or a district admin withdraws it; a meeting scheduled before still opens with its version', async () => {
    const before = await leadB.post<MeetingSummary>(`/api/groups/${teamB}/meetings`, {
      title: 'Scheduled before',
      routineId: 'reading-check-in',
    });
    expect(before.body.agenda[0]?.routineVersion).toBe(2);
    expect((await leadB.post(`/api/library/reading-check-in/withdraw`)).status).toBe(403);
    expect((await leadA.post(`/api/library/reading-check-in/withdraw`)).status).toBe(200);
    expect((await leadA.post(`/api/library/reading-check-in/withdraw`)).status).toBe(404);
    expect((await list(leadB, teamB)).some((r) => r.id === 'reading-check-in')).toBe(false);
    const after = await leadB.post(`/api/groups/${teamB}/meetings`, {
      title: 'After',
      routineId: 'reading-check-in',
    });
    expect(after.status).toBe(400);
    const opened = await leadB.post<MeetingSummary>(`/api/meetings/${before.body.id}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.status).toBe('live');
    // The owning team keeps its routine.
    expect((await list(leadA, teamA)).find((r) => r.id === 'reading-check-in')).toMatchObject({
      origin: 'team',
      library: null,
    });
    // A district admin withdraws what someone else shared.
    expect((await admin.post(`/api/library/our-problem-solve/withdraw`)).status).toBe(200);
  });
});
