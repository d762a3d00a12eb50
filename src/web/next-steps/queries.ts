/** Query keys, reads and commands of Next steps (REST). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import { meetingKeys } from '../meetings/queries';

/** The person's calendar date (the browser's), which the server classifies by. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const nextStepsKeys = {
  all: ['next-steps'] as const,
  mine: (include: 'open' | 'all') => ['next-steps', 'mine', include] as const,
  team: (groupId: string) => ['next-steps', 'team', groupId] as const,
  reminder: ['next-steps', 'reminder'] as const,
  digest: ['next-steps', 'digest'] as const,
};

export function useMyNextSteps(include: 'open' | 'all' = 'open') {
  return useQuery({
    queryKey: nextStepsKeys.mine(include),
    queryFn: ({ signal }) => call('myNextSteps', { query: { include, today: localToday() }, signal }),
  });
}

export function useTeamNextSteps(groupId: string) {
  return useQuery({
    queryKey: nextStepsKeys.team(groupId),
    queryFn: ({ signal }) =>
      call('teamNextSteps', { params: { groupId }, query: { include: 'open', today: localToday() }, signal }),
  });
}

export function useNextStepsReminder() {
  return useQuery({
    queryKey: nextStepsKeys.reminder,
    queryFn: ({ signal }) => call('myNextStepsReminder', { query: { today: localToday() }, signal }),
    staleTime: 60_000,
  });
}

/** NEXT-DONE-2: marks one done with what happened; lists, reminder and that meeting's minutes are read again. */
export function useCompleteNextStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { meetingId: string; itemId: string; outcome: string }) =>
      call('completeNextStep', {
        params: { meetingId: v.meetingId, itemId: v.itemId },
        body: { outcome: v.outcome },
      }),
    onSuccess: async (item) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: nextStepsKeys.all }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.minutes(item.meeting.id) }),
      ]);
    },
  });
}

export function useDigest() {
  return useQuery({
    queryKey: nextStepsKeys.digest,
    queryFn: ({ signal }) => call('myDigest', { signal }),
  });
}

export function useSetDigest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (weekly: boolean) => call('updateMyDigest', { body: { weekly } }),
    onSuccess: (settings) => queryClient.setQueryData(nextStepsKeys.digest, settings),
  });
}
