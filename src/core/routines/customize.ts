import type { Routine, RoutineChange, RoutineStep } from '../../contracts/routine';
import type { RoutineIssue, RoutineResult } from './issues';
import { validateRoutine } from './validate';

/**
 * A team's copy of a routine with `changes` applied in order.
 * The copy gets version `base.version + 1` and keeps `basedOn` pointing at the original it descends from
 * (the shipped routine stays traceable through any number of edits). The result is validated again,
 * so a copy can never break the rules a shipped routine obeys.
 */
export function customizeRoutine(base: Routine, changes: readonly RoutineChange[]): RoutineResult<Routine> {
  let steps: RoutineStep[] = [...base.steps];
  let head: Pick<Routine, 'name' | 'summary' | 'audience'> = {
    name: base.name,
    summary: base.summary,
    audience: base.audience,
  };
  const errors: RoutineIssue[] = [];

  changes.forEach((change, i) => {
    const fail = (message: string) => errors.push({ path: ['changes', i], message });
    const indexOf = (stepId: string) => steps.findIndex((s) => s.id === stepId);

    switch (change.op) {
      case 'update-routine': {
        head = {
          name: change.name ?? head.name,
          summary: change.summary ?? head.summary,
          audience: change.audience ?? head.audience,
        };
        return;
      }
      case 'update-step': {
        const at = indexOf(change.stepId);
        const step = steps[at];
        if (!step) return fail(`No step "${change.stepId}"`);
        steps = steps.with(at, {
          ...step,
          ...(change.title !== undefined && { title: change.title }),
          ...(change.minutes !== undefined && { minutes: change.minutes }),
          ...(change.purpose !== undefined && { purpose: change.purpose }),
          ...(change.prompts !== undefined && { prompts: change.prompts }),
          ...(change.norm !== undefined && { norm: change.norm }),
          ...(change.finalPrompts !== undefined && { finalPrompts: change.finalPrompts }),
        });
        return;
      }
      case 'remove-step': {
        if (indexOf(change.stepId) < 0) return fail(`No step "${change.stepId}"`);
        steps = steps.filter((s) => s.id !== change.stepId);
        return;
      }
      case 'insert-step': {
        const after = change.afterStepId === null ? -1 : indexOf(change.afterStepId);
        if (change.afterStepId !== null && after < 0) return fail(`No step "${change.afterStepId}"`);
        steps = steps.toSpliced(after + 1, 0, change.step);
        return;
      }
      case 'move-step': {
        const from = indexOf(change.stepId);
        const step = steps[from];
        if (!step) return fail(`No step "${change.stepId}"`);
        if (change.toIndex >= steps.length) return fail(`Position ${change.toIndex} is past the last step`);
        steps = steps.toSpliced(from, 1).toSpliced(change.toIndex, 0, step);
        return;
      }
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  return validateRoutine({
    ...base,
    ...head,
    steps,
    version: base.version + 1,
    basedOn: base.basedOn ?? { id: base.id, version: base.version },
  });
}
