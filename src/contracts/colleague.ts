/**
 * A trusted colleague outside your district (issue 14, MATCH-*, ADR 0033): the short profile a principal opts in
 * with, and why two principals were matched. District and region are not in the profile: the server takes the
 * district from the account and turns the region text into an opaque key (`regionKey` in
 * src/core/matching/candidates.ts) before the core sees it.
 */
import { z } from './zod';
import { TimeZone } from './time-zone';
import { FOCUS_AREAS, FocusArea } from './focus';

/** The focus areas (shared with network cohorts: `./focus`); a cohort may also write its own. */
export const PRINCIPAL_FOCUS_AREAS = FOCUS_AREAS;
export { FocusArea };

export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'k8', 'k12', 'other'] as const;
export const SchoolLevel = z.enum(SCHOOL_LEVELS);
export type SchoolLevel = z.infer<typeof SchoolLevel>;

/** Enrolment bands, smallest first (their order is their distance). */
export const SCHOOL_SIZE_BANDS = ['under-300', '300-599', '600-999', '1000-plus'] as const;
export const SchoolSize = z.enum(SCHOOL_SIZE_BANDS);
export type SchoolSize = z.infer<typeof SchoolSize>;

export const SCHOOL_SETTINGS = ['urban', 'suburban', 'town', 'rural'] as const;
export const SchoolSetting = z.enum(SCHOOL_SETTINGS);
export type SchoolSetting = z.infer<typeof SchoolSetting>;

/** Years as a principal, in bands, fewest first. */
export const YEARS_IN_ROLE_BANDS = ['0-2', '3-5', '6-10', '11-plus'] as const;
export const YearsInRole = z.enum(YEARS_IN_ROLE_BANDS);
export type YearsInRole = z.infer<typeof YearsInRole>;

/** A weekday and a part of the school day, in the principal's own time zone. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const DAY_PARTS = ['before', 'during', 'after'] as const;
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}-${p}` as const));
export const AvailabilitySlot = z.enum(AVAILABILITY_SLOTS);
export type AvailabilitySlot = z.infer<typeof AvailabilitySlot>;

const distinct = (list: readonly string[]) => new Set(list).size === list.length;
const focusList = (min: number, max: number, what: string) =>
  z
    .array(FocusArea)
    .check(
      z.minLength(min, `Choose at least ${min} ${what}`),
      z.maxLength(max, `Choose at most ${max} ${what}`),
      z.refine(distinct, 'Choose each focus area once'),
    );

/** MATCH-1: the profile a principal opts in with. */
export const ColleagueProfile = z.strictObject({
  schoolLevel: SchoolLevel,
  schoolSize: SchoolSize,
  setting: SchoolSetting,
  yearsInRole: YearsInRole,
  /** What the principal works on now (1-4). */
  focusAreas: focusList(1, 4, 'focus areas'),
  /** What they want help with (1-3). */
  wantsHelpWith: focusList(1, 3, 'areas to get help with'),
  /** What they can offer another principal (1-3). */
  canOffer: focusList(1, 3, 'areas to offer'),
  /** When they can meet, in their own time zone (at least one slot). */
  availability: z
    .array(AvailabilitySlot)
    .check(
      z.minLength(1, 'Choose at least one time you could meet'),
      z.maxLength(AVAILABILITY_SLOTS.length),
      z.refine(distinct, 'Choose each time once'),
    ),
  timeZone: TimeZone,
  /** A state code or a short region name ("OR", "Puget Sound"). */
  region: z.string().check(z.trim(), z.minLength(1, 'Enter your state or region'), z.maxLength(60)),
  /** Never propose a colleague from the same region either (MATCH-3). */
  avoidSameRegion: z.boolean(),
});
export type ColleagueProfile = z.infer<typeof ColleagueProfile>;

/**
 * MATCH-5: the parts of a fit score, each with its points, worded by the web from the code. "theyOffer" and
 * "youOffer" are seen from the reader's side: the reasons a reader gets name what the other offers them first.
 */
export const MATCH_REASON_CODES = [
  'they-offer-what-you-want',
  'you-offer-what-they-want',
  'shared-focus',
  'school-level',
  'school-size',
  'setting',
  'years-in-role',
  'time-zone',
  'availability',
] as const;
export const MatchReasonCode = z.enum(MATCH_REASON_CODES);
export type MatchReasonCode = z.infer<typeof MatchReasonCode>;

export const MatchReason = z.object({
  code: MatchReasonCode,
  points: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  /** The focus areas behind it (complementarity and shared focus), for the web to name. */
  focus: z.optional(z.array(FocusArea)),
  /** The meeting times both gave (availability). */
  slots: z.optional(z.array(AvailabilitySlot)),
});
export type MatchReason = z.infer<typeof MatchReason>;

/** Why two principals were matched: the fit (0-100) and its parts, which add up to it. */
export const MatchExplanation = z.object({
  fit: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
  reasons: z.array(MatchReason),
});
export type MatchExplanation = z.infer<typeof MatchExplanation>;

// --- The colleague exchange (issue 14, ADR 0032, MATCH-SPACE-*): opting in, proposals, the pair's space. -------

const Shown = z.string().check(z.trim(), z.maxLength(120));
/** How a principal shows themself to a proposed colleague: their name, and optionally school and district. */
export const ColleagueShown = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(120)),
  school: z._default(Shown, ''),
  district: z._default(Shown, ''),
});
export type ColleagueShown = z.infer<typeof ColleagueShown>;

export const OptInAsColleague = z.strictObject({ profile: ColleagueProfile, shown: ColleagueShown });
export type OptInAsColleague = z.infer<typeof OptInAsColleague>;

/** The other principal, as they chose to show themself, and the parts of their profile a colleague needs. */
export const ColleagueCard = z.object({
  name: z.string(),
  school: z.string(),
  district: z.string(),
  schoolLevel: SchoolLevel,
  schoolSize: SchoolSize,
  setting: SchoolSetting,
  yearsInRole: YearsInRole,
  canOffer: z.array(FocusArea),
  wantsHelpWith: z.array(FocusArea),
  timeZone: z.string(),
});
export type ColleagueCard = z.infer<typeof ColleagueCard>;

export const Proposal = z.object({
  pairId: z.uuid(),
  other: ColleagueCard,
  /** Why, from the reader's side (MATCH-5). */
  why: MatchExplanation,
  /** The reader has accepted and waits for the other. */
  youAccepted: z.boolean(),
  proposedAt: z.iso.datetime({ offset: true }),
});
export type Proposal = z.infer<typeof Proposal>;

export const ActivePair = z.object({
  pairId: z.uuid(),
  other: ColleagueCard,
  why: MatchExplanation,
  since: z.iso.datetime({ offset: true }),
});
export type ActivePair = z.infer<typeof ActivePair>;

export const MyColleague = z.object({
  /** Principals (school leaders, district admins) may opt in. */
  canOptIn: z.boolean(),
  profile: z.nullable(ColleagueProfile),
  shown: z.nullable(z.object({ name: z.string(), school: z.string(), district: z.string() })),
  proposal: z.nullable(Proposal),
  pair: z.nullable(ActivePair),
});
export type MyColleague = z.infer<typeof MyColleague>;

export const PairNoteVisibility = z.enum(['shared', 'private']);
export const NewPairNote = z.strictObject({
  visibility: PairNoteVisibility,
  body: z.string().check(z.trim(), z.minLength(1, 'Write something first'), z.maxLength(5000)),
});
export const PairNote = z.object({
  id: z.uuid(),
  visibility: PairNoteVisibility,
  /** Written by the reader. */
  mine: z.boolean(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PairNote = z.infer<typeof PairNote>;

export const CheckInSchedule = z.strictObject({
  /** Every 1-8 weeks, or null: not set. */
  everyWeeks: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(8))),
  nextOn: z.nullable(z.iso.date()),
});
export type CheckInSchedule = z.infer<typeof CheckInSchedule>;

export const PairSpace = z.object({
  pairId: z.uuid(),
  other: ColleagueCard,
  since: z.iso.datetime({ offset: true }),
  checkIn: CheckInSchedule,
  /** Notes both read (oldest first). */
  shared: z.array(PairNote),
  /** The reader's own private notes (the other never sees them). */
  private: z.array(PairNote),
});
export type PairSpace = z.infer<typeof PairSpace>;
