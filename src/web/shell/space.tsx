/**
 * The tab's space in React (ADR 0032, NET-WEB-1, NET-WEB-2): which network this tab is in. Only what every page
 * needs is here, in the first chunk; the network's band, its pages and the way in and out load with the first page
 * shown in a network (`network-frame.tsx`).
 */
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { currentNetwork, subscribeToSpace } from '../api/client';
import type { LazyPage } from './lazyPage';

const readSpace = () => currentNetwork();

/** The network this tab acts in, or null in the person's own district. */
export function useCurrentNetwork(): string | null {
  return useSyncExternalStore(subscribeToSpace, readSpace, () => null);
}

/** A page that is one thing in the district and another in a network (`/`: My teams, or the network's home). */
export function pageBySpace(district: LazyPage, network: LazyPage): LazyPage {
  const BySpace = () => {
    const Page = useCurrentNetwork() ? network : district;
    return <Page />;
  };
  return Object.assign(BySpace, { preload: () => (currentNetwork() ? network : district).preload() });
}

/** The networks kit (`networks/kit.ts`): its pages and the parts below, one chunk group with one `import()`. */
export const loadNetworkKit = () => import('../networks/kit');
type Part = 'band' | 'not-found' | 'district-only';
const NetworkPart = lazy(async () => ({ default: (await loadNetworkKit()).NetworkPart }));

/**
 * NET-WEB-2, NET-WEB-3: the band naming the tab's network (with the way back), "Network not found", and a district
 * page's notice in a network; drawn once the kit's code is in.
 */
export function NetworkFrame({ part, name = null }: { part: Part; name?: string | null }) {
  return (
    <Suspense fallback={null}>
      <NetworkPart part={part} name={name} />
    </Suspense>
  );
}
