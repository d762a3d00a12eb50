/**
 * Calendar feeds (CAL-FEED): secret links calendar apps subscribe to without a cookie, and the team's
 * calendar for a signed-in member (the older cookie route, kept for the "download" link).
 */
import type { FastifyInstance } from 'fastify';
import { api, pathFor } from '#contracts/api';
import type { CalendarFeedLink } from '#contracts/schedule';
import { recordAudit } from '../audit/record';
import type { Actor } from '../policy/actor';
import { groupSubject, loadGroup } from '../groups/queries';
import { notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import type { Language } from '#contracts/auth';
import { chosenLanguageOf, mailLanguage } from '../mail/language';
import { renderCalendar } from './ics';
import { calendarWords } from './words';
import { studyCalendarsOf } from '../book-study/feed';
import { calendarItems, dueStepsOf, feedStatus, makeFeedLink, resolveFeed, type FeedOwner } from './queries';

/** Calendar apps poll a feed every few minutes to hours; this is far above that and far below a scan. */
const FEED_PER_IP = { max: 60, timeWindow: 60_000 };

export function registerCalendarRoutes(app: FastifyInstance, s: Services) {
  const links = {
    meeting: (id: string) => s.link(`/meetings/${id}`),
    team: (groupId: string) => s.link(`/teams/${groupId}`),
  };

  async function render(
    districtId: string,
    name: string,
    teams: Parameters<typeof calendarItems>[2],
    invitedUserId: string | null,
    language: Language,
  ) {
    const items = await calendarItems(s.db, districtId, teams, links, invitedUserId, language);
    const zones = new Set(items.zones.values());
    return renderCalendar({
      language,
      name,
      timeZone: zones.size === 1 ? ([...zones][0] ?? null) : null,
      series: items.series,
      meetings: items.meetings,
      // CAL-ITEMS-1: the studies of the same teams (read now, as the meetings are).
      bookStudies: await studyCalendarsOf(s, districtId, teams, language),
      // CAL-ITEMS-2: a personal feed also carries its owner's due next steps; a team's feed never does.
      dueSteps: invitedUserId ? await dueStepsOf(s.db, districtId, invitedUserId, teams, links.meeting) : [],
    });
  }

  async function newLink(actor: Actor, owner: FeedOwner, req: Parameters<typeof recordAudit>[1]['from']) {
    const made = await makeFeedLink(s.db, owner);
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'calendar.feed_link_made',
      subject: owner.groupId ? { type: 'group', id: owner.groupId } : { type: 'person', id: actor.userId },
      details: { scope: owner.groupId ? 'team' : 'person' },
      ...(req ? { from: req } : {}),
    });
    const url = s.link(pathFor(api.calendarFeed.path, { token: made.secret }));
    const link: CalendarFeedLink = {
      url,
      webcalUrl: url.replace(/^https?:\/\//, 'webcal://'),
      createdAt: made.createdAt.toISOString(),
    };
    return link;
  }

  registerEndpoint(app, api.groupCalendar, async ({ actor, params, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'read', groupSubject(group));
    // I18N-CAL-2: a download from the app: the person's choice, else the asking tab's language.
    const language = mailLanguage(await chosenLanguageOf(s.db, actor.districtId, actor.userId), req);
    return render(actor.districtId, calendarWords(language).teamFeed(group.name), [group], null, language);
  });

  registerEndpoint(app, api.groupCalendarFeed, async ({ actor, params }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    authorize(actor, 'take-part', groupSubject(group));
    const row = await feedStatus(s.db, {
      districtId: actor.districtId,
      userId: actor.userId,
      groupId: group.id,
    });
    return { exists: row !== null, createdAt: row?.createdAt.toISOString() ?? null };
  });

  registerEndpoint(app, api.resetGroupCalendarFeed, async ({ actor, params, req }) => {
    const group = await loadGroup(s.db, actor, params.groupId);
    // A team's link follows its owner's membership (CAL-FEED-3): members only.
    authorize(actor, 'take-part', groupSubject(group));
    return newLink(actor, { districtId: actor.districtId, userId: actor.userId, groupId: group.id }, req);
  });

  registerEndpoint(app, api.myCalendarFeed, async ({ actor }) => {
    const row = await feedStatus(s.db, { districtId: actor.districtId, userId: actor.userId, groupId: null });
    return { exists: row !== null, createdAt: row?.createdAt.toISOString() ?? null };
  });

  registerEndpoint(app, api.resetMyCalendarFeed, async ({ actor, req }) =>
    newLink(actor, { districtId: actor.districtId, userId: actor.userId, groupId: null }, req),
  );

  registerEndpoint(
    app,
    api.calendarFeed,
    async ({ params }) => {
      const feed = await resolveFeed(s.db, params.token);
      // An unknown, reset or orphaned link looks the same: not found (CAL-FEED-3).
      if (!feed) throw notFound('That calendar');
      // A personal link also carries the meetings of other teams its owner is invited to (CAL-FEED-5).
      return render(
        feed.owner.districtId,
        feed.name,
        feed.groups,
        feed.owner.groupId === null ? feed.owner.userId : null,
        feed.language,
      );
    },
    { rateLimit: FEED_PER_IP },
  );
}
