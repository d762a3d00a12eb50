/** Query keys, reads and the share command of My reflections (REST). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import { meetingKeys } from '../meetings/queries';

export const reflectionKeys = {
  all: ['my-reflections'] as const,
  list: (groupId: string | null, page: number) => ['my-reflections', groupId ?? 'all', page] as const,
};

export function useMyReflections(groupId: string | null, page: number) {
  return useQuery({
    queryKey: reflectionKeys.list(groupId, page),
    queryFn: ({ signal }) =>
      call('myReflections', {
        query: { groupId: groupId ?? undefined, page: page > 1 ? page : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Shares one reflection with its team after the meeting; the list and that meeting's minutes are read again. */
export function useShareReflection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reflectionId: string) => call('shareMyReflection', { params: { reflectionId } }),
    onSuccess: async (item) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reflectionKeys.all }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.minutes(item.meeting.id) }),
      ]);
    },
  });
}
