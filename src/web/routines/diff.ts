/**
 * The list of `RoutineChange`s that turns one routine into another: what the editor sends when a team saves
 * its own version. `customizeRoutine(original, diffRoutine(original, edited))` gives `edited` back (with the
 * copy's new version and `basedOn`), which diff.test.ts checks.
 *
 * Order of the changes: the routine's name and summary, then removals, moves, insertions and last the
 * in-place edits of steps (those name their step by id, so their place in the list does not matter).
 */
import type { Routine, RoutineChange, RoutineStep } from '#contracts/routine';

type StepUpdate = Extract<RoutineChange, { op: 'update-step' }>;
type HeadUpdate = Extract<RoutineChange, { op: 'update-routine' }>;

/** The step fields an `update-step` can change; any other difference replaces the step (remove + insert). */
const UPDATABLE = new Set<string>(['title', 'minutes', 'purpose', 'prompts', 'norm', 'finalPrompts']);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => same(value, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => same(left[key], right[key]));
  }
  return false;
}

/**
 * Whether `after` can be reached from `before` with one `update-step`: only updatable fields differ, and
 * none of the optional ones (norm, final prompts) was taken away, which `update-step` cannot express.
 */
function updatableInPlace(before: RoutineStep, after: RoutineStep): boolean {
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!UPDATABLE.has(key) && !same(left[key], right[key])) return false;
  }
  if (before.norm !== undefined && after.norm === undefined) return false;
  if (before.finalPrompts !== undefined && after.finalPrompts === undefined) return false;
  return true;
}

function stepUpdate(before: RoutineStep, after: RoutineStep): StepUpdate | null {
  const update: StepUpdate = { op: 'update-step', stepId: after.id };
  let changed = false;
  if (after.title !== before.title) {
    update.title = after.title;
    changed = true;
  }
  if (after.minutes !== before.minutes) {
    update.minutes = after.minutes;
    changed = true;
  }
  if (after.purpose !== before.purpose) {
    update.purpose = after.purpose;
    changed = true;
  }
  if (!same(after.prompts, before.prompts)) {
    update.prompts = after.prompts;
    changed = true;
  }
  if (after.norm !== undefined && after.norm !== before.norm) {
    update.norm = after.norm;
    changed = true;
  }
  if (after.finalPrompts !== undefined && !same(after.finalPrompts, before.finalPrompts)) {
    update.finalPrompts = after.finalPrompts;
    changed = true;
  }
  return changed ? update : null;
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  let best = -1;
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++) {
      if ((values[j] ?? 0) < value && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  });
  const out = new Set<number>();
  for (let i = best; i >= 0; i = previous[i] ?? -1) out.add(i);
  return out;
}

/**
 * The `move-step` changes that put `current` (step ids) into the order of `target` (the same ids). Steps
 * already in the right relative order (a longest increasing run) stay; each other step is moved, in target
 * order, to just after the step that precedes it in the target. `toIndex` is the step's index once moved.
 */
function moves(current: readonly string[], target: readonly string[]): RoutineChange[] {
  const targetIndex = new Map(target.map((id, i) => [id, i]));
  const staying = longestIncreasing(current.map((id) => targetIndex.get(id) ?? 0));
  const stays = new Set(current.filter((_, i) => staying.has(i)));
  const out: RoutineChange[] = [];
  let order = [...current];
  target.forEach((id, i) => {
    if (stays.has(id)) return;
    const without = order.filter((other) => other !== id);
    const before = target[i - 1];
    const toIndex = before === undefined ? 0 : without.indexOf(before) + 1;
    if (order.indexOf(id) === toIndex) return;
    order = without.toSpliced(toIndex, 0, id);
    out.push({ op: 'move-step', stepId: id, toIndex });
  });
  return out;
}

/**
 * The changes from `original` to `edited`. Only the routine's name, summary and audience and its steps are
 * compared; id, focus and source belong to the routine and are not editable.
 * A step is matched by id. A step whose kind, speaker, sources (or other fixed field) changed, or that lost
 * its norm, is removed and inserted again, since `update-step` cannot say that.
 */
export function diffRoutine(original: Routine, edited: Routine): RoutineChange[] {
  const changes: RoutineChange[] = [];

  const head: HeadUpdate = { op: 'update-routine' };
  if (edited.name !== original.name) head.name = edited.name;
  if (edited.summary !== original.summary) head.summary = edited.summary;
  if (edited.audience !== original.audience) head.audience = edited.audience;
  if (Object.keys(head).length > 1) changes.push(head);

  const before = new Map(original.steps.map((step) => [step.id, step]));
  const kept = new Set(
    edited.steps
      .filter((step) => {
        const old = before.get(step.id);
        return old !== undefined && updatableInPlace(old, step);
      })
      .map((step) => step.id),
  );

  for (const step of original.steps) {
    if (!kept.has(step.id)) changes.push({ op: 'remove-step', stepId: step.id });
  }

  changes.push(
    ...moves(
      original.steps.filter((step) => kept.has(step.id)).map((step) => step.id),
      edited.steps.filter((step) => kept.has(step.id)).map((step) => step.id),
    ),
  );

  edited.steps.forEach((step, i) => {
    if (!kept.has(step.id)) {
      changes.push({ op: 'insert-step', afterStepId: edited.steps[i - 1]?.id ?? null, step });
    }
  });

  for (const step of edited.steps) {
    const old = before.get(step.id);
    if (!old || !kept.has(step.id)) continue;
    const update = stepUpdate(old, step);
    if (update) changes.push(update);
  }
  return changes;
}
