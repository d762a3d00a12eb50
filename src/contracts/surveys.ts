/**
 * Anonymous efficacy surveys in waves (issue 13, MEASURE-WAVE-*, ADR 0029): who runs a wave, how people answer,
 * and the reports read from results frozen at close (ADR 0028's suppression decided once per wave).
 * Nothing here carries a person with an answer: a wave says how many answered, never who.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { EFFICACY_SOURCES } from './routine';
import { ImportFile } from './routine-library';

/** The least number of answers behind any shown result; an admin may raise it, never lower it (MEASURE-ANON). */
export const MIN_THRESHOLD = 5;
export const MAX_THRESHOLD = 50;
/** A wave stays open at most this many days. */
export const MAX_WAVE_DAYS = 92;

/**
 * What an instrument's item and a result measure: one of the four sources of efficacy, or collective efficacy as
 * a whole. Here rather than in `instrument.ts`, so the browser's survey pages do not load the instrument's rules.
 */
export const INSTRUMENT_CONSTRUCTS = [...EFFICACY_SOURCES, 'collective'] as const;
export const Construct = z.enum(INSTRUMENT_CONSTRUCTS);
export type Construct = z.infer<typeof Construct>;

export const RoleBand = z.enum(['staff', 'leader']);
export type RoleBand = z.infer<typeof RoleBand>;

/**
 * MEASURE-NET-2 (ADR 0032): where a wave runs. A network's waves have no role split (its members lead schools at
 * home, which the network knows nothing of): everyone answers in one band and reports read `role=all` only.
 */
export const WaveSpace = z.enum(['district', 'network']);
export type WaveSpace = z.infer<typeof WaveSpace>;

export const WaveScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('district') }),
  z.strictObject({ kind: z.literal('school'), schoolId: Id }),
  z.strictObject({
    kind: z.literal('teams'),
    teamIds: z.array(Id).check(z.minLength(1, 'Choose at least one team'), z.maxLength(500)),
  }),
]);
export type WaveScope = z.infer<typeof WaveScope>;

/** An instrument a wave can use (MEASURE-INST): what it asks, in short. */
export const InstrumentSummary = z.object({
  slug: z.string(),
  version: z.number(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(['survey', 'pulse']),
  items: z.number(),
  constructs: z.array(Construct),
  licenceOwner: z.string(),
  /** Ensemble's own (shipped) or uploaded by the district. */
  source: z.enum(['shipped', 'uploaded']),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

/** MEASURE-INST-13: an instrument an admin holds a licence for, uploaded as the same YAML as the shipped ones. */
export const UploadInstrument = z.strictObject({ file: ImportFile });
export type UploadInstrument = z.infer<typeof UploadInstrument>;

export const InviteMode = z.enum(['email', 'link']);
export type InviteMode = z.infer<typeof InviteMode>;

/** A shipped instrument by its slug, or an uploaded one by its id. */
export const InstrumentRef = z.strictObject({ slug: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)) });

export const CreateWave = z
  .strictObject({
    title: z.string().check(z.trim(), z.minLength(1, 'Give the wave a title'), z.maxLength(120)),
    instrument: InstrumentRef,
    scope: WaveScope,
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    invite: InviteMode,
    threshold: z._default(
      z
        .number()
        .check(
          z.int(),
          z.gte(MIN_THRESHOLD, `The threshold is at least ${MIN_THRESHOLD}: it can be raised, never lowered`),
          z.lte(MAX_THRESHOLD),
        ),
      MIN_THRESHOLD,
    ),
  })
  .check(
    z.refine((w) => w.closesOn >= w.opensOn, {
      message: 'The close date is on or after the open date',
      path: ['closesOn'],
    }),
    z.refine((w) => (Date.parse(w.closesOn) - Date.parse(w.opensOn)) / 86_400_000 <= MAX_WAVE_DAYS, {
      message: `A wave stays open at most ${MAX_WAVE_DAYS} days`,
      path: ['closesOn'],
    }),
  );
export type CreateWave = z.infer<typeof CreateWave>;

export const WaveStatus = z.enum(['scheduled', 'open', 'closed']);
export type WaveStatus = z.infer<typeof WaveStatus>;

export const WaveSummary = z.object({
  id: Id,
  title: z.string(),
  /**
   * MEASURE-NET-1..3: a district's wave, or a network's (scope `district` is then the whole network and `teams` its
   * cohorts; no role filter; members are invited in Ensemble, never by mail, so there is no reminder).
   */
  space: WaveSpace,
  scope: z.object({
    kind: z.enum(['district', 'school', 'teams']),
    label: z.string(),
    /** The school's id (school) or the teams' ids (teams), none for the district: which groups compare (MEASURE-REPORT-8). */
    ids: z.array(Id),
  }),
  instrument: z.object({ slug: z.string(), version: z.number(), title: z.string() }),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  status: WaveStatus,
  invite: InviteMode,
  threshold: z.number(),
  /** People invited at launch (the frame's size). */
  invited: z.number(),
  /** Answers so far, for the wave as a whole only (never by school or team while open, never who). */
  responses: z.number(),
  /** responses / invited, null when nobody was invited (an anonymous link's scope may be empty). */
  responseRate: z.nullable(z.number()),
  remindedAt: z.nullable(IsoDateTime),
  abilities: z.object({ manage: z.boolean(), report: z.boolean() }),
});
export type WaveSummary = z.infer<typeof WaveSummary>;

export const WaveList = z.object({
  items: z.array(WaveSummary),
  /** Whether the caller may start a wave (a district admin, or a school leader for their school). */
  canCreate: z.boolean(),
});
export type WaveList = z.infer<typeof WaveList>;

/** The answer to creating a wave: the anonymous link is shown once (only its hash is kept). */
export const CreatedWave = z.object({ wave: WaveSummary, link: z.nullable(z.string()) });
export type CreatedWave = z.infer<typeof CreatedWave>;

/** A unit a respondent answers about: their team, or their school's or the district's "no team" pool. */
export const AnswerUnit = z.object({ key: z.string(), label: z.string() });
export type AnswerUnit = z.infer<typeof AnswerUnit>;

/** What a respondent sees: the items and scale, never anyone's answers. */
export const SurveyToAnswer = z.object({
  wave: z.object({ id: Id, title: z.string(), closesOn: z.iso.date(), status: WaveStatus }),
  instrument: z.object({
    title: z.string(),
    description: z.string(),
    scale: z.array(z.string()),
    items: z.array(z.object({ id: z.string(), text: z.string() })),
    freeText: z.nullable(z.object({ prompt: z.string() })),
  }),
  /** The units the respondent may answer about (one: chosen for them). */
  units: z.array(AnswerUnit),
  /** Anonymous link only: the respondent says whether they lead (an account's role is read, never asked). */
  asksRole: z.boolean(),
  alreadyAnswered: z.boolean(),
  threshold: z.number(),
});
export type SurveyToAnswer = z.infer<typeof SurveyToAnswer>;

export const SubmitResponse = z.strictObject({
  unit: z.string().check(z.minLength(1), z.maxLength(80)),
  leader: z.optional(z.boolean()),
  /** Item id -> a point of the scale (1 = its first label). Every item is required (ADR 0028). */
  answers: z.record(z.string().check(z.maxLength(60)), z.number().check(z.int(), z.gte(1), z.lte(7))),
  freeText: z.optional(z.string().check(z.trim(), z.maxLength(2000, 'Keep it under 2,000 characters'))),
  /** Anonymous link only: this browser's random token, to refuse a second answer from it. */
  browserToken: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/))),
});
export type SubmitResponse = z.infer<typeof SubmitResponse>;

export const SubmittedResponse = z.object({ ok: z.literal(true), closesOn: z.iso.date() });

/** A 95% interval, [low, high]. */
const Interval = z.array(z.number());

/** One construct's numbers in a shown cell. */
export const ConstructResult = z.object({
  construct: Construct,
  mean: z.number(),
  /** The standard deviation of respondents' scale scores (n - 1): what a comparison of waves needs. */
  sd: z.number(),
  ci95: Interval,
  /** Cronbach's alpha of the construct's items, null when it cannot be computed (fewer than 2 items, no variance). */
  alpha: z.nullable(z.number()),
  alphaCi95: z.nullable(Interval),
  /** Share answering in the scale's upper half, shown only at the distribution threshold (MEASURE-ANON). */
  favourable: z.nullable(z.number()),
});
export type ConstructResult = z.infer<typeof ConstructResult>;

export const ItemResult = z.object({
  id: z.string(),
  construct: Construct,
  reverse: z.boolean(),
  mean: z.number(),
  ci95: Interval,
});

export const CellNode = z.object({
  kind: z.enum(['district', 'school', 'team']),
  id: z.nullable(Id),
  name: z.string(),
  /** The school a team belongs to (null for a district-level team, the district and schools). */
  parentId: z.nullable(Id),
});
export type CellNode = z.infer<typeof CellNode>;

const ReportRole = z.enum(['all', 'staff', 'leader']);

/** A cell with no numbers: fewer than the threshold answered, or showing it would let someone work out a smaller group. */
const SuppressedCell = z.object({ status: z.literal('suppressed'), node: CellNode, role: ReportRole });
/** Nobody in it answered (kept apart from "hidden"). */
const EmptyCell = z.object({ status: z.literal('empty'), node: CellNode, role: ReportRole });

/**
 * A cell as it is frozen at close (`survey_results.payload`, MEASURE-REPORT-1): a shown cell holds all its item
 * means and every comment (free text) in the order of `orderFreeText`. Reports never send it whole: the node's
 * own cell goes out as a `NodeCell`, the cells under it as `SummaryCell`s (MEASURE-REPORT-6, ADR 0031).
 */
export const FrozenCell = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('shown'),
    node: CellNode,
    role: ReportRole,
    n: z.number(),
    constructs: z.array(ConstructResult),
    items: z.array(ItemResult),
    freeText: z.array(z.string()),
  }),
  SuppressedCell,
  EmptyCell,
]);
export type FrozenCell = z.infer<typeof FrozenCell>;

/** Comments (free text) a report sends at once; further pages come from `GET .../comments` (MEASURE-REPORT-7). */
export const COMMENT_PAGE = 50;
export const MAX_COMMENT_PAGE = 200;

/** One page of a shown cell's comments, in their frozen order (by their texts alone: MEASURE-ANON-8). */
export const CommentPage = z.object({
  /** How many comments the cell holds in all. */
  total: z.number(),
  /** The position of `items[0]` among them. */
  offset: z.number(),
  items: z.array(z.string()),
});
export type CommentPage = z.infer<typeof CommentPage>;

/**
 * MEASURE-REPORT-6: a group under the report's node: how many answered and its construct results, nothing more.
 * Its item means and comments are in its own report (`at=` that group).
 */
export const SummaryCell = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('shown'),
    node: CellNode,
    role: ReportRole,
    n: z.number(),
    constructs: z.array(ConstructResult),
  }),
  SuppressedCell,
  EmptyCell,
]);
export type SummaryCell = z.infer<typeof SummaryCell>;

/** MEASURE-REPORT-6: the report's own node: its constructs, its item means and the first page of its comments. */
export const NodeCell = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('shown'),
    node: CellNode,
    role: ReportRole,
    n: z.number(),
    constructs: z.array(ConstructResult),
    items: z.array(ItemResult),
    /** The first page of its comments; null when the instrument asks for none. */
    comments: z.nullable(CommentPage),
  }),
  SuppressedCell,
  EmptyCell,
]);
export type NodeCell = z.infer<typeof NodeCell>;

export const WaveReport = z.object({
  wave: WaveSummary,
  /** The node the report is at. */
  at: z.string(),
  role: ReportRole,
  scale: z.object({ points: z.number(), labels: z.array(z.string()) }),
  /** The node's own cell; null when the caller may not read it (or the wave has no such node). */
  cell: z.nullable(NodeCell),
  /** The nodes just under it that the caller may read, by name, as summaries. */
  children: z.array(SummaryCell),
  /** Plain words on what the numbers can and cannot say (no causal claims). */
  notes: z.array(z.string()),
});
export type WaveReport = z.infer<typeof WaveReport>;

/** MEASURE-REPORT-5: two closed waves compared at one node and role filter, construct by construct. */
export const WaveComparisonQuery = z.strictObject({
  before: Id,
  after: Id,
  role: z._default(z.enum(['all', 'staff', 'leader']), 'all'),
  at: z._default(z.string().check(z.maxLength(60)), 'district'),
});
export const WaveComparison = z.object({
  before: WaveSummary,
  after: WaveSummary,
  at: z.string(),
  name: z.string(),
  role: z.enum(['all', 'staff', 'leader']),
  /** The two waves' scale (the same: both ask the same questions, MEASURE-REPORT-5), for a chart's axis. */
  scale: z.object({ points: z.number(), labels: z.array(z.string()) }),
  rows: z.array(
    z.object({
      construct: Construct,
      before: z.nullable(z.object({ mean: z.number(), n: z.number() })),
      after: z.nullable(z.object({ mean: z.number(), n: z.number() })),
      /** Hedges' g (positive: growth) with its interval and plain words; null unless both waves show the group. */
      change: z.nullable(
        z.object({
          g: z.number(),
          ci95: z.array(z.number()),
          direction: z.enum(['higher', 'lower', 'same']),
          size: z.enum(['below-small', 'small', 'medium', 'large']),
          couldBeChance: z.boolean(),
          words: z.string(),
        }),
      ),
    }),
  ),
  notes: z.array(z.string()),
});
export type WaveComparison = z.infer<typeof WaveComparison>;

/** A report reads one node (`district`, `school:<id>` or `team:<id>`) and the nodes just under it, for one role filter. */
export const ReportNodeKey = z
  .string()
  .check(
    z.regex(
      /^(district|(school|team):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
      'Use district, school:<id> or team:<id>',
    ),
  );
export const WaveReportQuery = z.strictObject({
  role: z._default(z.enum(['all', 'staff', 'leader']), 'all'),
  at: z._default(ReportNodeKey, 'district'),
});

/** MEASURE-REPORT-7: a page of one node's comments. */
export const WaveCommentsQuery = z.strictObject({
  role: z._default(z.enum(['all', 'staff', 'leader']), 'all'),
  at: z._default(ReportNodeKey, 'district'),
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(1_000_000)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_COMMENT_PAGE)), COMMENT_PAGE),
});
export const WaveComments = z.object({ at: z.string(), role: ReportRole, comments: CommentPage });
export type WaveComments = z.infer<typeof WaveComments>;

/**
 * ADR 0029: the organization a wave was launched on, kept with the wave (jsonb) and parsed back with this schema.
 * Unit keys: `district` (the district's node and its no-team pool), `school:<id>` (a school's node and pool),
 * `team:<id>`. `parent` is the key of the node above (null for the district).
 */
export const FrameUnit = z.object({
  key: z.string(),
  kind: z.enum(['district', 'school', 'team']),
  id: z.nullable(Id),
  name: z.string(),
  parent: z.nullable(z.string()),
});
export type FrameUnit = z.infer<typeof FrameUnit>;
export const WaveFrame = z.object({
  /** MEASURE-NET-2: a network's frame has no schools and one role band; absent in frames taken before networks. */
  space: z._default(WaveSpace, 'district'),
  units: z.array(FrameUnit),
  /** How many people each atom (unit x role band) invited at launch. */
  invited: z.array(z.object({ unit: z.string(), role: RoleBand, n: z.number() })),
});
export type WaveFrame = z.infer<typeof WaveFrame>;
