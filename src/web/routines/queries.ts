/** Read hooks for routines. The list is the meetings feature's (`useRoutines`), shared with scheduling. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { meetingKeys } from '../meetings/queries';

export { useRoutines } from '../meetings/queries';

export const routineKeys = {
  /** Under the list's key, so invalidating a team's routines refreshes both. */
  all: (groupId: string) => meetingKeys.routines(groupId),
  one: (groupId: string, routineId: string) => [...meetingKeys.routines(groupId), 'one', routineId] as const,
};

/** The routine with its steps: the team's latest version when it has one, else Ensemble's. */
export function useRoutine(groupId: string, routineId: string) {
  return useQuery({
    queryKey: routineKeys.one(groupId, routineId),
    queryFn: ({ signal }) => call('getRoutine', { params: { groupId, routine: routineId }, signal }),
  });
}
