import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { formatDateTime } from '../teams/labels';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { LoadingState } from '../ui/States';
import './i18n';

const urlPattern = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its web addresses made into links (emails here carry invitation and reset links). */
function TextWithLinks({ text }: { text: string }): ReactNode {
  const parts = text.split(urlPattern);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

/** /dev/outbox — emails captured when no SMTP server is set; served by the API to loopback clients only. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useQuery({
    queryKey: queryKeys.outbox,
    queryFn: async ({ signal }) => (await call('devOutbox', { signal })).items,
    retry: false,
    staleTime: 0,
  });

  const messages = [...(outbox.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Page title={t('outbox.title')} intro={<p>{t('outbox.intro')}</p>}>
      <div className="actions">
        <Button onPress={() => void outbox.refetch()} isPending={outbox.isFetching}>
          {t('outbox.refresh')}
        </Button>
      </div>
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError ? (
        <Notice tone="info" role="alert">
          <p>{t('outbox.unavailable')}</p>
        </Notice>
      ) : messages.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ol className="outbox">
          {messages.map((message) => (
            <li key={message.id} className="outbox__message panel">
              <h2 className="outbox__subject">{message.subject}</h2>
              <p className="outbox__meta">
                {t('outbox.to', { to: message.to })} ·{' '}
                {t('outbox.sent', { date: formatDateTime(message.createdAt, i18n.language) })}
              </p>
              <div className="outbox__text">
                <TextWithLinks text={message.text} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
