/**
 * The catalogue's share cards (issue 14, ADR 0035, SHARE-CARD-*): spread into the sharing module (`api-sharing.ts`),
 * so the web loads them with sharing's other entries and the first chunk carries no loader of its own.
 */
import { Ok } from './common';
import { anySpace, e, type Endpoint } from './endpoint';
import {
  CardFlags,
  CardImageBytes,
  CheckShareCard,
  CreateShareCard,
  MyShareCard,
  PublicShareCard,
  ShareCardsOfCopy,
  UpdateShareCard,
} from './share-cards';

export const shareCardsApi = {
  shareCardsOfCopy: e({
    method: 'GET',
    path: '/api/shared/:shareId/cards',
    auth: 'session',
    spaces: anySpace,
    response: ShareCardsOfCopy,
    summary: 'The author’s share cards of a shared success, and the copy’s text to start one from',
    tag: 'share-cards',
  }),
  checkShareCard: e({
    method: 'POST',
    path: '/api/shared/:shareId/cards/check',
    auth: 'session',
    spaces: anySpace,
    body: CheckShareCard,
    response: CardFlags,
    summary: 'Flags likely names and identifying details in a card being written',
    tag: 'share-cards',
  }),
  createShareCard: e({
    method: 'POST',
    path: '/api/shared/:shareId/cards',
    auth: 'session',
    spaces: anySpace,
    body: CreateShareCard,
    response: MyShareCard,
    summary: 'Make a public share card from a shared success (its author only), published at once',
    tag: 'share-cards',
  }),
  updateShareCard: e({
    method: 'PATCH',
    path: '/api/cards/:cardId',
    auth: 'session',
    spaces: anySpace,
    body: UpdateShareCard,
    response: MyShareCard,
    summary: 'Publish or unpublish a share card (its author only)',
    tag: 'share-cards',
  }),
  deleteShareCard: e({
    method: 'DELETE',
    path: '/api/cards/:cardId',
    auth: 'session',
    spaces: anySpace,
    response: Ok,
    summary: 'Delete a share card (its author only)',
    tag: 'share-cards',
  }),
  publicShareCard: e({
    method: 'GET',
    path: '/api/cards/:cardId',
    auth: 'public',
    spaces: anySpace,
    response: PublicShareCard,
    summary: 'A published share card (public: no session; 404 once unpublished, deleted or withdrawn)',
    tag: 'share-cards',
  }),
  shareCardImage: e({
    method: 'GET',
    path: '/api/cards/:cardId/image',
    auth: 'public',
    spaces: anySpace,
    produces: 'image/*',
    response: CardImageBytes,
    summary: 'The image of a published share card, as its sniffed type (public)',
    tag: 'share-cards',
  }),
} as const satisfies Record<string, Endpoint>;
