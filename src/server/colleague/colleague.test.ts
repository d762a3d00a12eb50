import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyColleague, PairSpace } from '#contracts/colleague';
import { eq } from 'drizzle-orm';
import { networkAffiliations } from '../db/schema';
import { findExchange } from './queries';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { personAtSchool } from '../testing/people';
import { agreedPair, colleagueProfile, colleagueStateWhen, optIn } from '../testing/colleague';

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;

async function person(districtId: string, email: string, role: 'school_leader' | 'staff'): Promise<Client> {
  return signedInClient(t, await personAtSchool(t, districtId, email, role));
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'District A', 'admin@a.test');
  b = await createDistrictWithAdmin(t, 'District B', 'admin@b.test');
});
afterAll(async () => t.close());

describe('a trusted colleague outside your district (MATCH-SPACE)', () => {
  it('MATCH-SPACE-1: principals opt in with a profile and what they show; a teacher cannot; the exchange is not a network they list', async () => {
    const teacher = await person(a.district.id, 'teacher@a.test', 'staff');
    const state = await teacher.get<MyColleague>('/api/colleague');
    expect(state.body).toMatchObject({ canOptIn: false, profile: null });
    expect(
      (
        await teacher.request('PUT', '/api/colleague/profile', {
          profile: colleagueProfile(),
          shown: { name: 'T' },
        })
      ).status,
    ).toBe(403);
    const principal = await person(a.district.id, 'p1@a.test', 'school_leader');
    const mine = await optIn(principal, 'Pat', colleagueProfile());
    expect(mine).toMatchObject({ canOptIn: true, shown: { name: 'Pat' }, proposal: null, pair: null });
    expect(mine.profile?.region).toBe('IL');
    expect((await principal.get<{ items: unknown[] }>('/api/networks')).body.items).toEqual([]);
    // Nothing of it is written on the district's side, and the exchange cannot be named as a network.
    const affiliations = await t.database.db
      .select()
      .from(networkAffiliations)
      .where(eq(networkAffiliations.districtId, a.district.id));
    expect(affiliations).toEqual([]);
    const exchange = await findExchange(t.database.db);
    for (const path of ['/api/network', '/api/auth/me', '/api/search?q=x'])
      expect(
        (await principal.request('GET', path, undefined, { 'x-ensemble-network': exchange! })).status,
      ).toBe(404);
    // A bad profile is a 400 naming the field.
    const bad = await principal.request<{ error: { fields: { path: string }[] } }>(
      'PUT',
      '/api/colleague/profile',
      {
        profile: { ...colleagueProfile(), wantsHelpWith: [] },
        shown: { name: 'Pat' },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path)).toContain('profile.wantsHelpWith');
    // Out again, so the next cases start from an empty pool.
    expect(
      (await principal.request<MyColleague>('DELETE', '/api/colleague/profile')).body.profile,
    ).toBeNull();
  });

  it('MATCH-SPACE-2, -3: two districts are proposed to each other with reasons from each side; both accept; a decline or an end never brings the same colleague back', async () => {
    const pa = await person(a.district.id, 'pa@a.test', 'school_leader');
    const pb = await person(b.district.id, 'pb@b.test', 'school_leader');
    const pairId = await agreedPair(pa, pb);
    const stateA = await colleagueStateWhen(pa, (s) => s.pair !== null);
    const stateB = await colleagueStateWhen(pb, (s) => s.pair !== null);
    expect(stateA.pair).toMatchObject({ pairId, other: { name: 'Blake', district: "Blake's district" } });
    expect(stateB.pair?.other.name).toBe('Avery');
    // Each reads why from their side: what the other offers them first.
    const codesA = stateA.pair!.why.reasons.map((r) => r.code);
    expect(codesA).toContain('they-offer-what-you-want');
    expect(stateA.pair!.why.reasons.find((r) => r.code === 'they-offer-what-you-want')?.focus).toEqual([
      'teacher_coaching',
    ]);
    expect(stateB.pair!.why.reasons.find((r) => r.code === 'they-offer-what-you-want')?.focus).toEqual([
      'data_use',
    ]);
    expect(stateA.pair!.why.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(stateA.pair!.why.fit);
    // A no-fault end: both free again, and never proposed to each other again.
    expect((await pa.post(`/api/colleague/pairs/${pairId}/end`)).status).toBe(200);
    expect((await pb.post(`/api/colleague/pairs/${pairId}/end`)).status).toBe(409);
    const pc = await person(b.district.id, 'pc@b.test', 'school_leader');
    await optIn(
      pc,
      'Casey',
      colleagueProfile({ wantsHelpWith: ['data_use'], canOffer: ['teacher_coaching'] }),
    );
    const next = await colleagueStateWhen(pa, (s) => s.proposal !== null);
    expect(next.proposal?.other.name).toBe('Casey');
    // Declining is no-fault too: Avery and Casey are never proposed again; Blake, from B like Casey, waits.
    expect((await pa.post(`/api/colleague/pairs/${next.proposal!.pairId}/decline`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const after = await colleagueStateWhen(pa, () => true);
    expect(after.proposal?.other.name ?? null).not.toBe('Casey');
    expect(after.proposal?.other.name ?? null).not.toBe('Blake');
    const blake = await colleagueStateWhen(pb, () => true);
    expect(blake.proposal?.other.name ?? null).not.toBe('Casey'); // same district: never
    for (const c of [pa, pb, pc]) await c.request('DELETE', '/api/colleague/profile');
  });

  it('MATCH-SPACE-4: the pair space is the two members alone: shared notes for both, private notes for their author, nothing for district admins or anyone else', async () => {
    const pa = await person(a.district.id, 'sa@a.test', 'school_leader');
    const pb = await person(b.district.id, 'sb@b.test', 'school_leader');
    const pairId = await agreedPair(pa, pb);
    expect(
      (
        await pa.post(`/api/colleague/pairs/${pairId}/notes`, {
          visibility: 'shared',
          body: 'Agenda: walkthrough feedback',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await pa.post(`/api/colleague/pairs/${pairId}/notes`, {
          visibility: 'private',
          body: 'I worry about my AP team',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await pb.request('PUT', `/api/colleague/pairs/${pairId}/check-in`, {
          everyWeeks: 2,
          nextOn: '2027-01-12',
        })
      ).status,
    ).toBe(200);
    const mine = await pa.get<PairSpace>(`/api/colleague/pairs/${pairId}/space`);
    expect(mine.body.shared.map((n) => n.body)).toEqual(['Agenda: walkthrough feedback']);
    expect(mine.body.private.map((n) => n.body)).toEqual(['I worry about my AP team']);
    expect(mine.body.checkIn).toEqual({ everyWeeks: 2, nextOn: '2027-01-12' });
    const theirs = await pb.get<PairSpace>(`/api/colleague/pairs/${pairId}/space`);
    expect(theirs.body.shared.map((n) => n.body)).toEqual(['Agenda: walkthrough feedback']);
    expect(theirs.body.private).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain('AP team');
    // Both district admins, and another principal of the exchange, get 404 on every pair endpoint.
    const other = await person(a.district.id, 'other@a.test', 'school_leader');
    await optIn(other, 'Other', colleagueProfile());
    for (const outsider of [a.client, b.client, other]) {
      expect((await outsider.get(`/api/colleague/pairs/${pairId}/space`)).status).toBe(404);
      expect(
        (await outsider.post(`/api/colleague/pairs/${pairId}/notes`, { visibility: 'shared', body: 'x' }))
          .status,
      ).toBe(404);
      expect(
        (
          await outsider.request('PUT', `/api/colleague/pairs/${pairId}/check-in`, {
            everyWeeks: 1,
            nextOn: null,
          })
        ).status,
      ).toBe(404);
      for (const verb of ['accept', 'decline', 'end'])
        expect((await outsider.post(`/api/colleague/pairs/${pairId}/${verb}`)).status).toBe(404);
    }
    // Opting out ends the pair (no fault); its space is gone for both.
    await pa.request('DELETE', '/api/colleague/profile');
    expect((await pb.get(`/api/colleague/pairs/${pairId}/space`)).status).toBe(404);
  });
});
