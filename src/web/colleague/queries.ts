/** Query keys, reads and commands of the colleague exchange (REST). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckInSchedule, MyColleague, OptInAsColleague } from '#contracts/colleague';
import { call } from '../api/client';

export const colleagueKeys = {
  all: ['colleague'] as const,
  mine: ['colleague', 'mine'] as const,
  space: (pairId: string) => ['colleague', 'space', pairId] as const,
};

/** While a suggestion is awaited (or the other's answer), the state is read again every few seconds. */
function waiting(state: MyColleague | undefined): boolean {
  if (!state?.profile) return false;
  return state.pair === null && (state.proposal === null || state.proposal.youAccepted);
}

export function useMyColleague() {
  return useQuery({
    queryKey: colleagueKeys.mine,
    queryFn: ({ signal }) => call('myColleague', { signal }),
    refetchInterval: (query) => (waiting(query.state.data) ? 5_000 : false),
  });
}

function useSetMine() {
  const queryClient = useQueryClient();
  return (state: MyColleague) => {
    queryClient.setQueryData(colleagueKeys.mine, state);
  };
}

export function useOptIn() {
  const setMine = useSetMine();
  return useMutation({
    mutationFn: (body: OptInAsColleague) => call('optInAsColleague', { body }),
    onSuccess: setMine,
  });
}

export function useOptOut() {
  const setMine = useSetMine();
  return useMutation({ mutationFn: () => call('optOutAsColleague'), onSuccess: setMine });
}

export function usePairCommand(command: 'acceptColleague' | 'declineColleague' | 'endColleaguePair') {
  const setMine = useSetMine();
  return useMutation({
    mutationFn: (pairId: string) => call(command, { params: { pairId } }),
    onSuccess: setMine,
  });
}

export function usePairSpace(pairId: string) {
  return useQuery({
    queryKey: colleagueKeys.space(pairId),
    queryFn: ({ signal }) => call('colleagueSpace', { params: { pairId }, signal }),
  });
}

export function useAddNote(pairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { visibility: 'shared' | 'private'; body: string }) =>
      call('addColleagueNote', { params: { pairId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: colleagueKeys.space(pairId) }),
  });
}

export function useSetCheckIn(pairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInSchedule) => call('setColleagueCheckIn', { params: { pairId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: colleagueKeys.space(pairId) }),
  });
}
