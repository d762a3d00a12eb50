/** Weekly series, and moving or cancelling a scheduled meeting (issue 11, SERIES). */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import { groupSubject, loadGroup } from '../groups/queries';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentChangedMeeting, presentSeries, presentUpcoming } from './presenter';
import { agendaOf } from '#core/routines/index';
import { resolveAgenda } from '../routines/queries';
import { loadMeeting } from '../meetings/queries';
import {
  cancelScheduledMeeting,
  cancelSeries,
  createSeries,
  listSeriesOf,
  loadSeries,
  nextOfSeries,
  teamTimeZone,
  updateScheduledMeeting,
  updateSeries,
  upcomingMeetingsOf,
} from './queries';

export function registerScheduleRoutes(app: FastifyInstance, s: Services) {
  const publicUrl = () => s.config.publicUrl ?? null;
  const nextOf = async (districtId: string, id: string) =>
    (await nextOfSeries(s.db, districtId, [id], new Date())).get(id) ?? null;

  // PWA-UPCOMING-1: only the caller's own teams (their memberships), in their district.
  registerEndpoint(app, api.myUpcomingMeetings, async ({ actor }) => ({
    items: (await upcomingMeetingsOf(s.db, actor, new Date())).map(presentUpcoming),
  }));

  registerEndpoint(app, api.listSeries, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    const rows = await listSeriesOf(s.db, group);
    const next = await nextOfSeries(
      s.db,
      actor.districtId,
      rows.map((r) => r.id),
      new Date(),
    );
    return {
      items: rows.map((r) => presentSeries(r, actor, group, next.get(r.id) ?? null)),
      timeZone: await teamTimeZone(s.db, group),
    };
  });

  registerEndpoint(app, api.createSeries, async ({ actor, params, body }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const routines = await resolveAgenda(s.db, s.routines, actor.districtId, group.id, body.agenda);
    const series = await createSeries(s.db, actor, group, body, routines);
    return presentSeries(series, actor, group, await nextOf(actor.districtId, series.id));
  });

  registerEndpoint(app, api.updateSeries, async ({ actor, params, body }) => {
    const { series, group } = await loadSeries(s.db, actor, params.seriesId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const row = await updateSeries(s.db, actor, series, body);
    return presentSeries(row, actor, group, await nextOf(actor.districtId, row.id));
  });

  registerEndpoint(app, api.cancelSeries, async ({ actor, params }) => {
    const { series, group } = await loadSeries(s.db, actor, params.seriesId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const row = await cancelSeries(s.db, series);
    return presentSeries(row, actor, group, null);
  });

  registerEndpoint(app, api.updateMeeting, async ({ actor, params, body, req }) => {
    const { meeting, group } = await loadMeeting(s.db, actor, params.meetingId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const agenda = body.agenda
      ? agendaOf(await resolveAgenda(s.db, s.routines, actor.districtId, group.id, body.agenda))
      : undefined;
    const row = await updateScheduledMeeting(s.db, meeting, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.scheduledFor !== undefined ? { scheduledFor: body.scheduledFor } : {}),
      ...(agenda ? { agenda } : {}),
    });
    return presentChangedMeeting(row, actor, group, publicUrl(), languageOf(req));
  });

  registerEndpoint(app, api.cancelMeeting, async ({ actor, params, req }) => {
    const { meeting, group } = await loadMeeting(s.db, actor, params.meetingId);
    authorize(actor, 'run-meetings', groupSubject(group));
    const row = await cancelScheduledMeeting(s.db, meeting);
    return presentChangedMeeting(row, actor, group, publicUrl(), languageOf(req));
  });
}
