/**
 * MEASURE-REPORT-8: whether a report's node stands for the same people in two waves, so that comparing them
 * compares like with like. A wave's scope decides who its district and school cells hold (MEASURE-WAVE-2): the
 * district cell of a school-scope wave is that school's people only, a school's cell in a teams-scope wave only
 * the chosen teams' members. A team's cell is its members in any scope.
 */
export interface ScopeShape {
  kind: 'district' | 'school' | 'teams';
  /** The school's id (school), the teams' ids (teams), none for the district. */
  ids: readonly string[];
}

function sameScope(a: ScopeShape, b: ScopeShape): boolean {
  if (a.kind !== b.kind || a.ids.length !== b.ids.length) return false;
  const ids = new Set(a.ids);
  return b.ids.every((id) => ids.has(id));
}

/** A school's cell holds the whole school in a district wave, or in that school's own wave. */
function wholeSchool(scope: ScopeShape, schoolId: string): boolean {
  return scope.kind === 'district' || (scope.kind === 'school' && scope.ids.includes(schoolId));
}

/** `at` is `district`, `school:<id>` or `team:<id>` (a report's node key). */
export function sameGroupAt(a: ScopeShape, b: ScopeShape, at: string): boolean {
  if (sameScope(a, b)) return true;
  if (at.startsWith('team:')) return true;
  if (at.startsWith('school:')) {
    const schoolId = at.slice('school:'.length);
    return wholeSchool(a, schoolId) && wholeSchool(b, schoolId);
  }
  return false;
}
