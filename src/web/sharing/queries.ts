/** Query keys and calls of sharing beyond the team (REST). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SharedDraft } from '#contracts/memory';
import type { CheckShareCard, CreateShareCard } from '#contracts/share-cards';
import type { HelpedMarks, ProposeShareRequest, ShareReview, SharedCopy } from '#contracts/sharing';
import { call } from '../api/client';

export const sharingKeys = {
  review: (groupId: string, recordId: string) => ['sharing', 'review', groupId, recordId] as const,
  check: (groupId: string, recordId: string, draft: SharedDraft | null) =>
    ['sharing', 'check', groupId, recordId, draft] as const,
  pending: (groupId: string) => ['sharing', 'pending', groupId] as const,
  library: ['sharing', 'library'] as const,
  copy: (shareId: string) => ['sharing', 'copy', shareId] as const,
};

export function useShareReview(groupId: string, recordId: string) {
  return useQuery({
    queryKey: sharingKeys.review(groupId, recordId),
    queryFn: ({ signal }) => call('shareReview', { params: { groupId, recordId }, signal }),
  });
}

/** SHARE-FLAG-5: flags of the draft as it is edited (the caller debounces `draft`). */
export function useDraftFlags(groupId: string, recordId: string, draft: SharedDraft | null) {
  return useQuery({
    queryKey: sharingKeys.check(groupId, recordId, draft),
    queryFn: async ({ signal }) =>
      draft
        ? (await call('checkShareDraft', { params: { groupId, recordId }, body: { draft }, signal })).flags
        : [],
    enabled: draft !== null,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

/** Every change answers with the whole review: it replaces the cached one; lists are asked again. */
function useReviewChange<V>(groupId: string, recordId: string, fn: (value: V) => Promise<ShareReview>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (review) => {
      queryClient.setQueryData(sharingKeys.review(groupId, recordId), review);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sharingKeys.pending(groupId) }),
        queryClient.invalidateQueries({ queryKey: sharingKeys.library }),
      ]);
    },
  });
}

export function useProposeShare(groupId: string, recordId: string) {
  return useReviewChange(groupId, recordId, (body: ProposeShareRequest) =>
    call('proposeShare', { params: { groupId, recordId }, body }),
  );
}

export function useConsentShare(groupId: string, recordId: string) {
  return useReviewChange(groupId, recordId, (as: 'author' | 'team') =>
    call('consentShare', { params: { groupId, recordId }, body: { as } }),
  );
}

export function useWithdrawShare(groupId: string, recordId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('withdrawShare', { params: { groupId, recordId } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sharingKeys.review(groupId, recordId) }),
        queryClient.invalidateQueries({ queryKey: sharingKeys.pending(groupId) }),
        queryClient.invalidateQueries({ queryKey: sharingKeys.library }),
      ]);
    },
  });
}

export function usePendingShares(groupId: string) {
  return useQuery({
    queryKey: sharingKeys.pending(groupId),
    queryFn: async ({ signal }) => (await call('pendingShares', { params: { groupId }, signal })).items,
  });
}

export function useSharedLibrary() {
  return useQuery({
    queryKey: sharingKeys.library,
    queryFn: async ({ signal }) => (await call('sharedLibrary', { query: {}, signal })).items,
    // SHARE-WITHDRAW-1: another team's withdrawal shows at once, not after the app-wide 15 s of freshness.
    staleTime: 0,
  });
}

export function useSharedCopy(shareId: string) {
  return useQuery({
    queryKey: sharingKeys.copy(shareId),
    queryFn: ({ signal }) => call('sharedCopy', { params: { shareId }, signal }),
    staleTime: 0, // SHARE-WITHDRAW-1, as the library
  });
}

export const cardKeys = {
  ofCopy: (shareId: string) => ['sharing', 'cards', shareId] as const,
  check: (shareId: string, card: CheckShareCard | null) =>
    ['sharing', 'cards', shareId, 'check', card] as const,
  public: (cardId: string) => ['sharing', 'card', cardId] as const,
};

/** SHARE-CARD-1: the author's cards of a shared copy and the copy's text to start one from. */
export function useShareCards(shareId: string) {
  return useQuery({
    queryKey: cardKeys.ofCopy(shareId),
    queryFn: ({ signal }) => call('shareCardsOfCopy', { params: { shareId }, signal }),
    retry: false,
  });
}

/** SHARE-CARD-5: flags of the card as it is written (the caller debounces `card`). */
export function useCardFlags(shareId: string, card: CheckShareCard | null) {
  return useQuery({
    queryKey: cardKeys.check(shareId, card),
    queryFn: async ({ signal }) =>
      card ? (await call('checkShareCard', { params: { shareId }, body: card, signal })).flags : [],
    enabled: card !== null,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

function useCardChange<V, R>(shareId: string, fn: (value: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cardKeys.ofCopy(shareId) }),
  });
}

export const useCreateShareCard = (shareId: string) =>
  useCardChange(shareId, (body: CreateShareCard) => call('createShareCard', { params: { shareId }, body }));
export const usePublishShareCard = (shareId: string) =>
  useCardChange(shareId, (v: { cardId: string; published: boolean }) =>
    call('updateShareCard', { params: { cardId: v.cardId }, body: { published: v.published } }),
  );
export const useDeleteShareCard = (shareId: string) =>
  useCardChange(shareId, (cardId: string) => call('deleteShareCard', { params: { cardId } }));

/** SHARE-CARD-7: a published card, for anyone (no session needed). */
export function usePublicShareCard(cardId: string) {
  return useQuery({
    queryKey: cardKeys.public(cardId),
    queryFn: ({ signal }) => call('publicShareCard', { params: { cardId }, signal }),
    staleTime: 0,
    retry: false,
  });
}

/**
 * SHARE-HELPED-1: "this helped me", said or taken back. The answer (the copy's counts) goes into the cached copy
 * and the library's item in place: the library's order never changes with it (SHARE-HELPED-3).
 */
export function useHelped(shareId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (helped: boolean) => call(helped ? 'markHelped' : 'unmarkHelped', { params: { shareId } }),
    onSuccess: (marks: HelpedMarks) => {
      queryClient.setQueryData<SharedCopy>(sharingKeys.copy(shareId), (copy) =>
        copy ? { ...copy, helped: marks } : copy,
      );
      queryClient.setQueryData<SharedCopy[]>(sharingKeys.library, (list) =>
        list?.map((copy) => (copy.id === shareId ? { ...copy, helped: marks } : copy)),
      );
    },
  });
}
