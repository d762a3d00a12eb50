/**
 * Share cards (issue 14, ADR 0035): a shared success turned by its author into a public card. Each handler: load
 * scoped to the tenant, authorize (read the copy, then be its author), one transaction, present. The two public
 * routes look a published card up by its unguessable id and answer its own fields only.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { AuditAction } from '#contracts/audit';
import { CARD_IMAGE_MAX_BYTES, type CreateShareCard } from '#contracts/share-cards';
import { cardPrefill, flagCard, sniffImageType } from '#core/sharing/card';
import { recordAudit } from '../audit/record';
import type { DbOrTx } from '../db/client';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { contentOf, rosterNames, sharedCopySubject } from '../sharing/queries';
import { presentMyCard, presentPublicCard } from './presenter';
import {
  cardsOfCopy,
  deleteCard,
  insertCard,
  loadCard,
  publishedCard,
  publishedCardImage,
  setCardPublished,
  sharedCopyForCard,
  type CardRow,
} from './queries';

/** The largest create body: a 1 MB image in base64 with room to spare, so a slightly larger one is a 400 on `image.data`. */
export const CARD_CREATE_BODY_LIMIT = 3 * 1024 * 1024;

/** SHARE-CARD-3: the image's bytes and sniffed type; a 400 naming `image.data` when it is not an image we take. */
function decodeImage(image: NonNullable<CreateShareCard['image']>) {
  const bytes = Buffer.from(image.data, 'base64');
  if (bytes.length > CARD_IMAGE_MAX_BYTES)
    throw badRequest('The image is larger than 1 MB.', [
      { path: 'image.data', message: 'The image must be at most 1 MB' },
    ]);
  const type = sniffImageType(bytes);
  if (!type)
    throw badRequest('The image must be a PNG, JPEG or WebP file.', [
      { path: 'image.data', message: 'Not a PNG, JPEG or WebP image' },
    ]);
  return { bytes, type };
}

export function registerShareCardRoutes(app: FastifyInstance, s: Services) {
  const link = (path: string) => s.link(path);

  /** SHARE-CARD-6: the copy must be readable by the caller (else 404) and theirs to make cards of (else 403). */
  async function copyForAuthor(actor: Actor, shareId: string) {
    const { share, cardAuthorId } = await sharedCopyForCard(s.db, actor, shareId);
    authorize(actor, 'read', sharedCopySubject(share));
    if (actor.userId !== cardAuthorId) throw forbidden('Only the author of this success makes its cards.');
    return share;
  }

  /** SHARE-CARD-6: a card of the caller's tenant (else 404), changed by its author only (else 403). */
  async function cardOfAuthor(actor: Actor, cardId: string): Promise<CardRow> {
    const card = await loadCard(s.db, actor.districtId, cardId);
    if (card.authorId !== actor.userId) throw forbidden('Only the card’s author changes it.');
    return card;
  }

  const audit = (tx: DbOrTx, actor: Actor, action: AuditAction, card: CardRow, req: FastifyRequest) =>
    recordAudit(tx, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action,
      subject: { type: 'share_card', id: card.id },
      details: { shareId: card.shareId },
      from: req,
    });

  registerEndpoint(app, api.shareCardsOfCopy, async ({ actor, params }) => {
    const share = await copyForAuthor(actor, params.shareId);
    const content = contentOf(share);
    if (!content) throw conflict('This shared copy can no longer be read.');
    const cards = await cardsOfCopy(s.db, actor.districtId, share.id, actor.userId);
    return { prefill: cardPrefill(content), items: cards.map((c) => presentMyCard(c, link)) };
  });

  registerEndpoint(app, api.checkShareCard, async ({ actor, params, body }) => {
    await copyForAuthor(actor, params.shareId);
    return { flags: flagCard(body, await rosterNames(s.db, actor.districtId)) };
  });

  registerEndpoint(
    app,
    api.createShareCard,
    async ({ actor, params, body, req }) => {
      const share = await copyForAuthor(actor, params.shareId);
      // SHARE-CARD-1: a success only (a resolved dilemma stays in the school's or district's library).
      if (share.kind !== 'success') throw conflict('Only a shared success can become a share card.');
      const image = body.image ? decodeImage(body.image) : null;
      if (!body.consent)
        throw badRequest('Confirm that you agree to make this card public.', [
          { path: 'consent', message: 'Your consent is needed to publish' },
        ]);
      const card = await s.db.transaction(async (tx) => {
        const saved = await insertCard(tx, {
          districtId: actor.districtId,
          shareId: share.id,
          authorId: actor.userId,
          title: body.title,
          text: body.text,
          link: body.link,
          image: image?.bytes ?? null,
          imageType: image?.type ?? null,
          imageAlt: body.image?.alt ?? null,
          publishedAt: new Date(),
        });
        await audit(tx, actor, 'share_card.created', saved, req);
        return saved;
      });
      return presentMyCard(card, link);
    },
    { bodyLimit: CARD_CREATE_BODY_LIMIT, rateLimit: { max: 30, timeWindow: 60_000 } },
  );

  registerEndpoint(app, api.updateShareCard, async ({ actor, params, body, req }) => {
    const card = await cardOfAuthor(actor, params.cardId);
    if ((card.publishedAt !== null) === body.published) return presentMyCard(card, link);
    const saved = await s.db.transaction(async (tx) => {
      const changed = await setCardPublished(
        tx,
        actor.districtId,
        card.id,
        body.published ? new Date() : null,
      );
      await audit(
        tx,
        actor,
        body.published ? 'share_card.published' : 'share_card.unpublished',
        changed,
        req,
      );
      return changed;
    });
    return presentMyCard(saved, link);
  });

  registerEndpoint(app, api.deleteShareCard, async ({ actor, params, req }) => {
    const card = await cardOfAuthor(actor, params.cardId);
    await s.db.transaction(async (tx) => {
      await deleteCard(tx, actor.districtId, card.id);
      await audit(tx, actor, 'share_card.deleted', card, req);
    });
    return { ok: true as const };
  });

  // SHARE-CARD-7: public, no session: a published card of a copy still shared, its own fields only.
  registerEndpoint(app, api.publicShareCard, async ({ params }) => {
    const card = await publishedCard(s.db, params.cardId);
    if (!card) throw notFound('That card');
    return presentPublicCard(card, link);
  });

  // SHARE-CARD-8: the image, as its sniffed type; cacheable but revalidated, so unpublishing shows at once.
  registerEndpoint(
    app,
    api.shareCardImage,
    async ({ params, req, reply }) => {
      const found = await publishedCardImage(s.db, params.cardId);
      if (!found) throw notFound('That image');
      const etag = `"${params.cardId}-${found.updatedAt.getTime()}"`;
      void reply
        .type(found.type)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'public, no-cache')
        .header('ETag', etag)
        .header('Cross-Origin-Resource-Policy', 'cross-origin');
      if (req.headers['if-none-match'] === etag) {
        void reply.code(304);
        return Buffer.alloc(0);
      }
      return found.image;
    },
    { publicCache: true },
  );
}
