import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scheduleApi } from '#contracts/api-schedule';
import { pathFor } from '#contracts/endpoint';
import type { CalendarFeedLink } from '#contracts/schedule';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormAlert } from '../ui/FormAlert';
import { useCopy } from '../ui/useCopy';
import { useCurrentNetwork } from '../shell/space';
import { formatDateTime } from '../meetings/format';
import { useScheduleT } from './i18n';
import './schedule.css';
import { scheduleKeys, useMyFeed, useTeamFeed } from './queries';

/**
 * "Subscribe in your calendar" (CAL-FEED): a secret link for this team (members) and one for all the person's
 * teams. The link is shown once, when made, with Copy and an `webcal://` link; Reset replaces it (confirmed).
 */
export function CalendarSubscribe({ groupId, isMember }: { groupId: string; isMember: boolean }) {
  const t = useScheduleT();
  const calendarUrl = pathFor(scheduleApi.groupCalendar.path, { groupId });
  // NET-WEB-6: the subscription links are the district's; in a network, the team's calendar is a download.
  const inNetwork = useCurrentNetwork() !== null;
  return (
    <section className="panel calendar-subscribe" aria-labelledby="calendar-subscribe-title">
      <h3 id="calendar-subscribe-title" className="subsection__title">
        {t('feed.title')}
      </h3>
      {inNetwork ? null : <p>{t('feed.privacy')}</p>}
      {isMember && !inNetwork ? <TeamFeed groupId={groupId} /> : null}
      {inNetwork ? null : <MyFeed />}
      <p className="calendar-subscribe__download">
        <a href={calendarUrl} download>
          {t('feed.download')}
        </a>
      </p>
    </section>
  );
}

function TeamFeed({ groupId }: { groupId: string }) {
  const t = useScheduleT();
  const status = useTeamFeed(groupId, true);
  return (
    <FeedLink
      scope={t('feed.team')}
      exists={status.data?.exists ?? false}
      createdAt={status.data?.createdAt ?? null}
      make={() => call('resetGroupCalendarFeed', { params: { groupId } })}
      queryKey={scheduleKeys.teamFeed(groupId)}
    />
  );
}

function MyFeed() {
  const t = useScheduleT();
  const status = useMyFeed();
  return (
    <FeedLink
      scope={t('feed.mine')}
      exists={status.data?.exists ?? false}
      createdAt={status.data?.createdAt ?? null}
      make={() => call('resetMyCalendarFeed', {})}
      queryKey={scheduleKeys.myFeed}
    />
  );
}

function FeedLink({
  scope,
  exists,
  createdAt,
  make,
  queryKey,
}: {
  scope: string;
  exists: boolean;
  createdAt: string | null;
  make: () => Promise<CalendarFeedLink>;
  queryKey: readonly unknown[];
}) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const describe = useDescribeError();
  const copy = useCopy();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [link, setLink] = useState<CalendarFeedLink | null>(null);
  const create = useMutation({
    mutationFn: make,
    onSuccess: (made) => {
      setLink(made);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const headingId = useId();

  return (
    <div className="calendar-feed stack" role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className="calendar-feed__title">
        {scope}
      </h4>
      {link ? (
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t('feed.url')}
          </label>
          <p id={`${inputId}-hint`} className="field__hint">
            {t('feed.urlHint')}
          </p>
          <input
            id={inputId}
            className="field__input"
            readOnly
            value={link.url}
            aria-describedby={`${inputId}-hint`}
            data-testid="calendar-feed-url"
            onFocus={(event) => {
              event.currentTarget.select();
            }}
          />
          <div className="inline-form">
            <Button
              variant="secondary"
              onPress={() => void copy(link.url, { copied: t('feed.copied'), failed: t('feed.copyFailed') })}
            >
              {t('feed.copy')}
            </Button>
            <a className="button button--quiet" href={link.webcalUrl}>
              {t('feed.open')}
            </a>
          </div>
        </div>
      ) : exists && createdAt ? (
        <p className="muted">{t('feed.made', { date: formatDateTime(createdAt, i18n.language) })}</p>
      ) : (
        <p className="muted">{t('feed.none')}</p>
      )}
      {create.error ? <FormAlert messages={[describe(create.error)]} /> : null}
      <div>
        {exists || link ? (
          <ConfirmDialog
            trigger={t('feed.reset')}
            triggerLabel={t('feed.resetLabel', { scope })}
            triggerVariant="secondary"
            title={t('feed.resetTitle')}
            body={<p>{t('feed.resetBody')}</p>}
            confirmLabel={t('feed.reset')}
            onConfirm={() => create.mutateAsync()}
          />
        ) : (
          <Button
            variant="secondary"
            aria-label={t('feed.makeLabel', { scope })}
            isPending={create.isPending}
            onPress={() => {
              create.mutate();
            }}
          >
            {t('feed.make')}
          </Button>
        )}
      </div>
    </div>
  );
}
