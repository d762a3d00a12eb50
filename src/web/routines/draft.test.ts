import { describe, expect, it } from 'vitest';
import { customizeRoutine } from '#core/routines/index';
import { parseRoutine } from '#core/routines/parse';
import type { Routine } from '#contracts/routine';
import { CustomizeRoutineRequest } from '#contracts/meetings-api';
import shareSuccessesYaml from '../../../protocols/share-successes.yaml?raw';
import { diffRoutine } from './diff';
import {
  addStep,
  checkDraft,
  draftMinutes,
  draftOf,
  locateProblem,
  moveStep,
  parseFormattedPath,
  removeStep,
  routineOf,
  serverProblems,
  slugify,
  uniqueStepId,
  updateStep,
  type NewStepDefaults,
} from './draft';

const parsed = parseRoutine(shareSuccessesYaml, 'share-successes.yaml');
if (!parsed.ok) throw new Error('share-successes.yaml does not parse');
const routine: Routine = parsed.routine;

const defaults: NewStepDefaults = {
  title: 'Team discussion',
  minutes: 5,
  purpose: 'The team talks.',
  prompt: 'What stood out?',
  norm: 'Everyone speaks once.',
  speaker: 'team',
  sources: ['social_persuasion'],
};

describe('routine draft', () => {
  it('ROUTINE-EDIT-3: a draft of an unchanged routine gives back the same routine and no changes', () => {
    const draft = draftOf(routine);
    expect(routineOf(routine, draft)).toEqual(routine);
    expect(checkDraft(draft)).toEqual([]);
    expect(draftMinutes(draft)).toBe(16);
  });

  it('ROUTINE-EDIT-3: typed text is trimmed and a cleared norm is left out', () => {
    let draft = draftOf(routine);
    draft = updateStep(draft, 'clarify', { title: '  Quick facts  ', norm: '   ', minutes: ' 3 ' });
    const edited = routineOf(routine, draft);
    const clarify = edited.steps.find((s) => s.id === 'clarify')!;
    expect(clarify.title).toBe('Quick facts');
    expect(clarify.minutes).toBe(3);
    expect(clarify).not.toHaveProperty('norm');
  });

  it('ROUTINE-EDIT-4: slugs are lower-case words joined by hyphens, unique among the steps', () => {
    expect(slugify('Team   discussion!')).toBe('team-discussion');
    expect(slugify('Réflexion à deux')).toBe('reflexion-a-deux');
    expect(slugify('???')).toBe('step');
    expect(slugify('a'.repeat(80)).length).toBeLessThanOrEqual(50);
    expect(uniqueStepId('Clarify', ['clarify', 'clarify-2'])).toBe('clarify-3');
  });

  it('ROUTINE-EDIT-4: a new step goes just before the final step, with an id no step used, and saves', () => {
    const start = draftOf(routine);
    const { draft, stepId } = addStep(start, 'discussion', '', defaults, ['team-discussion']);
    expect(stepId).toBe('team-discussion-2');
    expect(draft.steps.map((s) => s.id).slice(-2)).toEqual(['team-discussion-2', 'final']);
    const added = draft.steps.at(-2)!;
    expect(added).toMatchObject({
      title: 'Team discussion',
      kind: 'discussion',
      isNew: true,
      speaker: 'team',
    });
    const edited = routineOf(routine, draft);
    const changes = diffRoutine(routine, edited);
    // The request body passes the contract the client checks before sending.
    expect(CustomizeRoutineRequest.safeParse({ baseId: routine.id, changes }).success).toBe(true);
    const applied = customizeRoutine(routine, changes);
    expect(applied.ok && applied.routine.steps.map((s) => s.id)).toEqual(edited.steps.map((s) => s.id));
  });

  it('ROUTINE-EDIT-5: moving past either end does nothing; removing drops the step', () => {
    const draft = draftOf(routine);
    expect(moveStep(draft, 'identify', -1)).toBe(draft);
    expect(moveStep(draft, 'final', 1)).toBe(draft);
    expect(moveStep(draft, 'clarify', 1).steps.map((s) => s.id)).toEqual([
      'identify',
      'describe',
      'team-reflects',
      'clarify',
      'presenter-reflects',
      'final',
    ]);
    expect(removeStep(draft, 'final').steps).toHaveLength(5);
  });

  it('ROUTINE-EDIT-6: 0 minutes, an empty prompt, no prompts and an over-long total are found before saving', () => {
    let draft = draftOf(routine);
    draft = updateStep(draft, 'describe', { minutes: '0' });
    draft = updateStep(draft, 'clarify', { prompts: ['', 'Ask short questions.'] });
    draft = updateStep(draft, 'team-reflects', { prompts: [] });
    draft = updateStep(draft, 'identify', { minutes: '1.5' });
    expect(checkDraft(draft)).toEqual([
      { field: 'step.identify.minutes', stepId: 'identify', message: { key: 'minutes' } },
      { field: 'step.describe.minutes', stepId: 'describe', message: { key: 'minutes' } },
      { field: 'step.clarify.prompts.0', stepId: 'clarify', message: { key: 'required' } },
      { field: 'step.team-reflects.prompts', stepId: 'team-reflects', message: { key: 'noPrompt' } },
    ]);
    const long = updateStep(draftOf(routine), 'identify', { minutes: '120' });
    const longer = updateStep(long, 'describe', { minutes: '120' });
    expect(checkDraft(longer)).toEqual([
      { field: null, stepId: null, message: { key: 'total', values: { total: 250, max: 240 } } },
    ]);
  });

  it('ROUTINE-EDIT-7: paths the server reports are placed on the step and field they name', () => {
    const edited = structuredClone(routine);
    const changes = [
      { op: 'update-routine', name: 'Ours' },
      { op: 'update-step', stepId: 'describe', minutes: 0 },
      { op: 'insert-step', afterStepId: 'clarify', step: { ...routine.steps[1]!, id: 'extra' } },
      { op: 'remove-step', stepId: 'final' },
    ] as const;
    const list = [...changes];
    expect(parseFormattedPath('steps[3].prompts[1]')).toEqual(['steps', 3, 'prompts', 1]);
    expect(locateProblem('changes: steps[2].minutes', list, edited)).toEqual({
      field: 'step.clarify.minutes',
      stepId: 'clarify',
    });
    expect(locateProblem('changes: steps[5].finalPrompts.learned', list, edited)).toEqual({
      field: 'step.final.finalPrompts.learned',
      stepId: 'final',
    });
    expect(locateProblem('changes: steps[1].prompts[0]', list, edited)).toEqual({
      field: 'step.describe.prompts.0',
      stepId: 'describe',
    });
    expect(locateProblem('changes: steps[4].kind', list, edited)).toEqual({
      field: null,
      stepId: 'presenter-reflects',
    });
    expect(locateProblem('changes: steps', list, edited)).toEqual({ field: null, stepId: null });
    expect(locateProblem('changes: changes[3]', list, edited)).toEqual({ field: null, stepId: 'final' });
    expect(locateProblem('changes.1.minutes', list, edited)).toEqual({
      field: 'step.describe.minutes',
      stepId: 'describe',
    });
    expect(locateProblem('changes.2.step.title', list, edited)).toEqual({
      field: 'step.extra.title',
      stepId: 'extra',
    });
    expect(locateProblem('changes.0.name', list, edited)).toEqual({ field: 'name', stepId: null });
    expect(locateProblem('baseId', list, edited)).toEqual({ field: null, stepId: null });
  });

  it('ROUTINE-EDIT-7: removing the final step is refused by the rules and reported for the whole routine', () => {
    const edited = routineOf(routine, removeStep(draftOf(routine), 'final'));
    const changes = diffRoutine(routine, edited);
    const applied = customizeRoutine(routine, changes);
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    // The server sends these as `changes: <path>` (src/server/meetings/routes.ts).
    const fields = applied.errors.map((e) => ({
      path: `changes: ${e.path.length ? e.path.join('.') : '(document)'}`,
      message: e.message,
    }));
    const problems = serverProblems(fields, changes, edited);
    expect(problems).toContainEqual({
      field: null,
      stepId: null,
      message: { text: expect.stringContaining('final step') as string },
    });
  });
});
