import type { MeetingGuest } from '#contracts/guests';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { groups, meetings } from '../db/schema';
import type { GuestRow } from './queries';

export function presentGuest(g: GuestRow): MeetingGuest {
  return { id: g.id, name: g.name, status: g.status, askedAt: g.askedAt.toISOString() };
}

/**
 * The meeting as its guest sees it: what the device view needs and nothing of the team beyond its name (no
 * member ids: no suggested presenters), and no power to run it.
 */
export function presentMeetingForGuest(
  m: typeof meetings.$inferSelect,
  group: typeof groups.$inferSelect,
): MeetingSummary {
  return {
    id: m.id,
    groupId: m.groupId,
    groupName: group.name,
    title: m.title,
    scheduledFor: m.scheduledFor?.toISOString() ?? null,
    agenda: m.agenda,
    totalMinutes: m.totalMinutes,
    status: m.status,
    joinCode: m.joinCode,
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    canRun: false,
    canTakePart: true,
    suggestedPresenterIds: m.agenda.map(() => null),
    publicUrl: null,
  };
}
