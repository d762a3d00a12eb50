/** Share cards' answers (ADR 0035): the public card (its own fields only) and the author's view of it. */
import type { MyShareCard, PublicShareCard } from '#contracts/share-cards';
import type { CardRow } from './queries';

export const cardPagePath = (cardId: string) => `/cards/${cardId}`;
export const cardImagePath = (cardId: string) => `/api/cards/${cardId}/image`;

/** SHARE-CARD-7: no person, team, school, copy or tenant id: the card's own fields and its addresses. */
export function presentPublicCard(card: CardRow, link: (path: string) => string): PublicShareCard {
  return {
    id: card.id,
    title: card.title,
    text: card.text,
    link: card.link,
    image: card.imageType ? { url: cardImagePath(card.id), alt: card.imageAlt ?? '' } : null,
    pageUrl: link(cardPagePath(card.id)),
  };
}

export function presentMyCard(card: CardRow, link: (path: string) => string): MyShareCard {
  return {
    ...presentPublicCard(card, link),
    published: card.publishedAt !== null,
    publishedAt: card.publishedAt?.toISOString() ?? null,
    createdAt: card.createdAt.toISOString(),
  };
}
