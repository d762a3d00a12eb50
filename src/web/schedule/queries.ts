/** Query keys and read hooks for weekly series and calendar links. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

export const scheduleKeys = {
  series: (groupId: string) => ['schedule', 'series', groupId] as const,
  teamFeed: (groupId: string) => ['schedule', 'feed', 'team', groupId] as const,
  myFeed: ['schedule', 'feed', 'mine'] as const,
  upcoming: ['schedule', 'upcoming'] as const,
};

/** The team's series and its time zone. */
export function useSeries(groupId: string) {
  return useQuery({
    queryKey: scheduleKeys.series(groupId),
    queryFn: ({ signal }) => call('listSeries', { params: { groupId }, signal }),
  });
}

export function useTeamFeed(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys.teamFeed(groupId),
    queryFn: ({ signal }) => call('groupCalendarFeed', { params: { groupId }, signal }),
    enabled,
  });
}

/** The person's calendar link (district only: a tab in a network does not ask, NET-WEB-6). */
export function useMyFeed(enabled = true) {
  return useQuery({
    queryKey: scheduleKeys.myFeed,
    queryFn: ({ signal }) => call('myCalendarFeed', { signal }),
    enabled,
  });
}

/** PWA-UPCOMING-1: my teams' meetings live now or in the next two weeks. */
export function useUpcomingMeetings() {
  return useQuery({
    queryKey: scheduleKeys.upcoming,
    queryFn: ({ signal }) => call('myUpcomingMeetings', { signal }),
  });
}
