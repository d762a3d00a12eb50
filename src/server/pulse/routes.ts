/**
 * The meeting pulse (issue 13, MEASURE-PULSE-*, ADR 0029): a day after a meeting ends, each person who may take
 * part in it answers its one or two items once, anonymously; the team's members and those who run the team read
 * the trend, pooled so that every number stands for at least the threshold of answers.
 * Every handler: validate, load scoped to the district, `authorize`, one transaction, present.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { MIN_THRESHOLD } from '#contracts/surveys';
import type { Instrument } from '#contracts/instrument';
import { groupSubject, loadGroup } from '../groups/queries';
import { badRequest, conflict, notFound, type FieldProblem } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import { inviteeIdsOf, loadMeeting, meetingSubject } from '../meetings/queries';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { instrumentIn } from '../surveys/catalog';
import { presentPulse, presentTrend, pulseClosesAt } from './presenter';
import { claimAnswer, closedPulsesOf, hasAnswered, insertPulseAnswer, openPulseCount } from './queries';

export const PULSE_INSTRUMENT = 'meeting-pulse';
const HOUR = 3_600_000;

/** MEASURE-DB-2: answering leaves no request line in the log (errors only). */
const ANSWER_ROUTE = { logLevel: 'error' } as const;

export function registerPulseRoutes(app: FastifyInstance, s: Services) {
  const instrument = (): Instrument => {
    const found = s.instruments.get(PULSE_INSTRUMENT);
    if (!found) throw notFound('The meeting pulse');
    return found;
  };

  const loadForPerson = async (actor: Parameters<typeof loadMeeting>[1], meetingId: string) => {
    const { meeting, group } = await loadMeeting(s.db, actor, meetingId);
    const invited = await inviteeIdsOf(s.db, actor.districtId, meeting.id);
    // MEASURE-PULSE-1: those who may take part in the meeting (its team's members, people invited to it).
    authorize(actor, 'take-part', meetingSubject(meeting, group, [], invited));
    return { meeting, group };
  };

  registerEndpoint(
    app,
    api.meetingPulse,
    async ({ actor, params, req }) => {
      const { meeting } = await loadForPerson(actor, params.meetingId);
      const answered = await hasAnswered(s.db, actor.districtId, meeting.id, actor.userId);
      // I18N-CONTENT-4: the pulse's questions in the reader's language; the same items and scale points.
      const asked = instrumentIn(instrument(), languageOf(req));
      return presentPulse(asked, meeting, answered, MIN_THRESHOLD, new Date());
    },
    ANSWER_ROUTE,
  );

  registerEndpoint(
    app,
    api.submitPulse,
    async ({ actor, params, body, req }) => {
      const { meeting, group } = await loadForPerson(actor, params.meetingId);
      const pulse = instrument();
      const now = new Date();
      if (meeting.status !== 'ended' || !meeting.endedAt || now >= pulseClosesAt(meeting.endedAt))
        throw conflict('The pulse is open for a day after the meeting ends');
      // MEASURE-PULSE-2: every item on the scale, nothing else.
      const fields: FieldProblem[] = [];
      const values: number[] = [];
      for (const item of pulse.items) {
        const v = body.answers[item.id];
        if (v === undefined) fields.push({ path: `answers.${item.id}`, message: 'Answer this question' });
        else if (v > pulse.scale.points)
          fields.push({
            path: `answers.${item.id}`,
            message: `Choose one of the ${pulse.scale.points} answers`,
          });
        else values.push(v);
      }
      for (const id of Object.keys(body.answers))
        if (!pulse.items.some((i) => i.id === id))
          fields.push({ path: `answers.${id}`, message: 'This pulse has no such question' });
      if (fields.length > 0) throw badRequest('Some answers need another look', fields);
      await s.db.transaction(async (tx) => {
        if (!(await claimAnswer(tx, actor.districtId, meeting.id, actor.userId)))
          throw conflict('You have already answered this pulse');
        await insertPulseAnswer(tx, {
          districtId: actor.districtId,
          groupId: group.id,
          meetingId: meeting.id,
          instrument: `${pulse.id}@${pulse.version}`,
          answers: values,
        });
      });
      return presentPulse(instrumentIn(pulse, languageOf(req)), meeting, true, MIN_THRESHOLD, now);
    },
    ANSWER_ROUTE,
  );

  registerEndpoint(app, api.teamPulse, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    // MEASURE-PULSE-3: the team's members and those who run it read the pooled trend.
    authorize(actor, 'read', groupSubject(group));
    const closedBefore = new Date(Date.now() - 24 * HOUR);
    const { ended, answers } = await closedPulsesOf(s.db, actor.districtId, group.id, closedBefore);
    const open = await openPulseCount(s.db, actor.districtId, group.id, closedBefore);
    return presentTrend(instrument(), MIN_THRESHOLD, ended, answers, open);
  });
}
