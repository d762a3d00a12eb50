/**
 * Peer Modeling before and around the meeting (issue 11 item 1, ADR 0016): the plan of each Peer Modeling
 * part, people of the district invited to one meeting only, and visit notes private to their author until
 * shared into the meeting. Every handler: load scoped to the district, `authorize`, one transaction, present.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { Language } from '#contracts/auth';
import type { Routine } from '#contracts/routine';
import { successesOf } from '#core/meeting/index';
import { recordAudit } from '../audit/record';
import { groups, users } from '../db/schema';
import { groupSubject, loadGroup, type GroupRow } from '../groups/queries';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import { chosenLanguageOf, mailLanguage } from '../mail/language';
import { localizedMail } from '../mail/templates';
import { presentMeetingSummary } from '../meetings/presenter';
import { inviteeIdsOf, loadMeeting, meetingSubject, type MeetingRow } from '../meetings/queries';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import { resolveRoutine, routineIn } from '../routines/catalog';
import type { Services } from '../services';
import { presentPlanView, presentVisitNote } from './presenter';
import {
  activePerson,
  deleteInvitee,
  invitedMeetingsOf,
  inviteesOf,
  plansOf,
  savePlan,
  saveVisitNote,
  searchCandidates,
  teamPeople,
  teamSuccessLogs,
  upsertInvitee,
  visitNoteOf,
} from './queries';

export function registerPeerModelingRoutes(app: FastifyInstance, s: Services) {
  /** The meeting of the caller's district, its team, and the policy's subject (roster only while live). */
  async function meetingFor(actor: Actor, meetingId: string) {
    const { meeting, group } = await loadMeeting(s.db, actor, meetingId);
    const invited = await inviteeIdsOf(s.db, actor.districtId, meeting.id);
    const roster = meeting.status === 'live' ? await s.meetings.rosterOf(meeting.id, actor.districtId) : [];
    return { meeting, group, subject: meetingSubject(meeting, group, roster, invited) };
  }

  /** The routines of the meeting's agenda as they stand for the team (a missing one is left out). */
  async function agendaRoutines(actor: Actor, meeting: MeetingRow): Promise<(Routine | null)[]> {
    return Promise.all(
      meeting.agenda.map((item) =>
        resolveRoutine(
          s.db,
          s.routines,
          actor.districtId,
          meeting.groupId,
          item.routineId,
          item.routineVersion,
        ),
      ),
    );
  }

  async function peerModelingParts(actor: Actor, meeting: MeetingRow, language: Language = 'en') {
    const routines = await agendaRoutines(actor, meeting);
    // I18N-CONTENT-8: Ensemble's own Peer Modeling routine named in the reader's language.
    return routines.flatMap((r, part) =>
      r?.focus === 'observed-practice' ? [{ part, routineName: routineIn(r, language).name }] : [],
    );
  }

  async function planView(
    actor: Actor,
    meeting: MeetingRow,
    group: GroupRow,
    invitedIds: readonly string[],
    language: Language,
  ) {
    const subject = meetingSubject(meeting, group, [], invitedIds);
    const canRun = can(actor, 'run-meetings', subject);
    const [parts, plans, invitees] = await Promise.all([
      peerModelingParts(actor, meeting, language),
      plansOf(s.db, actor.districtId, meeting.id),
      inviteesOf(s.db, actor.districtId, meeting.id),
    ]);
    const team = canRun ? await teamPeople(s.db, actor.districtId, group.id) : [];
    const modelIds = plans.flatMap((p) => (p.modelId ? [p.modelId] : []));
    const named = modelIds.length
      ? await s.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.districtId, actor.districtId), inArray(users.id, modelIds)))
      : [];
    return presentPlanView({
      meeting,
      parts,
      plans,
      invitees,
      modelChoices: [
        ...team.map((p) => ({ ...p, invited: false })),
        ...invitees
          .filter((i) => !team.some((p) => p.id === i.userId))
          .map((i) => ({ id: i.userId, name: i.name, invited: true })),
      ],
      names: new Map(named.map((n) => [n.id, n.name])),
      canRun,
      canTakePart: can(actor, 'take-part', subject),
    });
  }

  registerEndpoint(app, api.getMeetingPlan, async ({ actor, params, req }) => {
    const { meeting, group, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'read', subject);
    return planView(actor, meeting, group, subject.inviteeIds, languageOf(req));
  });

  registerEndpoint(app, api.saveMeetingPlan, async ({ actor, params, body, req }) => {
    const { meeting, group, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'run-meetings', subject);
    const part = /^[0-3]$/.test(params.part) ? Number(params.part) : -1;
    const parts = await peerModelingParts(actor, meeting);
    if (!parts.some((p) => p.part === part))
      throw badRequest('That part of the agenda is not a Peer Modeling routine.', [
        { path: 'part', message: 'Not a Peer Modeling part' },
      ]);
    if (meeting.status !== 'scheduled')
      throw conflict('The meeting has opened: its plan is the one it opened with.');
    if (body.modelId !== null) {
      const team = await teamPeople(s.db, actor.districtId, group.id);
      if (!team.some((p) => p.id === body.modelId) && !subject.inviteeIds.includes(body.modelId))
        throw badRequest('Choose a team member or a person invited to this meeting.', [
          { path: 'modelId', message: 'Not on the team nor invited' },
        ]);
    }
    let fromTitle: string | null = null;
    if (body.fromSuccess) {
      const { meetingId, part: fromPart } = body.fromSuccess;
      const found = successesOf(await teamSuccessLogs(s.db, actor.districtId, group.id)).find(
        (x) => x.meetingId === meetingId && x.part === fromPart,
      );
      if (!found)
        throw badRequest('Choose one of the team’s recorded successes.', [
          { path: 'fromSuccess', message: 'Unknown success' },
        ]);
      fromTitle = found.title;
    }
    await savePlan(
      s.db,
      { districtId: actor.districtId, meetingId: meeting.id, part, updatedBy: actor.userId },
      body,
      fromTitle,
    );
    return planView(actor, meeting, group, subject.inviteeIds, languageOf(req));
  });

  registerEndpoint(app, api.teamSuccesses, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const found = successesOf(await teamSuccessLogs(s.db, actor.districtId, group.id));
    const ids = [...new Set(found.flatMap((f) => (f.presenterId ? [f.presenterId] : [])))];
    const people = ids.length
      ? await s.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.districtId, actor.districtId), inArray(users.id, ids)))
      : [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    return {
      items: found.slice(0, 100).map((f) => ({
        meetingId: f.meetingId,
        meetingTitle: f.meetingTitle,
        part: f.part,
        title: f.title,
        presenterName: f.presenterId ? (names.get(f.presenterId) ?? null) : null,
        at: new Date(f.at).toISOString(),
      })),
    };
  });

  registerEndpoint(app, api.inviteCandidates, async ({ actor, params, query }) => {
    const { group, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'run-meetings', subject);
    return { items: await searchCandidates(s.db, actor.districtId, group.id, query.q) };
  });

  registerEndpoint(app, api.inviteToMeeting, async ({ actor, params, body, req }) => {
    const { meeting, group, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'run-meetings', subject);
    if (meeting.status === 'ended') throw conflict('The meeting has ended.');
    if (meeting.status === 'cancelled') throw conflict('The meeting was cancelled.');
    const person = await activePerson(s.db, actor.districtId, body.userId);
    if (!person)
      throw badRequest('Choose an active person of your district.', [
        { path: 'userId', message: 'Unknown person' },
      ]);
    const team = await teamPeople(s.db, actor.districtId, group.id);
    if (team.some((p) => p.id === person.id))
      throw badRequest('That person is on the team already.', [{ path: 'userId', message: 'On the team' }]);
    const isNew = await s.db.transaction(async (tx) => {
      const created = await upsertInvitee(tx, {
        districtId: actor.districtId,
        meetingId: meeting.id,
        userId: person.id,
        role: body.role,
        invitedBy: actor.userId,
      });
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'meeting.person_invited',
        subject: { type: 'meeting', id: meeting.id },
        details: { userId: person.id, role: body.role },
        from: req,
      });
      return created;
    });
    // PM-ROSTER-1: invited while the meeting is open: on its roster at once.
    if (meeting.status === 'live')
      await s.meetings.addToRoster(meeting.id, actor.districtId, person.id, true);
    if (isNew) await tellInvitee(actor, meeting, group, person, body.role, req);
    return planView(actor, meeting, group, [...subject.inviteeIds, person.id], languageOf(req));
  });

  /** PM-GUEST-5: the invitation by email, through the mail service when one is configured. */
  async function tellInvitee(
    actor: Actor,
    meeting: MeetingRow,
    group: GroupRow,
    person: { id: string; email: string; name: string },
    role: 'model' | 'observer',
    req: FastifyRequest,
  ) {
    try {
      // I18N-MAIL-1: the invitee's chosen language, else the inviter's tab's.
      const language = mailLanguage(await chosenLanguageOf(s.db, actor.districtId, person.id), req);
      await s.mailer.send(
        localizedMail(
          language,
          (t) =>
            t.meetingInvitation({
              inviter: actor.name,
              name: person.name,
              role,
              meetingTitle: meeting.title,
              groupName: group.name,
              at: meeting.scheduledFor,
              link: s.link(`/meetings/${meeting.id}/plan`, req),
            }),
          { to: person.email, districtId: actor.districtId },
        ),
      );
    } catch (err) {
      // The invitation stands; the person also finds it on their home page.
      req.log.warn({ errName: err instanceof Error ? err.name : typeof err }, 'invitation mail failed');
    }
  }

  registerEndpoint(app, api.uninviteFromMeeting, async ({ actor, params, req }) => {
    const { meeting, group, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'run-meetings', subject);
    const gone = await s.db.transaction(async (tx) => {
      const deleted = await deleteInvitee(tx, actor.districtId, meeting.id, params.userId);
      if (!deleted) return false;
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'meeting.person_uninvited',
        subject: { type: 'meeting', id: meeting.id },
        details: { userId: params.userId },
        from: req,
      });
      return true;
    });
    if (!gone) throw notFound('That invitation');
    const onTeam = (await teamPeople(s.db, actor.districtId, group.id)).some((p) => p.id === params.userId);
    if (!onTeam) {
      // PM-GUEST-6: off the roster of the open meeting, and their sockets closed (they must pass the policy again).
      if (meeting.status === 'live')
        await s.meetings.removeFromMeeting(meeting.id, actor.districtId, params.userId);
      s.access.personChanged(actor.districtId, params.userId);
    }
    return planView(
      actor,
      meeting,
      group,
      subject.inviteeIds.filter((id) => id !== params.userId),
      languageOf(req),
    );
  });

  registerEndpoint(app, api.invitedMeetings, async ({ actor, req }) => {
    const rows = await invitedMeetingsOf(s.db, actor.districtId, actor.userId);
    const groupIds = [...new Set(rows.map((r) => r.meeting.groupId))];
    const names = groupIds.length
      ? await s.db
          .select({ id: groups.id, name: groups.name })
          .from(groups)
          .where(and(eq(groups.districtId, actor.districtId), inArray(groups.id, groupIds)))
      : [];
    return {
      items: rows.map(({ meeting }) =>
        presentMeetingSummary(
          meeting,
          names.find((g) => g.id === meeting.groupId)?.name ?? '',
          {
            canRun: false,
            canTakePart: true,
            suggestedPresenterIds: meeting.agenda.map(() => null),
            publicUrl: s.config.publicUrl ?? null,
          },
          languageOf(req),
        ),
      ),
    };
  });

  /** The caller's own note; the log (when the meeting has one) says whether it was shared. */
  async function myNote(actor: Actor, meeting: MeetingRow) {
    const note = await visitNoteOf(s.db, actor.districtId, meeting.id, actor.userId);
    const state =
      meeting.status === 'scheduled' || meeting.status === 'cancelled'
        ? null
        : await s.meetings.stateOf(meeting.id, actor.districtId);
    return presentVisitNote(meeting, note, state, actor.userId);
  }

  registerEndpoint(app, api.myVisitNote, async ({ actor, params }) => {
    const { meeting, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'take-part', subject);
    return myNote(actor, meeting);
  });

  registerEndpoint(app, api.saveMyVisitNote, async ({ actor, params, body }) => {
    const { meeting, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'take-part', subject);
    await saveVisitNote(
      s.db,
      { districtId: actor.districtId, meetingId: meeting.id, authorId: actor.userId },
      body.text,
    );
    return myNote(actor, meeting);
  });

  registerEndpoint(app, api.shareMyVisitNote, async ({ actor, params }) => {
    const { meeting, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'take-part', subject);
    const note = await visitNoteOf(s.db, actor.districtId, meeting.id, actor.userId);
    if (!note || note.text.trim() === '')
      throw badRequest('Write your visit note before sharing it.', [{ path: 'text', message: 'Empty' }]);
    if (meeting.status !== 'live') throw conflict('A visit note is shared while the meeting runs.');
    const result = await s.meetings.shareObservation(meeting.id, actor.districtId, {
      authorId: actor.userId,
      observationId: note.id,
      text: note.text,
    });
    if (!result.ok) {
      if (result.error.code === 'NOT_A_MEMBER') throw forbidden('Join the meeting to share your note.');
      if (result.error.code === 'LIMIT' || result.error.code === 'invalid')
        throw badRequest(result.error.message, [{ path: 'text', message: result.error.message }]);
      throw conflict(result.error.message);
    }
    return myNote(actor, meeting);
  });
}
