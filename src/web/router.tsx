import type { ReactNode } from 'react';
import { Route, Router, Switch } from 'wouter';
import { FullScreenFrame, meetingFullScreenRoutes, meetingRoutes } from './meetings/routes';
import { routineRoutes } from './routines/routes';
import { peerModelingRoutes } from './peer-modeling/routes';
import { memoryRoutes } from './memory/routes';
import { sharingRoutes } from './sharing/routes';
import { nextStepsRoutes } from './next-steps/routes';
import { colleagueRoutes } from './colleague/routes';
import { surveyPublicRoutes, surveyRoutes } from './surveys/routes';
import { EnterNetworkPage, NetworkHomePage, networkDistrictRoutes } from './networks/routes';
import { AppShell } from './shell/AppShell';
import {
  RedirectIfSignedIn,
  RequireDistrictAdmin,
  RequireDistrictSpace,
  RequireSession,
  SetupGate,
} from './shell/guards';
import { lazyPage, preloadPageAt, type PageRoute } from './shell/lazyPage';
import { useRouterLocation, useRouterSearch } from './shell/navigation';
import { NotFoundPage, RouteErrorBoundary } from './shell/RouteError';
import { pageBySpace } from './shell/space';

/**
 * Every client route. The server falls back to index.html for these paths, so each is also a valid
 * address to open directly (from an email link, a bookmark, or a projector's browser).
 *
 * Pages load on first visit (DAY-PERF-1): a new page is `{ path, Page: lazyPage(() => import('./x/XPage'),
 * 'XPage') }` in one of these tables, never a static import here, so the sign-in page does not carry every
 * other page's code. The shell and the guards stay in the first chunk. Routes are tried in order (wouter's
 * `Switch`): a fixed path goes before a pattern that would also match it (`/join/confirm`, `/join/:code`).
 */

/** Open to everyone. */
const publicRoutes: readonly PageRoute[] = [
  { path: '/setup', Page: lazyPage(() => import('./setup/SetupPage'), 'SetupPage') },
  { path: '/dev/outbox', Page: lazyPage(() => import('./dev/OutboxPage'), 'OutboxPage') },
  {
    path: '/forgot-password',
    Page: lazyPage(() => import('./auth/ForgotPasswordPage'), 'ForgotPasswordPage'),
  },
  {
    path: '/reset-password',
    Page: lazyPage(() => import('./auth/ResetPasswordPage'), 'ResetPasswordPage'),
  },
  { path: '/verify-email', Page: lazyPage(() => import('./auth/VerifyEmailPage'), 'VerifyEmailPage') },
  { path: '/invite/:token', Page: lazyPage(() => import('./invitations/InvitationPage'), 'InvitationPage') },
  { path: '/join', Page: lazyPage(() => import('./join/JoinPage'), 'JoinPage') },
  { path: '/join/confirm', Page: lazyPage(() => import('./join/JoinConfirmPage'), 'JoinConfirmPage') },
  { path: '/join/:code', Page: lazyPage(() => import('./join/JoinPage'), 'JoinPage') },
  // DAY-FIRST-3: open to everyone: a colleague without an account joins as a meeting guest.
  {
    path: '/join-meeting',
    Page: lazyPage(() => import('./meetings/join/JoinMeetingPage'), 'JoinMeetingPage'),
  },
  { path: '/guest', Page: lazyPage(() => import('./meetings/guests/GuestMeetingPage'), 'GuestMeetingPage') },
  ...surveyPublicRoutes,
  // SHARE-CARD-10: a public share card. Its page rides in the shared copy's chunk (SharedCopyPage.tsx re-exports
  // it), and the route is written here rather than spread from a table: the first chunk is at its budget.
  { path: '/cards/:cardId', Page: lazyPage(() => import('./sharing/SharedCopyPage'), 'ShareCardPage') },
];

/** Signed-out visitors only: someone signed in goes on to ?next. */
const signedOutRoutes: readonly PageRoute[] = [
  { path: '/sign-in', Page: lazyPage(() => import('./auth/SignInPage'), 'SignInPage') },
  // SSO-SIGNIN-1, -2: school-account sign-in, by email domain or by the district's own link.
  { path: '/sign-in/sso', Page: lazyPage(() => import('./sso/SsoSignInPage'), 'SsoSignInPage') },
  { path: '/sign-in/sso/:districtId', Page: lazyPage(() => import('./sso/SsoSignInPage'), 'SsoSignInPage') },
];

/**
 * The team page's module, which also brings the book-study page (BOOK-WEB-2): one `import()` for both, so the new
 * page costs the first chunk its route only (the sign-in and meeting pages are at their ceilings, DAY-PERF-1).
 */
const loadTeamPage = () => import('./teams/TeamPage');

/** Signed in: a signed-out visitor goes to /sign-in?next=<here>. */
const signedInRoutes: readonly PageRoute[] = [
  // NET-WEB-2: in a tab that is in a network, home is the network's.
  {
    path: '/',
    Page: pageBySpace(
      lazyPage(() => import('./teams/MyTeamsPage'), 'MyTeamsPage'),
      NetworkHomePage,
    ),
  },
  { path: '/teams/:groupId', Page: lazyPage(loadTeamPage, 'TeamPage') },
  { path: '/account', Page: lazyPage(() => import('./account/AccountPage'), 'AccountPage') },
  { path: '/reflections', Page: lazyPage(() => import('./reflections/ReflectionsPage'), 'ReflectionsPage') },
  { path: '/search', Page: lazyPage(() => import('./search/SearchPage'), 'SearchPage') },
  ...meetingRoutes,
  ...peerModelingRoutes,
  ...routineRoutes,
  ...memoryRoutes,
  ...sharingRoutes,
  ...nextStepsRoutes,
  // MEASURE-NET-WEB-1: surveys work in a network too (its conveners run them, its members answer them).
  ...surveyRoutes,
  // BOOK-WEB-2: a team's or a cohort's book study, with the team page's code (where its studies are listed).
  { path: '/book-studies/:studyId', Page: lazyPage(loadTeamPage, 'BookStudyPage') },
];

/** Signed in, and of the district only (NET-WEB-2): a tab in a network says so and offers the way back. */
const districtRoutes: readonly PageRoute[] = [...networkDistrictRoutes, ...colleagueRoutes];

/** Signed in as a district administrator. */
const adminRoutes: readonly PageRoute[] = [
  { path: '/admin', Page: lazyPage(() => import('./admin/AdminPage'), 'AdminPage') },
  { path: '/first-steps', Page: lazyPage(() => import('./setup/FirstStepsPage'), 'FirstStepsPage') },
  { path: '/admin/audit', Page: lazyPage(() => import('./admin/AuditLogPage'), 'AuditLogPage') },
  { path: '/admin/roster', Page: lazyPage(() => import('./admin/RosterImportPage'), 'RosterImportPage') },
];

/** One `<Route>` per page of a table, the page inside `frame` (its guards). */
function routes(table: readonly PageRoute[], frame: (page: ReactNode) => ReactNode = (page) => page) {
  return table.map(({ path, Page }) => (
    <Route key={path} path={path}>
      {frame(<Page />)}
    </Route>
  ));
}

function AppRoutes() {
  return (
    // A page that throws while rendering shows RouteError inside the shell; the shell itself, or a
    // full-screen page, shows it on its own.
    <RouteErrorBoundary standalone>
      <Switch>
        {/* Full-screen pages (the meeting projector view) have no header or nav. */}
        {routes(meetingFullScreenRoutes, (page) => (
          <FullScreenFrame>
            <RequireSession>{page}</RequireSession>
          </FullScreenFrame>
        ))}
        <Route>
          <AppShell>
            <RouteErrorBoundary>
              <SetupGate>
                <Switch>
                  {routes(publicRoutes)}
                  {routes(signedOutRoutes, (page) => (
                    <RedirectIfSignedIn>{page}</RedirectIfSignedIn>
                  ))}
                  {/* NET-WEB-1: enter a network in this tab, then go on inside it. */}
                  <Route path="/n/:networkId/*?">
                    <EnterNetworkPage />
                  </Route>
                  {routes(signedInRoutes, (page) => (
                    <RequireSession>{page}</RequireSession>
                  ))}
                  {routes(districtRoutes, (page) => (
                    <RequireSession>
                      <RequireDistrictSpace>{page}</RequireDistrictSpace>
                    </RequireSession>
                  ))}
                  {routes(adminRoutes, (page) => (
                    <RequireSession>
                      <RequireDistrictSpace>
                        <RequireDistrictAdmin>{page}</RequireDistrictAdmin>
                      </RequireDistrictSpace>
                    </RequireSession>
                  ))}
                  <Route>
                    <NotFoundPage />
                  </Route>
                </Switch>
              </SetupGate>
            </RouteErrorBoundary>
          </AppShell>
        </Route>
      </Switch>
    </RouteErrorBoundary>
  );
}

/** The app's routes on the app's history (`shell/navigation.tsx`). */
export function AppRouter() {
  return (
    <Router hook={useRouterLocation} searchHook={useRouterSearch}>
      <AppRoutes />
    </Router>
  );
}

/**
 * Starts loading the code of the page at `pathname` while the first chunk asks who is signed in
 * (DAY-PERF-1), as the data router did.
 */
export function preloadFirstPage(pathname: string): void {
  preloadPageAt(pathname, [
    ...meetingFullScreenRoutes,
    ...publicRoutes,
    ...signedOutRoutes,
    ...signedInRoutes,
    ...districtRoutes,
    ...adminRoutes,
  ]);
}
