import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from './client';
import { queryKeys } from './queries';

/**
 * One client for the app. A 401 from any endpoint that needs a session means the session ended
 * (signed out elsewhere, expired, deactivated): we forget `me`, and the route guard sends the person
 * to /sign-in?next=… so they come back to where they were.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        forgetSessionOn(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        forgetSessionOn(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Retrying a 4xx only repeats a decided answer; retry network blips and 5xx a little.
        retry: (failures, error) =>
          !(isApiRequestError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });

  function forgetSessionOn(error: unknown): void {
    if (isApiRequestError(error) && error.isSessionMissing && error.endpoint !== 'me') {
      client.setQueryData(queryKeys.me, null);
    }
  }
  return client;
}
