import type { ReactNode } from 'react';
import { isGuest } from '#core/meeting/index';
import { formatMeetingCode } from '../format-code';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { meetingJoinLinks } from '../join-links';
import { JoinQrCode } from '../projector/JoinQrCode';
import './guests.css';

/**
 * In the lobby, for the team (DAY-FIRST-2, DAY-FIRST-4): the code and QR code colleagues join by, and who waits
 * to join, each let in with one press by the facilitator. Nobody gets in unseen: a guest waits here until then.
 * Lobby only: it loads with the lobby (`device/Lobby.tsx`, DAY-PERF-5). `waiting` is the device page's
 * `<WaitingGuests />` (also in a running meeting), passed in so that it stays in the device page's own chunk.
 */
export function LobbyGuests({ waiting }: { waiting: ReactNode }) {
  const t = useMeetingsT();
  const { summary, state, meId } = useLiveMeeting();
  if (isGuest(state, meId)) return null;
  const { url: joinUrl, page: joinPage } = meetingJoinLinks(summary);
  return (
    <section className="panel stack guest-join" aria-labelledby="guest-join-heading">
      <h2 id="guest-join-heading" className="section__title">
        {t('guests.panelTitle')}
      </h2>
      <div className="guest-join__code-row">
        <JoinQrCode url={joinUrl} label={t('guests.qrLabel', { url: joinUrl })} />
        <div className="stack">
          <p className="guest-join__code">
            <span aria-hidden="true" data-testid="lobby-join-code">
              {formatMeetingCode(summary.joinCode)}
            </span>
            <span className="visually-hidden">
              {t('guests.codeLabel', { code: summary.joinCode.split('').join(' ') })}
            </span>
          </p>
          <p>{t('guests.panelBody', { url: joinPage })}</p>
        </div>
      </div>
      {waiting}
    </section>
  );
}
