/**
 * What the app's router and team page need from the meetings feature:
 *
 * - `meetingRoutes`: inside the signed-in part of the app shell (next to `teams/:groupId`).
 * - `meetingFullScreenRoutes`: at the top level, beside the app shell: the projector view has no header.
 * - `TeamMeetingsSection({ groupId })`: on the team page.
 */
import { Outlet, type RouteObject } from 'react-router';
import { RequireSession } from '../shell/guards';
import { RouteError } from '../shell/RouteError';
import { ToastProvider } from '../shell/Toaster';
import { MeetingPage } from './device/MeetingPage';
import { JoinMeetingPage } from './join/JoinMeetingPage';
import { MinutesPage } from './minutes/MinutesPage';
import { ProjectorPage } from './projector/ProjectorPage';
import './meetings.css';

export { TeamMeetingsSection } from './team/TeamMeetingsSection';
export { meetingsStrings } from './strings.en';

export const meetingRoutes: RouteObject[] = [
  { path: 'meetings/:meetingId', element: <MeetingPage /> },
  { path: 'meetings/:meetingId/minutes', element: <MinutesPage /> },
  { path: 'join-meeting', element: <JoinMeetingPage /> },
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
        children: [{ path: 'meetings/:meetingId/projector', element: <ProjectorPage /> }],
      },
    ],
  },
];
