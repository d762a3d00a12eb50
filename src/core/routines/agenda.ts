import type { MeetingAgendaItem } from '../../contracts/meetings-api';
import type { Routine } from '../../contracts/routine';
import { totalMinutes } from './rules';

/** What a meeting's row keeps of each routine it will run: listings, the calendar and the plan read it. */
export const agendaOf = (routines: readonly Routine[]): MeetingAgendaItem[] =>
  routines.map((r) => ({
    routineId: r.id,
    routineVersion: r.version,
    routineName: r.name,
    minutes: totalMinutes(r),
    focus: r.focus,
  }));

/** PM-PLAN-1: whether an agenda item is a Peer Modeling part (rows written before `focus` was kept name it). */
export const isObservedPractice = (item: MeetingAgendaItem) =>
  item.focus === undefined ? item.routineId === 'peer-modeling' : item.focus === 'observed-practice';
