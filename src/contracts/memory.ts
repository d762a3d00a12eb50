/**
 * Team memory (issue 12): what a team's meetings leave behind, as records a team rereads, links and shares.
 * The texts of a record drawn from a meeting are a projection of its log (core `memoryOf`, MEM-REC-*); what a
 * member adds later (tags, evidence, a resolution, links) is stored beside them. Rules: docs/SPEC.md MEM-*.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { EntityId } from './meeting';
import { ObservationMode, QuestionKind } from './routine';

export const MemoryKind = z.enum(['success', 'dilemma', 'observation']);
export type MemoryKind = z.infer<typeof MemoryKind>;

/** A next step chosen in a meeting (an action item of its log), as a dilemma lists it. */
export const ChosenNextStep = z.object({
  meetingId: Id,
  itemId: EntityId,
  text: z.string(),
  ownerId: Id,
  due: z.nullable(z.iso.date()),
});
export type ChosenNextStep = z.infer<typeof ChosenNextStep>;

/** MEM-REC-2: a success: the story, the evidence of student growth, what made it work, the presenter's insight. */
export const SuccessContent = z.object({
  kind: z.literal('success'),
  story: z.string(),
  evidence: z.string(),
  /** In the team's words: the note of the routine's discussion step. */
  whatWorked: z.string(),
  /** The note of the step where the presenter responds. */
  insight: z.string(),
  /** The note of the final discussion ("what we learned"). */
  learned: z.string(),
});
export type SuccessContent = z.infer<typeof SuccessContent>;

/** MEM-REC-3: a problem of practice: the dilemma, the team's suggested actions, the presenter's next steps. */
export const DilemmaContent = z.object({
  kind: z.literal('dilemma'),
  story: z.string(),
  suggestedActions: z.string(),
  insight: z.string(),
  learned: z.string(),
  nextSteps: z.array(ChosenNextStep),
});
export type DilemmaContent = z.infer<typeof DilemmaContent>;

/** MEM-REC-4: an observation: the practice observed, the notes observers chose to share, questions for the model. */
export const ObservationContent = z.object({
  kind: z.literal('observation'),
  practice: z.string(),
  curiosity: z.string(),
  modelId: z.nullable(Id),
  mode: z.nullable(ObservationMode),
  notes: z.array(z.object({ authorId: Id, text: z.string() })),
  questions: z.array(z.object({ kind: QuestionKind, text: z.string() })),
  learned: z.string(),
});
export type ObservationContent = z.infer<typeof ObservationContent>;

/** `memory_records.content`, parsed on every read. */
export const MemoryContent = z.discriminatedUnion('kind', [
  SuccessContent,
  DilemmaContent,
  ObservationContent,
]);
export type MemoryContent = z.infer<typeof MemoryContent>;

/** MEM-TAG-1: a success's tags (free words; empty when not given). */
export const MemoryTags = z.object({
  grade: z.nullable(z.string()),
  subject: z.nullable(z.string()),
  strategy: z.nullable(z.string()),
  studentGroup: z.nullable(z.string()),
});
export type MemoryTags = z.infer<typeof MemoryTags>;

/** A link to another record of the same team, by id and title. */
export const MemoryLink = z.object({ id: Id, kind: MemoryKind, title: z.string() });
export type MemoryLink = z.infer<typeof MemoryLink>;

// ---------------------------------------------------------------------------------------------------------
// The wire (H1, MEM-REC / MEM-TAG / MEM-DIL / MEM-OBS): a record as a member reads it, the list, and the bodies.

export const DilemmaStatus = z.enum(['open', 'resolved']);
export type DilemmaStatus = z.infer<typeof DilemmaStatus>;

/** MEM-REC-10: a record as a member of its team reads it, with its links both ways and what the reader may do. */
export const MemoryRecord = z.object({
  id: Id,
  groupId: Id,
  kind: MemoryKind,
  title: z.string(),
  content: MemoryContent,
  tags: MemoryTags,
  /** A dilemma's status (MEM-DIL-1); null for other kinds. */
  status: z.nullable(DilemmaStatus),
  /** MEM-DIL-3: the evidence it was resolved with. */
  resolution: z.nullable(z.string()),
  resolvedAt: z.nullable(IsoDateTime),
  resolvedBy: z.nullable(z.object({ id: Id, name: z.string() })),
  /** The meeting it was drawn from (null when a member logged it), and which part of its agenda. */
  meeting: z.nullable(z.object({ id: Id, title: z.string() })),
  part: z.nullable(z.number().check(z.int())),
  authorId: z.nullable(Id),
  authorName: z.nullable(z.string()),
  occurredAt: IsoDateTime,
  links: z.object({
    /** For a success: the problem of practice it came from (MEM-DIL-3). */
    fromDilemma: z.nullable(MemoryLink),
    /** For a dilemma: the success it became. */
    successFromIt: z.nullable(MemoryLink),
    /** For a success: the observation that inspired it (MEM-OBS-2). */
    inspiredBy: z.nullable(MemoryLink),
    /** For an observation: the successes it inspired. */
    inspired: z.array(MemoryLink),
  }),
  /** MEM-REC-11: edit tags and texts (author or team facilitator); resolve an open dilemma (the same people). */
  abilities: z.object({ edit: z.boolean(), resolve: z.boolean() }),
});
export type MemoryRecord = z.infer<typeof MemoryRecord>;

export const MEMORY_PAGE_SIZE = 20;
const tagFilter = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80)));

/** MEM-TAG-2: a team's records of one kind, newest first, narrowed by tags (exact, case-insensitive) and status. */
export const MemoryListQuery = z.strictObject({
  kind: MemoryKind,
  grade: tagFilter,
  subject: tagFilter,
  strategy: tagFilter,
  studentGroup: tagFilter,
  status: z.optional(DilemmaStatus),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 1),
});
export type MemoryListQuery = z.infer<typeof MemoryListQuery>;

export const MemoryListItem = z.object({
  id: Id,
  kind: MemoryKind,
  title: z.string(),
  /** The story (a success or dilemma) or the practice (an observation), cut to 240 characters. */
  excerpt: z.string(),
  tags: MemoryTags,
  status: z.nullable(DilemmaStatus),
  authorName: z.nullable(z.string()),
  meeting: z.nullable(z.object({ id: Id, title: z.string() })),
  occurredAt: IsoDateTime,
  /** A success that a resolved dilemma became. */
  fromDilemma: z.boolean(),
  /** MEM-DIL-3: the reader may mark this open dilemma resolved. */
  canResolve: z.boolean(),
});
export type MemoryListItem = z.infer<typeof MemoryListItem>;

export const MemoryPage = z.object({
  items: z.array(MemoryListItem),
  page: z.number().check(z.int()),
  pageSize: z.number().check(z.int()),
  total: z.number().check(z.int()),
  /** MEM-TAG-2: the tag values the team's records of this kind use (for the filters), sorted. */
  tagValues: z.object({
    grade: z.array(z.string()),
    subject: z.array(z.string()),
    strategy: z.array(z.string()),
    studentGroup: z.array(z.string()),
  }),
});
export type MemoryPage = z.infer<typeof MemoryPage>;

export const MEMORY_TAG_MAX = 80;
/** A tag as a member types it: trimmed; empty means none. */
const TagInput = z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(MEMORY_TAG_MAX))));
export const MemoryTagsInput = z.strictObject({
  grade: TagInput,
  subject: TagInput,
  strategy: TagInput,
  studentGroup: TagInput,
});
export type MemoryTagsInput = z.infer<typeof MemoryTagsInput>;

const longText = z.string().check(z.trim(), z.maxLength(5_000));
const evidenceText = z.string().check(z.trim(), z.maxLength(2_000));

/** MEM-REC-6: a success a member logs outside a meeting. */
export const LogSuccessRequest = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, 'Give the success a title'), z.maxLength(200)),
  story: z.string().check(z.trim(), z.minLength(1, 'Tell what happened'), z.maxLength(5_000)),
  evidence: evidenceText,
  whatWorked: longText,
  insight: longText,
  tags: z.optional(MemoryTagsInput),
  /** The day it happened. */
  occurredOn: z.iso.date(),
  /** MEM-OBS-2: the team's observation that inspired it. */
  inspiredById: z.optional(z.nullable(Id)),
});
export type LogSuccessRequest = z.infer<typeof LogSuccessRequest>;

/**
 * MEM-REC-11: a change of a record's title, tags and texts. Only the texts of the record's kind may be named
 * (a success: story, evidence, whatWorked, insight, learned; a dilemma: story, suggestedActions, insight,
 * learned; an observation: practice, curiosity, learned); any other answers 400 naming it.
 */
export const EditMemoryRecordRequest = z.strictObject({
  title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  tags: z.optional(MemoryTagsInput),
  texts: z.optional(
    z.strictObject({
      story: z.optional(longText),
      evidence: z.optional(evidenceText),
      whatWorked: z.optional(longText),
      insight: z.optional(longText),
      learned: z.optional(longText),
      suggestedActions: z.optional(longText),
      practice: z.optional(longText),
      curiosity: z.optional(longText),
    }),
  ),
});
export type EditMemoryRecordRequest = z.infer<typeof EditMemoryRecordRequest>;

/** MEM-DIL-3: resolving a dilemma takes the evidence of student growth; it becomes a success linked to it. */
export const ResolveDilemmaRequest = z.strictObject({
  evidence: z
    .string()
    .check(z.trim(), z.minLength(1, 'Give the evidence of student growth'), z.maxLength(2_000)),
  /** The presenter's insight now (optional). */
  insight: z.optional(longText),
});
export type ResolveDilemmaRequest = z.infer<typeof ResolveDilemmaRequest>;

/** MEM-OBS-2: the observation that inspired a success (null removes the link). */
export const LinkObservationRequest = z.strictObject({ observationId: z.nullable(Id) });
export type LinkObservationRequest = z.infer<typeof LinkObservationRequest>;
/** SHARE-COPY-1: the limits of a shared copy's texts (the author edits them on the review screen). */
export const SHARED_TITLE_MAX = 200;
export const SHARED_TEXT_MAX = 10_000;
const sharedTitle = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Give the shared copy a title'),
    z.maxLength(SHARED_TITLE_MAX, `Use at most ${SHARED_TITLE_MAX} characters`),
  );
const sharedText = z
  .string()
  .check(
    z.trim(),
    z.maxLength(SHARED_TEXT_MAX, `Use at most ${SHARED_TEXT_MAX.toLocaleString('en')} characters`),
  );
const sharedTag = z.nullable(z.string().check(z.trim(), z.maxLength(80, 'Use at most 80 characters')));
export const SharedTags = z.object({
  grade: sharedTag,
  subject: sharedTag,
  strategy: sharedTag,
  studentGroup: sharedTag,
});

/**
 * SHARE-COPY-1: what the author edits and others read of a shared success. No person's id or name: only what the
 * author keeps in the texts.
 */
export const SharedSuccessDraft = z.strictObject({
  kind: z.literal('success'),
  title: sharedTitle,
  story: sharedText,
  evidence: sharedText,
  whatWorked: sharedText,
  insight: sharedText,
  tags: SharedTags,
});
/** SHARE-COPY-1: a resolved dilemma as others read it: the dilemma, what was tried, how it was resolved. */
export const SharedDilemmaDraft = z.strictObject({
  kind: z.literal('dilemma'),
  title: sharedTitle,
  story: sharedText,
  tried: sharedText,
  resolution: sharedText,
  tags: SharedTags,
});
/** The author's edited copy, as proposed (the team's name and school are added by the server). */
export const SharedDraft = z.discriminatedUnion('kind', [SharedSuccessDraft, SharedDilemmaDraft]);
export type SharedDraft = z.infer<typeof SharedDraft>;

/** SHARE-COPY-1: `memory_shares.content`: exactly what others see, with the team's name and school. */
const sharedBy = { teamName: z.string(), schoolName: z.nullable(z.string()) };
export const SharedContent = z.discriminatedUnion('kind', [
  z.object({ ...SharedSuccessDraft.shape, ...sharedBy }),
  z.object({ ...SharedDilemmaDraft.shape, ...sharedBy }),
]);
export type SharedContent = z.infer<typeof SharedContent>;
