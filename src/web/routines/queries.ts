/** Read hooks for routines. The list is the meetings feature's (`useRoutines`), shared with scheduling. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routinesApi } from '#contracts/api-routines';
import { pathFor } from '#contracts/endpoint';
import type { CreateRoutineRequest, LibraryScope } from '#contracts/routine-library';
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

/** The routine's YAML file, for a download link (`<a download>`; the server names the file). */
export const exportUrl = (groupId: string, routineId: string) =>
  pathFor(routinesApi.exportRoutine.path, { groupId, routine: routineId });

/** Writes, copies, imports, shares and withdraws; each refreshes the team's routines (and so the schedule form). */
export function useRoutineMutations(groupId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: routineKeys.all(groupId) });
  return {
    create: useMutation({
      mutationFn: (body: CreateRoutineRequest) => call('createRoutine', { params: { groupId }, body }),
      onSuccess: refresh,
    }),
    importFiles: useMutation({
      mutationFn: (files: { name: string; text: string }[]) =>
        call('importRoutines', { params: { groupId }, body: { files } }),
      onSuccess: refresh,
    }),
    share: useMutation({
      mutationFn: ({ routineId, scope }: { routineId: string; scope: LibraryScope }) =>
        call('shareRoutine', { params: { groupId, routine: routineId }, body: { scope } }),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (routineId: string) => call('withdrawRoutine', { params: { routine: routineId } }),
      onSuccess: refresh,
    }),
  };
}
