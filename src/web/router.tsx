import { createBrowserRouter } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { AdminPage } from './admin/AdminPage';
import { AuditLogPage } from './admin/AuditLogPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { SignInPage } from './auth/SignInPage';
import { VerifyEmailPage } from './auth/VerifyEmailPage';
import { OutboxPage } from './dev/OutboxPage';
import { InvitationPage } from './invitations/InvitationPage';
import { JoinConfirmPage } from './join/JoinConfirmPage';
import { JoinPage } from './join/JoinPage';
import { meetingFullScreenRoutes, meetingRoutes } from './meetings/routes';
import { routineRoutes } from './routines/routes';
import { SetupPage } from './setup/SetupPage';
import { AppShell } from './shell/AppShell';
import { RedirectIfSignedIn, RequireDistrictAdmin, RequireSession, SetupGate } from './shell/guards';
import { NotFoundPage, RouteError } from './shell/RouteError';
import { MyTeamsPage } from './teams/MyTeamsPage';
import { TeamPage } from './teams/TeamPage';

/**
 * Every client route. The server falls back to index.html for these paths, so each is also a valid
 * address to open directly (from an email link, a bookmark, or a projector's browser).
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
          children: [
            {
              element: <SetupGate />,
              children: [
                { path: 'setup', element: <SetupPage /> },
                { path: 'dev/outbox', element: <OutboxPage /> },
                {
                  element: <RedirectIfSignedIn />,
                  children: [{ path: 'sign-in', element: <SignInPage /> }],
                },
                { path: 'forgot-password', element: <ForgotPasswordPage /> },
                { path: 'reset-password', element: <ResetPasswordPage /> },
                { path: 'verify-email', element: <VerifyEmailPage /> },
                { path: 'invite/:token', element: <InvitationPage /> },
                { path: 'join', element: <JoinPage /> },
                { path: 'join/confirm', element: <JoinConfirmPage /> },
                { path: 'join/:code', element: <JoinPage /> },
                {
                  element: <RequireSession />,
                  children: [
                    { index: true, element: <MyTeamsPage /> },
                    { path: 'teams/:groupId', element: <TeamPage /> },
                    { path: 'account', element: <AccountPage /> },
                    {
                      element: <RequireDistrictAdmin />,
                      children: [
                        { path: 'admin', element: <AdminPage /> },
                        { path: 'admin/audit', element: <AuditLogPage /> },
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
