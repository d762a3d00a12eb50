/**
 * SHARE-CARD-10: the page `/cards/:cardId` as social platforms read it: the app's index.html with Open Graph and
 * Twitter card tags for a published card in its head (every value HTML-escaped). An unknown or unpublished card
 * gets the plain page; the app then says the card is not shared.
 */
import type { DbOrTx } from '../db/client';
import { cardImagePath, cardPagePath } from './presenter';
import { publishedCard, type CardRow } from './queries';

const CARD_PAGE = /^\/cards\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Text and attribute values: `&`, `<`, `>`, `"` and `'` as entities. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The tags for one card (absolute addresses from PUBLIC_URL through `link`). */
export function cardMetaTags(card: CardRow, link: (path: string) => string): string {
  const meta = (attr: 'property' | 'name', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', 'Ensemble'),
    meta('property', 'og:title', card.title),
    meta('property', 'og:description', card.text),
    meta('property', 'og:url', link(cardPagePath(card.id))),
    meta('name', 'twitter:card', card.imageType ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', card.title),
    meta('name', 'twitter:description', card.text),
  ];
  if (card.imageType) {
    const image = link(cardImagePath(card.id));
    tags.push(
      meta('property', 'og:image', image),
      meta('property', 'og:image:type', card.imageType),
      meta('property', 'og:image:alt', card.imageAlt ?? ''),
      meta('name', 'twitter:image', image),
      meta('name', 'twitter:image:alt', card.imageAlt ?? ''),
    );
  }
  return tags.join('\n    ');
}

/**
 * index.html with the card's title and tags in its head (the description replaced by the card's text). Replaced
 * through functions, so a `$&` or `$'` in a card's text is text, not a replacement pattern.
 */
export function withCardHead(indexHtml: string, card: CardRow, link: (path: string) => string): string {
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(card.title)} · Ensemble</title>`)
    .replace(
      /<meta name="description"[^>]*>/,
      () => `<meta name="description" content="${escapeHtml(card.text)}" />`,
    )
    .replace('</head>', () => `    ${cardMetaTags(card, link)}\n  </head>`);
}

/** The head to serve for a page path: a published card's, or null (the plain page). */
export async function cardPageHtml(
  db: DbOrTx,
  path: string,
  indexHtml: () => Promise<string>,
  link: (path: string) => string,
): Promise<string | null> {
  const id = CARD_PAGE.exec(path)?.[1];
  if (!id) return null;
  const card = await publishedCard(db, id.toLowerCase());
  return card ? withCardHead(await indexHtml(), card, link) : null;
}
