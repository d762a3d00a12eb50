/**
 * What the app's router needs from the meetings feature:
 *
 * - `meetingRoutes`: inside the signed-in part of the app shell (next to `teams/:groupId`).
 * - `meetingFullScreenRoutes`: at the top level, beside the app shell: the projector view has no header.
 *
 * Routes only (DAY-PERF-1): the router imports this file into the first chunk, so anything exported from
 * here is loaded by every page. The team page imports `TeamMeetingsSection` from `team/TeamMeetingsSection`.
 */
import { Outlet, type RouteObject } from 'react-router';
import { RequireSession } from '../shell/guards';
import { lazyPage, PageLoading } from '../shell/lazyPage';
import { RouteError } from '../shell/RouteError';
import { ToastProvider } from '../shell/Toaster';
import './meetings.css';

/** Each page loads on first visit (DAY-PERF-1); see src/web/router.tsx. */
export const meetingRoutes: RouteObject[] = [
  { path: 'meetings/:meetingId', lazy: lazyPage(() => import('./device/MeetingPage'), 'MeetingPage') },
  {
    path: 'meetings/:meetingId/minutes',
    lazy: lazyPage(() => import('./minutes/MinutesPage'), 'MinutesPage'),
  },
];

/** The frame of a full-screen page: one <main>, toasts, and the same sign-in guard as the rest of the app. */
function FullScreenFrame() {
  return (
    <ToastProvider>
      <main id="main" className="fullscreen-main">
        <Outlet />
      </main>
    </ToastProvider>
  );
}

export const meetingFullScreenRoutes: RouteObject[] = [
  {
    element: <FullScreenFrame />,
    errorElement: <RouteError standalone />,
    children: [
      {
        element: <RequireSession />,
        HydrateFallback: PageLoading,
        children: [
          {
            path: 'meetings/:meetingId/projector',
            lazy: lazyPage(() => import('./projector/ProjectorPage'), 'ProjectorPage'),
          },
        ],
      },
    ],
  },
];
