/** Query keys, reads and commands of team memory: records (REST). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EditMemoryRecordRequest,
  LinkObservationRequest,
  LogSuccessRequest,
  MemoryListQuery,
  ResolveDilemmaRequest,
} from '#contracts/memory';
import { call } from '../api/client';

export type MemoryFilters = Omit<MemoryListQuery, 'page'> & { page?: number };

export const memoryKeys = {
  team: (groupId: string) => ['memory', groupId] as const,
  list: (groupId: string, filters: MemoryFilters) => ['memory', groupId, 'list', filters] as const,
  record: (groupId: string, recordId: string) => ['memory', groupId, 'record', recordId] as const,
};

export function useMemoryList(groupId: string, filters: MemoryFilters) {
  return useQuery({
    queryKey: memoryKeys.list(groupId, filters),
    queryFn: ({ signal }) => call('teamMemory', { params: { groupId }, query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMemoryRecord(groupId: string, recordId: string) {
  return useQuery({
    queryKey: memoryKeys.record(groupId, recordId),
    queryFn: ({ signal }) => call('memoryRecord', { params: { groupId, recordId }, signal }),
  });
}

/** Every change reads the team's memory again (a resolution or a link changes two records). */
function useMemoryMutation<T, R>(groupId: string, run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: memoryKeys.team(groupId) });
    },
  });
}

export const useLogSuccess = (groupId: string) =>
  useMemoryMutation(groupId, (body: LogSuccessRequest) => call('logSuccess', { params: { groupId }, body }));

export const useEditRecord = (groupId: string, recordId: string) =>
  useMemoryMutation(groupId, (body: EditMemoryRecordRequest) =>
    call('editMemoryRecord', { params: { groupId, recordId }, body }),
  );

export const useResolveDilemma = (groupId: string) =>
  useMemoryMutation(groupId, ({ recordId, ...body }: ResolveDilemmaRequest & { recordId: string }) =>
    call('resolveDilemma', { params: { groupId, recordId }, body }),
  );

export const useLinkObservation = (groupId: string, recordId: string) =>
  useMemoryMutation(groupId, (body: LinkObservationRequest) =>
    call('linkObservation', { params: { groupId, recordId }, body }),
  );
