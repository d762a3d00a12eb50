/**
 * The team home (HOME-*, ADR 0022) and the team's memory export (EXPORT-*). Both are the team's own: its active
 * members only (`take-part` on the group), never its principal or a district admin who is not a member
 * (non-evaluative by design); another district's team is not found.
 */
import { personLanguage } from '../mail/language';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { journeyOf, nextStepsDoneSince, sourcesOverTime } from '#core/journey/index';
import { recordAudit } from '../audit/record';
import { activeMembers, groupSubject, loadGroup, type GroupRow } from '../groups/queries';
import { registerEndpoint } from '../http/route';
import { ensureTeamMemory } from '../memory/materialize';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import { teamTimeZone } from '../schedule/queries';
import type { Services } from '../services';
import { languageOf } from '../http/language';
import { memoryToCsv, memoryToMarkdown, peopleOf, presentHomeMeeting, presentSince } from './presenter';
import {
  endedMeetingLogs,
  meetingsEndedSince,
  membersJoinedSince,
  memorySince,
  namesOf,
  pickNextMeeting,
  upcomingMeetings,
  VISIT_WRITE_AFTER_MS,
  type NextMeetingRow,
  nextStepLogsSince,
  recordVisit,
  resolvedDilemmaCount,
  SINCE_ITEMS_MAX,
  teamMemoryRecords,
} from './queries';

/** `ensemble-team-memory-2026-12-02.md`: no names in the file name. */
function exportFilename(extension: 'md' | 'csv'): string {
  return `ensemble-team-memory-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

export function registerTeamHomeRoutes(app: FastifyInstance, s: Services) {
  /** The team of the caller's district, for its active members only (HOME-1, EXPORT-1). */
  async function teamOf(actor: Actor, groupId: string): Promise<GroupRow> {
    const group = await loadGroup(s.db, actor, groupId);
    authorize(actor, 'take-part', groupSubject(group));
    // MEM-REC: the home and the export read memory_records; draw any ended meeting the hook missed first.
    await ensureTeamMemory(s.db, actor.districtId, group.id);
    return group;
  }

  /** HOME-3: what happened in the team since the end of the caller's previous visit. */
  async function changesSince(actor: Actor, group: GroupRow, since: Date) {
    const who = { districtId: actor.districtId, groupId: group.id, userId: actor.userId };
    const [meetingsEnded, memory, membersJoined, stepLogs] = await Promise.all([
      meetingsEndedSince(s.db, actor.districtId, group.id, since),
      memorySince(s.db, actor.districtId, group.id, since),
      membersJoinedSince(s.db, who, since),
      nextStepLogsSince(s.db, actor.districtId, group.id, since),
    ]);
    return {
      meetingsEnded,
      successes: memory.successes,
      resolved: memory.resolved,
      nextStepsDone: nextStepsDoneSince(stepLogs, since.getTime()).slice(0, SINCE_ITEMS_MAX),
      membersJoined,
    };
  }

  /**
   * CAP-API-7 (ADR 0045): what the home shows from the team's past (the journey, the chart, the time zone) changes
   * only when a meeting ends, a record or a member changes: kept per team behind the request's fence, dropped by
   * the database's notifications for the team (`g:`) or any of its members (`u:`).
   */
  const homes = s.accessFeed?.shelf<TeamPast>();
  interface TeamPast {
    group: GroupRow;
    /** The live and scheduled meetings: the next one is picked from them at each read (HOME-2). */
    upcoming: NextMeetingRow[];
    timeZone: string;
    journey: ReturnType<typeof journeyOf>;
    sources: ReturnType<typeof sourcesOverTime>;
  }
  async function pastOf(actor: Actor, groupId: string, fenced: number | null): Promise<TeamPast> {
    const key = `${actor.districtId}:${groupId}`;
    const kept = fenced !== null ? homes?.get(key) : undefined;
    if (kept) {
      // Authorization is never cached: the fenced actor's roles against the team, as below.
      authorize(actor, 'take-part', groupSubject(kept.group));
      return kept;
    }
    const group = await teamOf(actor, groupId);
    const [logs, members, resolved, timeZone, upcoming] = await Promise.all([
      endedMeetingLogs(s.db, actor.districtId, group.id),
      activeMembers(s.db, actor.districtId, group.id),
      resolvedDilemmaCount(s.db, actor.districtId, group.id),
      teamTimeZone(s.db, group),
      upcomingMeetings(s.db, actor.districtId, group.id),
    ]);
    const past = {
      group,
      upcoming,
      timeZone,
      journey: journeyOf({ meetings: logs, memberIds: members.map((m) => m.id), dilemmasResolved: resolved }),
      sources: sourcesOverTime(logs, timeZone),
    };
    if (fenced !== null)
      homes?.put(
        key,
        [`g:${actor.districtId}:${group.id}`, ...members.map((m) => `u:${actor.districtId}:${m.id}`)],
        past,
        fenced,
      );
    return past;
  }

  /**
   * CAP-API-6: a person's visit as last recorded. Within a minute of it a read writes nothing, so the answer is
   * known without asking; a visit recorded elsewhere (another node, a direct edit) drops it (`v:`).
   */
  const visits = s.accessFeed?.shelf<{ seenAt: number; since: number | null }>();
  async function visitSince(
    who: { districtId: string; groupId: string; userId: string },
    now: Date,
    fenced: number | null,
  ): Promise<Date | null> {
    const key = `${who.districtId}:${who.groupId}:${who.userId}`;
    const kept = fenced !== null ? visits?.get(key) : undefined;
    if (kept && now.getTime() - kept.seenAt < VISIT_WRITE_AFTER_MS)
      return kept.since === null ? null : new Date(kept.since);
    const visit = await recordVisit(s.database.pool, who, now);
    if (fenced !== null)
      visits?.put(
        key,
        [`v:${key}`],
        { seenAt: visit.seenAt.getTime(), since: visit.since?.getTime() ?? null },
        fenced,
      );
    return visit.since;
  }

  registerEndpoint(
    app,
    api.teamHome,
    async ({ actor, params, req }) => {
      const { group, upcoming, timeZone, journey, sources } = await pastOf(actor, params.groupId, req.fenced);
      const now = new Date();
      const next = pickNextMeeting(upcoming, now);
      const since = await visitSince(
        { districtId: actor.districtId, groupId: group.id, userId: actor.userId },
        now,
        req.fenced,
      );
      const subject = groupSubject(group);
      // HOME-2: the same rule as the meetings list's `canRun` (TRUST-READ-2).
      const canStart = can(actor, 'run-meetings', subject) && can(actor, 'take-part', subject);
      return {
        groupId: group.id,
        timeZone,
        nextMeeting: next ? presentHomeMeeting(next, canStart, languageOf(req)) : null,
        journey,
        sources,
        sinceLastVisit: presentSince(since, since ? await changesSince(actor, group, since) : null),
      };
    },
    { trustedResponse: true },
  );

  /** EXPORT-1..4: the records, their people's names, and the export's own audit entry. */
  async function exportOf(
    actor: Actor,
    groupId: string,
    format: 'md' | 'csv',
    req: Parameters<typeof recordAudit>[1]['from'],
  ) {
    const group = await teamOf(actor, groupId);
    const records = await teamMemoryRecords(s.db, actor.districtId, group.id);
    const names = await namesOf(s.db, actor.districtId, peopleOf(records));
    // EXPORT-4: the export is an event of the audit log: who, which team, how many records; no text.
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'export.team_memory',
      subject: { type: 'group', id: group.id },
      details: { format, records: records.length },
      from: req,
    });
    return { ctx: { teamName: group.name, exportedAt: new Date(), names }, records };
  }

  registerEndpoint(app, api.teamMemoryMarkdown, async ({ actor, params, req, reply }) => {
    const { ctx, records } = await exportOf(actor, params.groupId, 'md', req);
    void reply.header('Content-Disposition', `attachment; filename="${exportFilename('md')}"`);
    // I18N-CONTENT-10: an export speaks its person's language (their choice, else the tab's), as the CSV does.
    return memoryToMarkdown(records, ctx, await personLanguage(s.db, actor, req));
  });

  registerEndpoint(app, api.teamMemoryCsv, async ({ actor, params, req, reply }) => {
    const { ctx, records } = await exportOf(actor, params.groupId, 'csv', req);
    void reply.header('Content-Disposition', `attachment; filename="${exportFilename('csv')}"`);
    return memoryToCsv(records, ctx, await personLanguage(s.db, actor, req));
  });
}
