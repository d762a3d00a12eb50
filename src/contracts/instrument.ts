/**
 * A survey instrument: the items a survey wave or a meeting pulse asks, on one agreement scale (MEASURE-INST).
 * Ensemble's own instruments live as YAML in instruments/; an admin may upload one they hold a licence for, in
 * the same format. The schema holds the shape and the rules across fields (each one at the field to fix), so
 * the YAML parser (`src/core/measure/instrument.ts`) can name the file, line and column of every problem.
 */
import { Slug } from './routine';
import { Construct, INSTRUMENT_CONSTRUCTS } from './surveys';
import { z } from './zod';

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** What an item measures: one of the four sources of efficacy, or collective efficacy as a whole. */
export { INSTRUMENT_CONSTRUCTS };
export const InstrumentConstruct = Construct;
export type InstrumentConstruct = z.infer<typeof InstrumentConstruct>;

/** A survey wave asks many items a few times a year; a pulse asks one to three at the end of a meeting. */
export const InstrumentKind = z.enum(['survey', 'pulse']);
export type InstrumentKind = z.infer<typeof InstrumentKind>;

/**
 * The language the items are written in. I18N-CONTENT-2: Ensemble's own instruments are English
 * (`<id>.en.yaml`), each with a Spanish file of the same structure (`<id>.es.yaml`).
 */
export const InstrumentLanguage = z.enum(['en', 'es']);
export type InstrumentLanguage = z.infer<typeof InstrumentLanguage>;

export const SCALE_POINTS_MIN = 4;
export const SCALE_POINTS_MAX = 7;
export const ITEM_TEXT_MAX = 300;
export const INSTRUMENT_ITEMS_MAX = 60;
/** A survey construct needs this many items for a scale reliability (Cronbach's alpha) to be computable. */
export const ITEMS_PER_CONSTRUCT_MIN = 2;
export const PULSE_ITEMS_MAX = 3;

/** Who holds the rights to the wording: Ensemble for its own; the holder of the licence for an uploaded scale. */
export const InstrumentLicence = z.strictObject({
  owner: Text(200),
  note: Text(600),
});
export type InstrumentLicence = z.infer<typeof InstrumentLicence>;

/** Answer options from the lowest (1) to the highest (`points`); the labels name each point in that order. */
export const InstrumentScale = z.strictObject({
  points: z.number().check(z.int(), z.gte(SCALE_POINTS_MIN), z.lte(SCALE_POINTS_MAX)),
  /** Exactly `points` of them (MEASURE-INST-3), a rule across fields so the message can say how many. */
  labels: z.array(Text(40)),
});
export type InstrumentScale = z.infer<typeof InstrumentScale>;

export const InstrumentItem = z.strictObject({
  id: Slug,
  text: Text(ITEM_TEXT_MAX),
  construct: InstrumentConstruct,
  /** A reverse-keyed item: agreeing means less of the construct, so its score is `points + 1 - answer`. */
  reverse: z._default(z.boolean(), false),
});
export type InstrumentItem = z.infer<typeof InstrumentItem>;

/** The optional open question at the end of a survey; its answers are shown only above the anonymity threshold. */
export const InstrumentFreeText = z.strictObject({
  allowed: z.boolean(),
  prompt: z.optional(Text(ITEM_TEXT_MAX)),
});
export type InstrumentFreeText = z.infer<typeof InstrumentFreeText>;

/** The shape alone; `Instrument` adds the rules across fields. */
const InstrumentShape = z.strictObject({
  id: Slug,
  version: z.number().check(z.int(), z.gte(1)),
  title: Text(120),
  language: InstrumentLanguage,
  description: Text(600),
  licence: InstrumentLicence,
  scale: InstrumentScale,
  items: z.array(InstrumentItem).check(z.minLength(1), z.maxLength(INSTRUMENT_ITEMS_MAX)),
  freeText: z.optional(InstrumentFreeText),
  kind: InstrumentKind,
});

export const Instrument = InstrumentShape.check(
  z.superRefine(
    (instrument, ctx) => {
      for (const { path, message } of instrumentRuleIssues(instrument))
        ctx.addIssue({ code: 'custom', path: [...path], message });
    },
    // MEASURE-INST-9: the rules run on a well-shaped instrument only, so shape errors come first and alone
    // (by default Zod would also run them after a too-long text or a short list).
    { when: (payload) => payload.issues.length === 0 },
  ),
);
export type Instrument = z.infer<typeof Instrument>;

/** A rule broken across fields, at the path of the field to fix. */
interface RuleIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The rules across fields (MEASURE-INST-3..7), each issue at the field to fix. */
function instrumentRuleIssues(instrument: z.infer<typeof InstrumentShape>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const { scale, items, kind, freeText } = instrument;

  // MEASURE-INST-3: one label per point, each said once.
  if (scale.labels.length !== scale.points)
    add(
      ['scale', 'labels'],
      `A ${scale.points}-point scale needs ${scale.points} labels, lowest to highest; found ${scale.labels.length}`,
    );
  const labels = new Map<string, number>();
  scale.labels.forEach((label, i) => {
    const first = labels.get(label.toLowerCase());
    if (first === undefined) labels.set(label.toLowerCase(), i);
    else add(['scale', 'labels', i], `The label "${label}" is already used by point ${first + 1}`);
  });

  // MEASURE-INST-4: item ids and wordings are unique.
  const ids = new Map<string, number>();
  const texts = new Map<string, number>();
  items.forEach((item, i) => {
    const firstId = ids.get(item.id);
    if (firstId === undefined) ids.set(item.id, i);
    else add(['items', i, 'id'], `Item id "${item.id}" is already used by item ${firstId + 1}`);
    const wording = item.text.toLowerCase().replace(/\s+/g, ' ');
    const firstText = texts.get(wording);
    if (firstText === undefined) texts.set(wording, i);
    else add(['items', i, 'text'], `Item ${firstText + 1} already has this wording`);
  });

  if (kind === 'survey') {
    // MEASURE-INST-5: a construct a survey measures has at least two items, so its alpha can be computed.
    for (const construct of INSTRUMENT_CONSTRUCTS) {
      const at = items.flatMap((item, i) => (item.construct === construct ? [i] : []));
      if (at.length > 0 && at.length < ITEMS_PER_CONSTRUCT_MIN)
        add(
          ['items', at[0] ?? 0, 'construct'],
          `A survey needs at least ${ITEMS_PER_CONSTRUCT_MIN} items for "${construct}" (found ${at.length}), so its reliability can be computed`,
        );
    }
  } else {
    // MEASURE-INST-6: a pulse is quick and closed: one to three items, no open question.
    if (items.length > PULSE_ITEMS_MAX)
      add(['items', PULSE_ITEMS_MAX], `A pulse has at most ${PULSE_ITEMS_MAX} items; found ${items.length}`);
    if (freeText !== undefined) add(['freeText'], 'A pulse has no free text');
  }

  // MEASURE-INST-7: an open question that is offered says what it asks.
  if (freeText?.allowed === true && freeText.prompt === undefined)
    add(['freeText'], 'Free text that is allowed needs a prompt');
  return issues;
}
