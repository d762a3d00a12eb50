/** Next steps' page (issue 12), loaded on first visit (DAY-PERF-1); see src/web/router.tsx. */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const nextStepsRoutes: readonly PageRoute[] = [
  { path: '/next-steps', Page: lazyPage(() => import('./NextStepsPage'), 'NextStepsPage') },
];
