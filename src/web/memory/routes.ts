/** Team memory's pages (issue 12), each loaded on first visit (DAY-PERF-1); see src/web/router.tsx. */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const memoryRoutes: readonly PageRoute[] = [
  { path: '/teams/:groupId/successes', Page: lazyPage(() => import('./MemoryListPage'), 'SuccessesPage') },
  { path: '/teams/:groupId/problems', Page: lazyPage(() => import('./MemoryListPage'), 'ProblemsPage') },
  {
    path: '/teams/:groupId/observations',
    Page: lazyPage(() => import('./MemoryListPage'), 'ObservationsPage'),
  },
  { path: '/teams/:groupId/memory/:recordId', Page: lazyPage(() => import('./RecordPage'), 'RecordPage') },
];
