/**
 * Share cards (ADR 0035), the pure rules: the image type from its magic bytes (SHARE-CARD-3), the card a shared
 * success suggests (SHARE-CARD-1), and the flags of a card's texts (SHARE-CARD-5).
 */
import type { SharedContent } from '#contracts/memory';
import { CARD_TEXT_MAX, CARD_TITLE_MAX, type CardImageType } from '#contracts/share-cards';
import type { ShareFlag } from '#contracts/sharing';
import { flagIdentifying } from './identifying';

const startsWith = (bytes: Uint8Array, at: number, magic: readonly number[]) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** SHARE-CARD-3: PNG, JPEG or WebP by their first bytes; anything else (whatever it claims to be) is null. */
export function sniffImageType(bytes: Uint8Array): CardImageType | null {
  if (startsWith(bytes, 0, PNG)) return 'image/png';
  if (startsWith(bytes, 0, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return 'image/webp';
  return null;
}

/** Cuts a text to `max` characters at a word's end, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** SHARE-CARD-1: a new card starts from the copy's title and story (the author edits both). */
export function cardPrefill(content: SharedContent): { title: string; text: string } {
  return { title: shorten(content.title, CARD_TITLE_MAX), text: shorten(content.story, CARD_TEXT_MAX) };
}

/** SHARE-CARD-5: the review of ADR 0023 on a card's title, text and alt text. */
export function flagCard(
  card: { title: string; text: string; imageAlt: string | null },
  knownNames: readonly string[],
): ShareFlag[] {
  const fields: [string, string][] = [
    ['title', card.title],
    ['text', card.text],
    ['imageAlt', card.imageAlt ?? ''],
  ];
  return fields.flatMap(([field, text]) =>
    flagIdentifying(text, { knownNames }).map((f) => ({ field, ...f })),
  );
}
