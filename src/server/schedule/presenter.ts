import type { Language } from '#contracts/auth';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { SeriesSummary, UpcomingMeeting } from '#contracts/schedule';
import { presentMeetingSummary } from '../meetings/presenter';
import type { GroupRow } from '../groups/queries';
import { groupSubject } from '../groups/queries';
import type { Actor } from '../policy/actor';
import { can } from '../policy/policy';
import type { MeetingRow, SeriesRow, upcomingMeetingsOf } from './queries';

/** TRUST-READ-2: running a meeting puts you on its roster, so it takes membership as well as the rank. */
const mayRun = (actor: Actor, group: GroupRow) =>
  can(actor, 'run-meetings', groupSubject(group)) && can(actor, 'take-part', groupSubject(group));

export function presentSeries(
  s: SeriesRow,
  actor: Actor,
  group: GroupRow,
  nextAt: Date | null,
): SeriesSummary {
  return {
    id: s.id,
    groupId: s.groupId,
    title: s.title,
    weekday: s.weekday,
    time: s.localTime,
    intervalWeeks: s.intervalWeeks,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    skipDates: s.skipDates,
    timeZone: s.timeZone,
    totalMinutes: s.totalMinutes,
    cancelled: s.cancelledAt !== null,
    nextAt: nextAt?.toISOString() ?? null,
    // Changing a series is scheduling: those who run the team (as for one meeting).
    canRun: can(actor, 'run-meetings', groupSubject(group)),
  };
}

/** A meeting after a change, as listings show it (no presenter suggestion: the list has none either). */
export function presentChangedMeeting(
  m: MeetingRow,
  actor: Actor,
  group: GroupRow,
  publicUrl: string | null,
  language: Language = 'en',
): MeetingSummary {
  return presentMeetingSummary(
    m,
    group.name,
    {
      canRun: mayRun(actor, group),
      canTakePart: can(actor, 'take-part', groupSubject(group)),
      suggestedPresenterIds: m.agenda.map(() => null),
      publicUrl,
    },
    language,
  );
}

type UpcomingRow = Awaited<ReturnType<typeof upcomingMeetingsOf>>[number];

/** PWA-UPCOMING-1 */
export function presentUpcoming(row: UpcomingRow): UpcomingMeeting {
  return {
    id: row.id,
    groupId: row.groupId,
    groupName: row.groupName,
    title: row.title,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    timeZone: row.timeZone,
    status: row.status === 'live' ? 'live' : 'scheduled',
    totalMinutes: row.totalMinutes,
  };
}
