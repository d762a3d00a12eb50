import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/api-harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('routines offered to a team', () => {
  it('ROUTINE-ORDER-1: Ensemble routines come in their progression, gentlest first; a team copy takes the place of the routine it adapts (ROUTINE-LIB-ORDER-1)', async () => {
    const admin = new Client(t.app);
    await admin.post('/api/setup', {
      districtName: 'Order',
      name: 'Ada',
      email: 'ada@order.test',
      password: TEST_PASSWORD,
    });
    const school = await admin.post<{ id: string }>('/api/schools', { name: 'S' });
    const team = await admin.post<{ id: string }>('/api/groups', {
      name: 'T',
      kind: 'teacher_team',
      schoolId: school.body.id,
    });
    const list = await admin.get<{ items: { id: string; custom: boolean; totalMinutes: number }[] }>(
      `/api/groups/${team.body.id}/routines`,
    );
    expect(list.body.items.map((r) => r.id).slice(0, 3)).toEqual([
      'share-successes',
      'problem-solve',
      'peer-modeling',
    ]);
    expect(list.body.items.map((r) => r.totalMinutes).slice(0, 2)).toEqual([16, 22]);
    const copy = await admin.post<{ version: number; basedOn: { id: string } }>(
      `/api/groups/${team.body.id}/routines`,
      {
        baseId: 'problem-solve',
        changes: [{ op: 'update-step', stepId: 'probe', minutes: 6 }],
      },
    );
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ version: 2, basedOn: { id: 'problem-solve', version: 1 } });
    const after = await admin.get<{ items: { id: string; custom: boolean; totalMinutes: number }[] }>(
      `/api/groups/${team.body.id}/routines`,
    );
    expect(after.body.items[0]).toMatchObject({ id: 'share-successes', custom: false });
    expect(after.body.items[1]).toMatchObject({ id: 'problem-solve', custom: true, totalMinutes: 24 });
  });
});
