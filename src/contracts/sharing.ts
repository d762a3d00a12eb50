/**
 * Sharing beyond the team (issue 12, ADR 0023): the review of a success or a resolved dilemma before it leaves
 * the team, consent (the author's, and the team's for a record with several contributors), withdrawal, and the
 * library of shared copies a person may read. Rules: docs/SPEC.md SHARE-*.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { SharedContent, SharedDraft } from './memory';

export const ShareScope = z.enum(['school', 'district']);
export type ShareScope = z.infer<typeof ShareScope>;

/** SHARE-CONSENT-*: where a proposal stands. */
export const ShareStage = z.enum(['awaiting-author', 'awaiting-team', 'shared']);
export type ShareStage = z.infer<typeof ShareStage>;

export const FlagReason = z.enum([
  'known-name',
  'capitalized',
  'initials',
  'age',
  'id-number',
  'grade-with-name',
  'date',
  'email',
  'phone',
]);
export type FlagReason = z.infer<typeof FlagReason>;

/** SHARE-FLAG-1: a likely identifying detail in one field of the draft (offsets into that field's text). */
export const ShareFlag = z.object({
  field: z.string(),
  start: z.number().check(z.int()),
  end: z.number().check(z.int()),
  text: z.string(),
  reason: FlagReason,
});
export type ShareFlag = z.infer<typeof ShareFlag>;

/** A proposal or a shared copy of a record, as the record's team sees it. */
export const ShareState = z.object({
  id: Id,
  scope: ShareScope,
  stage: ShareStage,
  content: SharedContent,
  proposedBy: z.object({ id: Id, name: z.string() }),
  authorConsentAt: z.nullable(IsoDateTime),
  teamConsentAt: z.nullable(IsoDateTime),
  teamConsentBy: z.nullable(z.object({ id: Id, name: z.string() })),
  sharedAt: z.nullable(IsoDateTime),
  /** SHARE-CONSENT-5: a record drawn from a meeting needs the team's consent too. */
  needsTeamConsent: z.boolean(),
});
export type ShareState = z.infer<typeof ShareState>;

/** SHARE-REVIEW-1: the review screen: the copy as others would see it, its flags, and what the caller may do. */
export const ShareReview = z.object({
  recordId: Id,
  groupId: Id,
  kind: z.enum(['success', 'dilemma', 'observation']),
  /** SHARE-RULE-1: only a success or a resolved dilemma can leave the team. */
  shareable: z.boolean(),
  /** The copy built from the record (or the proposal's own copy, when there is one); null when not shareable. */
  draft: z.nullable(SharedDraft),
  teamName: z.string(),
  schoolName: z.nullable(z.string()),
  flags: z.array(ShareFlag),
  author: z.nullable(z.object({ id: Id, name: z.string() })),
  isAuthor: z.boolean(),
  needsTeamConsent: z.boolean(),
  share: z.nullable(ShareState),
  can: z.object({
    propose: z.boolean(),
    consentAsAuthor: z.boolean(),
    consentAsTeam: z.boolean(),
    withdraw: z.boolean(),
  }),
});
export type ShareReview = z.infer<typeof ShareReview>;

/** SHARE-FLAG-5: flags for a draft being edited (the roster stays on the server). */
export const CheckDraftRequest = z.strictObject({ draft: SharedDraft });
export const CheckDraftResult = z.object({ flags: z.array(ShareFlag) });

/** SHARE-CONSENT-1: the author's consent is explicit (`authorConsent: true` when the author proposes). */
export const ProposeShareRequest = z.strictObject({
  scope: ShareScope,
  draft: SharedDraft,
  authorConsent: z.boolean(),
});
export type ProposeShareRequest = z.infer<typeof ProposeShareRequest>;

/** SHARE-CONSENT-2/3: the caller gives the author's consent or the team's. */
export const ConsentShareRequest = z.strictObject({ as: z.enum(['author', 'team']) });
export type ConsentShareRequest = z.infer<typeof ConsentShareRequest>;

/** A proposal of the team waiting for someone's consent (the team home's prompt). */
export const PendingShare = z.object({
  shareId: Id,
  recordId: Id,
  title: z.string(),
  kind: z.enum(['success', 'dilemma']),
  scope: ShareScope,
  stage: ShareStage,
  proposedBy: z.string(),
  canConsentAsAuthor: z.boolean(),
  canConsentAsTeam: z.boolean(),
});
export type PendingShare = z.infer<typeof PendingShare>;

/**
 * SHARE-HELPED-2: how many people said a copy helped them, and whether the caller did; never who (no names, no
 * ids), and never a ranking (the library keeps its newest-first order).
 */
export const HelpedMarks = z.object({
  count: z.number().check(z.int(), z.gte(0)),
  byMe: z.boolean(),
});
export type HelpedMarks = z.infer<typeof HelpedMarks>;

/** SHARE-LIB-1: a shared copy in the library (what others read: no person ids). */
export const SharedCopy = z.object({
  id: Id,
  scope: ShareScope,
  content: SharedContent,
  sharedAt: IsoDateTime,
  helped: HelpedMarks,
});
export type SharedCopy = z.infer<typeof SharedCopy>;

export const SharedLibraryQuery = z.strictObject({
  kind: z.optional(z.enum(['success', 'dilemma'])),
});
