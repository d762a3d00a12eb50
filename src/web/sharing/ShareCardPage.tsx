import type { ReactNode } from 'react';
import { useParams } from 'wouter';
import { isApiRequestError } from '../api/client';
import type { PublicShareCard } from '#contracts/share-cards';
import { Page, usePageTitle } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
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

/**
 * A share card as others see it (ADR 0035): image, title, text, link and "Shared with Ensemble". The author's
 * live preview (ShareCardPanel, which imports it from here so the public page's chunk holds it) and this page
 * draw the same card.
 */

export interface CardLook {
  title: string;
  text: string;
  link: string | null;
  image: { url: string; alt: string } | null;
}

/** The host of an https link, shown instead of the whole address; null for anything else (a preview being typed). */
function hostOf(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

export function CardView({
  card,
  heading: Heading = 'h3',
  title,
  testId,
}: {
  card: CardLook;
  heading?: 'h1' | 'h2' | 'h3' | 'h4';
  /** The title as drawn (the preview marks its flags); default the plain title. */
  title?: ReactNode;
  testId?: string;
}) {
  const t = useSharingT();
  const host = card.link ? hostOf(card.link) : null;
  return (
    <article className="share-card" data-testid={testId}>
      {card.image ? <img className="share-card__image" src={card.image.url} alt={card.image.alt} /> : null}
      <div className="share-card__body">
        <Heading className="share-card__title">{title ?? card.title}</Heading>
        <p className="share-card__text">{card.text}</p>
        {card.link && host ? (
          <p>
            <a href={card.link} rel="noopener noreferrer nofollow">
              {t('publicCard.readMore', { host })}
            </a>
          </p>
        ) : null}
        <p className="share-card__by">{t('publicCard.sharedWith')}</p>
      </div>
    </article>
  );
}
