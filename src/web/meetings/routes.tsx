/**
 * What the app's router needs from the meetings feature:
 *
 * - `meetingRoutes`: inside the signed-in part of the app shell (next to `/teams/:groupId`).
 * - `meetingFullScreenRoutes`: at the top level, beside the app shell, each in a `FullScreenFrame`: the
 *   projector view has no header.
 *
 * Routes only (DAY-PERF-1): the router imports this file into the first chunk, so anything exported from
 * here is loaded by every page. The team page imports `TeamMeetingsSection` from `team/TeamMeetingsSection`.
 */
import type { ReactNode } from 'react';
import { lazyPage, type PageRoute } from '../shell/lazyPage';
import { ToastProvider } from '../shell/Toaster';
import './meetings.css';

/** Each page loads on first visit (DAY-PERF-1); see src/web/router.tsx. */
export const meetingRoutes: readonly PageRoute[] = [
  { path: '/meetings/:meetingId', Page: lazyPage(() => import('./device/MeetingPage'), 'MeetingPage') },
  {
    path: '/meetings/:meetingId/minutes',
    Page: lazyPage(() => import('./minutes/MinutesPage'), 'MinutesPage'),
  },
];

/** The frame of a full-screen page: one <main>, toasts; the router adds the same sign-in guard as elsewhere. */
export function FullScreenFrame({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <main id="main" className="fullscreen-main">
        {children}
      </main>
    </ToastProvider>
  );
}

export const meetingFullScreenRoutes: readonly PageRoute[] = [
  {
    path: '/meetings/:meetingId/projector',
    Page: lazyPage(() => import('./projector/ProjectorPage'), 'ProjectorPage'),
  },
];
