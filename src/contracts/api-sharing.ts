/** The catalogue's sharing beyond the team (issue 12, ADR 0023, SHARE-*); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { Ok } from './common';
import {
  CheckDraftRequest,
  HelpedMarks,
  CheckDraftResult,
  ConsentShareRequest,
  PendingShare,
  ProposeShareRequest,
  ShareReview,
  SharedCopy,
  SharedLibraryQuery,
} from './sharing';
import { anySpace, e, items, type Endpoint } from './endpoint';
import { shareCardsApi } from './api-share-cards';

/**
 * A share card's limits, for the web's card form: imported from this module (which the web loads for every
 * sharing call anyway) they stay in its chunk, instead of a chunk of their own named in the first chunk
 * (DAY-PERF-1).
 */
export {
  CARD_ALT_MAX,
  CARD_IMAGE_MAX_BYTES,
  CARD_IMAGE_TYPES,
  CARD_LINK_MAX,
  CARD_TEXT_MAX,
  CARD_TITLE_MAX,
} from './share-cards';

export const sharingApi = {
  // Sharing beyond the team (issue 12, ADR 0023, SHARE-*).
  shareReview: e({
    method: 'GET',
    path: '/api/groups/:groupId/memory/:recordId/share',
    auth: 'session',
    // SHARE-NET-1: a cohort shares with its network as a team shares with its district.
    spaces: anySpace,
    response: ShareReview,
    summary: 'The review of a record before it is shared: the copy others would see, its flags, consent',
    tag: 'sharing',
  }),
  checkShareDraft: e({
    method: 'POST',
    path: '/api/groups/:groupId/memory/:recordId/share/check',
    auth: 'session',
    spaces: anySpace,
    body: CheckDraftRequest,
    response: CheckDraftResult,
    summary: 'Flags likely student names and identifying details in an edited copy',
    tag: 'sharing',
  }),
  proposeShare: e({
    method: 'POST',
    path: '/api/groups/:groupId/memory/:recordId/share',
    auth: 'session',
    spaces: anySpace,
    body: ProposeShareRequest,
    response: ShareReview,
    summary: 'Propose sharing a success or a resolved dilemma with the school or the district',
    tag: 'sharing',
  }),
  consentShare: e({
    method: 'POST',
    path: '/api/groups/:groupId/memory/:recordId/share/consent',
    auth: 'session',
    spaces: anySpace,
    body: ConsentShareRequest,
    response: ShareReview,
    summary: 'Give the author’s or the team’s consent to a proposed share',
    tag: 'sharing',
  }),
  withdrawShare: e({
    method: 'DELETE',
    path: '/api/groups/:groupId/memory/:recordId/share',
    auth: 'session',
    spaces: anySpace,
    response: Ok,
    summary: 'Withdraw consent: the shared copy (or the proposal) is deleted everywhere',
    tag: 'sharing',
  }),
  pendingShares: e({
    method: 'GET',
    path: '/api/groups/:groupId/shares/pending',
    auth: 'session',
    spaces: anySpace,
    response: items(PendingShare),
    summary: 'The team’s proposals waiting for the author’s or the team’s consent',
    tag: 'sharing',
  }),
  sharedLibrary: e({
    method: 'GET',
    path: '/api/shared',
    auth: 'session',
    spaces: anySpace,
    query: SharedLibraryQuery,
    response: items(SharedCopy),
    summary:
      'The shared copies the caller may read (their schools’ and the district’s, or in a network the network’s), newest first',
    tag: 'sharing',
  }),
  sharedCopy: e({
    method: 'GET',
    path: '/api/shared/:shareId',
    auth: 'session',
    spaces: anySpace,
    response: SharedCopy,
    summary: 'One shared copy the caller may read',
    tag: 'sharing',
  }),
  // Share cards (issue 14, ADR 0035): ride with sharing's module (no loader of their own in the first chunk).
  ...shareCardsApi,
  // SHARE-HELPED-1: "this helped me", set and taken back by a reader of the copy; answers the counts only.
  markHelped: e({
    method: 'PUT',
    path: '/api/shared/:shareId/helped',
    auth: 'session',
    spaces: anySpace,
    response: HelpedMarks,
    summary: 'Say that a shared copy helped you (once; saying it again changes nothing)',
    tag: 'sharing',
  }),
  unmarkHelped: e({
    method: 'DELETE',
    path: '/api/shared/:shareId/helped',
    auth: 'session',
    spaces: anySpace,
    response: HelpedMarks,
    summary: 'Take back that a shared copy helped you',
    tag: 'sharing',
  }),
} as const satisfies Record<string, Endpoint>;
