import type { Language } from '#contracts/auth';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { NextStepsQuery } from '#contracts/next-steps';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { groupSubject, loadGroup } from '../groups/queries';
import { inviteeIdsOf, loadMeeting, meetingSubject } from '../meetings/queries';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { digestSettingOf, setDigest, subscriptionByToken } from './digest';
import { chosenLanguageOf, mailLanguage, personLanguage, type LanguageRequest } from '../mail/language';
import { mailTemplates } from '../mail/templates';
import { nextStepsToCsv, presentNextStep, presentNextSteps, utcToday } from './presenter';
import { activeTeamsOf, loadNextSteps, namesOf, type TeamNextSteps } from './queries';
import { reminderCounts } from '#core/next-steps/index';

/** What a refused completion means over HTTP (the core's codes, or the runtime's). */
function refusal(code: string, message: string): Error {
  switch (code) {
    case 'NOT_FOUND':
    case 'NO_MEETING':
      return notFound('That next step');
    case 'NOT_A_MEMBER':
    case 'NOT_ALLOWED':
      return forbidden('Only its owner, the person who added it or the facilitator can mark it done.');
    case 'invalid':
      return badRequest(message);
    default:
      return conflict(message);
  }
}

/** DIGEST-UNSUB-1, I18N-MAIL-9: the unsubscribe pages, in `language` (the catalogue's words have no markup). */
const page = (language: Language, html: string) =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${mailTemplates(language).unsubscribePage.title}</title></head><body><main>${html}</main></body></html>`;
const message = (m: { heading: string; body: string }) => `<h1>${m.heading}</h1><p>${m.body}</p>`;

/** The subscriber's choice, else the opening browser's language, else English. */
async function unsubscribeLanguage(
  db: Services['db'],
  sub: { districtId: string; userId: string } | null,
  req: LanguageRequest,
): Promise<Language> {
  return mailLanguage(sub ? await chosenLanguageOf(db, sub.districtId, sub.userId) : null, req);
}

/**
 * Next steps across meetings (NEXT-*), the reminder, and the weekly digest's opt-in and one-click unsubscribe
 * (DIGEST-*). Team-internal: a team's next steps are read by its active members only; "mine" covers the
 * caller's active memberships. Marking one done runs the meeting's own command (the live path's policy).
 */
export function registerNextStepsRoutes(app: FastifyInstance, s: Services) {
  const withNames = async (actor: Actor, context: TeamNextSteps) =>
    namesOf(
      s.db,
      actor.districtId,
      context.steps.map((x) => x.ownerId),
    );
  const myContext = async (actor: Actor) => {
    const teams = await activeTeamsOf(s.db, actor.districtId, actor.userId);
    return loadNextSteps(
      s.db,
      actor.districtId,
      teams.map((g) => g.id),
    );
  };
  const teamPage = async (actor: Actor, groupId: string, query: NextStepsQuery) => {
    const group = await loadGroup(s.db, actor, groupId);
    // NEXT-READ-1: team-internal records: the team's members only, whatever anyone's rank.
    authorize(actor, 'take-part', groupSubject(group));
    const context = await loadNextSteps(s.db, actor.districtId, [group.id]);
    return {
      group,
      page: presentNextSteps(actor, context, await withNames(actor, context), {
        include: query.include,
        today: query.today ?? utcToday(),
      }),
    };
  };

  registerEndpoint(app, api.myNextSteps, async ({ actor, query }) => {
    const context = await myContext(actor);
    return presentNextSteps(actor, context, await withNames(actor, context), {
      include: query.include,
      today: query.today ?? utcToday(),
    });
  });

  registerEndpoint(app, api.myNextStepsReminder, async ({ actor, query }) => {
    const context = await myContext(actor);
    // NEXT-REMIND-1: my own open next steps only.
    return reminderCounts(
      context.steps.filter((x) => x.ownerId === actor.userId),
      query.today ?? utcToday(),
    );
  });

  registerEndpoint(app, api.teamNextSteps, async ({ actor, params, query }) => {
    return (await teamPage(actor, params.groupId, query)).page;
  });

  registerEndpoint(app, api.teamNextStepsCsv, async ({ actor, params, query, reply, req }) => {
    const { group, page: p } = await teamPage(actor, params.groupId, query);
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'export.next_steps',
      subject: { type: 'group', id: group.id },
      details: { items: p.items.length },
      from: req,
    });
    void reply.header('Content-Disposition', `attachment; filename="ensemble-next-steps-${p.today}.csv"`);
    return nextStepsToCsv(p, await personLanguage(s.db, actor, req));
  });

  registerEndpoint(app, api.completeNextStep, async ({ actor, params, body }) => {
    const { meeting, group } = await loadMeeting(s.db, actor, params.meetingId);
    const state = await s.meetings.stateOf(meeting.id, actor.districtId);
    const invited = await inviteeIdsOf(s.db, actor.districtId, meeting.id);
    // The same rule as the minutes, where a next step can be marked done too.
    authorize(actor, 'take-part', meetingSubject(meeting, group, state.memberIds, invited));
    // NEXT-DONE-2: the meeting's own command decides (owner, who added it, or the facilitator). One key per
    // item, so a retried request appends once.
    const result = await s.meetings.execute(meeting.id, actor.districtId, {
      type: 'completeActionItem',
      actorId: actor.userId,
      idempotencyKey: `complete-later:${params.itemId}`,
      itemId: params.itemId,
      outcome: body.outcome,
    });
    if (!result.ok) throw refusal(result.error.code, result.error.message);
    const context = await loadNextSteps(s.db, actor.districtId, [group.id]);
    const step = context.steps.find((x) => x.meetingId === meeting.id && x.itemId === params.itemId);
    const item = step && presentNextStep(actor, step, context, await withNames(actor, context), utcToday());
    if (!item) throw notFound('That next step');
    return item;
  });

  registerEndpoint(app, api.myDigest, async ({ actor }) => ({
    weekly: await digestSettingOf(s.db, actor.districtId, actor.userId),
  }));

  registerEndpoint(app, api.updateMyDigest, async ({ actor, body }) => {
    await setDigest(s.db, actor.districtId, actor.userId, body.weekly);
    return { weekly: body.weekly };
  });

  // DIGEST-UNSUB-1: the link in a digest. A GET (a mail client or a link scanner opening it) changes nothing: it
  // shows a button that posts back; a POST (that button, or the mail provider's one-click) unsubscribes.
  registerEndpoint(app, api.digestUnsubscribePage, async ({ params, req }) => {
    const sub = await subscriptionByToken(s.db, params.token);
    const language = await unsubscribeLanguage(s.db, sub, req);
    const t = mailTemplates(language).unsubscribePage;
    if (!sub) return page(language, message(t.gone));
    if (!sub.weekly) return page(language, message(t.already));
    return page(
      language,
      message(t.confirm) +
        '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">' +
        `<button type="submit">${t.confirm.button}</button></form>`,
    );
  });

  // Its own scope, so the form body (application/x-www-form-urlencoded) is accepted here and nowhere else.
  void app.register((scope, _opts, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, _body, next) => next(null, undefined),
    );
    registerEndpoint(scope, api.digestUnsubscribe, async ({ params, req }) => {
      const sub = await subscriptionByToken(s.db, params.token);
      if (!sub) throw notFound('That unsubscribe link');
      if (sub.weekly) await setDigest(s.db, sub.districtId, sub.userId, false);
      const language = await unsubscribeLanguage(s.db, sub, req);
      return page(language, message(mailTemplates(language).unsubscribePage.done));
    });
    done();
  });
}
