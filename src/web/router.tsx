import { createBrowserRouter } from 'react-router';
import { meetingFullScreenRoutes, meetingRoutes } from './meetings/routes';
import { routineRoutes } from './routines/routes';
import { AppShell } from './shell/AppShell';
import { RedirectIfSignedIn, RequireDistrictAdmin, RequireSession, SetupGate } from './shell/guards';
import { lazyPage, PageLoading } from './shell/lazyPage';
import { NotFoundPage, RouteError } from './shell/RouteError';

/**
 * Every client route. The server falls back to index.html for these paths, so each is also a valid
 * address to open directly (from an email link, a bookmark, or a projector's browser).
 *
 * Pages load on first visit (DAY-PERF-1): a new page is `{ path, lazy: lazyPage(() => import('./x/XPage'),
 * 'XPage') }`, never a static import here, so the sign-in page does not carry every other page's code.
 * The shell and the guards stay in the first chunk; `HydrateFallback` shows the loading line meanwhile.
 */
export function createAppRouter() {
  return createBrowserRouter([
    // Full-screen pages (the meeting projector view) have no header or nav.
    ...meetingFullScreenRoutes,
    {
      element: <AppShell />,
      errorElement: <RouteError standalone />,
      children: [
        {
          errorElement: <RouteError />,
          HydrateFallback: PageLoading,
          children: [
            {
              element: <SetupGate />,
              children: [
                { path: 'setup', lazy: lazyPage(() => import('./setup/SetupPage'), 'SetupPage') },
                { path: 'dev/outbox', lazy: lazyPage(() => import('./dev/OutboxPage'), 'OutboxPage') },
                {
                  element: <RedirectIfSignedIn />,
                  children: [
                    { path: 'sign-in', lazy: lazyPage(() => import('./auth/SignInPage'), 'SignInPage') },
                  ],
                },
                {
                  path: 'forgot-password',
                  lazy: lazyPage(() => import('./auth/ForgotPasswordPage'), 'ForgotPasswordPage'),
                },
                {
                  path: 'reset-password',
                  lazy: lazyPage(() => import('./auth/ResetPasswordPage'), 'ResetPasswordPage'),
                },
                {
                  path: 'verify-email',
                  lazy: lazyPage(() => import('./auth/VerifyEmailPage'), 'VerifyEmailPage'),
                },
                {
                  path: 'invite/:token',
                  lazy: lazyPage(() => import('./invitations/InvitationPage'), 'InvitationPage'),
                },
                { path: 'join', lazy: lazyPage(() => import('./join/JoinPage'), 'JoinPage') },
                {
                  path: 'join/confirm',
                  lazy: lazyPage(() => import('./join/JoinConfirmPage'), 'JoinConfirmPage'),
                },
                { path: 'join/:code', lazy: lazyPage(() => import('./join/JoinPage'), 'JoinPage') },
                // DAY-FIRST-3: open to everyone: a colleague without an account joins as a meeting guest.
                {
                  path: 'join-meeting',
                  lazy: lazyPage(() => import('./meetings/join/JoinMeetingPage'), 'JoinMeetingPage'),
                },
                {
                  path: 'guest',
                  lazy: lazyPage(() => import('./meetings/guests/GuestMeetingPage'), 'GuestMeetingPage'),
                },
                {
                  element: <RequireSession />,
                  children: [
                    { index: true, lazy: lazyPage(() => import('./teams/MyTeamsPage'), 'MyTeamsPage') },
                    { path: 'teams/:groupId', lazy: lazyPage(() => import('./teams/TeamPage'), 'TeamPage') },
                    { path: 'account', lazy: lazyPage(() => import('./account/AccountPage'), 'AccountPage') },
                    {
                      path: 'reflections',
                      lazy: lazyPage(() => import('./reflections/ReflectionsPage'), 'ReflectionsPage'),
                    },
                    {
                      element: <RequireDistrictAdmin />,
                      children: [
                        { path: 'admin', lazy: lazyPage(() => import('./admin/AdminPage'), 'AdminPage') },
                        {
                          path: 'first-steps',
                          lazy: lazyPage(() => import('./setup/FirstStepsPage'), 'FirstStepsPage'),
                        },
                        {
                          path: 'admin/audit',
                          lazy: lazyPage(() => import('./admin/AuditLogPage'), 'AuditLogPage'),
                        },
                      ],
                    },
                    ...meetingRoutes,
                    ...routineRoutes,
                  ],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
