/** Sharing's answers (ADR 0023): what the team sees of a proposal, and what others see of a shared copy. */
import type { SharedContent, SharedDraft } from '#contracts/memory';
import type {
  PendingShare,
  ShareFlag,
  ShareReview,
  ShareStage,
  ShareState,
  SharedCopy,
} from '#contracts/sharing';
import type { Helped, RecordRow, ShareRow } from './queries';

export function stageOf(share: ShareRow): ShareStage {
  if (share.status === 'shared') return 'shared';
  return share.authorConsentAt ? 'awaiting-team' : 'awaiting-author';
}

export function presentShareState(
  share: ShareRow,
  content: SharedContent,
  names: ReadonlyMap<string, string>,
  needsTeamConsent: boolean,
): ShareState {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: share.id,
    scope: share.scope,
    stage: stageOf(share),
    content,
    proposedBy: person(share.proposedBy) ?? { id: share.proposedBy, name: '' },
    authorConsentAt: share.authorConsentAt?.toISOString() ?? null,
    teamConsentAt: share.teamConsentAt?.toISOString() ?? null,
    teamConsentBy: person(share.teamConsentBy),
    sharedAt: share.sharedAt?.toISOString() ?? null,
    needsTeamConsent,
  };
}

export function presentReview(v: {
  record: RecordRow;
  draft: SharedDraft | null;
  shareable: boolean;
  teamName: string;
  schoolName: string | null;
  flags: ShareFlag[];
  authorId: string | null;
  names: ReadonlyMap<string, string>;
  actorId: string;
  share: ShareState | null;
  can: ShareReview['can'];
  needsTeamConsent: boolean;
}): ShareReview {
  return {
    recordId: v.record.id,
    groupId: v.record.groupId,
    kind: v.record.kind,
    shareable: v.shareable,
    draft: v.draft,
    teamName: v.teamName,
    schoolName: v.schoolName,
    flags: v.flags,
    author: v.authorId ? { id: v.authorId, name: v.names.get(v.authorId) ?? '' } : null,
    isAuthor: v.authorId === v.actorId,
    needsTeamConsent: v.needsTeamConsent,
    share: v.share,
    can: v.can,
  };
}

export function presentPending(
  share: ShareRow,
  names: ReadonlyMap<string, string>,
  can: { author: boolean; team: boolean },
): PendingShare {
  return {
    shareId: share.id,
    recordId: share.recordId,
    title: share.title,
    kind: share.kind,
    scope: share.scope,
    stage: stageOf(share),
    proposedBy: names.get(share.proposedBy) ?? '',
    canConsentAsAuthor: can.author,
    canConsentAsTeam: can.team,
  };
}

/**
 * SHARE-LIB-2: only the copy: no record id, no person, no team id. SHARE-HELPED-2: how many it helped and whether
 * the caller said so, never who.
 */
export function presentSharedCopy(share: ShareRow, content: SharedContent, helped: Helped): SharedCopy {
  return {
    id: share.id,
    scope: share.scope,
    content,
    sharedAt: (share.sharedAt ?? share.createdAt).toISOString(),
    helped: { count: helped.count, byMe: helped.byMe },
  };
}
