/**
 * Calendar feeds behind a secret link (CAL-FEED), scoped to a district: a person's link for all their teams, or
 * for one team. Only the sha256 of the secret is stored; making a new link replaces the old one. When a feed is
 * fetched, the owner's account and memberships are read as they are now.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Language } from '#contracts/auth';
import { newSecret, hashSecret } from '../auth/tokens';
import type { DbOrTx } from '../db/client';
import {
  calendarFeeds,
  groupMembers,
  groups,
  meetingInvitees,
  meetings,
  meetingSeries,
  users,
} from '../db/schema';
import type { GroupRow } from '../groups/queries';
import { teamTimeZone } from '../schedule/queries';
import { loadNextSteps } from '../next-steps/queries';
import type { CalendarDueStep, CalendarMeeting, CalendarSeries } from './ics';
import { calendarWords } from './words';
import { routineNameIn, type StoredRoutineName } from '../routines/catalog';

/** How many meetings a feed carries at most (the newest). */
const FEED_MEETINGS_MAX = 1000;

export interface FeedOwner {
  districtId: string;
  userId: string;
  groupId: string | null;
}

const ownerIs = (o: FeedOwner) =>
  and(
    eq(calendarFeeds.districtId, o.districtId),
    eq(calendarFeeds.userId, o.userId),
    o.groupId === null ? isNull(calendarFeeds.groupId) : eq(calendarFeeds.groupId, o.groupId),
  );

export async function feedStatus(db: DbOrTx, owner: FeedOwner): Promise<{ createdAt: Date } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(ownerIs(owner));
  return row ?? null;
}

/** CAL-FEED-2: a new secret for this owner; the old link (if any) stops answering. The secret is returned once. */
export async function makeFeedLink(
  db: DbOrTx,
  owner: FeedOwner,
): Promise<{ secret: string; createdAt: Date }> {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(ownerIs(owner));
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ ...owner, tokenHash: hashSecret(secret) })
      .returning({ createdAt: calendarFeeds.createdAt });
    if (!row) throw new Error('insert returned no row');
    return { secret, createdAt: row.createdAt };
  });
}

/**
 * CAL-FEED-3: the teams a secret link shows, resolved now: null for an unknown (or reset) secret or a
 * deactivated owner; a team link shows its team only while its owner is a member.
 */
export async function resolveFeed(
  db: DbOrTx,
  secret: string,
): Promise<{ owner: FeedOwner; name: string; groups: GroupRow[]; language: Language } | null> {
  const [owner] = await db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashSecret(secret)));
  if (!owner) return null;
  const [person] = await db
    .select({ deactivatedAt: users.deactivatedAt, language: users.language })
    .from(users)
    .where(and(eq(users.id, owner.userId), eq(users.districtId, owner.districtId)));
  if (!person || person.deactivatedAt) return null;
  // I18N-CAL-1: a calendar app's request says nothing of a language; the link's owner's choice, else English.
  const language = person.language ?? 'en';
  const words = calendarWords(language);
  const rows = await db
    .select({ group: groups })
    .from(groupMembers)
    .innerJoin(
      groups,
      and(eq(groups.id, groupMembers.groupId), eq(groups.districtId, groupMembers.districtId)),
    )
    .where(
      and(
        eq(groupMembers.districtId, owner.districtId),
        eq(groupMembers.userId, owner.userId),
        owner.groupId === null ? undefined : eq(groupMembers.groupId, owner.groupId),
      ),
    )
    .orderBy(asc(groups.name));
  const teams = rows.map((r) => r.group);
  if (owner.groupId !== null && teams.length === 0) return null;
  const name = owner.groupId !== null && teams[0] ? words.teamFeed(teams[0].name) : words.myFeed;
  return {
    owner: { districtId: owner.districtId, userId: owner.userId, groupId: owner.groupId },
    name,
    groups: teams,
    language,
  };
}

/** I18N-CONTENT-8: Ensemble's own routines named in the feed's language; a team's as written. */
const agendaName = (agenda: readonly StoredRoutineName[], language: Language) =>
  agenda.map((a) => routineNameIn(a, language)).join(' + ');

/** A dated meeting as `renderCalendar` takes it; where it sits (team, zone, series) is the caller's. */
function calendarMeeting(
  m: typeof meetings.$inferSelect,
  scheduledFor: Date,
  where: Pick<CalendarMeeting, 'teamName' | 'url' | 'timeZone' | 'series'>,
  language: Language,
): CalendarMeeting {
  return {
    id: m.id,
    title: m.title,
    agendaName: agendaName(m.agenda, language),
    totalMinutes: m.totalMinutes,
    scheduledFor,
    status: m.status,
    sequence: m.sequence,
    updatedAt: m.updatedAt,
    ...where,
  };
}

/**
 * CAL-FEED-5: the dated meetings of other teams this person is invited to (PM-GUEST-1), each a standalone event
 * in its team's zone (the person sees that meeting only, never its team's series).
 */
async function invitedMeetings(
  db: DbOrTx,
  districtId: string,
  userId: string,
  teamIds: readonly string[],
  meetingLink: (id: string) => string,
  language: Language,
): Promise<CalendarMeeting[]> {
  const rows = await db
    .select({ meeting: meetings, group: groups })
    .from(meetingInvitees)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingInvitees.meetingId), eq(meetings.districtId, meetingInvitees.districtId)),
    )
    .innerJoin(groups, and(eq(groups.id, meetings.groupId), eq(groups.districtId, meetings.districtId)))
    .where(
      and(
        eq(meetingInvitees.districtId, districtId),
        eq(meetingInvitees.userId, userId),
        isNotNull(meetings.scheduledFor),
      ),
    )
    .orderBy(desc(meetings.scheduledFor))
    .limit(FEED_MEETINGS_MAX);
  const items: CalendarMeeting[] = [];
  for (const { meeting: m, group } of rows) {
    if (!m.scheduledFor || teamIds.includes(group.id)) continue;
    items.push(
      calendarMeeting(
        m,
        m.scheduledFor,
        {
          teamName: group.name,
          url: meetingLink(m.id),
          timeZone: await teamTimeZone(db, group),
          series: null,
        },
        language,
      ),
    );
  }
  return items;
}

/**
 * The series and dated meetings of these teams, ready for `renderCalendar`; with `invitedUserId` (a personal
 * link) also the meetings of other teams that person is invited to.
 */
export async function calendarItems(
  db: DbOrTx,
  districtId: string,
  teams: readonly GroupRow[],
  links: { meeting: (id: string) => string; team: (id: string) => string },
  invitedUserId: string | null = null,
  language: Language = 'en',
): Promise<{ series: CalendarSeries[]; meetings: CalendarMeeting[]; zones: Map<string, string> }> {
  const invited = invitedUserId
    ? await invitedMeetings(
        db,
        districtId,
        invitedUserId,
        teams.map((g) => g.id),
        links.meeting,
        language,
      )
    : [];
  if (!teams.length) return { series: [], meetings: invited, zones: new Map() };
  const ids = teams.map((g) => g.id);
  const names = new Map(teams.map((g) => [g.id, g.name]));
  const zones = new Map<string, string>();
  for (const g of teams) zones.set(g.id, await teamTimeZone(db, g));
  const seriesRows = await db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.districtId, districtId), inArray(meetingSeries.groupId, ids)));
  const meetingRows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        inArray(meetings.groupId, ids),
        isNotNull(meetings.scheduledFor),
      ),
    )
    .orderBy(desc(meetings.scheduledFor))
    .limit(FEED_MEETINGS_MAX);
  const seriesZone = new Map(seriesRows.map((s) => [s.id, s.timeZone]));
  return {
    zones,
    series: seriesRows.map((s) => ({
      id: s.id,
      title: s.title,
      teamName: names.get(s.groupId) ?? '',
      agendaName: agendaName(s.agenda, language),
      totalMinutes: s.totalMinutes,
      weekday: s.weekday,
      localTime: s.localTime,
      intervalWeeks: s.intervalWeeks,
      firstDate: s.firstDate,
      lastDate: s.lastDate,
      skipDates: s.skipDates,
      timeZone: s.timeZone,
      sequence: s.sequence,
      updatedAt: s.updatedAt,
      url: links.team(s.groupId),
    })),
    meetings: [
      ...invited,
      ...meetingRows.flatMap((m) =>
        m.scheduledFor
          ? [
              calendarMeeting(
                m,
                m.scheduledFor,
                {
                  teamName: names.get(m.groupId) ?? '',
                  url: links.meeting(m.id),
                  timeZone:
                    (m.seriesId ? seriesZone.get(m.seriesId) : undefined) ??
                    zones.get(m.groupId) ??
                    'Etc/UTC',
                  series:
                    m.seriesId && m.occurrenceDate
                      ? { id: m.seriesId, occurrenceDate: m.occurrenceDate }
                      : null,
                },
                language,
              ),
            ]
          : [],
      ),
    ],
  };
}

/**
 * CAL-ITEMS-2: the open next steps with a due day that `userId` owns, in these teams (the feed's, read now), for a
 * personal feed only. Another person's steps, closed steps and steps without a due day are not calendar items.
 */
export async function dueStepsOf(
  db: DbOrTx,
  districtId: string,
  userId: string,
  teams: readonly GroupRow[],
  meetingLink: (id: string) => string,
): Promise<CalendarDueStep[]> {
  const context = await loadNextSteps(
    db,
    districtId,
    teams.map((g) => g.id),
  );
  return context.steps.flatMap((step) =>
    step.status === 'open' && step.ownerId === userId && step.due
      ? [
          {
            meetingId: step.meetingId,
            itemId: step.itemId,
            text: step.text,
            due: step.due,
            teamName: context.groups.get(step.groupId)?.name ?? '',
            meetingTitle: step.meetingTitle,
            url: meetingLink(step.meetingId),
            updatedAt: new Date(Math.max(step.addedAt, ...step.followUps.map((f) => f.at))),
          },
        ]
      : [],
  );
}
