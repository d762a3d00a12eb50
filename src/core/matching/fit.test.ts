/**
 * The fit score and its reasons (MATCH-1, MATCH-4, MATCH-5): the contract accepts a real profile and refuses
 * broken ones; the score is a symmetric integer in 0-100, complementarity outweighs likeness, and each side's
 * reasons add up to the score.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_SLOTS,
  ColleagueProfile,
  MatchExplanation,
  PRINCIPAL_FOCUS_AREAS,
  SCHOOL_LEVELS,
  SCHOOL_SETTINGS,
  SCHOOL_SIZE_BANDS,
  YEARS_IN_ROLE_BANDS,
} from '#contracts/colleague';
import { featuresOf, fitScore, MAX_FIT, reasons } from './fit';
import { generatePrincipals } from './generate';

const at = new Date('2027-02-01T17:00:00Z');
const subset = <T>(values: readonly T[], min: number, max: number) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: min, maxLength: max });

const profileArb: fc.Arbitrary<ColleagueProfile> = fc.record({
  schoolLevel: fc.constantFrom(...SCHOOL_LEVELS),
  schoolSize: fc.constantFrom(...SCHOOL_SIZE_BANDS),
  setting: fc.constantFrom(...SCHOOL_SETTINGS),
  yearsInRole: fc.constantFrom(...YEARS_IN_ROLE_BANDS),
  focusAreas: subset(PRINCIPAL_FOCUS_AREAS, 1, 4),
  wantsHelpWith: subset(PRINCIPAL_FOCUS_AREAS, 1, 3),
  canOffer: subset(PRINCIPAL_FOCUS_AREAS, 1, 3),
  availability: subset(AVAILABILITY_SLOTS, 1, 15),
  timeZone: fc.constantFrom(
    'America/New_York',
    'America/Chicago',
    'America/Phoenix',
    'Pacific/Honolulu',
    'Asia/Kolkata',
  ),
  region: fc.constantFrom('OR', 'WA', 'Puget Sound'),
  avoidSameRegion: fc.boolean(),
});

const base: ColleagueProfile = {
  schoolLevel: 'elementary',
  schoolSize: '300-599',
  setting: 'suburban',
  yearsInRole: '3-5',
  focusAreas: ['student_engagement'],
  wantsHelpWith: ['teacher_coaching'],
  canOffer: ['data_use'],
  availability: ['tue-after'],
  timeZone: 'America/Chicago',
  region: 'IL',
  avoidSameRegion: false,
};

describe('colleague profile contract (MATCH-1)', () => {
  it('MATCH-1: accepts every generated profile and refuses empty, repeated or unknown focus areas', () => {
    for (const p of generatePrincipals(200, 3).principals)
      expect(ColleagueProfile.safeParse(p.profile).success).toBe(true);
    expect(ColleagueProfile.safeParse(base).success).toBe(true);
    expect(ColleagueProfile.safeParse({ ...base, wantsHelpWith: [] }).success).toBe(false);
    expect(ColleagueProfile.safeParse({ ...base, canOffer: ['data_use', 'data_use'] }).success).toBe(false);
    expect(ColleagueProfile.safeParse({ ...base, focusAreas: ['astrology'] }).success).toBe(false);
    expect(ColleagueProfile.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(ColleagueProfile.safeParse({ ...base, districtId: 'x' }).success).toBe(false);
  });
});

describe('fit score (MATCH-4, MATCH-5)', () => {
  it('MATCH-4: the fit is a symmetric integer between 0 and 100', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        const fa = featuresOf(a, at);
        const fb = featuresOf(b, at);
        const score = fitScore(fa, fb);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(MAX_FIT);
        expect(fitScore(fb, fa)).toBe(score);
      }),
      { numRuns: 300 },
    );
  });

  it('MATCH-4: two who can help each other both ways outrank two who are merely alike; an ideal pair scores 100', () => {
    const helper: ColleagueProfile = {
      ...base,
      wantsHelpWith: ['data_use'],
      canOffer: ['teacher_coaching'],
      setting: 'rural',
      schoolLevel: 'high',
      schoolSize: '1000-plus',
      yearsInRole: '11-plus',
      timeZone: 'Pacific/Honolulu',
      availability: ['mon-before'],
      focusAreas: ['attendance'],
    };
    const twin: ColleagueProfile = { ...base };
    expect(fitScore(featuresOf(base, at), featuresOf(helper, at))).toBeGreaterThan(
      fitScore(featuresOf(base, at), featuresOf(twin, at)),
    );
    expect(fitScore(featuresOf(base, at), featuresOf(helper, at))).toBe(40);
    // Alike in all but complementarity: 4 shared focus + 8 level + 4 size + 4 setting + 4 years + 6 zone + 2 slot.
    expect(fitScore(featuresOf(base, at), featuresOf(twin, at))).toBe(32);
    const a: ColleagueProfile = {
      ...base,
      focusAreas: ['student_engagement', 'attendance', 'data_use'],
      wantsHelpWith: ['teacher_coaching', 'writing_across_content'],
      canOffer: ['data_use', 'family_engagement'],
      availability: ['mon-after', 'tue-after', 'wed-after'],
    };
    const b: ColleagueProfile = { ...a, wantsHelpWith: a.canOffer, canOffer: a.wantsHelpWith };
    expect(fitScore(featuresOf(a, at), featuresOf(b, at))).toBe(100);
  });

  it('MATCH-5: each side sees the reasons from its own side, valid for the contract, adding up to the fit', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        const fa = featuresOf(a, at);
        const fb = featuresOf(b, at);
        const mine = reasons(fa, fb);
        const theirs = reasons(fb, fa);
        for (const list of [mine, theirs]) {
          expect(MatchExplanation.safeParse({ fit: fitScore(fa, fb), reasons: list }).success).toBe(true);
          expect(list.reduce((s, r) => s + r.points, 0)).toBe(fitScore(fa, fb));
        }
        const they = mine.find((r) => r.code === 'they-offer-what-you-want');
        const you = theirs.find((r) => r.code === 'you-offer-what-they-want');
        expect(they && { points: they.points, focus: they.focus }).toEqual(
          you && { points: you.points, focus: you.focus },
        );
        for (const focus of they?.focus ?? []) {
          expect(a.wantsHelpWith).toContain(focus);
          expect(b.canOffer).toContain(focus);
        }
      }),
      { numRuns: 300 },
    );
  });
});
