/** Query keys and the read of the team home (REST). */
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import { useGroupMeetings } from '../meetings/queries';

export const teamHomeKeys = {
  home: (groupId: string) => ['team-home', groupId] as const,
};

export function useTeamHome(groupId: string) {
  return useQuery({
    queryKey: teamHomeKeys.home(groupId),
    queryFn: ({ signal }) => call('teamHome', { params: { groupId }, signal }),
  });
}

/**
 * DAY-TEAM-1, HOME-2: the team page keeps its meetings list live over `team:watch` (useTeamMeetingsLive); each
 * time that list is read again (a meeting opened, started or ended), the home is read again too, so its next
 * meeting turns live without a reload. No socket of its own.
 */
export function useHomeFollowsMeetings(groupId: string): void {
  const queryClient = useQueryClient();
  const { dataUpdatedAt } = useGroupMeetings(groupId);
  const seen = useRef(dataUpdatedAt);
  useEffect(() => {
    if (dataUpdatedAt === seen.current) return;
    seen.current = dataUpdatedAt;
    void queryClient.invalidateQueries({ queryKey: teamHomeKeys.home(groupId) });
  }, [dataUpdatedAt, groupId, queryClient]);
}
