import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useMe, useSetupStatus } from '../api/queries';
import { useDemoInfo } from '../demo/queries';
import { ErrorState, LoadingState } from '../ui/States';
import { Page } from '../ui/Page';
import { ButtonLink } from '../ui/Button';
import { useCurrentLocation, useSearchParams } from './navigation';
import { safeNextPath, SignedInProvider } from './session';
import { NetworkFrame, useCurrentNetwork } from './space';

/**
 * wouter's `Redirect` navigates once, when it mounts: keyed by its target, a guard that still redirects after
 * the first one landed (`/sign-in?next=/sign-in` goes to `/sign-in`, then on to `/`) redirects again.
 */
function GoTo({ to }: { to: string }) {
  return <Redirect key={to} to={to} replace />;
}

/** Paths that work before the first district exists. */
const allowedBeforeSetup = new Set(['/setup', '/dev/outbox']);

/**
 * On a fresh install every page leads to /setup; once set up, /setup leads on. The new administrator's
 * next step is their first team and meeting (/first-steps, DAY-FIRST-1), so a district admin goes there; this
 * also wins any race with the setup page's own navigation, because both aim at the same place.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const setup = useSetupStatus();
  const me = useMe();
  // DAY-PERF-4: asked with the setup status, not after it, so a page knows from its first paint whether this
  // is a demo server (the sign-in page's demo lines, the team page's practice offer) and nothing shifts when
  // the answer comes. A failed answer counts as "not a demo" rather than stopping the page.
  const demo = useDemoInfo();
  const { pathname } = useCurrentLocation();
  if (setup.isPending || demo.isPending) return <LoadingState />;
  if (setup.isError) {
    // PWA-OFFLINE-1: someone signed in has a district that is set up; offline, the pages kept on this device
    // open rather than stopping at the setup question they cannot be asked.
    if (me.data) return children;
    return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />;
  }
  if (setup.data.needsSetup && !allowedBeforeSetup.has(pathname)) return <GoTo to="/setup" />;
  if (!setup.data.needsSetup && pathname === '/setup') {
    return <GoTo to={me.data?.districtRole === 'district_admin' ? '/first-steps' : '/'} />;
  }
  return children;
}

/** Signed-out visitors go to /sign-in and come back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useCurrentLocation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <GoTo to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} />;
  }
  return <SignedInProvider me={me.data}>{children}</SignedInProvider>;
}

export function RequireDistrictAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (me.data?.districtRole !== 'district_admin') {
    return (
      <Page title={t('errors.noAccessTitle')} width="narrow">
        <p>{t('errors.noAccessBody')}</p>
        <ButtonLink to="/" variant="primary">
          {t('common.goHome')}
        </ButtonLink>
      </Page>
    );
  }
  return children;
}

/** The sign-in page: someone already signed in (or who just signed in) goes on to ?next, else home. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const [searchParams] = useSearchParams();
  if (me.isPending) return <LoadingState />;
  if (me.data) return <GoTo to={safeNextPath(searchParams.get('next'))} />;
  return children;
}

/**
 * NET-WEB-2: a page of the district (admin, surveys, the networks list) opened in a tab that is in a network says
 * so and offers the way back, rather than failing call by call (the server refuses them there).
 */
export function RequireDistrictSpace({ children }: { children: ReactNode }) {
  return useCurrentNetwork() ? <NetworkFrame part="district-only" /> : children;
}
