/**
 * Share cards (ADR 0035): reads and writes of `share_cards` and the shared copy a card is made from. Every query is
 * filtered by the tenant key, except `publishedCard` and `publishedCardImage`: the one public lookup by a card's
 * unguessable id, which answers only a published card of a copy still shared, and only the card's own fields.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { memoryRecords, memoryShares, shareCards } from '../db/schema';
import { notFound } from '../http/errors';
import type { Actor } from '../policy/actor';
import { authorOf, type ShareRow } from '../sharing/queries';

/** A card's columns without its image's bytes (lists and changes never load them). */
const cardColumns = {
  id: shareCards.id,
  districtId: shareCards.districtId,
  shareId: shareCards.shareId,
  authorId: shareCards.authorId,
  title: shareCards.title,
  text: shareCards.text,
  link: shareCards.link,
  imageType: shareCards.imageType,
  imageAlt: shareCards.imageAlt,
  publishedAt: shareCards.publishedAt,
  createdAt: shareCards.createdAt,
  updatedAt: shareCards.updatedAt,
};
export type CardRow = Omit<typeof shareCards.$inferSelect, 'image'>;

/**
 * SHARE-CARD-1: a copy of the caller's tenant that is shared, with who may make its cards: the record's author,
 * or (a record nobody authored) the member who proposed and consented to the copy. An awaiting copy is a 404.
 */
export async function sharedCopyForCard(
  db: DbOrTx,
  actor: Actor,
  shareId: string,
): Promise<{ share: ShareRow; cardAuthorId: string }> {
  const [row] = await db
    .select({ share: memoryShares, record: memoryRecords })
    .from(memoryShares)
    .innerJoin(
      memoryRecords,
      and(eq(memoryRecords.districtId, memoryShares.districtId), eq(memoryRecords.id, memoryShares.recordId)),
    )
    .where(
      and(
        eq(memoryShares.districtId, actor.districtId),
        eq(memoryShares.id, shareId),
        eq(memoryShares.status, 'shared'),
      ),
    );
  if (!row) throw notFound('That shared copy');
  return { share: row.share, cardAuthorId: authorOf(row.record) ?? row.share.proposedBy };
}

/** The author's cards of one copy, newest first. */
export async function cardsOfCopy(db: DbOrTx, districtId: string, shareId: string, authorId: string) {
  return db
    .select(cardColumns)
    .from(shareCards)
    .where(
      and(
        eq(shareCards.districtId, districtId),
        eq(shareCards.shareId, shareId),
        eq(shareCards.authorId, authorId),
      ),
    )
    .orderBy(desc(shareCards.createdAt));
}

export async function insertCard(
  db: DbOrTx,
  values: Omit<typeof shareCards.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<CardRow> {
  const [row] = await db.insert(shareCards).values(values).returning(cardColumns);
  if (!row) throw new Error('card not saved');
  return row;
}

/** A card of the caller's tenant (404 otherwise). */
export async function loadCard(db: DbOrTx, districtId: string, cardId: string): Promise<CardRow> {
  const [row] = await db
    .select(cardColumns)
    .from(shareCards)
    .where(and(eq(shareCards.districtId, districtId), eq(shareCards.id, cardId)));
  if (!row) throw notFound('That card');
  return row;
}

export async function setCardPublished(
  db: DbOrTx,
  districtId: string,
  cardId: string,
  publishedAt: Date | null,
): Promise<CardRow> {
  const [row] = await db
    .update(shareCards)
    .set({ publishedAt, updatedAt: new Date() })
    .where(and(eq(shareCards.districtId, districtId), eq(shareCards.id, cardId)))
    .returning(cardColumns);
  if (!row) throw notFound('That card');
  return row;
}

export async function deleteCard(db: DbOrTx, districtId: string, cardId: string): Promise<void> {
  await db.delete(shareCards).where(and(eq(shareCards.districtId, districtId), eq(shareCards.id, cardId)));
}

/** The published card of a copy still shared (the join on the tenant key and the copy's id), or null. */
const published = (cardId: string) =>
  and(eq(shareCards.id, cardId), isNotNull(shareCards.publishedAt), eq(memoryShares.status, 'shared'));
const ofItsCopy = and(
  eq(memoryShares.districtId, shareCards.districtId),
  eq(memoryShares.id, shareCards.shareId),
);

/** SHARE-CARD-7: the ONE lookup not filtered by a tenant: a published card by its unguessable id. */
export async function publishedCard(db: DbOrTx, cardId: string): Promise<CardRow | null> {
  const [row] = await db
    .select(cardColumns)
    .from(shareCards)
    .innerJoin(memoryShares, ofItsCopy)
    .where(published(cardId));
  return row ?? null;
}

/** SHARE-CARD-8: a published card's image (the same lookup), or null when it has none. */
export async function publishedCardImage(db: DbOrTx, cardId: string) {
  const [row] = await db
    .select({ image: shareCards.image, type: shareCards.imageType, updatedAt: shareCards.updatedAt })
    .from(shareCards)
    .innerJoin(memoryShares, ofItsCopy)
    .where(published(cardId));
  return row?.image && row.type ? { image: row.image, type: row.type, updatedAt: row.updatedAt } : null;
}
