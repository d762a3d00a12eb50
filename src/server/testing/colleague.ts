/**
 * Test support for the colleague exchange (MATCH-SPACE-*): two principals of two districts opt in with profiles
 * that fit, and wait for the matching job's proposal (it runs soon after each opt-in).
 */
import type { ColleagueProfile, MyColleague } from '#contracts/colleague';
import type { Client } from './api-harness';

export const colleagueProfile = (overrides: Partial<ColleagueProfile> = {}): ColleagueProfile => ({
  schoolLevel: 'elementary',
  schoolSize: '300-599',
  setting: 'suburban',
  yearsInRole: '0-2',
  focusAreas: ['teacher_coaching'],
  wantsHelpWith: ['teacher_coaching'],
  canOffer: ['family_engagement'],
  availability: ['tue-after', 'thu-after'],
  timeZone: 'America/Chicago',
  region: 'IL',
  avoidSameRegion: false,
  ...overrides,
});

export async function optIn(client: Client, name: string, profile: ColleagueProfile): Promise<MyColleague> {
  const res = await client.request<MyColleague>('PUT', '/api/colleague/profile', {
    profile,
    shown: { name, school: `${name}'s school`, district: `${name}'s district` },
  });
  if (res.status !== 200) throw new Error(`optIn ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls until `done` holds for the caller's state (the matching job runs soon after each change). */
export async function colleagueStateWhen(
  client: Client,
  done: (state: MyColleague) => boolean,
  timeoutMs = 10_000,
): Promise<MyColleague> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get<MyColleague>('/api/colleague');
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > until) throw new Error(`colleague state never came: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Two principals (of two districts) opt in with complementary profiles, are proposed to each other and accept. */
export async function agreedPair(a: Client, b: Client): Promise<string> {
  await optIn(a, 'Avery', colleagueProfile({ wantsHelpWith: ['teacher_coaching'], canOffer: ['data_use'] }));
  await optIn(
    b,
    'Blake',
    colleagueProfile({ wantsHelpWith: ['data_use'], canOffer: ['teacher_coaching'], region: 'WI' }),
  );
  const proposed = await colleagueStateWhen(a, (s) => s.proposal !== null);
  const pairId = proposed.proposal!.pairId;
  for (const c of [a, b]) {
    const res = await c.post(`/api/colleague/pairs/${pairId}/accept`);
    if (res.status !== 200) throw new Error(`accept: ${res.status}`);
  }
  return pairId;
}
