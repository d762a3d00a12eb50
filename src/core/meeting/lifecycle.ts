import type { MeetingEvent } from '#contracts/meeting';
import type { TeamMeetingChange } from '#contracts/realtime';

/**
 * DAY-TEAM-1: what a batch of committed events changes for the team page's list of meetings (opened, started,
 * ended), or null when it changes nothing there (almost every batch). The last one counts.
 */
export function teamMeetingChangeOf(events: readonly MeetingEvent[]): TeamMeetingChange | null {
  let change: TeamMeetingChange | null = null;
  for (const e of events) {
    if (e.type === 'meeting.created') change = 'opened';
    else if (e.type === 'meeting.started') change = 'started';
    else if (e.type === 'meeting.ended') change = 'ended';
  }
  return change;
}
