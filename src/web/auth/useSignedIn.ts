import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me } from '#contracts/auth';
import { queryKeys } from '../api/queries';
import { leaveNetworkSpace } from '../api/client';
import { browserStorage, forgetAllOutboxes, forgetOutboxesExcept } from '../meetings/live/outbox-store';
import { forgetOfflineCopies } from '../shell/offline-copies';

/** Public answers that do not depend on who is signed in, and that a page in mid-flow still shows. */
const sessionIndependent = new Set<unknown>([
  queryKeys.setupStatus[0],
  'invitation-preview',
  'join-preview',
  'demo',
]);

/**
 * After anything that starts a session (sign in, setup, accepting an invitation, joining by code):
 * drop whatever was cached for the previous visitor, then remember the new person.
 */
export function useRememberSignedIn(): (me: Me) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me) => {
      queryClient.removeQueries({ predicate: (query) => !sessionIndependent.has(query.queryKey[0]) });
      queryClient.setQueryData(queryKeys.me, me);
      // TRUST-DEVICE-WEB-2: queues someone else left on this device go, even if they never signed out.
      forgetOutboxesExcept(browserStorage(), me.id);
      // PWA-OFFLINE-3: and so do the offline copies of someone else's reads.
      forgetOfflineCopies();
    },
    [queryClient],
  );
}

/** After signing out: forget everything about the person. */
export function useForgetSignedIn(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    queryClient.removeQueries({ predicate: (query) => !sessionIndependent.has(query.queryKey[0]) });
    queryClient.setQueryData(queryKeys.me, null);
    forgetAllOutboxes(browserStorage());
    forgetOfflineCopies();
    // NET-WEB-1: whoever signs in next on this tab starts in their own district.
    leaveNetworkSpace();
  }, [queryClient]);
}
