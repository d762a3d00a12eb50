/**
 * A share card as others see it (ADR 0035): image, title, text, link and "Shared with Ensemble". The author's
 * live preview and the public page `/cards/:cardId` draw the same card.
 */
import type { ReactNode } from 'react';
import { useSharingT } from './i18n';

export interface CardLook {
  title: string;
  text: string;
  link: string | null;
  image: { url: string; alt: string } | null;
}

/** The host of a link, shown instead of the whole address (null when it is not a valid address yet). */
function hostOf(link: string): string | null {
  try {
    return new URL(link).host;
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
