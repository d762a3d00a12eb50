/**
 * Team memory (issue 12): what a team's meetings leave behind, as records a team rereads, links and shares.
 * The texts of a record drawn from a meeting are a projection of its log (core `memoryOf`, MEM-REC-*); what a
 * member adds later (tags, evidence, a resolution, links) is stored beside them. Rules: docs/SPEC.md MEM-*.
 */
import { z } from './zod';
import { Id } from './common';
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
