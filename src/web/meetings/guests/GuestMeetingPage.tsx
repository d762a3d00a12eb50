import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '../../shell/navigation';
import type { GuestSession } from '#contracts/guests';
import type { MeetingSummary } from '#contracts/meetings-api';
import { call } from '../../api/client';
import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/States';
import { DeviceView } from '../device/MeetingPage';
import { useMeetingsT } from '../i18n';
import { LiveMeetingProvider } from '../live/LiveMeetingContext';
import { useLiveMeetingValue } from '../live/useLiveMeetingValue';
import { guestKeys, useGuestSession } from './queries';

/**
 * /guest — a meeting guest's page (DAY-FIRST-3..5): waiting to be let in, then the meeting on their own device
 * (the same device view as everyone's), then a thank-you when it ends, when their place ends with it.
 */
export function GuestMeetingPage() {
  const t = useMeetingsT();
  const session = useGuestSession();
  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  if (!s) {
    return (
      <Page title={t('join.title')} width="narrow">
        <ButtonLink to="/join-meeting" variant="primary">
          {t('guests.joinAgain')}
        </ButtonLink>
      </Page>
    );
  }
  if (s.status === 'admitted' && s.meeting) return <GuestLiveView summary={s.meeting} guestId={s.guestId} />;
  return <GuestNotice session={s} />;
}

function GuestLiveView({ summary, guestId }: { summary: MeetingSummary; guestId: string }) {
  const live = useLiveMeetingValue(summary, 'device', { id: guestId });
  return (
    <LiveMeetingProvider value={live}>
      <DeviceView />
    </LiveMeetingProvider>
  );
}

function GuestNotice({ session }: { session: GuestSession }) {
  const t = useMeetingsT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: () => call('leaveAsGuest'),
    onSettled: () => {
      queryClient.setQueryData(guestKeys.session, null);
      navigate('/join-meeting');
    },
  });
  const waiting = session.status === 'waiting';
  const title =
    session.status === 'declined'
      ? t('guests.declinedTitle')
      : session.status === 'ended'
        ? t('guests.endedTitle')
        : t('guests.waitingTitle');
  return (
    <Page title={title} width="narrow">
      <Notice tone="info" role="status">
        <p>
          {waiting
            ? t('guests.waitingBody', { name: session.name })
            : session.status === 'declined'
              ? t('guests.declinedBody')
              : t('guests.endedBody')}
        </p>
      </Notice>
      <div className="actions">
        <Button
          onPress={() => {
            leave.mutate();
          }}
          isDisabled={leave.isPending}
        >
          {waiting ? t('guests.leave') : t('guests.joinAgain')}
        </Button>
      </div>
    </Page>
  );
}
