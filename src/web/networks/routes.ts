/**
 * The networks pages (issue 14, NET-WEB-*), loaded on first visit (DAY-PERF-1) with the rest of the kit, through the
 * one `import()` of `shell/space.tsx`: from one's district, /networks and /network-invitations/:token; in a network,
 * its home at `/` (router.tsx chooses it by the tab's space) and the way in, /n/:networkId[/<rest>].
 */
import { lazyPage, type PageRoute } from '../shell/lazyPage';
import { loadNetworkKit } from '../shell/space';

export const NetworkHomePage = lazyPage(loadNetworkKit, 'NetworkHomePage');
export const EnterNetworkPage = lazyPage(loadNetworkKit, 'EnterNetworkPage');

/** Signed in, in one's own district (a tab in a network is told to go back first). */
export const networkDistrictRoutes: readonly PageRoute[] = [
  { path: '/networks', Page: lazyPage(loadNetworkKit, 'NetworksPage') },
  { path: '/network-invitations/:token', Page: lazyPage(loadNetworkKit, 'NetworkInvitationPage') },
];
