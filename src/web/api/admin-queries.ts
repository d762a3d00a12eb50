/**
 * Reads of the district's own records (its settings, schools, people and invitations), for the admin pages and the
 * survey form: here rather than in `queries.ts`, which every page loads, so they load with those pages (DAY-PERF-1).
 */
import { useQuery } from '@tanstack/react-query';
import { call } from './client';
import { queryKeys } from './queries';

export function useDistrict() {
  return useQuery({ queryKey: queryKeys.district, queryFn: ({ signal }) => call('district', { signal }) });
}

/** The district's schools; `enabled: false` where there are none to ask for (a network: 404). */
export function useSchools({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.schools,
    queryFn: async ({ signal }) => (await call('listSchools', { signal })).items,
  });
}

export function usePeople() {
  return useQuery({
    queryKey: queryKeys.people,
    queryFn: async ({ signal }) => (await call('listPeople', { signal })).items,
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: queryKeys.invitations,
    queryFn: async ({ signal }) => (await call('listInvitations', { signal })).items,
  });
}
