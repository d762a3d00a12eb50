/**
 * The book-study page (issue 14, BOOK-WEB-2..5), loaded on first visit (DAY-PERF-1); signed in, in one's district
 * and in a network alike (a cohort's study names the tab's network in its calls). See src/web/router.tsx.
 */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

export const bookStudyRoutes: readonly PageRoute[] = [
  { path: '/book-studies/:studyId', Page: lazyPage(() => import('./BookStudyPage'), 'BookStudyPage') },
];
