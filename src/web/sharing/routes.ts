/** Sharing's pages (issue 12, ADR 0023), each loaded on first visit (DAY-PERF-1); see src/web/router.tsx. */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const sharingRoutes: readonly PageRoute[] = [
  {
    path: '/teams/:groupId/memory/:recordId/share',
    Page: lazyPage(() => import('./SharePage'), 'SharePage'),
  },
  { path: '/shared', Page: lazyPage(() => import('./SharedLibraryPage'), 'SharedLibraryPage') },
  { path: '/shared/:shareId', Page: lazyPage(() => import('./SharedCopyPage'), 'SharedCopyPage') },
];
