import { ROUTINE_MINUTES_MAX, type Routine } from '../../contracts/routine';
import type { RoutineIssue } from './issues';

/** Planned minutes of the whole routine; a variable step counts with its default length. */
export function totalMinutes(routine: Pick<Routine, 'steps'>): number {
  return routine.steps.reduce((sum, step) => sum + step.minutes, 0);
}

/**
 * Rules the schema cannot express because they look across fields or steps.
 * Each issue points at the field to fix, so the YAML parser can turn it into a line number.
 */
export function routineRuleIssues(routine: Routine): RoutineIssue[] {
  const issues: RoutineIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const seen = new Map<string, number>();
  const lastIndex = routine.steps.length - 1;

  routine.steps.forEach((step, i) => {
    const at = (field: string) => ['steps', i, field];
    const first = seen.get(step.id);
    if (first === undefined) seen.set(step.id, i);
    else add(at('id'), `Step id "${step.id}" is already used by step ${first + 1}`);

    if (step.kind === 'final' && i !== lastIndex) add(at('kind'), 'The final step must be the last step');
    if (step.kind === 'final' && !step.finalPrompts)
      add(['steps', i], 'A final step needs finalPrompts (learned, nextSteps, sources)');
    if (step.kind !== 'final' && step.finalPrompts)
      add(at('finalPrompts'), 'Only the final step has finalPrompts');

    if (step.kind === 'questions' && !step.questionKind)
      add(['steps', i], 'A questions step needs questionKind (clarifying or probing)');
    if (step.kind !== 'questions' && step.questionKind)
      add(at('questionKind'), 'Only a questions step has questionKind');

    if (step.kind === 'observe' && !step.modes)
      add(['steps', i], 'An observe step needs modes (how the team watches the model)');
    if (step.kind !== 'observe' && step.modes) add(at('modes'), 'Only an observe step has modes');
    if (step.variable === true && step.kind !== 'observe')
      add(at('variable'), 'Only an observe step can have a variable length');

    if (new Set(step.sources).size !== step.sources.length)
      add(at('sources'), 'Each source of efficacy may be listed once');
    if (step.modes && new Set(step.modes).size !== step.modes.length)
      add(at('modes'), 'Each mode may be listed once');
  });

  const finals = routine.steps.filter((s) => s.kind === 'final').length;
  if (finals === 0) add(['steps'], 'A routine ends with exactly one final step (kind: final); none found');
  if (finals > 1) add(['steps'], `A routine has exactly one final step; found ${finals}`);

  const total = totalMinutes(routine);
  if (total > ROUTINE_MINUTES_MAX)
    add(['steps'], `The steps add up to ${total} minutes; the limit is ${ROUTINE_MINUTES_MAX}`);
  return issues;
}
