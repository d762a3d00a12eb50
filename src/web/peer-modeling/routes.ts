/** Peer Modeling's pages (issue 11), each loaded on first visit (DAY-PERF-1); see src/web/router.tsx. */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const peerModelingRoutes: readonly PageRoute[] = [
  { path: '/meetings/:meetingId/plan', Page: lazyPage(() => import('./PlanPage'), 'PlanPage') },
  {
    path: '/meetings/:meetingId/visit-notes',
    Page: lazyPage(() => import('./VisitNotesPage'), 'VisitNotesPage'),
  },
];
