import { describe, expect, it } from 'vitest';
import { customizeRoutine } from '#core/routines/index';
import { parseRoutine } from '#core/routines/parse';
import type { Routine, RoutineChange, RoutineStep } from '#contracts/routine';
import peerModelingYaml from '../../../protocols/peer-modeling.yaml?raw';
import problemSolveYaml from '../../../protocols/problem-solve.yaml?raw';
import shareSuccessesYaml from '../../../protocols/share-successes.yaml?raw';
import { diffRoutine } from './diff';

function load(text: string, file: string): Routine {
  const parsed = parseRoutine(text, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.routine;
}

const shareSuccesses = load(shareSuccessesYaml, 'share-successes.yaml');
const problemSolve = load(problemSolveYaml, 'problem-solve.yaml');
const peerModeling = load(peerModelingYaml, 'peer-modeling.yaml');

/** Applies the diff with the server's own function and checks it lands exactly on `edited`. */
function roundTrip(original: Routine, edited: Routine): RoutineChange[] {
  const changes = diffRoutine(original, edited);
  const applied = customizeRoutine(original, changes);
  if (!applied.ok) throw new Error(`customizeRoutine refused the diff: ${JSON.stringify(applied.errors)}`);
  expect(applied.routine).toEqual({
    ...edited,
    version: original.version + 1,
    basedOn: original.basedOn ?? { id: original.id, version: original.version },
  });
  return changes;
}

const ids = (routine: Routine) => routine.steps.map((step) => step.id);
const byId = (routine: Routine, id: string) => routine.steps.find((step) => step.id === id)!;
const order = (routine: Routine, stepIds: readonly string[]): Routine => ({
  ...routine,
  steps: stepIds.map((id) => byId(routine, id)),
});

const newStep: RoutineStep = {
  id: 'team-talk',
  title: 'Team talk',
  kind: 'discussion',
  minutes: 5,
  purpose: 'The team talks about what it heard.',
  prompts: ['What stood out?'],
  speaker: 'team',
  norm: 'Everyone speaks once before anyone speaks twice.',
  sources: ['social_persuasion'],
};

describe('diffRoutine', () => {
  it('ROUTINE-EDIT-2: no change gives no changes', () => {
    expect(diffRoutine(shareSuccesses, structuredClone(shareSuccesses))).toEqual([]);
  });

  it('ROUTINE-EDIT-2: every step at 1 minute, one prompt changed and one step moved', () => {
    const edited = structuredClone(shareSuccesses);
    for (const step of edited.steps) step.minutes = 1;
    byId(edited, 'clarify').prompts[0] = 'What would you need to see this in your room?';
    const moved = order(edited, [
      'identify',
      'describe',
      'team-reflects',
      'clarify',
      'presenter-reflects',
      'final',
    ]);
    const changes = roundTrip(shareSuccesses, moved);
    // Swapping two neighbours is one move (of either of them).
    expect(changes.filter((c) => c.op === 'move-step')).toHaveLength(1);
    expect(changes.filter((c) => c.op === 'update-step')).toHaveLength(6);
    expect(changes.some((c) => c.op === 'remove-step' || c.op === 'insert-step')).toBe(false);
  });

  it('ROUTINE-EDIT-2: name and summary become one update-routine change', () => {
    const edited = { ...structuredClone(shareSuccesses), name: 'Our successes', summary: 'A short one.' };
    expect(roundTrip(shareSuccesses, edited)).toEqual([
      { op: 'update-routine', name: 'Our successes', summary: 'A short one.' },
    ]);
  });

  it('ROUTINE-EDIT-2: a removed step, a new step in the middle and an edited final prompt', () => {
    const edited = structuredClone(shareSuccesses);
    edited.steps = edited.steps.filter((step) => step.id !== 'presenter-reflects');
    edited.steps.splice(2, 0, newStep);
    byId(edited, 'final').finalPrompts!.learned = 'What did we learn today?';
    const changes = roundTrip(shareSuccesses, edited);
    expect(changes).toContainEqual({ op: 'remove-step', stepId: 'presenter-reflects' });
    expect(changes).toContainEqual({ op: 'insert-step', afterStepId: 'describe', step: newStep });
  });

  it('ROUTINE-EDIT-2: new steps in a row and one at the very start keep their places', () => {
    const second = { ...newStep, id: 'quiet', title: 'Quiet', kind: 'reflect' as const };
    const first = { ...newStep, id: 'warm-up', title: 'Warm-up' };
    const edited = structuredClone(problemSolve);
    edited.steps.splice(3, 0, newStep, second);
    edited.steps.unshift(first);
    const changes = roundTrip(problemSolve, edited);
    expect(changes).toContainEqual({ op: 'insert-step', afterStepId: null, step: first });
  });

  it('ROUTINE-EDIT-2: any reordering is reached, with as few moves as possible', () => {
    const cases: string[][] = [
      ['describe', 'clarify', 'team-reflects', 'presenter-reflects', 'identify', 'final'],
      ['presenter-reflects', 'team-reflects', 'clarify', 'describe', 'identify', 'final'],
      ['identify', 'presenter-reflects', 'describe', 'clarify', 'team-reflects', 'final'],
      ['final', 'identify', 'describe', 'clarify', 'team-reflects', 'presenter-reflects'],
    ];
    for (const stepIds of cases) {
      const changes = diffRoutine(shareSuccesses, order(shareSuccesses, stepIds));
      const applied = customizeRoutine(shareSuccesses, changes);
      // The last case moves the final step first, which the routine rules refuse; the order is still right.
      const steps = applied.ok ? applied.routine.steps : null;
      if (steps) expect(steps.map((s) => s.id)).toEqual(stepIds);
      else
        expect(applied.ok ? [] : applied.errors.map((e) => e.message)).toContain(
          'The final step must be the last step',
        );
    }
    // Moving the first step to just before the final one is one move, not four.
    expect(diffRoutine(shareSuccesses, order(shareSuccesses, cases[0]!))).toEqual([
      { op: 'move-step', stepId: 'identify', toIndex: 4 },
    ]);
  });

  it('ROUTINE-EDIT-2: a cleared norm or a changed speaker replaces the step (update-step cannot say it)', () => {
    const edited = structuredClone(peerModeling);
    delete byId(edited, 'reflect').norm;
    byId(edited, 'discuss').speaker = 'team';
    const changes = roundTrip(peerModeling, edited);
    expect(changes).toContainEqual({ op: 'remove-step', stepId: 'reflect' });
    expect(changes).toContainEqual({ op: 'remove-step', stepId: 'discuss' });
    expect(ids(edited)).toEqual(ids(peerModeling));
  });

  it('ROUTINE-EDIT-2: the variable observation keeps its modes when only its minutes change', () => {
    const edited = structuredClone(peerModeling);
    byId(edited, 'observe').minutes = 20;
    expect(roundTrip(peerModeling, edited)).toEqual([{ op: 'update-step', stepId: 'observe', minutes: 20 }]);
  });

  it('ROUTINE-EDIT-2: a team copy diffs against itself the same way (basedOn kept)', () => {
    const copy = roundTrip(shareSuccesses, { ...structuredClone(shareSuccesses), name: 'Ours' });
    expect(copy).toHaveLength(1);
    const applied = customizeRoutine(shareSuccesses, copy);
    if (!applied.ok) throw new Error('refused');
    const again = structuredClone(applied.routine);
    byId(again, 'final').minutes = 6;
    roundTrip(applied.routine, again);
  });

  it('ROUTINE-EDIT-2: random edits (reorder, remove, insert, retime) always round-trip', () => {
    // A small seeded generator, so a failure can be replayed.
    let seed = 20_240_611;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 300; run++) {
      const base = [shareSuccesses, problemSolve, peerModeling][run % 3]!;
      const edited = structuredClone(base);
      const final = edited.steps.pop()!;
      let steps = edited.steps.filter(() => random() > 0.25);
      for (let i = steps.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [steps[i], steps[j]] = [steps[j]!, steps[i]!];
      }
      const inserts = Math.floor(random() * 3);
      for (let n = 0; n < inserts; n++) {
        const at = Math.floor(random() * (steps.length + 1));
        steps = steps.toSpliced(at, 0, { ...newStep, id: `new-${n}`, title: `New ${n}` });
      }
      for (const step of steps) if (random() > 0.6) step.minutes = 1 + Math.floor(random() * 10);
      edited.steps = [...steps, final];
      if (edited.steps.length < 2) continue;
      roundTrip(base, edited);
    }
  });
});
