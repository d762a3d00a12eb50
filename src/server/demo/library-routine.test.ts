/** ROUTINE-LIB-DEMO-1: the seeded demo district has one routine in its library, shared by a team. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RoutineSummary } from '#contracts/meetings-api';
import { groups, users } from '../db/schema';
import { createTestApp, signedInClient, type TestApp } from '../testing/api-harness';
import { DEMO_LIBRARY_ROUTINE_ID } from './library-routine';
import { seedDemo } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(async () => t.close());

it('ROUTINE-LIB-DEMO-1: a team of the other school finds the Literacy PLC’s routine in the library, with its author; a second start adds nothing', async () => {
  const [math] = await t.database.db.select().from(groups).where(eq(groups.name, 'Math Department'));
  const [tom] = await t.database.db.select().from(users).where(eq(users.name, 'Tom Novak'));
  const client = await signedInClient(t, tom!);
  const list = async () =>
    (await client.get<{ items: RoutineSummary[] }>(`/api/groups/${math!.id}/routines`)).body.items.filter(
      (r) => r.origin === 'library',
    );
  expect(await list()).toEqual([
    expect.objectContaining({
      id: DEMO_LIBRARY_ROUTINE_ID,
      name: 'Read-Aloud Debrief',
      totalMinutes: 14,
      library: expect.objectContaining({
        authorName: 'Chris Yamada',
        scope: 'district',
        version: 1,
      }) as unknown,
    }),
  ]);
  await seedDemo(t.database.db);
  expect(await list()).toHaveLength(1);
});
