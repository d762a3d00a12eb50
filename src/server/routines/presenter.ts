import type { RoutineSummary } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import type { LibraryInfo, RoutineOrigin, SharedRoutine } from '#contracts/routine-library';
import { totalMinutes } from '#core/routines/index';
import type { LibraryEntry, OfferedRoutines } from './queries';

/** A library row with its author's and school's names -> what the library shows of it. */
export function presentLibraryInfo(entry: LibraryEntry, canWithdraw: boolean): LibraryInfo {
  return {
    version: entry.row.version,
    scope: entry.row.schoolId === null ? 'district' : 'school',
    schoolName: entry.schoolName,
    authorName: entry.authorName,
    sharedAt: entry.row.sharedAt.toISOString(),
    canWithdraw,
  };
}

/** A routine -> the line a team's list shows for it. */
export function presentRoutineSummary(
  r: Routine,
  origin: RoutineOrigin,
  library: LibraryInfo | null = null,
  adaptsShipped = false,
): RoutineSummary {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    summary: r.summary,
    focus: r.focus,
    totalMinutes: totalMinutes(r),
    stepCount: r.steps.length,
    custom: origin === 'team',
    basedOn: r.basedOn ?? null,
    origin,
    adaptsShipped,
    for: r.for ?? null,
    library,
  };
}

/**
 * ROUTINE-LIB-ORDER-1: Ensemble's routines first in the order offered to the group (a team's adapted copy in
 * the place of the routine it adapts), then the team's own new routines, then the library's.
 */
export function presentOffered(
  offered: OfferedRoutines,
  canWithdraw: (entry: LibraryEntry) => boolean,
): RoutineSummary[] {
  const info = (e: LibraryEntry | null) => (e ? presentLibraryInfo(e, canWithdraw(e)) : null);
  return [
    ...offered.shipped.map((x) =>
      presentRoutineSummary(x.routine, x.custom ? 'team' : 'shipped', null, x.custom),
    ),
    ...offered.own.map((x) => presentRoutineSummary(x.routine, 'team', info(x.shared))),
    ...offered.library.map((e) => presentRoutineSummary(e.row.definition, 'library', info(e))),
  ];
}

export function presentShared(entry: LibraryEntry, canWithdraw: boolean): SharedRoutine {
  return {
    id: entry.row.routineId,
    version: entry.row.version,
    library: presentLibraryInfo(entry, canWithdraw),
  };
}
