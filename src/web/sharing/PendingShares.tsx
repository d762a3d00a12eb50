import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { PendingShare } from '#contracts/sharing';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { useSharingT } from './i18n';
import { sharingKeys, usePendingShares } from './queries';
import './sharing.css';

/**
 * SHARE-CONSENT-6: the team home's prompt: the team's proposals waiting for someone's consent, with the caller's
 * own "agree" where it is theirs to give. Renders nothing when none wait.
 */
export function PendingShares({ groupId }: { groupId: string }) {
  const t = useSharingT();
  const pending = usePendingShares(groupId);
  const items = pending.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel stack pending-shares" aria-labelledby={`pending-shares-${groupId}`}>
      <h2 id={`pending-shares-${groupId}`} className="section__title">
        {t('pending.heading')}
      </h2>
      <ul className="stack pending-shares__list">
        {items.map((item) => (
          <PendingItem key={item.shareId} groupId={groupId} item={item} />
        ))}
      </ul>
    </section>
  );
}

function PendingItem({ groupId, item }: { groupId: string; item: PendingShare }) {
  const t = useSharingT();
  const toast = useToast();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const consent = useMutation({
    mutationFn: (as: 'author' | 'team') =>
      call('consentShare', { params: { groupId, recordId: item.recordId }, body: { as } }),
    onSuccess: async (review) => {
      queryClient.setQueryData(sharingKeys.review(groupId, item.recordId), review);
      toast(t('pending.agreedToast'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sharingKeys.pending(groupId) }),
        queryClient.invalidateQueries({ queryKey: sharingKeys.library }),
      ]);
    },
  });
  const stage =
    item.stage === 'awaiting-author' ? t('pending.awaitingAuthor') : t('review.status.awaiting-team');
  return (
    <li className="pending-shares__item stack">
      <p>
        <Link
          to={`/teams/${groupId}/memory/${item.recordId}/share`}
          aria-label={t('pending.review', { title: item.title })}
        >
          {t('pending.item', { title: item.title, name: item.proposedBy })}
        </Link>
      </p>
      <p className="muted">{stage}</p>
      <div className="share-actions">
        {item.canConsentAsAuthor ? (
          <Button
            variant="primary"
            isPending={consent.isPending}
            aria-label={t('pending.agreeAuthor', { title: item.title })}
            onPress={() => consent.mutate('author')}
          >
            {t('review.consentAsAuthor')}
          </Button>
        ) : null}
        {item.canConsentAsTeam ? (
          <Button
            variant="primary"
            isPending={consent.isPending}
            aria-label={t('pending.agreeTeam', { title: item.title })}
            onPress={() => consent.mutate('team')}
          >
            {t('review.consentAsTeam')}
          </Button>
        ) : null}
      </div>
      {consent.error ? (
        <Notice tone="error" role="alert">
          <p>{describe(consent.error)}</p>
        </Notice>
      ) : null}
    </li>
  );
}
