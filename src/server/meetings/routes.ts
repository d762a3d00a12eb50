import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Language } from '#contracts/auth';
import type { ScheduleMeetingRequest } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import { createMeeting, minutesOf } from '#core/meeting/index';
import { meetings, users } from '../db/schema';
import { groupSubject, loadGroup } from '../groups/queries';
import { conflict, notFound } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import { routineIn } from '../routines/catalog';
import { resolveRoutine, resolveScheduleAgenda } from '../routines/queries';
import type { Services } from '../services';
import { minutesToMarkdown } from './documents';
import { inviteeIdsOf, loadMeeting, meetingSubject } from './queries';
import { inviteesOf, plansOf, planSnapshot } from '../peer-modeling/queries';
import { scheduleGroupMeeting } from './schedule';
import { activeMemberIds, present, presentWithSuggestion } from './summary';
import { followUpsForOpening } from '../next-steps/queries';

export function registerMeetingRoutes(app: FastifyInstance, s: Services) {
  /** The routines a schedule request names, each resolved for this group (routines/queries.ts). */
  const resolveAgenda = (actor: Actor, groupId: string, body: ScheduleMeetingRequest) =>
    resolveScheduleAgenda(s.db, s.routines, actor, groupId, body);

  registerEndpoint(app, api.listMeetings, async ({ actor, params, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const rows = await s.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.districtId, actor.districtId), eq(meetings.groupId, group.id)))
      .orderBy(sql`${meetings.scheduledFor} desc nulls last`, desc(meetings.createdAt))
      .limit(200);
    return {
      items: rows.map((m) =>
        present(
          m,
          group,
          actor,
          m.agenda.map(() => null),
          s.config.publicUrl ?? null,
          [],
          languageOf(req),
        ),
      ),
    };
  });

  registerEndpoint(app, api.scheduleMeeting, async ({ actor, params, body, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const routines = await resolveAgenda(actor, group.id, body);
    const row = await scheduleGroupMeeting(s.db, actor, group, {
      title: body.title,
      scheduledFor: body.scheduledFor ? new Date(body.scheduledFor) : null,
      routines,
    });
    return presentWithSuggestion(s.db, row, group, actor, s.config.publicUrl ?? null, languageOf(req));
  });

  registerEndpoint(app, api.getMeeting, async ({ actor, params, req }) => {
    const { meeting, group } = await loadMeeting(s.db, actor, params.meetingId);
    // The team's readers, and the people invited to this meeting only (PM-GUEST-3).
    const invited = await inviteeIdsOf(s.db, actor.districtId, meeting.id);
    authorize(actor, 'read', meetingSubject(meeting, group, [], invited));
    return presentWithSuggestion(s.db, meeting, group, actor, s.config.publicUrl ?? null, languageOf(req));
  });

  registerEndpoint(app, api.openMeeting, async ({ actor, params, req }) => {
    const { meeting, group } = await loadMeeting(s.db, actor, params.meetingId);
    authorize(actor, 'run-meetings', groupSubject(group));
    // TRUST-READ-2: the opener lands on the roster (and so reads the meeting): members only, so a leader or
    // admin who is not in the team cannot reach its content by opening the meeting first.
    authorize(actor, 'take-part', groupSubject(group));
    // SERIES-MOVE-2: a cancelled meeting is kept to be seen, never opened.
    if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled.');
    if (meeting.status === 'scheduled') {
      const routines: Routine[] = [];
      for (const item of meeting.agenda) {
        const routine = await resolveRoutine(
          s.db,
          s.routines,
          actor.districtId,
          group.id,
          item.routineId,
          item.routineVersion,
        );
        if (!routine) throw conflict(`The routine "${item.routineName}" of this meeting no longer exists.`);
        routines.push(routine);
      }
      // The roster is the team as it is now, plus whoever opens the meeting (who facilitates it), plus the
      // active people invited to this meeting only (PM-GUEST-1).
      const team = await activeMemberIds(s.db, actor.districtId, group.id);
      const invited = (await inviteesOf(s.db, actor.districtId, meeting.id))
        .map((i) => i.userId)
        .filter((id) => !team.includes(id) && id !== actor.userId);
      const roster = [...new Set([...team, actor.userId, ...invited])];
      // PM-PLAN-3: the plans as they stand now are snapshotted into the log.
      const plans = (await plansOf(s.db, actor.districtId, meeting.id))
        .map(planSnapshot)
        .filter((p) => p !== null)
        .filter((p) => routines[p.part]?.focus === 'observed-practice');
      // FOLLOW-OPEN-1: the team's open next steps of earlier meetings, followed up at the start.
      const followUps = await followUpsForOpening(s.db, actor.districtId, group.id, meeting.id);
      const result = await s.meetings.appendInitial(meeting.id, actor.districtId, (state) => {
        if (state.phase !== 'empty') return [];
        const made = createMeeting({
          meetingId: meeting.id,
          agenda: routines,
          memberIds: roster,
          facilitatorId: actor.userId,
          now: Date.now(),
          // DAY-TIMER-2: the team's setting as it is now; later changes apply to meetings opened after.
          autoStartTimer: group.autoStartTimer,
          plans,
          invitedIds: invited,
          followUps,
        });
        return made.ok ? made.events : made.error;
      });
      if (!result.ok) throw conflict(result.error.message);
    }
    const [fresh] = await s.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meeting.id), eq(meetings.districtId, actor.districtId)));
    return presentWithSuggestion(
      s.db,
      fresh ?? meeting,
      group,
      actor,
      s.config.publicUrl ?? null,
      languageOf(req),
    );
  });

  registerEndpoint(app, api.findMeetingByCode, async ({ actor, params }) => {
    const code = params.code.trim().toUpperCase();
    const [m] = await s.db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.districtId, actor.districtId),
          eq(meetings.joinCode, code),
          inArray(meetings.status, ['scheduled', 'live']),
        ),
      );
    if (!m) throw notFound('A meeting with that code');
    const group = await loadGroup(s.db, actor, m.groupId);
    // The same rule as the live socket's join (TRUST-RT-AUTHZ-1).
    const roster = await s.meetings.rosterOf(m.id, actor.districtId);
    const invited = await inviteeIdsOf(s.db, actor.districtId, m.id);
    authorize(actor, 'take-part', meetingSubject(m, group, roster, invited));
    return { meetingId: m.id };
  });

  async function minutesFor(actor: Actor, meetingId: string, language: Language) {
    const { meeting, group } = await loadMeeting(s.db, actor, meetingId);
    const state = await s.meetings.stateOf(meeting.id, actor.districtId);
    // The team's members, and anyone on this meeting's roster (a principal who opened and ran it): the same
    // rule as the live socket's join (TRUST-RT-AUTHZ-1).
    const invited = await inviteeIdsOf(s.db, actor.districtId, meeting.id);
    authorize(actor, 'take-part', meetingSubject(meeting, group, state.memberIds, invited));
    // I18N-CONTENT-6: Ensemble's routines' names and step titles in the reader's language; the log is unchanged.
    const agenda = state.agenda.map((part) => ({ ...part, routine: routineIn(part.routine, language) }));
    return { meeting, group, minutes: minutesOf({ ...state, agenda }) };
  }

  registerEndpoint(app, api.meetingMinutes, async ({ actor, params, req }) => ({
    ...(await minutesFor(actor, params.meetingId, languageOf(req))).minutes,
  }));

  registerEndpoint(app, api.meetingMinutesMarkdown, async ({ actor, params, reply, req }) => {
    const language = languageOf(req);
    const { meeting, group, minutes } = await minutesFor(actor, params.meetingId, language);
    const ids = [
      minutes.roles.facilitator,
      minutes.roles.noteTaker,
      ...minutes.parts.map((p) => p.presenterId),
      ...minutes.actionItems.map((a) => a.ownerId),
      ...minutes.followUps.map((f) => f.ownerId),
      ...minutes.sharedReflections.map((r) => r.authorId),
      // PM-MIN-1, PM-MIN-2: planned models, observers who shared a note, invited people.
      ...minutes.parts.flatMap((p) => [p.plan?.modelId, ...p.observations.map((o) => o.authorId)]),
      ...minutes.invitees,
    ].filter((x): x is string => typeof x === 'string');
    const people = ids.length
      ? await s.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.districtId, actor.districtId), inArray(users.id, ids)))
      : [];
    const slug =
      meeting.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'minutes';
    void reply.header('content-disposition', `attachment; filename="${slug}.md"`);
    return minutesToMarkdown(
      minutes,
      {
        title: meeting.title,
        groupName: group.name,
        names: new Map([
          ...people.map((p): [string, string] => [p.id, p.name]),
          ...minutes.guests.map((g): [string, string] => [g.id, g.name]),
        ]),
      },
      language,
    );
  });
}
