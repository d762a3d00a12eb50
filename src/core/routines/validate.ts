import { Routine } from '../../contracts/routine';
import { pathIssuesOf } from '../yaml/issues';
import type { RoutineResult } from './issues';
import { routineRuleIssues } from './rules';

/** Checks shape (the contract schema) and then the cross-field rules; returns every issue found. */
export function validateRoutine(input: unknown): RoutineResult<Routine> {
  const parsed = Routine.safeParse(input);
  if (!parsed.success) return { ok: false, errors: pathIssuesOf(parsed.error.issues) };
  const errors = routineRuleIssues(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, routine: parsed.data };
}
