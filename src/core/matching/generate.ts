/**
 * Seeded, realistic principals for the matching tests and `bench:matching` (not used by the app). Real fit scores
 * are structured, not random: districts of 1-40 principals (mostly small) in regions of very different sizes, each
 * region in one time zone; a district shares a setting; school levels, sizes, years and focus areas are skewed;
 * what principals want help with is skewed differently from what they can offer (coaching is wanted far more than
 * offered), and one in five asks to avoid their own region.
 */
import {
  DAY_PARTS,
  PRINCIPAL_FOCUS_AREAS,
  SCHOOL_LEVELS,
  SCHOOL_SETTINGS,
  SCHOOL_SIZE_BANDS,
  WEEKDAYS,
  YEARS_IN_ROLE_BANDS,
  type AvailabilitySlot,
  type ColleagueProfile,
} from '#contracts/colleague';
import { regionKey, type Principal } from './candidates';

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = random() * total;
  for (let i = 0; i < values.length; i += 1) {
    r -= weights[i] ?? 0;
    const v = values[i];
    if (r < 0 && v !== undefined) return v;
  }
  const last = values[values.length - 1];
  if (last === undefined) throw new Error('nothing to pick from');
  return last;
}

/** `count` distinct values, drawn by weight. */
function pickSome<T>(
  random: () => number,
  values: readonly T[],
  weights: readonly number[],
  count: number,
): T[] {
  const out: T[] = [];
  const w = [...weights];
  while (out.length < count) {
    const v = pick(random, values, w);
    out.push(v);
    w[values.indexOf(v)] = 0;
  }
  return out;
}

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
] as const;
const ZONE_WEIGHTS = [46, 29, 5, 2, 15, 1, 1];

//                          coach writing engage collect ILT attend data family
const WANT_WEIGHTS = [26, 9, 18, 12, 9, 12, 8, 6];
const OFFER_WEIGHTS = [8, 10, 14, 9, 16, 10, 20, 13];
const FOCUS_WEIGHTS = [20, 10, 16, 14, 12, 10, 10, 8];
const LEVEL_WEIGHTS = [50, 18, 17, 7, 4, 4];
const YEARS_WEIGHTS = [30, 30, 25, 15];
const SETTING_WEIGHTS = [25, 35, 15, 25];
const PART_WEIGHTS = [3, 2, 5];
const AVAILABILITY: AvailabilitySlot[] = WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}-${p}` as const));
const AVAILABILITY_WEIGHTS = WEEKDAYS.flatMap((d) => PART_WEIGHTS.map((w) => (d === 'fri' ? w / 2 : w)));

export interface GeneratedPool {
  principals: Principal[];
  /** The instant the matching reads time zones at. */
  at: Date;
}

/** `count` principals from `seed`; the same arguments always give the same pool. */
export function generatePrincipals(count: number, seed: number): GeneratedPool {
  const random = seededRandom(seed);
  const regions = Array.from({ length: 50 }, (_, r) => ({
    key: regionKey(`S${String(r).padStart(2, '0')}`),
    zone: pick(random, ZONES, ZONE_WEIGHTS),
    weight: 1 / (r + 1) ** 0.8,
  }));
  const regionWeights = regions.map((r) => r.weight);
  const principals: Principal[] = [];
  let district = 0;
  while (principals.length < count) {
    const size = Math.min(count - principals.length, 1 + Math.floor(40 * random() ** 3));
    const region = pick(random, regions, regionWeights);
    const setting = pick(random, SCHOOL_SETTINGS, SETTING_WEIGHTS);
    for (let s = 0; s < size; s += 1) {
      const schoolLevel = pick(random, SCHOOL_LEVELS, LEVEL_WEIGHTS);
      const big = schoolLevel === 'high' || schoolLevel === 'k12';
      const profile: ColleagueProfile = {
        schoolLevel,
        schoolSize: pick(random, SCHOOL_SIZE_BANDS, big ? [10, 25, 35, 30] : [25, 45, 25, 5]),
        setting: random() < 0.85 ? setting : pick(random, SCHOOL_SETTINGS, SETTING_WEIGHTS),
        yearsInRole: pick(random, YEARS_IN_ROLE_BANDS, YEARS_WEIGHTS),
        focusAreas: pickSome(random, PRINCIPAL_FOCUS_AREAS, FOCUS_WEIGHTS, 1 + Math.floor(random() * 4)),
        wantsHelpWith: pickSome(
          random,
          PRINCIPAL_FOCUS_AREAS,
          WANT_WEIGHTS,
          pick(random, [1, 2, 3], [4, 4, 2]),
        ),
        canOffer: pickSome(random, PRINCIPAL_FOCUS_AREAS, OFFER_WEIGHTS, pick(random, [1, 2, 3], [4, 4, 2])),
        availability: pickSome(random, AVAILABILITY, AVAILABILITY_WEIGHTS, 1 + Math.floor(random() * 6)),
        timeZone: region.zone,
        region: region.key.toUpperCase(),
        avoidSameRegion: random() < 0.2,
      };
      principals.push({
        id: `p${String(principals.length).padStart(6, '0')}`,
        districtId: `d${district}`,
        regionId: region.key,
        profile,
      });
    }
    district += 1;
  }
  return { principals, at: new Date('2027-02-01T17:00:00Z') };
}
