/** Query keys and read hooks. Mutations live next to the forms that use them. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '#contracts/auth';
import { call, isApiRequestError } from './client';

export const queryKeys = {
  me: ['me'] as const,
  setupStatus: ['setup-status'] as const,
  district: ['district'] as const,
  groups: ['groups'] as const,
  group: (groupId: string) => ['groups', groupId] as const,
  schools: ['schools'] as const,
  people: ['people'] as const,
  invitations: ['invitations'] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
  joinPreview: (code: string) => ['join-preview', code] as const,
  outbox: ['outbox'] as const,
};

/** The signed-in person, or `null` when signed out (a 401 is an answer here, not an error). */
export const meQuery = queryOptions<Me | null>({
  queryKey: queryKeys.me,
  queryFn: async ({ signal }) => {
    try {
      return await call('me', { signal });
    } catch (error) {
      if (isApiRequestError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export const setupStatusQuery = queryOptions({
  queryKey: queryKeys.setupStatus,
  queryFn: ({ signal }) => call('setupStatus', { signal }),
  staleTime: Infinity,
});

export function useSetupStatus() {
  return useQuery(setupStatusQuery);
}

export function useGroups() {
  return useQuery({
    queryKey: queryKeys.groups,
    queryFn: async ({ signal }) => (await call('listGroups', { signal })).items,
  });
}

export function useGroup(groupId: string) {
  return useQuery({
    queryKey: queryKeys.group(groupId),
    queryFn: ({ signal }) => call('getGroup', { params: { groupId }, signal }),
  });
}
