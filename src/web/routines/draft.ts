/**
 * The editor's working copy of a routine and the pure operations on it: moving, removing and adding steps,
 * checking what a person typed, and finding where a problem the server reports belongs in the form.
 * No React here, so all of it is tested in draft.test.ts.
 */
import {
  ROUTINE_MINUTES_MAX,
  STEP_MINUTES_MAX,
  STEP_MINUTES_MIN,
  type EfficacySource,
  type FinalPrompts,
  type Routine,
  type RoutineChange,
  type RoutineStep,
  type Speaker,
} from '#contracts/routine';

/** A step as the form holds it: minutes as typed, the norm as text ('' for none), and whether it is new. */
export interface DraftStep extends Omit<RoutineStep, 'minutes' | 'norm'> {
  minutes: string;
  norm: string;
  /** Added in this edit: its speaker and sources can still be chosen. */
  isNew: boolean;
}

export interface Draft {
  name: string;
  summary: string;
  steps: DraftStep[];
}

/** Limits from the contract (src/contracts/routine.ts), for `maxLength` on the fields. */
export const LIMITS = {
  name: 120,
  summary: 600,
  title: 120,
  purpose: 600,
  prompt: 300,
  norm: 400,
  prompts: 10,
} as const;

export type FinalPromptKey = keyof FinalPrompts;
export const FINAL_PROMPT_KEYS: readonly FinalPromptKey[] = ['learned', 'nextSteps', 'sources'];

export function draftOf(routine: Routine): Draft {
  return {
    name: routine.name,
    summary: routine.summary,
    steps: routine.steps.map((step) => ({
      ...step,
      prompts: [...step.prompts],
      sources: [...step.sources],
      ...(step.finalPrompts ? { finalPrompts: { ...step.finalPrompts } } : {}),
      minutes: String(step.minutes),
      norm: step.norm ?? '',
      isNew: false,
    })),
  };
}

/** "12" → 12; anything that is not a plain whole number → NaN. */
export function parseMinutes(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The routine the draft describes: trimmed text, no blank norm. Call after `checkDraft` found nothing. */
export function routineOf(original: Routine, draft: Draft): Routine {
  return {
    ...original,
    name: draft.name.trim(),
    summary: draft.summary.trim(),
    steps: draft.steps.map(({ minutes, norm, isNew: _isNew, ...step }) => {
      const out: RoutineStep = {
        ...step,
        title: step.title.trim(),
        purpose: step.purpose.trim(),
        prompts: step.prompts.map((prompt) => prompt.trim()),
        minutes: parseMinutes(minutes),
      };
      if (norm.trim() !== '') out.norm = norm.trim();
      if (step.finalPrompts) {
        out.finalPrompts = {
          learned: step.finalPrompts.learned.trim(),
          nextSteps: step.finalPrompts.nextSteps.trim(),
          sources: step.finalPrompts.sources.trim(),
        };
      }
      return out;
    }),
  };
}

/** Planned minutes of the draft; a field that is not a number yet counts as 0. */
export function draftMinutes(draft: Draft): number {
  return draft.steps.reduce((sum, step) => sum + (parseMinutes(step.minutes) || 0), 0);
}

// ---------------------------------------------------------------------------------------------------------
// Moving, removing and adding steps

export function moveStep(draft: Draft, stepId: string, by: -1 | 1): Draft {
  const from = draft.steps.findIndex((step) => step.id === stepId);
  const to = from + by;
  const step = draft.steps[from];
  if (!step || to < 0 || to >= draft.steps.length) return draft;
  return { ...draft, steps: draft.steps.toSpliced(from, 1).toSpliced(to, 0, step) };
}

export function removeStep(draft: Draft, stepId: string): Draft {
  return { ...draft, steps: draft.steps.filter((step) => step.id !== stepId) };
}

export function updateStep(draft: Draft, stepId: string, patch: Partial<DraftStep>): Draft {
  return {
    ...draft,
    steps: draft.steps.map((step) => (step.id === stepId ? { ...step, ...patch } : step)),
  };
}

/** Lower-case ASCII words joined by single hyphens (the contract's `Slug`), at most `max` characters. */
export function slugify(text: string, max = 50): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug === '' ? 'step' : slug;
}

/** A slug from `title` that none of `taken` uses: "discussion", then "discussion-2", "discussion-3"… */
export function uniqueStepId(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(title);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export type NewStepKind = 'discussion' | 'reflect';

/** What a new step starts with; every part of it can be edited before saving. */
export interface NewStepDefaults {
  title: string;
  minutes: number;
  purpose: string;
  prompt: string;
  norm: string;
  speaker: Speaker;
  sources: EfficacySource[];
}

/**
 * A new step with `defaults`, placed just before the final step (or last when there is none), with an id
 * made from its title that no step of the draft or the original routine uses. Returns the draft and the id.
 */
export function addStep(
  draft: Draft,
  kind: NewStepKind,
  title: string,
  defaults: NewStepDefaults,
  reservedIds: Iterable<string> = [],
): { draft: Draft; stepId: string } {
  const finalTitle = title.trim() === '' ? defaults.title : title.trim();
  const id = uniqueStepId(finalTitle, [...draft.steps.map((step) => step.id), ...reservedIds]);
  const step: DraftStep = {
    id,
    title: finalTitle,
    kind,
    minutes: String(defaults.minutes),
    purpose: defaults.purpose,
    prompts: [defaults.prompt],
    speaker: defaults.speaker,
    norm: defaults.norm,
    sources: [...defaults.sources],
    isNew: true,
  };
  const finalAt = draft.steps.findIndex((s) => s.kind === 'final');
  const at = finalAt < 0 ? draft.steps.length : finalAt;
  return { draft: { ...draft, steps: draft.steps.toSpliced(at, 0, step) }, stepId: id };
}

// ---------------------------------------------------------------------------------------------------------
// Problems: found here before saving, or reported by the server

/** The `name` of a form field: `name`, `summary`, or `step.<id>.<field>[.<index or key>]`. */
export const fieldOf = {
  step: (stepId: string, ...parts: (string | number)[]) => ['step', stepId, ...parts].join('.'),
};

/** A message the editor words itself (a key of strings.en.ts `problems`), or the server's own text. */
export type ProblemMessage =
  | { key: 'required' | 'minutes' | 'noPrompt' | 'tooManyPrompts' | 'noSources'; values?: never }
  | { key: 'tooLong'; values: { max: number } }
  | { key: 'total'; values: { total: number; max: number } }
  | { text: string };

export interface Problem {
  /** The form field it belongs to, when there is one. */
  field: string | null;
  /** The step it concerns, when it concerns one that is still in the draft (or was removed: see `message`). */
  stepId: string | null;
  message: ProblemMessage;
}

function checkText(
  problems: Problem[],
  value: string,
  max: number,
  field: string,
  stepId: string | null,
  required = true,
) {
  const trimmed = value.trim();
  if (required && trimmed === '') problems.push({ field, stepId, message: { key: 'required' } });
  else if (trimmed.length > max)
    problems.push({ field, stepId, message: { key: 'tooLong', values: { max } } });
}

/**
 * What can be told before asking the server: empty or too long text, minutes that are not a whole number
 * from 1 to 120, a step without prompts or sources, and a total over the limit. Rules about the order of
 * steps (one final step, last) are the server's (src/core/routines), and come back as a 400.
 */
export function checkDraft(draft: Draft): Problem[] {
  const problems: Problem[] = [];
  checkText(problems, draft.name, LIMITS.name, 'name', null);
  checkText(problems, draft.summary, LIMITS.summary, 'summary', null);
  for (const step of draft.steps) {
    const at = (...parts: (string | number)[]) => fieldOf.step(step.id, ...parts);
    checkText(problems, step.title, LIMITS.title, at('title'), step.id);
    const minutes = parseMinutes(step.minutes);
    if (!(minutes >= STEP_MINUTES_MIN && minutes <= STEP_MINUTES_MAX))
      problems.push({ field: at('minutes'), stepId: step.id, message: { key: 'minutes' } });
    checkText(problems, step.purpose, LIMITS.purpose, at('purpose'), step.id);
    if (step.prompts.length === 0)
      problems.push({ field: at('prompts'), stepId: step.id, message: { key: 'noPrompt' } });
    if (step.prompts.length > LIMITS.prompts)
      problems.push({ field: at('prompts'), stepId: step.id, message: { key: 'tooManyPrompts' } });
    step.prompts.forEach((prompt, i) => {
      checkText(problems, prompt, LIMITS.prompt, at('prompts', i), step.id);
    });
    checkText(problems, step.norm, LIMITS.norm, at('norm'), step.id, false);
    if (step.finalPrompts) {
      for (const key of FINAL_PROMPT_KEYS)
        checkText(problems, step.finalPrompts[key], LIMITS.prompt, at('finalPrompts', key), step.id);
    }
    if (step.sources.length === 0)
      problems.push({ field: at('sources'), stepId: step.id, message: { key: 'noSources' } });
  }
  const total = draftMinutes(draft);
  if (total > ROUTINE_MINUTES_MAX)
    problems.push({
      field: null,
      stepId: null,
      message: { key: 'total', values: { total, max: ROUTINE_MINUTES_MAX } },
    });
  return problems;
}

/** `steps[3].prompts[1]` (the server's `formatPath`) → `['steps', 3, 'prompts', 1]`; `(document)` → `[]`. */
export function parseFormattedPath(text: string): (string | number)[] {
  if (text === '(document)') return [];
  const out: (string | number)[] = [];
  for (const match of text.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) {
    if (match[1] !== undefined) out.push(Number(match[1]));
    else if (match[2] !== undefined) out.push(match[2]);
  }
  return out;
}

/** `changes.3.step.minutes` (a body check's dotted path) → `['changes', 3, 'step', 'minutes']`. */
export function parseDottedPath(text: string): (string | number)[] {
  if (text === '') return [];
  return text.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const STEP_FIELDS = new Set(['title', 'minutes', 'purpose', 'norm', 'speaker', 'sources']);

/** Where a path inside one step (`['prompts', 1]`) is in the form; `null` for the step as a whole. */
function stepField(stepId: string, rest: readonly (string | number)[]): string | null {
  const [field, detail] = rest;
  if (typeof field !== 'string') return null;
  if (STEP_FIELDS.has(field)) return fieldOf.step(stepId, field);
  if (field === 'prompts')
    return typeof detail === 'number'
      ? fieldOf.step(stepId, 'prompts', detail)
      : fieldOf.step(stepId, 'prompts');
  if (
    field === 'finalPrompts' &&
    typeof detail === 'string' &&
    (FINAL_PROMPT_KEYS as readonly string[]).includes(detail)
  )
    return fieldOf.step(stepId, 'finalPrompts', detail);
  return null;
}

type Location = Pick<Problem, 'field' | 'stepId'>;
const nowhere: Location = { field: null, stepId: null };

/** A path inside the saved routine (`steps[2].minutes`): the saved routine is the edited one, index for index. */
function inRoutine(path: readonly (string | number)[], edited: Routine): Location {
  const [first, index, ...rest] = path;
  if (first === 'name' || first === 'summary') return { field: first, stepId: null };
  if (first !== 'steps' || typeof index !== 'number') return nowhere;
  const step = edited.steps[index];
  if (!step) return nowhere;
  return { field: stepField(step.id, rest), stepId: step.id };
}

/** A path inside one of the changes sent (`changes[4]`, `changes.4.step.title`). */
function inChange(path: readonly (string | number)[], changes: readonly RoutineChange[]): Location {
  const [index, ...rest] = path;
  const change = typeof index === 'number' ? changes[index] : undefined;
  if (!change) return nowhere;
  switch (change.op) {
    case 'update-routine': {
      const [field] = rest;
      return field === 'name' || field === 'summary' ? { field, stepId: null } : nowhere;
    }
    case 'update-step':
      return { field: stepField(change.stepId, rest), stepId: change.stepId };
    case 'insert-step': {
      const [where, ...inStep] = rest;
      return where === 'step'
        ? { field: stepField(change.step.id, inStep), stepId: change.step.id }
        : { field: null, stepId: change.step.id };
    }
    case 'remove-step':
    case 'move-step':
      return { field: null, stepId: change.stepId };
  }
}

/**
 * Where a problem the server (or the client's body check) reports belongs. Paths come in two shapes:
 * - `changes: steps[3].minutes`, `changes: changes[2]`: the edited routine failed the routine rules, after
 *   the changes were applied (src/server/meetings/routes.ts formats them with `formatPath`);
 * - `changes.2.minutes`, `changes.4.step.title`: a change itself failed the request's schema.
 * Anything else (`baseId`, `steps` as a whole) belongs to the form as a whole.
 */
export function locateProblem(path: string, changes: readonly RoutineChange[], edited: Routine): Location {
  const rule = /^changes: (.*)$/.exec(path);
  if (rule) {
    const inside = parseFormattedPath(rule[1] ?? '');
    return inside[0] === 'changes' ? inChange(inside.slice(1), changes) : inRoutine(inside, edited);
  }
  const dotted = parseDottedPath(path);
  return dotted[0] === 'changes' ? inChange(dotted.slice(1), changes) : nowhere;
}

/** The server's field problems as the editor's. */
export function serverProblems(
  fields: readonly { path: string; message: string }[],
  changes: readonly RoutineChange[],
  edited: Routine,
): Problem[] {
  return fields.map((problem) => ({
    ...locateProblem(problem.path, changes, edited),
    message: { text: problem.message },
  }));
}
