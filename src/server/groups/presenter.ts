import type { MeetingSettings } from '#contracts/meeting-settings';
import type { Actor } from '../policy/actor';
import { can } from '../policy/policy';
import { groupSubject, type GroupRow } from './queries';

/** DAY-TIMER-2: a team's meeting settings, and whether the caller may change them. */
export function presentMeetingSettings(actor: Actor, g: GroupRow): MeetingSettings {
  return { autoStartTimer: g.autoStartTimer, canChange: can(actor, 'run-meetings', groupSubject(g)) };
}
