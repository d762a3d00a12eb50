/**
 * A routine definition: the data a live meeting walks through, step by step.
 * The shipped routines live as YAML in protocols/; a team's customized copy is the same shape plus `basedOn`.
 * This file holds only the shape; rules that look across fields (unique step ids, one final step, total time)
 * live in src/core/routines so every caller gets them with file and line numbers.
 */
import { z } from './zod';
import { GroupKind } from './group-kind';

/** Lower-case words joined by single hyphens: stable ids that read well in URLs and YAML. */
export const Slug = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(60),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens'),
  );

/** The four sources of efficacy a step can enact. */
export const EfficacySource = z.enum(['mastery', 'vicarious', 'social_persuasion', 'affective_state']);
export type EfficacySource = z.infer<typeof EfficacySource>;
export const EFFICACY_SOURCES = EfficacySource.options;

/** Who holds the floor during a step. */
export const Speaker = z.enum([
  'everyone-individually', // each person works alone and silently
  'presenter', // the presenter talks, the team listens
  'team', // open conversation
  'team-presenter-listens', // the team talks about the presenter's case; the presenter only listens
  'observers', // the people who watched a model lead; the model answers
  'model', // the person demonstrating a practice
]);
export type Speaker = z.infer<typeof Speaker>;

/** What kind of work a step is; the meeting screen picks its tools from this. */
export const StepKind = z.enum(['observe', 'reflect', 'present', 'questions', 'discussion', 'final']);
export type StepKind = z.infer<typeof StepKind>;

/** How a team watches a model in peer modeling. */
export const ObservationMode = z.enum(['classroom-visit', 'classroom-video', 'in-meeting-demonstration']);
export type ObservationMode = z.infer<typeof ObservationMode>;

/** Clarifying questions check the facts; probing questions open the case up without solving it. */
export const QuestionKind = z.enum(['clarifying', 'probing']);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** What the presenter brings to a routine. */
export const RoutineFocus = z.enum(['success', 'dilemma', 'observed-practice']);
export type RoutineFocus = z.infer<typeof RoutineFocus>;

export const STEP_MINUTES_MIN = 1;
export const STEP_MINUTES_MAX = 120;
export const ROUTINE_MINUTES_MAX = 240;

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const Prompt = Text(300);

/**
 * The three questions every final discussion answers, named so the screen can tie each to its tool:
 * `learned` to the shared note, `nextSteps` to action items, `sources` to the efficacy-source tags.
 */
export const FinalPrompts = z.strictObject({
  learned: Prompt,
  nextSteps: Prompt,
  sources: Prompt,
});
export type FinalPrompts = z.infer<typeof FinalPrompts>;

export const RoutineStep = z.strictObject({
  id: Slug,
  title: Text(120),
  kind: StepKind,
  /** Planned minutes; for a variable step this is the default the facilitator can change in the meeting. */
  minutes: z.number().check(z.int(), z.gte(STEP_MINUTES_MIN), z.lte(STEP_MINUTES_MAX)),
  variable: z.optional(z.boolean()),
  /** Only on observe steps: the ways the team may watch the model. */
  modes: z.optional(z.array(ObservationMode).check(z.minLength(1))),
  purpose: Text(600),
  prompts: z.array(Prompt).check(z.minLength(1), z.maxLength(10)),
  speaker: Speaker,
  norm: z.optional(Text(400)),
  sources: z.array(EfficacySource).check(z.minLength(1), z.maxLength(4)),
  /** Only on questions steps: which kind of card the step collects. */
  questionKind: z.optional(QuestionKind),
  /** Required on the final step, absent elsewhere. */
  finalPrompts: z.optional(FinalPrompts),
});
export type RoutineStep = z.infer<typeof RoutineStep>;

/** The kinds of group a routine can be written for (the same names as a group's `kind`). */
export const RoutineGroupKind = GroupKind;
export type RoutineGroupKind = GroupKind;

export const RoutineRef = z.strictObject({ id: Slug, version: z.number().check(z.int(), z.gte(1)) });
export type RoutineRef = z.infer<typeof RoutineRef>;

export const Routine = z.strictObject({
  id: Slug,
  version: z.number().check(z.int(), z.gte(1)),
  name: Text(120),
  summary: Text(600),
  focus: RoutineFocus,
  /** Attribution of the protocol this routine adapts. */
  source: Text(300),
  audience: Text(600),
  steps: z.array(RoutineStep).check(z.minLength(2), z.maxLength(20)),
  /** Set on a team's customized copy: the routine it was adapted from. */
  basedOn: z.optional(RoutineRef),
  /**
   * ROUTINE-LIB-LEAD: the kinds of group this wording is written for (e.g. `[district_leadership]`). Groups of
   * those kinds are offered it first; without it a routine is for every group.
   */
  for: z.optional(z.array(RoutineGroupKind).check(z.minLength(1), z.maxLength(3))),
  /** The routine this one words differently for the groups in `for` (same steps and minutes), e.g. `share-successes`. */
  variantOf: z.optional(Slug),
});
export type Routine = z.infer<typeof Routine>;

/** One edit of a team's copy; `customizeRoutine` applies a list of these in order, then re-validates. */
export const RoutineChange = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('update-routine'),
    name: z.optional(Routine.shape.name),
    summary: z.optional(Routine.shape.summary),
    audience: z.optional(Routine.shape.audience),
  }),
  z.strictObject({
    op: z.literal('update-step'),
    stepId: Slug,
    title: z.optional(RoutineStep.shape.title),
    minutes: z.optional(RoutineStep.shape.minutes),
    purpose: z.optional(RoutineStep.shape.purpose),
    prompts: z.optional(RoutineStep.shape.prompts),
    norm: RoutineStep.shape.norm,
    finalPrompts: z.optional(FinalPrompts),
  }),
  z.strictObject({ op: z.literal('remove-step'), stepId: Slug }),
  /** `afterStepId: null` inserts at the start. */
  z.strictObject({ op: z.literal('insert-step'), afterStepId: z.nullable(Slug), step: RoutineStep }),
  z.strictObject({ op: z.literal('move-step'), stepId: Slug, toIndex: z.number().check(z.int(), z.gte(0)) }),
]);
export type RoutineChange = z.infer<typeof RoutineChange>;

export const RoutineChanges = z.array(RoutineChange).check(z.minLength(1), z.maxLength(100));
