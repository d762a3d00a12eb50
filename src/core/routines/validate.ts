import { Routine } from '../../contracts/routine';
import type { RoutineIssue, RoutineResult } from './issues';
import { routineRuleIssues } from './rules';

/** Zod path keys are PropertyKeys; routines only use string and number keys. */
const pathOf = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'symbol' ? String(p) : p));

/** Checks shape (the contract schema) and then the cross-field rules; returns every issue found. */
export function validateRoutine(input: unknown): RoutineResult<Routine> {
  const parsed = Routine.safeParse(input);
  if (!parsed.success) {
    const errors: RoutineIssue[] = parsed.error.issues.flatMap((issue) =>
      // One issue per unknown key, so each one points at its own line.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...pathOf(issue.path), key], message: `Unknown field "${key}"` }))
        : [{ path: pathOf(issue.path), message: issue.message }],
    );
    return { ok: false, errors };
  }
  const errors = routineRuleIssues(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, routine: parsed.data };
}
