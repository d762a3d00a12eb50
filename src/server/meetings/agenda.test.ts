import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { MeetingEvent } from '#contracts/meeting';
import type { MeetingMinutes } from '#contracts/minutes';
import type { MeetingSummary } from '#contracts/meetings-api';
import { hashPassword } from '../auth/passwords';
import { groupMembers, groups, meetingEvents, schools, users } from '../db/schema';
import {
  createDistrictWithAdmin,
  signedInClient,
  createTestApp,
  type Client,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let lead: Client;
let groupId = '';
let districtId = '';
const memberIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDistrictWithAdmin(t, 'Agenda District', 'admin@agenda.test');
  districtId = d.district.id;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'S' }).returning();
  const [g] = await db
    .insert(groups)
    .values({ districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Grade 4' })
    .returning();
  groupId = g!.id;
  const hash = await hashPassword('agenda test password');
  for (const [name, role] of [
    ['Lee', 'facilitator'],
    ['Ana', 'member'],
    ['Ben', 'member'],
  ] as const) {
    const [u] = await db
      .insert(users)
      .values({ districtId, email: `${name.toLowerCase()}@agenda.test`, name, passwordHash: hash })
      .returning();
    await db.insert(groupMembers).values({ districtId, groupId, userId: u!.id, role });
    memberIds.push(u!.id);
    if (role === 'facilitator') lead = await signedInClient(t, u!);
  }
});
afterAll(async () => t.close());

describe('a meeting with an agenda of several routines', () => {
  it('MEET-AGENDA-6: scheduling takes an agenda; the summary lists it with total minutes and a different suggested presenter per routine', async () => {
    const res = await lead.post<MeetingSummary>(`/api/groups/${groupId}/meetings`, {
      title: 'Tuesday PLC',
      agenda: [{ routineId: 'share-successes' }, { routineId: 'problem-solve' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.agenda.map((a) => [a.routineId, a.routineVersion, a.minutes])).toEqual([
      ['share-successes', 1, 16],
      ['problem-solve', 1, 22],
    ]);
    expect(res.body.totalMinutes).toBe(38);
    const [first, second] = res.body.suggestedPresenterIds;
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(first).not.toBe(second);

    // The one-routine shorthand still works.
    const single = await lead.post<MeetingSummary>(`/api/groups/${groupId}/meetings`, {
      title: 'Quick',
      routineId: 'peer-modeling',
    });
    expect(single.body.agenda.map((a) => a.routineId)).toEqual(['peer-modeling']);
  });

  it('MEET-AGENDA-6b (LIVE-ROLES rotation): the team\u2019s past presenters, read from the log and parsed, are suggested last; a malformed row is skipped', async () => {
    const past = await lead.post<MeetingSummary>(`/api/groups/${groupId}/meetings`, {
      title: 'Last week',
      routineId: 'share-successes',
    });
    // Ana: first by name, so she would be suggested first if past presenters were not read.
    const presenter = memberIds[1]!;
    const others = memberIds.filter((id) => id !== presenter);
    const event = (seq: number, payload: unknown) => ({
      districtId,
      meetingId: past.body.id,
      seq,
      type: 'roles.assigned',
      v: 1,
      at: 1_000 + seq,
      actorId: presenter,
      idempotencyKey: `k${seq}`,
      payload,
    });
    await t.database.db
      .insert(meetingEvents)
      .values([event(1, { presenter }), event(2, { presenter: 'not-a-uuid', surprise: true })]);
    const next = await lead.post<MeetingSummary>(`/api/groups/${groupId}/meetings`, {
      title: 'This week',
      routineId: 'share-successes',
    });
    expect(others.length).toBeGreaterThan(0);
    expect(next.body.suggestedPresenterIds[0]).not.toBe(presenter);
    expect(others).toContain(next.body.suggestedPresenterIds[0]);
  });

  it('MEET-AGENDA-7: a bad agenda is a 400 naming the field at fault, and nothing is scheduled', async () => {
    const path = `/api/groups/${groupId}/meetings`;
    const before = await lead.get<{ items: unknown[] }>(path);
    const unknown = await lead.post<{ error: { fields: { path: string }[] } }>(path, {
      title: 'X',
      agenda: [{ routineId: 'share-successes' }, { routineId: 'no-such-routine' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f) => f.path)).toEqual(['agenda.1.routineId']);
    for (const body of [
      { title: 'X', agenda: [] },
      { title: 'X' },
      { title: 'X', agenda: [{ routineId: 'share-successes' }], routineId: 'share-successes' },
      { title: 'X', agenda: Array(5).fill({ routineId: 'share-successes' }) },
    ]) {
      const res = await lead.post<{ error: { fields: { path: string }[] } }>(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f) => f.path)).toContain('agenda');
    }
    const after = await lead.get<{ items: unknown[] }>(path);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('MEET-AGENDA-8: opening snapshots every routine of the agenda; the minutes have one section per routine', async () => {
    const scheduled = await lead.post<MeetingSummary>(`/api/groups/${groupId}/meetings`, {
      title: 'Two routines',
      agenda: [{ routineId: 'share-successes' }, { routineId: 'problem-solve' }],
    });
    const id = scheduled.body.id;
    expect((await lead.post(`/api/meetings/${id}/open`)).status).toBe(200);
    const [created] = await t.database.db
      .select()
      .from(meetingEvents)
      .where(and(eq(meetingEvents.districtId, districtId), eq(meetingEvents.meetingId, id)))
      .orderBy(asc(meetingEvents.seq))
      .limit(1);
    const payload = created?.payload as Extract<MeetingEvent, { type: 'meeting.created' }>['payload'];
    expect(payload.routine.id).toBe('share-successes');
    expect(payload.followedBy?.map((r) => r.id)).toEqual(['problem-solve']);

    const minutes = await lead.get<MeetingMinutes>(`/api/meetings/${id}/minutes`);
    expect(minutes.status).toBe(200);
    expect(minutes.body.parts.map((p) => [p.routine.name, p.steps.length])).toEqual([
      ['Share Successes', 6],
      ['Problem-Solve Collaboratively', 7],
    ]);
    expect(minutes.body.parts[1]?.steps[0]?.stepId).toBe('p2-identify');
    const md = await lead.get<string>(`/api/meetings/${id}/minutes.md`);
    expect(md.body).toContain('## 1. Share Successes');
    expect(md.body).toContain('## 2. Problem-Solve Collaboratively');
    const ics = await lead.get<string>(`/api/groups/${groupId}/meetings.ics`);
    expect(ics.status).toBe(200);
  });
});
