/** Query keys and read hooks for meetings and routines (REST); the live part comes over the socket. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { MinutesResponse } from './minutes/minutesShape';

export const meetingKeys = {
  all: ['meetings'] as const,
  forGroup: (groupId: string) => ['meetings', 'group', groupId] as const,
  meeting: (meetingId: string) => ['meetings', 'one', meetingId] as const,
  minutes: (meetingId: string) => ['meetings', 'minutes', meetingId] as const,
  routines: (groupId: string) => ['routines', groupId] as const,
};

export function useGroupMeetings(groupId: string) {
  return useQuery({
    queryKey: meetingKeys.forGroup(groupId),
    queryFn: async ({ signal }) => (await call('listMeetings', { params: { groupId }, signal })).items,
  });
}

export function useRoutines(groupId: string) {
  return useQuery({
    queryKey: meetingKeys.routines(groupId),
    queryFn: async ({ signal }) => (await call('listRoutines', { params: { groupId }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

/** The meeting's summary; while it is scheduled, asked again every few seconds so the page notices it opening. */
export function useMeetingSummary(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(meetingId),
    queryFn: ({ signal }) => call('getMeeting', { params: { meetingId }, signal }),
    refetchInterval: (query) => (query.state.data?.status === 'scheduled' ? 5_000 : false),
  });
}

export function useMinutes(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.minutes(meetingId),
    queryFn: async ({ signal }) =>
      MinutesResponse.parse(await call('meetingMinutes', { params: { meetingId }, signal })),
  });
}
