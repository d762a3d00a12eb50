import { FocusArea } from '#contracts/focus';
import type { Cohort, CohortCycle, CohortFocus } from '#contracts/cohorts';
import type { CohortRow, CycleRow } from './queries';

function focusOf(c: CycleRow): CohortFocus {
  const area = FocusArea.safeParse(c.focusArea);
  return area.success ? { area: area.data } : { custom: c.focusText ?? '' };
}

export function presentCycle(c: CycleRow): CohortCycle {
  return {
    id: c.id,
    number: c.number,
    focus: focusOf(c),
    goal: c.goal,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentCohort(
  g: CohortRow,
  cycle: CycleRow,
  memberCount: number,
  caller: { member: boolean; canManage: boolean },
): Cohort {
  return { id: g.id, name: g.name, cycle: presentCycle(cycle), memberCount, ...caller };
}
