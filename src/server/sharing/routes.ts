/**
 * Sharing beyond the team (issue 12, ADR 0023): the review of a record before it leaves the team, consent (the
 * author's, and the team's for a record drawn from a meeting), withdrawal, and the library of shared copies.
 * Every handler: load scoped to the district, `authorize`, one transaction, present.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { SharedContent, SharedDraft } from '#contracts/memory';
import { draftOf, flagDraft, isShareable } from '#core/sharing/index';
import { recordAudit } from '../audit/record';
import type { DbOrTx } from '../db/client';
import { groupSubject, loadGroup, type GroupRow } from '../groups/queries';
import { badRequest, conflict } from '../http/errors';
import { indexShare, unindexShare } from '../search/indexer';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize, can, type ShareRecordSubject } from '../policy/policy';
import type { Services } from '../services';
import { presentPending, presentReview, presentShareState, presentSharedCopy } from './presenter';
import {
  authorOf,
  contentOf,
  deleteShare,
  facilitatorIdsOf,
  hasSeveralContributors,
  helpedOf,
  libraryFor,
  loadRecord,
  loadShare,
  markHelped,
  namesOf,
  pendingOfTeam,
  rosterNames,
  saveProposal,
  schoolNameOf,
  shareOfRecord,
  shareRecordSubject,
  sharedCopySubject,
  updatePendingShare,
  unmarkHelped,
  type RecordRow,
  type ShareRow,
} from './queries';

/** The draft part of a stored copy (what the author edits). */
function draftOfContent(c: SharedContent): SharedDraft {
  const { teamName: _team, schoolName: _school, ...draft } = c;
  return draft;
}

export function registerSharingRoutes(app: FastifyInstance, s: Services) {
  async function recordFor(actor: Actor, groupId: string, recordId: string) {
    const found = await loadRecord(s.db, actor, groupId, recordId);
    const subject = await shareRecordSubject(s.db, found.record, found.group);
    return { ...found, subject };
  }

  /** The review as the caller sees it, after any change. */
  async function review(actor: Actor, record: RecordRow, group: GroupRow, subject: ShareRecordSubject) {
    const loaded = await loadRecord(s.db, actor, group.id, record.id);
    const share = await shareOfRecord(s.db, actor.districtId, record.id);
    const stored = share ? contentOf(share) : null;
    const shareable = isShareable(loaded.record);
    const draft = stored
      ? draftOfContent(stored)
      : draftOf({
          kind: loaded.record.kind,
          title: loaded.record.title,
          content: loaded.content,
          tags: {
            grade: loaded.record.grade,
            subject: loaded.record.subject,
            strategy: loaded.record.strategy,
            studentGroup: loaded.record.studentGroup,
          },
          status: loaded.record.status,
          resolution: loaded.record.resolution,
        });
    const needsTeamConsent = hasSeveralContributors(loaded.record);
    const authorId = authorOf(loaded.record);
    const names = await namesOf(s.db, actor.districtId, [
      authorId,
      share?.proposedBy ?? null,
      share?.teamConsentBy ?? null,
    ]);
    const flags = draft ? flagDraft(draft, await rosterNames(s.db, actor.districtId)) : [];
    const open = share !== null && share.status !== 'shared';
    return presentReview({
      record: loaded.record,
      draft,
      shareable,
      teamName: group.name,
      schoolName: await schoolNameOf(s.db, actor.districtId, group.schoolId),
      flags,
      authorId,
      names,
      actorId: actor.userId,
      share: share && stored ? presentShareState(share, stored, names, needsTeamConsent) : null,
      needsTeamConsent,
      can: {
        propose: shareable && can(actor, 'share', subject) && (share === null || open),
        consentAsAuthor: open && share.authorConsentAt === null && can(actor, 'consent', subject),
        consentAsTeam:
          open && needsTeamConsent && share.teamConsentAt === null && can(actor, 'decide', subject),
        withdraw: share !== null && can(actor, 'withdraw', subject),
      },
    });
  }

  /** SHARE-CONSENT-4: shared once the author and (for several contributors) the team have consented. */
  async function shareIfConsented(
    tx: DbOrTx,
    actor: Actor,
    share: ShareRow,
    needsTeam: boolean,
    req: FastifyRequest,
  ): Promise<ShareRow> {
    if (share.status === 'shared' || !share.authorConsentAt) return share;
    if (needsTeam && !share.teamConsentAt) return share;
    const shared = await updatePendingShare(tx, actor.districtId, share.id, {
      status: 'shared',
      sharedAt: new Date(),
    });
    if (!shared) return share;
    await recordAudit(tx, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'memory.shared',
      subject: { type: 'memory_record', id: share.recordId },
      details: { shareId: share.id, scope: share.scope, kind: share.kind },
      from: req,
    });
    await indexShare(tx, actor.districtId, shared.id); // SEARCH-DOC-1: the school or district finds it now
    return shared;
  }

  registerEndpoint(app, api.shareReview, async ({ actor, params }) => {
    const { record, group, subject } = await recordFor(actor, params.groupId, params.recordId);
    authorize(actor, 'read', subject);
    return review(actor, record, group, subject);
  });

  registerEndpoint(app, api.checkShareDraft, async ({ actor, params, body }) => {
    const { subject } = await recordFor(actor, params.groupId, params.recordId);
    authorize(actor, 'read', subject);
    return { flags: flagDraft(body.draft, await rosterNames(s.db, actor.districtId)) };
  });

  registerEndpoint(app, api.proposeShare, async ({ actor, params, body, req }) => {
    const { record, group, subject } = await recordFor(actor, params.groupId, params.recordId);
    authorize(actor, 'share', subject);
    if (!isShareable(record))
      throw conflict('Only a success or a resolved dilemma can be shared beyond the team.');
    // SHARE-NET-1: a network has no schools: the only scope there is the whole network (`district`).
    if (actor.network && body.scope !== 'district')
      throw badRequest('In a network, a copy is shared with the whole network.', [
        { path: 'scope', message: 'Expected district (the whole network)' },
      ]);
    if (body.draft.kind !== record.kind)
      throw badRequest('The copy must be of the same kind as the record.', [
        { path: 'draft.kind', message: `Expected ${record.kind}` },
      ]);
    const existing = await shareOfRecord(s.db, actor.districtId, record.id);
    if (existing?.status === 'shared')
      throw conflict('This record is already shared: withdraw it before sharing a new copy.');
    const authorId = authorOf(record);
    // A record nobody authored (nobody presented) is consented to by the member who proposes it.
    const callerIsAuthor = authorId === null || authorId === actor.userId;
    if (callerIsAuthor && !body.authorConsent)
      throw badRequest('Confirm that you agree to share this copy.', [
        { path: 'authorConsent', message: 'Your consent is needed to share' },
      ]);
    if (!callerIsAuthor && body.authorConsent)
      throw badRequest('Only the author gives the author’s consent; they will be asked.', [
        { path: 'authorConsent', message: 'Only the author consents for themselves' },
      ]);
    const content: SharedContent = {
      ...body.draft,
      teamName: group.name,
      schoolName: await schoolNameOf(s.db, actor.districtId, group.schoolId),
    };
    const now = new Date();
    await s.db.transaction(async (tx) => {
      const saved = await saveProposal(tx, {
        districtId: actor.districtId,
        recordId: record.id,
        groupId: group.id,
        schoolId: group.schoolId,
        scope: body.scope,
        status: 'awaiting-team',
        kind: body.draft.kind,
        title: body.draft.title,
        content,
        proposedBy: actor.userId,
        authorConsentAt: body.authorConsent ? now : null,
        teamConsentBy: null,
        teamConsentAt: null,
        sharedAt: null,
      });
      await shareIfConsented(tx, actor, saved, hasSeveralContributors(record), req);
    });
    return review(actor, record, group, subject);
  });

  registerEndpoint(app, api.consentShare, async ({ actor, params, body, req }) => {
    const { record, group, subject } = await recordFor(actor, params.groupId, params.recordId);
    authorize(actor, body.as === 'author' ? 'consent' : 'decide', subject);
    const share = await shareOfRecord(s.db, actor.districtId, record.id);
    if (!share) throw conflict('Nothing is proposed for sharing.');
    if (share.status === 'shared') throw conflict('This record is already shared.');
    const needsTeam = hasSeveralContributors(record);
    if (body.as === 'author' && share.authorConsentAt) throw conflict('The author has consented already.');
    if (body.as === 'team' && !needsTeam)
      throw conflict('Only its author contributed to this record: the team’s consent is not needed.');
    if (body.as === 'team' && share.teamConsentAt) throw conflict('The team has consented already.');
    const now = new Date();
    await s.db.transaction(async (tx) => {
      const saved = await updatePendingShare(
        tx,
        actor.districtId,
        share.id,
        body.as === 'author' ? { authorConsentAt: now } : { teamConsentAt: now, teamConsentBy: actor.userId },
      );
      if (!saved) throw conflict('This proposal was shared or withdrawn meanwhile.');
      await shareIfConsented(tx, actor, saved, needsTeam, req);
    });
    return review(actor, record, group, subject);
  });

  registerEndpoint(app, api.withdrawShare, async ({ actor, params, req }) => {
    const { record, subject } = await recordFor(actor, params.groupId, params.recordId);
    authorize(actor, 'withdraw', subject);
    const share = await shareOfRecord(s.db, actor.districtId, record.id);
    if (!share) throw conflict('Nothing is shared or proposed for this record.');
    await s.db.transaction(async (tx) => {
      // SHARE-WITHDRAW-1: the row goes, and with it every trace outside the team.
      await deleteShare(tx, actor.districtId, share.id);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'memory.share_withdrawn',
        subject: { type: 'memory_record', id: record.id },
        details: { shareId: share.id, scope: share.scope, wasShared: share.status === 'shared' },
        from: req,
      });
      await unindexShare(tx, actor.districtId, share.id); // SEARCH-DOC-1: and finds it no more
    });
    return { ok: true as const };
  });

  registerEndpoint(app, api.pendingShares, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    // The team's own business: its members only (non-evaluative).
    authorize(actor, 'take-part', groupSubject(group));
    const rows = await pendingOfTeam(s.db, actor.districtId, group.id);
    const facilitatorIds = await facilitatorIdsOf(s.db, actor.districtId, group.id);
    const names = await namesOf(
      s.db,
      actor.districtId,
      rows.map((r) => r.share.proposedBy),
    );
    return {
      items: rows.map(({ share, record }) => {
        const subject: ShareRecordSubject = {
          kind: 'share-record',
          id: record.id,
          districtId: record.districtId,
          group: groupSubject(group),
          authorId: authorOf(record),
          facilitatorIds,
        };
        return presentPending(share, names, {
          author: share.authorConsentAt === null && can(actor, 'consent', subject),
          team:
            hasSeveralContributors(record) && share.teamConsentAt === null && can(actor, 'decide', subject),
        });
      }),
    };
  });

  registerEndpoint(app, api.sharedLibrary, async ({ actor, query }) => {
    const rows = await libraryFor(s.db, actor, query.kind);
    const helped = await helpedOf(
      s.db,
      actor,
      rows.map((r) => r.id),
    );
    // SHARE-HELPED-3: newest first, as loaded: never ordered by how many it helped.
    return {
      items: rows.flatMap((row) => {
        const content = contentOf(row);
        const marks = helped.get(row.id) ?? { count: 0, byMe: false };
        return content ? [presentSharedCopy(row, content, marks)] : [];
      }),
    };
  });

  registerEndpoint(app, api.sharedCopy, async ({ actor, params }) => {
    const share = await loadShare(s.db, actor, params.shareId);
    authorize(actor, 'read', sharedCopySubject(share));
    const content = contentOf(share);
    if (!content) throw conflict('This shared copy can no longer be read.');
    const helped = await helpedOf(s.db, actor, [share.id]);
    return presentSharedCopy(share, content, helped.get(share.id) ?? { count: 0, byMe: false });
  });

  /** SHARE-HELPED-1: a reader of the copy says it helped them, or takes it back; the answer is the counts. */
  async function changeHelped(actor: Actor, shareId: string, helped: boolean) {
    const share = await loadShare(s.db, actor, shareId);
    authorize(actor, 'react', sharedCopySubject(share));
    if (helped) await markHelped(s.db, actor, share.id);
    else await unmarkHelped(s.db, actor, share.id);
    const marks = await helpedOf(s.db, actor, [share.id]);
    return marks.get(share.id) ?? { count: 0, byMe: false };
  }

  registerEndpoint(app, api.markHelped, ({ actor, params }) => changeHelped(actor, params.shareId, true));
  registerEndpoint(app, api.unmarkHelped, ({ actor, params }) => changeHelped(actor, params.shareId, false));
}
