/**
 * What the app's router needs from the routines feature: `routineRoutes`, inside the signed-in part of the
 * app shell (next to `/teams/:groupId`). Routes only (DAY-PERF-1): this file is in the first chunk, so the
 * team page imports its way in, `TeamRoutinesLink`, from `TeamRoutinesLink.tsx`.
 */
import { lazyPage, type PageRoute } from '../shell/lazyPage';
import './routines.css';

/** Each page loads on first visit (DAY-PERF-1); see src/web/router.tsx. */
export const routineRoutes: readonly PageRoute[] = [
  { path: '/teams/:groupId/routines', Page: lazyPage(() => import('./RoutinesPage'), 'RoutinesPage') },
  {
    path: '/teams/:groupId/routines/:routineId',
    Page: lazyPage(() => import('./RoutinePage'), 'RoutinePage'),
  },
];
