/**
 * Share cards (issue 14, ADR 0035): a card made from a shared success to post on social platforms: title, short
 * text, optional image and link, reviewed for identifying details like every share, public only while its author
 * keeps it published. Rules: docs/SPEC.md SHARE-CARD-*.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { ShareFlag } from './sharing';

export const CARD_TITLE_MAX = 90;
export const CARD_TEXT_MAX = 280;
export const CARD_ALT_MAX = 300;
export const CARD_LINK_MAX = 500;
/** SHARE-CARD-3: an image is at most 1 MB (1,048,576 bytes) once decoded. */
export const CARD_IMAGE_MAX_BYTES = 1024 * 1024;
/** The base64 length of the largest image. */
const CARD_IMAGE_MAX_BASE64 = 4 * Math.ceil(CARD_IMAGE_MAX_BYTES / 3);
export const CARD_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const CardImageType = z.enum(CARD_IMAGE_TYPES);
export type CardImageType = z.infer<typeof CardImageType>;

export const CardTitle = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Give the card a title'),
    z.maxLength(CARD_TITLE_MAX, `Use at most ${CARD_TITLE_MAX} characters`),
  );
export const CardText = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Write a short text'),
    z.maxLength(CARD_TEXT_MAX, `Use at most ${CARD_TEXT_MAX} characters`),
  );
export const CardAlt = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Describe the image for people who cannot see it'),
    z.maxLength(CARD_ALT_MAX, `Use at most ${CARD_ALT_MAX} characters`),
  );

/** SHARE-CARD-4: a link is an https address with a host name, no user name or password in it. */
export function isCardLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.hostname.includes('.') &&
      url.username === '' &&
      url.password === '' &&
      !/\s/.test(value)
    );
  } catch {
    return false;
  }
}
export const CardLink = z
  .string()
  .check(
    z.trim(),
    z.maxLength(CARD_LINK_MAX, `Use at most ${CARD_LINK_MAX} characters`),
    z.refine(isCardLink, 'Enter a web address starting with https://'),
  );

/** SHARE-CARD-3: the image as base64 (its type is sniffed from its bytes on the server) and its alt text. */
export const CardImageUpload = z.strictObject({
  data: z
    .string()
    .check(
      z.minLength(1, 'Choose an image'),
      z.maxLength(CARD_IMAGE_MAX_BASE64, 'The image must be at most 1 MB'),
      z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not an image'),
    ),
  alt: CardAlt,
});

/** SHARE-CARD-2: a new card; `consent: true` after reading the flags (else a 400 naming `consent`). */
export const CreateShareCard = z.strictObject({
  title: CardTitle,
  text: CardText,
  link: z.nullable(CardLink),
  image: z.nullable(CardImageUpload),
  consent: z.boolean(),
});
export type CreateShareCard = z.infer<typeof CreateShareCard>;

/** SHARE-CARD-5: flags of a card being written (the roster stays on the server). */
export const CheckShareCard = z.strictObject({
  title: z.string().check(z.maxLength(CARD_TITLE_MAX * 2)),
  text: z.string().check(z.maxLength(CARD_TEXT_MAX * 2)),
  imageAlt: z.nullable(z.string().check(z.maxLength(CARD_ALT_MAX * 2))),
});
export type CheckShareCard = z.infer<typeof CheckShareCard>;
export const CardFlags = z.object({ flags: z.array(ShareFlag) });

export const CardImage = z.object({ url: z.string(), alt: z.string() });

/** SHARE-CARD-7: what anyone reads of a published card: its own fields, nothing about a person or a team. */
export const PublicShareCard = z.object({
  id: Id,
  title: z.string(),
  text: z.string(),
  link: z.nullable(z.string()),
  image: z.nullable(CardImage),
  /** The card page's address (from PUBLIC_URL), to post. */
  pageUrl: z.string(),
});
export type PublicShareCard = z.infer<typeof PublicShareCard>;

/** A card as its author sees it. */
export const MyShareCard = z.object({
  ...PublicShareCard.shape,
  published: z.boolean(),
  publishedAt: z.nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type MyShareCard = z.infer<typeof MyShareCard>;

/** SHARE-CARD-1: the author's cards of one shared copy, and the copy's text to start a new one from. */
export const ShareCardsOfCopy = z.object({
  prefill: z.object({ title: z.string(), text: z.string() }),
  items: z.array(MyShareCard),
});
export type ShareCardsOfCopy = z.infer<typeof ShareCardsOfCopy>;

export const UpdateShareCard = z.strictObject({ published: z.boolean() });

/**
 * The image's bytes, answered as their sniffed type, not JSON, so never validated against a schema here. (A
 * `z.custom` for bytes would add zod code to the first chunk that every page loads: DAY-PERF-1.)
 */
export const CardImageBytes = z.unknown();
