/**
 * The networks pages (issue 14, NET-WEB-*), each loaded on first visit (DAY-PERF-1): from one's district, /networks
 * and /network-invitations/:token; in a network, its home at `/` (router.tsx chooses it by the tab's space).
 */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const NetworkHomePage = lazyPage(() => import('./NetworkHomePage'), 'NetworkHomePage');

/** Signed in, in one's own district (a tab in a network is told to go back first). */
export const networkDistrictRoutes: readonly PageRoute[] = [
  { path: '/networks', Page: lazyPage(() => import('./NetworksPage'), 'NetworksPage') },
  {
    path: '/network-invitations/:token',
    Page: lazyPage(() => import('./NetworkInvitationPage'), 'NetworkInvitationPage'),
  },
];
