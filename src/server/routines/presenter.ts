import type { RoutineSummary } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import { totalMinutes } from '#core/routines/index';

/** A routine -> the line a team's list shows for it. */
export function presentRoutineSummary(r: Routine, custom: boolean): RoutineSummary {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    summary: r.summary,
    focus: r.focus,
    totalMinutes: totalMinutes(r),
    stepCount: r.steps.length,
    custom,
    basedOn: r.basedOn ?? null,
  };
}
