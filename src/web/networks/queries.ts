/** Query keys, reads and commands of the networks kit (issue 14, ADR 0032). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCohort, NewCycle } from '#contracts/cohorts';
import type { CreateNetwork, MemberShown } from '#contracts/networks';
import type { DirectoryEntry, OrganizationFields } from '#contracts/organizations';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';

export const networkKeys = {
  all: ['networks'] as const,
  mine: ['networks', 'mine'] as const,
  listed: ['networks', 'listed'] as const,
  invitation: (token: string) => ['networks', 'invitation', token] as const,
  /** Inside the tab's network (the calls name it): the network itself and what its conveners see. */
  current: ['network'] as const,
  requests: ['network', 'requests'] as const,
  invitations: ['network', 'invitations'] as const,
  cohorts: ['network', 'cohorts'] as const,
};

// From one's own district.

export function useMyNetworks() {
  return useQuery({
    queryKey: networkKeys.mine,
    queryFn: async ({ signal }) => (await call('myNetworks', { signal })).items,
  });
}

/** Listed networks; only school leaders and district admins may look (others are not asked: `enabled`). */
export function useListedNetworks(enabled: boolean) {
  return useQuery({
    queryKey: networkKeys.listed,
    queryFn: async ({ signal }) => (await call('listedNetworks', { signal })).items,
    enabled,
  });
}

export function useCreateNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNetwork) => call('createNetwork', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

export function useRequestToJoin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ networkId, shown, message }: { networkId: string; shown: MemberShown; message: string }) =>
      call('requestToJoinNetwork', { params: { networkId }, body: { shown, message } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.listed }),
  });
}

export function useNetworkInvitation(token: string) {
  return useQuery({
    queryKey: networkKeys.invitation(token),
    queryFn: ({ signal }) => call('networkInvitation', { params: { token }, signal }),
    retry: false,
  });
}

export function useAcceptNetworkInvitation(token: string) {
  return useMutation({
    mutationFn: (shown: MemberShown) =>
      call('acceptNetworkInvitation', { params: { token }, body: { shown } }),
  });
}

// Inside the tab's network.

export function useCurrentNetworkDetail() {
  return useQuery({
    queryKey: networkKeys.current,
    queryFn: ({ signal }) => call('currentNetwork', { signal }),
  });
}

/** The network's cohorts (`enabled`: only in a tab that is in a network; the team page asks for its cohort's cycle). */
export function useCohorts(enabled = true) {
  return useQuery({
    queryKey: networkKeys.cohorts,
    queryFn: async ({ signal }) => (await call('listCohorts', { signal })).items,
    enabled,
  });
}

/** Conveners only (`enabled`): the network's pending requests to join. */
export function useJoinRequests(enabled: boolean) {
  return useQuery({
    queryKey: networkKeys.requests,
    queryFn: async ({ signal }) => (await call('networkJoinRequests', { signal })).items,
    enabled,
  });
}

/** Conveners only (`enabled`): invitations not yet accepted. */
export function usePendingInvitations(enabled: boolean) {
  return useQuery({
    queryKey: networkKeys.invitations,
    queryFn: async ({ signal }) => (await call('networkInvitations', { signal })).items,
    enabled,
  });
}

export function useDecideRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, decision }: { requestId: string; decision: 'approve' | 'decline' }) =>
      call(decision === 'approve' ? 'approveNetworkJoinRequest' : 'declineNetworkJoinRequest', {
        params: { requestId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.current }),
  });
}

export function useInviteToNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => call('inviteToNetwork', { body: { email } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.invitations }),
  });
}

export function useCreateCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCohort) => call('createCohort', { body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.cohorts });
      // The new cohort is one of the caller's groups (they facilitate it).
      await queryClient.invalidateQueries({ queryKey: queryKeys.groups });
    },
  });
}

/** NET-WEB-7: a cohort's next cycle (its conveners and facilitators). */
export function useStartCycle(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCycle) => call('startCohortCycle', { params: { groupId: cohortId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.cohorts }),
  });
}

export function useJoinCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => call('joinCohort', { params: { groupId } }),
    onSuccess: async (_cohort, groupId) => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.cohorts });
      await queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      await queryClient.invalidateQueries({ queryKey: queryKeys.group(groupId) });
    },
  });
}

export function useLeaveNetwork() {
  return useMutation({ mutationFn: () => call('leaveNetwork') });
}

// Professional organizations (NET-ORG-2): the district's or the tab's network's own version of the list.

export const organizationKeys = { list: ['organizations'] as const };

export function useOrganizations() {
  return useQuery({
    queryKey: organizationKeys.list,
    queryFn: ({ signal }) => call('listOrganizations', { signal }),
  });
}

export function useAddOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationFields) => call('addOrganization', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list }),
  });
}

/** Hides or shows an entry for this district's or network's people (a shipped one by its slug). */
export function useSetOrganizationHidden() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, hidden }: { entry: DirectoryEntry; hidden: boolean }) => {
      const fields: OrganizationFields = {
        name: entry.name,
        url: entry.url,
        scope: entry.scope,
        state: entry.state,
        audience: entry.audience,
        offers: entry.offers,
      };
      return entry.shippedSlug
        ? call('editShippedOrganization', { params: { slug: entry.shippedSlug }, body: { fields, hidden } })
        : call('updateOrganization', {
            params: { organizationId: entry.id ?? '' },
            body: { fields, hidden },
          });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list }),
  });
}
