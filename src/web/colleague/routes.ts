/**
 * The colleague exchange's pages (issue 14), loaded on first visit (DAY-PERF-1) with the networks kit (one
 * `import()` in the first chunk for both: `shell/space.tsx`); one route for both pages (every entry of the route
 * tables weighs on every page); see src/web/router.tsx.
 */
import { lazyPage, type PageRoute } from '../shell/lazyPage';
import { loadNetworkKit } from '../shell/space';

export const colleagueRoutes: readonly PageRoute[] = [
  { path: '/colleague/:pairId?', Page: lazyPage(loadNetworkKit, 'ColleagueRoutePage') },
];
