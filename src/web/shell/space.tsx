/**
 * The tab's space in React (ADR 0032, NET-WEB-1, NET-WEB-2): which network this tab is in, entering one from
 * `/n/:networkId[/<rest>]`, and going back to the person's own district. Entering or leaving resets every cached
 * answer: they were the other space's.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useSyncExternalStore } from 'react';
import {
  currentNetwork,
  enterNetwork,
  leaveNetworkSpace,
  networkEntryOf,
  subscribeToSpace,
} from '../api/space';
import { LoadingState } from '../ui/States';
import type { LazyPage } from './lazyPage';
import { useCurrentLocation, useNavigate } from './navigation';

const readSpace = () => currentNetwork();

/** The network this tab acts in, or null in the person's own district. */
export function useCurrentNetwork(): string | null {
  return useSyncExternalStore(subscribeToSpace, readSpace, () => null);
}

/** Forgets what was cached for the other space; the answers on screen are asked again, in the new one. */
function useResetCache(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.resetQueries();
  }, [queryClient]);
}

/** "Back to your district": this tab leaves its network and goes home (or to `to`, a page of the district). */
export function useLeaveNetworkSpace(): (to?: string) => void {
  const resetCache = useResetCache();
  const navigate = useNavigate();
  return useCallback(
    (to = '/') => {
      leaveNetworkSpace();
      resetCache();
      navigate(to);
    },
    [resetCache, navigate],
  );
}

/** `/n/:networkId` and `/n/:networkId/<rest>`: enter the network in this tab, then go on to `/` or `/<rest>`. */
export function EnterNetworkPage() {
  const location = useCurrentLocation();
  const navigate = useNavigate();
  const resetCache = useResetCache();
  const entry = networkEntryOf(location.pathname, location.search, location.hash);
  const networkId = entry?.networkId ?? null;
  const to = entry?.to ?? '/';
  useLayoutEffect(() => {
    // An address that names no network (`/n/oops`) enters nothing: the tab stays where it was.
    if (networkId) {
      enterNetwork(networkId);
      resetCache();
    }
    navigate(to, { replace: true });
  }, [networkId, to, navigate, resetCache]);
  return <LoadingState />;
}

/** A page that is one thing in the district and another in a network (`/`: My teams, or the network's home). */
export function pageBySpace(district: LazyPage, network: LazyPage): LazyPage {
  const BySpace = () => {
    const Page = useCurrentNetwork() ? network : district;
    return <Page />;
  };
  return Object.assign(BySpace, { preload: () => (currentNetwork() ? network : district).preload() });
}
