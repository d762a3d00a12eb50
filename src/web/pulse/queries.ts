/** Query keys, reads and the answer of the meeting pulse (REST; the `surveys` catalogue module, ADR 0026). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SubmitPulse } from '#contracts/pulse';
import { call } from '../api/client';

export const pulseKeys = {
  meeting: (meetingId: string) => ['pulse', 'meeting', meetingId] as const,
  team: (groupId: string) => ['pulse', 'team', groupId] as const,
};

/**
 * MEASURE-PULSE-1: the signed-in person's pulse of a meeting (a 403 or 404: not theirs to answer). Not retried:
 * the minutes wait for it, and a pulse that cannot be read is simply not shown.
 */
export const meetingPulseQuery = (meetingId: string) =>
  queryOptions({
    queryKey: pulseKeys.meeting(meetingId),
    queryFn: ({ signal }) => call('meetingPulse', { params: { meetingId }, signal }),
    retry: false,
  });

export function useMeetingPulse(meetingId: string) {
  return useQuery(meetingPulseQuery(meetingId));
}

/** MEASURE-PULSE-2: answered once (a 409 says so, or that the pulse has closed meanwhile). */
export function useSubmitPulse(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitPulse) => call('submitPulse', { params: { meetingId }, body }),
    onSuccess: (pulse) => {
      queryClient.setQueryData(pulseKeys.meeting(meetingId), pulse);
    },
  });
}

/** MEASURE-PULSE-3: the team's pooled trend. */
export function useTeamPulse(groupId: string) {
  return useQuery({
    queryKey: pulseKeys.team(groupId),
    queryFn: ({ signal }) => call('teamPulse', { params: { groupId }, signal }),
  });
}
