import { personLanguage } from '../mail/language';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Language } from '#contracts/auth';
import { MY_REFLECTIONS_PAGE_SIZE } from '#contracts/reflections';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import {
  presentMyReflections,
  presentTeams,
  reflectionsToCsv,
  reflectionsToMarkdown,
  reflectionSubject,
} from './presenter';
import { loadMyReflectionLogs, meetingOfMyReflection } from './queries';

/** `ensemble-my-reflections-2026-12-02.md`: nothing of the person's or a team's name in it. */
function exportFilename(extension: 'md' | 'csv'): string {
  return `ensemble-my-reflections-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

/** What a refused share means over HTTP (the core's codes, or the runtime's). */
function refusal(code: string, message: string): Error {
  switch (code) {
    case 'NOT_FOUND':
      return notFound('That reflection');
    case 'NOT_A_MEMBER':
    case 'NOT_ALLOWED':
      return forbidden('Only a member of the team that held the meeting can share to it.');
    case 'invalid':
      return badRequest(message);
    default:
      return conflict(message);
  }
}

/**
 * My reflections (DAY-REFL): a person's own private reflections, listed, exported and shared later. Every read
 * is the caller's own events in the caller's district (queries.ts); nobody else's reflection is ever loaded.
 */
export function registerReflectionRoutes(app: FastifyInstance, s: Services) {
  const mine = async (actor: Actor, language: Language, groupId?: string) =>
    presentMyReflections(
      actor,
      await loadMyReflectionLogs(s.db, { districtId: actor.districtId, userId: actor.userId, groupId }),
      language,
    );

  registerEndpoint(app, api.myReflections, async ({ actor, query, req }) => {
    const meetings = await loadMyReflectionLogs(s.db, { districtId: actor.districtId, userId: actor.userId });
    const all = presentMyReflections(actor, meetings, languageOf(req));
    const items = query.groupId ? all.filter((r) => r.team.id === query.groupId) : all;
    const start = (query.page - 1) * MY_REFLECTIONS_PAGE_SIZE;
    return {
      items: items.slice(start, start + MY_REFLECTIONS_PAGE_SIZE),
      page: query.page,
      pageSize: MY_REFLECTIONS_PAGE_SIZE,
      total: items.length,
      teams: presentTeams(meetings),
    };
  });

  registerEndpoint(app, api.myReflectionsMarkdown, async ({ actor, query, reply, req }) => {
    // I18N-CONTENT-10: an export speaks its person's language (their choice, else the tab's), as the CSV does.
    const language = await personLanguage(s.db, actor, req);
    const items = await mine(actor, language, query.groupId);
    void reply.header('Content-Disposition', `attachment; filename="${exportFilename('md')}"`);
    return reflectionsToMarkdown(items, { personName: actor.name, exportedAt: new Date() }, language);
  });

  registerEndpoint(app, api.myReflectionsCsv, async ({ actor, query, reply, req }) => {
    const language = await personLanguage(s.db, actor, req);
    const items = await mine(actor, language, query.groupId);
    void reply.header('Content-Disposition', `attachment; filename="${exportFilename('csv')}"`);
    return reflectionsToCsv(items, language);
  });

  registerEndpoint(app, api.shareMyReflection, async ({ actor, params, req }) => {
    const { reflectionId } = params;
    const meetingId = await meetingOfMyReflection(s.db, actor.districtId, actor.userId, reflectionId);
    if (!meetingId) throw notFound('That reflection');
    const load = async () => {
      const [m] = await loadMyReflectionLogs(s.db, {
        districtId: actor.districtId,
        userId: actor.userId,
        meetingId,
      });
      const item =
        m && presentMyReflections(actor, [m], languageOf(req)).find((r) => r.reflectionId === reflectionId);
      if (!m || !item) throw notFound('That reflection');
      return { m, item };
    };
    const { m, item } = await load();
    authorize(actor, 'share', reflectionSubject(actor, m, reflectionId));
    if (item.shared?.upToDate) return item; // already shared as it reads now: nothing new to append
    // The same command as Share in the live meeting (DAY-REFL-4). One key per version of the text, so a retry
    // (a double click, a resent request) appends once.
    const result = await s.meetings.execute(meetingId, actor.districtId, {
      type: 'shareReflection',
      actorId: actor.userId,
      idempotencyKey: `share-later:${reflectionId}:${Date.parse(item.writtenAt)}`,
      reflectionId,
    });
    if (!result.ok) throw refusal(result.error.code, result.error.message);
    if (result.events.length)
      await recordAudit(s.db, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'meeting.reflection_shared',
        subject: { type: 'meeting', id: meetingId },
        details: { afterMeeting: m.meeting.status === 'ended' },
        from: req,
      });
    return (await load()).item;
  });
}
