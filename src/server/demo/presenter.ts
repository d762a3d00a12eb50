import type { DemoInfo } from '#contracts/demo';
import { FEATURED, type FeaturedPersonRow } from './queries';
import { demoEmail } from './seed';

/** What any server answers outside demo mode: no demo, nobody to sign in as. */
export const NOT_A_DEMO: DemoInfo = { demo: false, districtName: null, people: [], othersCount: 0 };

/** The demo district as the sign-in page introduces it: the featured people in order, and how many others. */
export function presentDemoInfo(
  district: { name: string },
  people: ReadonlyMap<string, FeaturedPersonRow>,
  seededCount: number,
): DemoInfo {
  const listed = FEATURED.flatMap((f) => {
    const p = people.get(demoEmail(f.key));
    return p
      ? [
          {
            userId: p.userId,
            name: p.name,
            email: p.email,
            role: f.role,
            schoolName: p.schoolName,
            teams: p.teams,
            try: f.try,
          },
        ]
      : [];
  });
  return {
    demo: true,
    districtName: district.name,
    people: listed,
    othersCount: Math.max(0, seededCount - listed.length),
  };
}
