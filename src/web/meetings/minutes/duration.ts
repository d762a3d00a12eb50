import { durationParts } from '#core/meeting/index';
import type { MeetingsT } from '../i18n';

/**
 * DAY-TIMER-5: a duration in the words of the minutes (core `durationParts`, the rule the Markdown minutes
 * follow too): "0 min", "under 1 min", "4 min", "1 h", "1 h 5 min".
 */
export function formatDurationWith(t: MeetingsT, ms: number): string {
  const d = durationParts(ms);
  if (d.kind === 'zero') return t('minutes.duration.zero');
  if (d.kind === 'under-minute') return t('minutes.duration.underMinute');
  if (d.hours === 0) return t('minutes.duration.minutes', { minutes: d.minutes });
  if (d.minutes === 0) return t('minutes.duration.hours', { hours: d.hours });
  return t('minutes.duration.hoursMinutes', { hours: d.hours, minutes: d.minutes });
}

/** A step's actual time in the minutes: its duration, or "not timed" when its timer never ran. */
export function formatActualWith(t: MeetingsT, step: { actualMs: number; timed: boolean }): string {
  return step.timed ? formatDurationWith(t, step.actualMs) : t('minutes.duration.notTimed');
}
