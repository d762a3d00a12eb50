import { useParams } from 'wouter';
import { isApiRequestError } from '../api/client';
import type { PublicShareCard } from '#contracts/share-cards';
import { Page, usePageTitle } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { CardView } from './CardView';
import { useSharingT } from './i18n';
import { usePublicShareCard } from './queries';
import './sharing.css';

/**
 * /cards/:cardId — a public share card (SHARE-CARD-7, -10), for anyone, signed in or not: the card and "Shared
 * with Ensemble", nothing about its author or team. Unpublished, deleted or withdrawn: it says so.
 */
export function ShareCardPage() {
  const t = useSharingT();
  const { cardId = '' } = useParams();
  const card = usePublicShareCard(cardId);
  if (card.isPending) return <LoadingState />;
  if (card.isError) {
    const gone = isApiRequestError(card.error) && (card.error.status === 404 || card.error.status === 400);
    return (
      <Page title={gone ? t('publicCard.notShared') : t('publicCard.pageTitle')} width="narrow">
        {gone ? (
          <p data-testid="card-not-shared">{t('publicCard.notSharedBody')}</p>
        ) : (
          <ErrorState error={card.error} onRetry={() => void card.refetch()} />
        )}
      </Page>
    );
  }
  return <PublishedCard card={card.data} />;
}

function PublishedCard({ card }: { card: PublicShareCard }) {
  usePageTitle(card.title);
  return (
    <div className="page page--narrow">
      <CardView card={card} heading="h1" testId="public-card" />
    </div>
  );
}
