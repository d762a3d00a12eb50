/** Query keys and calls of Peer Modeling's plan, invitations and visit notes (REST). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteRequest, MeetingPlanView, SavePlanRequest } from '#contracts/peer-modeling';
import { call } from '../api/client';

export const peerModelingKeys = {
  plan: (meetingId: string) => ['peer-modeling', 'plan', meetingId] as const,
  successes: (groupId: string) => ['peer-modeling', 'successes', groupId] as const,
  candidates: (meetingId: string, q: string) => ['peer-modeling', 'candidates', meetingId, q] as const,
  invited: ['peer-modeling', 'invited'] as const,
  note: (meetingId: string) => ['peer-modeling', 'note', meetingId] as const,
};

export function useMeetingPlan(meetingId: string) {
  return useQuery({
    queryKey: peerModelingKeys.plan(meetingId),
    queryFn: ({ signal }) => call('getMeetingPlan', { params: { meetingId }, signal }),
  });
}

export function useTeamSuccesses(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: peerModelingKeys.successes(groupId),
    queryFn: async ({ signal }) => (await call('teamSuccesses', { params: { groupId }, signal })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useInviteCandidates(meetingId: string, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: peerModelingKeys.candidates(meetingId, query),
    queryFn: async ({ signal }) =>
      (await call('inviteCandidates', { params: { meetingId }, query: { q: query }, signal })).items,
    enabled: query.length >= 2,
    staleTime: 30_000,
  });
}

/** Every change to the plan or the invitations answers with the whole view: it replaces the cached one. */
function usePlanChange<V>(meetingId: string, fn: (value: V) => Promise<MeetingPlanView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      queryClient.setQueryData(peerModelingKeys.plan(meetingId), view);
    },
  });
}

export function useSavePlan(meetingId: string, part: number) {
  return usePlanChange(meetingId, (body: SavePlanRequest) =>
    call('saveMeetingPlan', { params: { meetingId, part: String(part) }, body }),
  );
}

export function useInvite(meetingId: string) {
  return usePlanChange(meetingId, (body: InviteRequest) =>
    call('inviteToMeeting', { params: { meetingId }, body }),
  );
}

export function useUninvite(meetingId: string) {
  return usePlanChange(meetingId, (userId: string) =>
    call('uninviteFromMeeting', { params: { meetingId, userId } }),
  );
}

export function useInvitedMeetings() {
  return useQuery({
    queryKey: peerModelingKeys.invited,
    queryFn: async ({ signal }) => (await call('invitedMeetings', { signal })).items,
  });
}

export function useMyVisitNote(meetingId: string, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: peerModelingKeys.note(meetingId),
    queryFn: ({ signal }) => call('myVisitNote', { params: { meetingId }, signal }),
    refetchInterval,
  });
}
