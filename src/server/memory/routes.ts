/**
 * Team memory: records (issue 12, ADR 0019, MEM-*): a team's successes, problems of practice and observations,
 * drawn from its ended meetings (`materialize.ts`) or logged by a member, with their tags, links and a dilemma's
 * resolution. Team-internal: its active members read them; nobody else learns more than the team itself shows.
 * Every handler: load scoped to the district and team, `authorize`, one transaction, present.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import {
  MEMORY_PAGE_SIZE,
  type EditMemoryRecordRequest,
  type MemoryContent,
  type MemoryKind,
  type MemoryLink,
} from '#contracts/memory';
import { memoryRecords } from '../db/schema';
import { loadGroup, type GroupRow } from '../groups/queries';
import { badRequest, conflict } from '../http/errors';
import { indexRecord } from '../search/indexer';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import type { Services } from '../services';
import { ensureTeamMemory, materializeMeetingMemory } from './materialize';
import { contentOf, presentListItem, presentRecord } from './presenter';
import {
  backLinksOf,
  listRecords,
  loadRecord,
  meetingTitlesOf,
  memorySubject,
  namesOf,
  recordsByIds,
  tagColumns,
  tagValuesOf,
  teamMemorySubject,
  type MemoryRow,
} from './queries';

/** MEM-REC-11: the texts a member may edit, per kind. */
const EDITABLE: Record<MemoryKind, readonly (keyof NonNullable<EditMemoryRecordRequest['texts']>)[]> = {
  success: ['story', 'evidence', 'whatWorked', 'insight', 'learned'],
  dilemma: ['story', 'suggestedActions', 'insight', 'learned'],
  observation: ['practice', 'curiosity', 'learned'],
};

function editedContent(
  content: MemoryContent,
  texts: NonNullable<EditMemoryRecordRequest['texts']>,
): MemoryContent {
  switch (content.kind) {
    case 'success':
      return {
        ...content,
        story: texts.story ?? content.story,
        evidence: texts.evidence ?? content.evidence,
        whatWorked: texts.whatWorked ?? content.whatWorked,
        insight: texts.insight ?? content.insight,
        learned: texts.learned ?? content.learned,
      };
    case 'dilemma':
      return {
        ...content,
        story: texts.story ?? content.story,
        suggestedActions: texts.suggestedActions ?? content.suggestedActions,
        insight: texts.insight ?? content.insight,
        learned: texts.learned ?? content.learned,
      };
    case 'observation':
      return {
        ...content,
        practice: texts.practice ?? content.practice,
        curiosity: texts.curiosity ?? content.curiosity,
        learned: texts.learned ?? content.learned,
      };
  }
}

/** MEM-DIL-3: what made a resolved dilemma work: the next steps chosen for it, else the team's suggestions. */
function stepsOf(content: MemoryContent): string {
  if (content.kind !== 'dilemma') return '';
  if (content.nextSteps.length) return content.nextSteps.map((s) => `- ${s.text}`).join('\n');
  return content.suggestedActions;
}

export function registerMemoryRoutes(app: FastifyInstance, s: Services) {
  // MEM-REC-1: an ended meeting leaves its records as soon as its end has committed.
  s.committed.on(async (batch) => {
    if (!batch.events.some((e) => e.type === 'meeting.ended')) return;
    await materializeMeetingMemory(s.db, batch.districtId, batch.meetingId);
  });

  async function team(actor: Actor, groupId: string, action: 'read' | 'create'): Promise<GroupRow> {
    const group = await loadGroup(s.db, actor, groupId);
    authorize(actor, action, teamMemorySubject(group));
    return group;
  }

  /** The record of the team, after the caller was found to read the team's memory (so a 404 tells nothing). */
  async function recordFor(
    actor: Actor,
    groupId: string,
    recordId: string,
    action: 'read' | 'update' | 'resolve' | 'link',
  ) {
    const group = await team(actor, groupId, 'read');
    const row = await loadRecord(s.db, actor.districtId, group.id, recordId);
    authorize(actor, action, memorySubject(row, group));
    return { group, row };
  }

  async function view(actor: Actor, group: GroupRow, row: MemoryRow) {
    const forward = await recordsByIds(
      s.db,
      actor.districtId,
      group.id,
      [row.fromDilemmaId, row.inspiredById].filter((id): id is string => id !== null),
    );
    const linkTo = (id: string | null): MemoryLink | null => forward.find((r) => r.id === id) ?? null;
    const back = await backLinksOf(s.db, row);
    const names = await namesOf(s.db, actor.districtId, [row.authorId, row.resolvedBy]);
    const titles = await meetingTitlesOf(s.db, actor.districtId, [row.meetingId]);
    const subject = memorySubject(row, group);
    return presentRecord(row, {
      names,
      meetingTitle: row.meetingId ? (titles.get(row.meetingId) ?? null) : null,
      links: {
        fromDilemma: linkTo(row.fromDilemmaId),
        successFromIt: back.successFromIt,
        inspiredBy: linkTo(row.inspiredById),
        inspired: back.inspired,
      },
      abilities: {
        edit: can(actor, 'update', subject),
        resolve: row.kind === 'dilemma' && row.status === 'open' && can(actor, 'resolve', subject),
      },
    });
  }

  /** MEM-OBS-2: an observation of the same team, or 400 naming the field. */
  async function observationOf(actor: Actor, group: GroupRow, id: string, field: string) {
    const [found] = await recordsByIds(s.db, actor.districtId, group.id, [id]);
    if (found?.kind !== 'observation')
      throw badRequest('Choose one of the team’s observations.', [
        { path: field, message: 'Not an observation of this team' },
      ]);
    return found;
  }

  registerEndpoint(app, api.teamMemory, async ({ actor, params, query }) => {
    const group = await team(actor, params.groupId, 'read');
    await ensureTeamMemory(s.db, actor.districtId, group.id);
    const [{ rows, total }, tagValues] = await Promise.all([
      listRecords(s.db, actor.districtId, group.id, query),
      tagValuesOf(s.db, actor.districtId, group.id, query.kind),
    ]);
    const [names, titles] = await Promise.all([
      namesOf(
        s.db,
        actor.districtId,
        rows.map((r) => r.authorId),
      ),
      meetingTitlesOf(
        s.db,
        actor.districtId,
        rows.map((r) => r.meetingId),
      ),
    ]);
    return {
      items: rows.map((r) =>
        presentListItem(
          r,
          names,
          titles,
          r.kind === 'dilemma' && r.status === 'open' && can(actor, 'resolve', memorySubject(r, group)),
        ),
      ),
      page: query.page,
      pageSize: MEMORY_PAGE_SIZE,
      total,
      tagValues,
    };
  });

  registerEndpoint(app, api.memoryRecord, async ({ actor, params }) => {
    const { group, row } = await recordFor(actor, params.groupId, params.recordId, 'read');
    return view(actor, group, row);
  });

  registerEndpoint(app, api.logSuccess, async ({ actor, params, body }) => {
    const group = await team(actor, params.groupId, 'create');
    if (body.inspiredById) await observationOf(actor, group, body.inspiredById, 'inspiredById');
    const occurredAt = new Date(`${body.occurredOn}T12:00:00Z`);
    if (Number.isNaN(occurredAt.getTime()) || occurredAt.getUTCFullYear() < 1970)
      throw badRequest('Give the day it happened.', [{ path: 'occurredOn', message: 'Not a date' }]);
    const row = await s.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(memoryRecords)
        .values({
          districtId: actor.districtId,
          groupId: group.id,
          kind: 'success',
          authorId: actor.userId,
          createdBy: actor.userId,
          title: body.title,
          content: {
            kind: 'success',
            story: body.story,
            evidence: body.evidence,
            whatWorked: body.whatWorked,
            insight: body.insight,
            learned: '',
          } satisfies MemoryContent,
          ...tagColumns(body.tags),
          inspiredById: body.inspiredById ?? null,
          occurredAt,
        })
        .returning();
      if (!created) throw new Error('no record inserted');
      await indexRecord(tx, actor.districtId, created.id); // SEARCH-DOC-1
      return created;
    });
    return view(actor, group, row);
  });

  registerEndpoint(app, api.editMemoryRecord, async ({ actor, params, body }) => {
    const { group, row } = await recordFor(actor, params.groupId, params.recordId, 'update');
    const texts = body.texts ?? {};
    const refused = Object.keys(texts).filter((k) => !EDITABLE[row.kind].some((e) => e === k));
    if (refused.length)
      throw badRequest(
        'That text does not belong to this kind of record.',
        refused.map((k) => ({ path: `texts.${k}`, message: `Not a text of a ${row.kind}` })),
      );
    const updated = await s.db.transaction(async (tx) => {
      const [changed] = await tx
        .update(memoryRecords)
        .set({
          ...(body.title !== undefined && { title: body.title }),
          ...tagColumns(body.tags),
          content: editedContent(contentOf(row), texts),
          updatedAt: new Date(),
        })
        .where(and(eq(memoryRecords.districtId, actor.districtId), eq(memoryRecords.id, row.id)))
        .returning();
      await indexRecord(tx, actor.districtId, row.id); // SEARCH-DOC-1
      return changed ?? row;
    });
    return view(actor, group, updated);
  });

  registerEndpoint(app, api.resolveDilemma, async ({ actor, params, body }) => {
    const { group, row } = await recordFor(actor, params.groupId, params.recordId, 'resolve');
    if (row.kind !== 'dilemma') throw conflict('Only a problem of practice is marked resolved.');
    const content = contentOf(row);
    const now = new Date();
    const resolved = await s.db.transaction(async (tx) => {
      // MEM-DIL-4: once: a second resolution (or a race) finds it resolved already.
      const [dilemma] = await tx
        .update(memoryRecords)
        .set({
          status: 'resolved',
          resolution: body.evidence,
          resolvedAt: now,
          resolvedBy: actor.userId,
          updatedAt: now,
        })
        .where(
          and(
            eq(memoryRecords.districtId, actor.districtId),
            eq(memoryRecords.id, row.id),
            eq(memoryRecords.status, 'open'),
          ),
        )
        .returning();
      if (!dilemma) return null;
      // MEM-DIL-3: it becomes a success linked to it: the mastery experience made visible on both records.
      const [success] = await tx
        .insert(memoryRecords)
        .values({
          districtId: actor.districtId,
          groupId: group.id,
          kind: 'success',
          authorId: row.authorId,
          createdBy: actor.userId,
          title: row.title,
          content: {
            kind: 'success',
            story: content.kind === 'dilemma' ? content.story : '',
            evidence: body.evidence,
            whatWorked: stepsOf(content),
            insight: body.insight ?? '',
            learned: '',
          } satisfies MemoryContent,
          grade: row.grade,
          subject: row.subject,
          strategy: row.strategy,
          studentGroup: row.studentGroup,
          fromDilemmaId: row.id,
          occurredAt: now,
        })
        .returning({ id: memoryRecords.id });
      await indexRecord(tx, actor.districtId, row.id); // SEARCH-DOC-1
      if (success) await indexRecord(tx, actor.districtId, success.id); // SEARCH-DOC-1
      return success ? dilemma : null;
    });
    if (!resolved) throw conflict('This problem of practice is resolved already.');
    return view(actor, group, resolved);
  });

  registerEndpoint(app, api.linkObservation, async ({ actor, params, body }) => {
    const { group, row } = await recordFor(actor, params.groupId, params.recordId, 'link');
    if (row.kind !== 'success')
      throw badRequest('Only a success is linked to the observation that inspired it.', [
        { path: 'observationId', message: 'This record is not a success' },
      ]);
    if (body.observationId) await observationOf(actor, group, body.observationId, 'observationId');
    const updated = await s.db.transaction(async (tx) => {
      const [changed] = await tx
        .update(memoryRecords)
        .set({ inspiredById: body.observationId, updatedAt: new Date() })
        .where(and(eq(memoryRecords.districtId, actor.districtId), eq(memoryRecords.id, row.id)))
        .returning();
      await indexRecord(tx, actor.districtId, row.id); // SEARCH-DOC-1
      return changed ?? row;
    });
    return view(actor, group, updated);
  });
}
