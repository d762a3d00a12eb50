import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import type { SocketError } from '#contracts/realtime';
import { useMeetingsT, type MeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';

/** Offline, catching up, or not allowed in: said in words, with the number of changes still waiting. */
export function ConnectionBanner() {
  const t = useMeetingsT();
  const { snapshot } = useLiveMeeting();
  const { connection, joinProblem, outbox } = snapshot;
  const waiting = outbox.length;

  if (joinProblem && connection !== 'live') {
    const passing =
      joinProblem.code === 'not_live' ||
      joinProblem.code === 'unavailable' ||
      joinProblem.code === 'rate_limited';
    const message = joinProblemMessage(t, joinProblem.code);
    return (
      <div className="meeting-banner" role="status">
        <Notice tone={passing ? 'info' : 'error'}>
          <p>{message}</p>
          {joinProblem.code === 'unauthenticated' ? (
            <p className="meeting-banner__action">
              <ButtonLink
                variant="secondary"
                to={`/sign-in?next=${encodeURIComponent(`/meetings/${snapshot.meetingId}`)}`}
              >
                {t('connection.signIn')}
              </ButtonLink>
            </p>
          ) : null}
          {joinProblem.code === 'incompatible' || joinProblem.code === 'invalid' ? (
            <p className="meeting-banner__action">
              <Button
                variant="secondary"
                onPress={() => {
                  window.location.reload();
                }}
              >
                {t('connection.reload')}
              </Button>
            </p>
          ) : null}
        </Notice>
      </div>
    );
  }

  if (connection === 'offline' || connection === 'reconnecting') {
    return (
      <div className="meeting-banner meeting-banner--offline" role="status">
        <Notice
          tone="info"
          title={connection === 'offline' ? t('connection.offline') : t('connection.reconnecting')}
        >
          {waiting > 0 ? (
            <p data-testid="queued-count">{t('connection.queued', { count: waiting })}</p>
          ) : null}
        </Notice>
      </div>
    );
  }
  // Always present, so the status region exists before there is anything to say.
  return <div className="meeting-banner" role="status" />;
}

/** What a refused join means for the reader, in their language (never the server's own words: I18N-WEB-3). */
export function joinProblemMessage(t: MeetingsT, code: SocketError['code']): string {
  return {
    not_live: t('connection.notLive'),
    unavailable: t('connection.unavailable'),
    unauthenticated: t('connection.unauthenticated'),
    not_found: t('connection.notFound'),
    forbidden: t('connection.notFound'),
    rate_limited: t('connection.unavailable'),
    incompatible: t('connection.incompatible'),
    invalid: t('connection.invalid'),
  }[code];
}
