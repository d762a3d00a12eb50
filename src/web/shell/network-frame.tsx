/**
 * The shell's parts for a tab in a network (ADR 0032, NET-WEB-1..3), loaded only there: the band naming the
 * network, "Network not found", a district page's notice, entering from `/n/:networkId[/<rest>]` and going back.
 * Entering or leaving resets every cached answer: they were the other space's.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect } from 'react';
import { enterNetwork, leaveNetworkSpace } from '../api/client';
import { networkEntryOf } from '../networks/entry';
import { useNetworksT } from '../networks/i18n';
import { Button } from '../ui/Button';
import { Page } from '../ui/Page';
import { LoadingState } from '../ui/States';
import { useCurrentLocation, useNavigate } from './navigation';

/** Forgets what was cached for the other space; the answers on screen are asked again, in the new one. */
function useResetCache(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.resetQueries();
  }, [queryClient]);
}

/** "Back to your district": this tab leaves its network and goes home (or to `to`, a page of the district). */
export function useLeaveNetworkSpace(): (to?: string) => void {
  const resetCache = useResetCache();
  const navigate = useNavigate();
  return useCallback(
    (to = '/') => {
      leaveNetworkSpace();
      resetCache();
      navigate(to);
    },
    [resetCache, navigate],
  );
}

function BackButton({ variant }: { variant?: 'primary' }) {
  const t = useNetworksT();
  const leave = useLeaveNetworkSpace();
  return (
    <Button
      className="space-band__back"
      {...(variant ? { variant } : {})}
      onPress={() => {
        leave();
      }}
    >
      {t('shell.back')}
    </Button>
  );
}

/** NET-WEB-2: above the header on every page of a tab in a network: which network, and the way back. */
export function NetworkBand({ name }: { name: string | null }) {
  const t = useNetworksT();
  return (
    <div className="space-band" role="region" aria-label={t('shell.bandLabel')}>
      <div className="space-band__inner">
        <p className="space-band__text">
          {name ? (
            <>
              {t('shell.band')} <strong className="space-band__name">{name}</strong>
            </>
          ) : (
            t('shell.bandUnnamed')
          )}
        </p>
        <BackButton />
      </div>
    </div>
  );
}

/** NET-WEB-3: a network this account is not in answers 404 to everything, `me` included. */
export function NetworkNotFound() {
  const t = useNetworksT();
  return (
    <Page title={t('shell.notFoundTitle')} width="narrow">
      <p>{t('shell.notFoundBody')}</p>
      <div className="actions">
        <BackButton variant="primary" />
      </div>
    </Page>
  );
}

/** NET-WEB-2: a district page (admin, surveys, /networks) opened in a tab that is in a network. */
export function DistrictOnly() {
  const t = useNetworksT();
  return (
    <Page title={t('shell.districtOnlyTitle')} width="narrow">
      <p>{t('shell.districtOnlyBody')}</p>
      <div className="actions">
        <BackButton variant="primary" />
      </div>
    </Page>
  );
}

/** `/n/:networkId` and `/n/:networkId/<rest>`: enter the network in this tab, then go on to `/` or `/<rest>`. */
export function EnterNetworkPage() {
  const location = useCurrentLocation();
  const navigate = useNavigate();
  const resetCache = useResetCache();
  const entry = networkEntryOf(location.pathname, location.search, location.hash);
  const networkId = entry?.networkId ?? null;
  const to = entry?.to ?? '/';
  useLayoutEffect(() => {
    // An address that names no network (`/n/oops`) enters nothing: the tab stays where it was.
    if (networkId) {
      enterNetwork(networkId);
      resetCache();
    }
    navigate(to, { replace: true });
  }, [networkId, to, navigate, resetCache]);
  return <LoadingState />;
}

/** The part the first chunk's `NetworkFrame` (`space.tsx`) asks for. */
export function NetworkPart({
  part,
  name,
}: {
  part: 'band' | 'not-found' | 'district-only';
  name: string | null;
}) {
  if (part === 'band') return <NetworkBand name={name} />;
  return part === 'not-found' ? <NetworkNotFound /> : <DistrictOnly />;
}
