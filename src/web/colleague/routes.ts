/** The colleague exchange's pages (issue 14), loaded on first visit (DAY-PERF-1); see src/web/router.tsx. */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const colleagueRoutes: readonly PageRoute[] = [
  { path: '/colleague', Page: lazyPage(() => import('./ColleaguePage'), 'ColleaguePage') },
  { path: '/colleague/:pairId', Page: lazyPage(() => import('./PairSpacePage'), 'PairSpacePage') },
];
