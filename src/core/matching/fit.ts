/**
 * The fit score of two principals (MATCH-4, MATCH-5; ADR 0033). An integer from 0 to 100, symmetric, the sum of
 * these parts:
 *
 * | part                                   | rule                                                                | max |
 * | -------------------------------------- | ------------------------------------------------------------------- | --- |
 * | B offers what A wants                  | 20 for one of A's wants that B offers, 28 for two or more           |  28 |
 * | A offers what B wants                  | the same, the other way                                             |  28 |
 * | shared focus areas                     | 4 a shared focus area, up to 3                                      |  12 |
 * | school level                           | 8 the same; 4 when the grades overlap (K-8 with elementary/middle,   |   8 |
 * |                                        | K-12 with elementary/middle/high/K-8)                               |     |
 * | school size                            | 4 the same band, 2 the next band                                    |   4 |
 * | setting (urban, suburban, town, rural) | 4 the same, 2 the next on that line                                 |   4 |
 * | years in the role                      | 4 the same band, 2 the next band                                    |   4 |
 * | time zone (UTC offsets at one instant) | 6 the same offset, 4 within 1 h, 2 within 3 h                        |   6 |
 * | availability                           | within 1 h: 2 a shared weekday slot, up to 3; further apart (slots   |   6 |
 * |                                        | are local times): 1 a weekday both can meet on, up to 3             |     |
 *
 * Complementarity (what one wants and the other offers, both ways) is weighted most: a pair who can help each
 * other (56 points) outranks any pair who are merely alike (44 at most). Pairs below `MIN_FIT` are never proposed.
 * Features are bitmasks and small integers so the score costs a few operations: candidate generation scores
 * millions of pairs at 20,000 principals.
 */
import {
  AVAILABILITY_SLOTS,
  PRINCIPAL_FOCUS_AREAS,
  SCHOOL_LEVELS,
  SCHOOL_SETTINGS,
  SCHOOL_SIZE_BANDS,
  YEARS_IN_ROLE_BANDS,
  type AvailabilitySlot,
  type ColleagueProfile,
  type FocusArea,
  type MatchReason,
} from '#contracts/colleague';

/** A pair scoring below this is not worth proposing (fairness: no forced weak match; ADR 0033). */
export const MIN_FIT = 20;
export const MAX_FIT = 100;

/** A principal's profile as the score reads it. */
export interface Features {
  wants: number;
  offers: number;
  focus: number;
  level: number;
  size: number;
  setting: number;
  years: number;
  /** Minutes east of UTC at the instant the matching runs for. */
  offset: number;
  slots: number;
}

const bitOf = <T extends string>(list: readonly T[], value: T): number => 1 << list.indexOf(value);
const maskOf = <T extends string>(list: readonly T[], values: readonly T[]): number =>
  values.reduce((m, v) => m | bitOf(list, v), 0);
const listOf = <T extends string>(list: readonly T[], mask: number): T[] =>
  list.filter((_, i) => (mask >> i) & 1);

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Levels whose grades overlap (4 points), as bit masks over SCHOOL_LEVELS. */
const OVERLAP: readonly number[] = SCHOOL_LEVELS.map((level) => {
  const near: Record<(typeof SCHOOL_LEVELS)[number], readonly (typeof SCHOOL_LEVELS)[number][]> = {
    elementary: ['k8', 'k12'],
    middle: ['k8', 'k12'],
    high: ['k12'],
    k8: ['elementary', 'middle', 'k12'],
    k12: ['elementary', 'middle', 'high', 'k8'],
    other: [],
  };
  return maskOf(SCHOOL_LEVELS, near[level]);
});

/** The UTC offset of an IANA zone at `at`, in minutes east of UTC (a pure function of its inputs). */
const offsetCache = new Map<string, number>();
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const key = `${timeZone}@${at.getTime()}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  offsetCache.set(key, minutes);
  return minutes;
}

/** The features of a profile, its time zone read at `at`. */
export function featuresOf(profile: ColleagueProfile, at: Date): Features {
  return {
    wants: maskOf(PRINCIPAL_FOCUS_AREAS, profile.wantsHelpWith),
    offers: maskOf(PRINCIPAL_FOCUS_AREAS, profile.canOffer),
    focus: maskOf(PRINCIPAL_FOCUS_AREAS, profile.focusAreas),
    level: SCHOOL_LEVELS.indexOf(profile.schoolLevel),
    size: SCHOOL_SIZE_BANDS.indexOf(profile.schoolSize),
    setting: SCHOOL_SETTINGS.indexOf(profile.setting),
    years: YEARS_IN_ROLE_BANDS.indexOf(profile.yearsInRole),
    offset: utcOffsetMinutes(profile.timeZone, at),
    slots: maskOf(AVAILABILITY_SLOTS, profile.availability),
  };
}

const complement = (wants: number, offers: number): number => {
  const c = popcount(wants & offers);
  return c === 0 ? 0 : c === 1 ? 20 : 28;
};
const band = (x: number, y: number): number => (x === y ? 4 : x - y === 1 || y - x === 1 ? 2 : 0);
/** The school-level points of two levels (indices into SCHOOL_LEVELS). */
export const levelScore = (x: number, y: number): number =>
  x === y ? 8 : ((OVERLAP[x] ?? 0) >> y) & 1 ? 4 : 0;
const levelPoints = (a: Features, b: Features): number => levelScore(a.level, b.level);
function zonePoints(a: Features, b: Features): number {
  const d = Math.abs(a.offset - b.offset);
  return d === 0 ? 6 : d <= 60 ? 4 : d <= 180 ? 2 : 0;
}
/** The five weekdays as masks over the 15 slots (3 parts a day). */
const DAY_MASKS = [0, 1, 2, 3, 4].map((d) => 0b111 << (3 * d));
function daysOf(slots: number): number {
  let days = 0;
  for (let d = 0; d < 5; d += 1) if (slots & (DAY_MASKS[d] ?? 0)) days |= 1 << d;
  return days;
}
function availabilityPoints(a: Features, b: Features): number {
  if (Math.abs(a.offset - b.offset) <= 60) return 2 * Math.min(3, popcount(a.slots & b.slots));
  return Math.min(3, popcount(daysOf(a.slots) & daysOf(b.slots)));
}

/** MATCH-4: the fit of two principals, 0-100, symmetric. */
export function fitScore(a: Features, b: Features): number {
  return (
    complement(a.wants, b.offers) +
    complement(b.wants, a.offers) +
    4 * Math.min(3, popcount(a.focus & b.focus)) +
    levelPoints(a, b) +
    band(a.size, b.size) +
    band(a.setting, b.setting) +
    band(a.years, b.years) +
    zonePoints(a, b) +
    availabilityPoints(a, b)
  );
}

/**
 * MATCH-5: why `reader` was matched with `other`, as seen by the reader: the parts of the fit that scored, which
 * add up to `fitScore(reader, other)`. Reasons carry codes and points; the web words them.
 */
export function reasons(reader: Features, other: Features): MatchReason[] {
  const out: MatchReason[] = [];
  const focus = (mask: number): FocusArea[] => listOf(PRINCIPAL_FOCUS_AREAS, mask);
  const push = (reason: MatchReason) => {
    if (reason.points > 0) out.push(reason);
  };
  push({
    code: 'they-offer-what-you-want',
    points: complement(reader.wants, other.offers),
    focus: focus(reader.wants & other.offers),
  });
  push({
    code: 'you-offer-what-they-want',
    points: complement(other.wants, reader.offers),
    focus: focus(other.wants & reader.offers),
  });
  push({
    code: 'shared-focus',
    points: 4 * Math.min(3, popcount(reader.focus & other.focus)),
    focus: focus(reader.focus & other.focus),
  });
  push({ code: 'school-level', points: levelPoints(reader, other) });
  push({ code: 'school-size', points: band(reader.size, other.size) });
  push({ code: 'setting', points: band(reader.setting, other.setting) });
  push({ code: 'years-in-role', points: band(reader.years, other.years) });
  push({ code: 'time-zone', points: zonePoints(reader, other) });
  // Slots are local times: they name shared slots only when the two clocks are within an hour (else shared days count).
  const near = Math.abs(reader.offset - other.offset) <= 60;
  const slots: AvailabilitySlot[] = near ? listOf(AVAILABILITY_SLOTS, reader.slots & other.slots) : [];
  push({ code: 'availability', points: availabilityPoints(reader, other), slots });
  return out;
}
