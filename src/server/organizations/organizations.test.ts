import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../auth/accounts';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'District A', 'admin@a.test');
  b = await createDistrictWithAdmin(t, 'District B', 'admin@b.test');
});
afterAll(async () => t.close());

type Entry = {
  key: string;
  id: string | null;
  name: string;
  offers: string;
  hidden: boolean;
  edited: boolean;
};
const circle = {
  name: 'Valley principals circle',
  url: 'https://example.org/valley',
  scope: 'state',
  state: 'CA',
  audience: 'all',
  offers: 'Monthly problem-solving calls.',
};

describe('professional organizations (NET-ORG-2)', () => {
  it("NET-ORG-2: an admin adds, edits and hides entries for the district; its people read the list; another district's is its own", async () => {
    const added = await a.client.post<Entry>('/api/organizations', circle);
    expect(added.status).toBe(200);
    const edited = await a.client.request<Entry>('PUT', '/api/organizations/shipped/naesp', {
      fields: {
        name: 'NAESP',
        url: 'https://www.naesp.org',
        scope: 'national',
        audience: 'elementary',
        offers: 'Our district pays the membership of new principals.',
      },
      hidden: false,
    });
    expect(edited.body).toMatchObject({ key: 'shipped:naesp', edited: true });
    await a.client.request('PUT', '/api/organizations/shipped/ascd', {
      fields: { name: 'ASCD', url: 'https://www.ascd.org', scope: 'national', audience: 'all', offers: 'x' },
      hidden: true,
    });
    const teacher = await createAccount(t.database.db, {
      districtId: a.district.id,
      email: 't@a.test',
      name: 'Teacher',
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: true,
    });
    const asTeacher = await signedInClient(t, teacher);
    const list = await asTeacher.get<{ items: Entry[]; canEdit: boolean }>('/api/organizations');
    expect(list.body.canEdit).toBe(false);
    const keys = list.body.items.map((o) => o.key);
    expect(keys).toContain(added.body.key);
    expect(keys).not.toContain('shipped:ascd');
    expect(list.body.items.find((o) => o.key === 'shipped:naesp')?.offers).toContain('new principals');
    // A member reads, never edits.
    expect((await asTeacher.post('/api/organizations', circle)).status).toBe(403);
    // District B sees the shipped list as shipped, and none of A's entries; it cannot change A's.
    const other = await b.client.get<{ items: Entry[] }>('/api/organizations');
    expect(other.body.items.map((o) => o.key)).not.toContain(added.body.key);
    expect(other.body.items.find((o) => o.key === 'shipped:naesp')?.edited).toBe(false);
    expect(other.body.items.map((o) => o.key)).toContain('shipped:ascd');
    expect((await b.client.request('DELETE', `/api/organizations/${added.body.id}`)).status).toBe(404);
    // Restoring undoes the district's edit; removing an own entry removes it.
    const restored = await a.client.request<Entry>('DELETE', '/api/organizations/shipped/naesp');
    expect(restored.body.edited).toBe(false);
    expect((await a.client.request('DELETE', `/api/organizations/${added.body.id}`)).status).toBe(200);
    expect(
      (await a.client.request('PUT', '/api/organizations/shipped/nope', { fields: circle, hidden: false }))
        .status,
    ).toBe(404);
  });

  it('NET-ORG-2: a state association names its state (400 at state otherwise)', async () => {
    const res = await a.client.post<{ error: { fields: { path: string }[] } }>('/api/organizations', {
      ...circle,
      state: null,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path)).toContain('state');
  });
});
