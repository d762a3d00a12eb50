import { MS_PER_MINUTE } from './state';

/**
 * DAY-TIMER-5: how long something took, as people say it. One rule for the minutes page, Markdown and JSON:
 * no time at all is "0 min"; less than a minute is "under 1 min"; otherwise whole minutes, rounded to the
 * nearest, with hours from 60 minutes on ("4 min", "1 h", "1 h 5 min"). Never a decimal.
 */
export type DurationParts =
  | { readonly kind: 'zero' }
  | { readonly kind: 'under-minute' }
  | { readonly kind: 'minutes'; readonly hours: number; readonly minutes: number };

export function durationParts(ms: number): DurationParts {
  if (!Number.isFinite(ms) || ms <= 0) return { kind: 'zero' };
  if (ms < MS_PER_MINUTE) return { kind: 'under-minute' };
  const total = Math.round(ms / MS_PER_MINUTE);
  return { kind: 'minutes', hours: Math.floor(total / 60), minutes: total % 60 };
}

/** The English words of `durationParts` (Markdown and the JSON minutes; the web page says them through i18n). */
export function formatDuration(ms: number): string {
  const d = durationParts(ms);
  if (d.kind === 'zero') return '0 min';
  if (d.kind === 'under-minute') return 'under 1 min';
  if (d.hours === 0) return `${d.minutes} min`;
  return d.minutes === 0 ? `${d.hours} h` : `${d.hours} h ${d.minutes} min`;
}

/** What the minutes say for a step's actual time: its duration, or "not timed" when its timer never ran. */
export function formatActual(actualMs: number, timed: boolean): string {
  return timed ? formatDuration(actualMs) : 'not timed';
}
