/** Query keys and the read of search (REST). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchKind } from '#contracts/search';
import { call } from '../api/client';

export interface SearchParams {
  q: string;
  type?: SearchKind | undefined;
  tag?: string | undefined;
  groupId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

export const searchKeys = {
  all: ['search'] as const,
  results: (p: SearchParams) => ['search', p] as const,
};

/** Runs only when there are words to search (an empty box shows the start hint, not a request). */
export function useSearchResults(p: SearchParams) {
  return useQuery({
    queryKey: searchKeys.results(p),
    queryFn: ({ signal }) =>
      call('search', {
        query: {
          q: p.q,
          type: p.type,
          tag: p.tag,
          groupId: p.groupId,
          from: p.from,
          to: p.to,
          page: p.page > 1 ? p.page : undefined,
        },
        signal,
      }),
    enabled: p.q.trim().length > 0,
    placeholderData: keepPreviousData,
    // Asked again on every visit: what others share, withdraw or write changes the answer (SHARE-WITHDRAW-1:
    // a withdrawn copy is gone from search at once, not after the app-wide 15 s of freshness).
    staleTime: 0,
  });
}
