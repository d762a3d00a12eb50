import type { Language } from '#contracts/auth';
import type { MeetingGuest } from '#contracts/guests';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { groups, meetings } from '../db/schema';
import { presentMeetingSummary } from '../meetings/presenter';
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
  publicUrl: string | null,
  language: Language = 'en',
): MeetingSummary {
  return presentMeetingSummary(
    m,
    group.name,
    { canRun: false, canTakePart: true, suggestedPresenterIds: m.agenda.map(() => null), publicUrl },
    language,
  );
}
