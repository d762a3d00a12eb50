/**
 * Meeting pulse pooling (MEASURE-ANON-10, docs/SPEC.md; ADR 0028). A team's pulse responses are counted per ended
 * meeting. One meeting is often too small to show, so consecutive meetings pool into disjoint windows, cut
 * greedily from the team's first meeting: a window closes as soon as it holds enough responses, and only closed
 * windows are shown. A window's cut depends only on the meetings up to it, so a later meeting never changes an
 * earlier window: comparing what a team saw on two days reveals nothing about a single meeting.
 */
import { MIN_THRESHOLD } from './suppression';

export interface PulseMeeting {
  meetingId: string;
  /** Pulse responses of this meeting, final once it is in the list. */
  n: number;
  /**
   * The threshold in effect when this meeting ended, frozen with its count (MEASURE-ANON-10). When given, a window
   * needs the highest threshold among its meetings, so raising the threshold later never re-cuts a closed window.
   */
  threshold?: number;
}

/**
 * A closed window is shown with its count; only the last window can still be open, and an open window carries no
 * count at all (its count, compared with yesterday's, would be a single meeting's).
 */
export type PulseWindow =
  { status: 'shown'; meetingIds: string[]; n: number } | { status: 'open'; meetingIds: string[] };

function checkThreshold(value: number): void {
  if (!Number.isSafeInteger(value) || value < MIN_THRESHOLD)
    throw new RangeError(`a threshold is a whole number >= ${MIN_THRESHOLD}, not ${value}`);
}

/**
 * MEASURE-ANON-10. `meetings` in the order the meetings ended (ties broken the same way every time); `threshold`
 * applies to meetings that carry none of their own.
 */
export function pulseWindows(meetings: readonly PulseMeeting[], threshold: number): PulseWindow[] {
  checkThreshold(threshold);
  const windows: PulseWindow[] = [];
  let open: { meetingIds: string[]; n: number; needs: number } | undefined;
  for (const meeting of meetings) {
    if (!Number.isSafeInteger(meeting.n) || meeting.n < 0)
      throw new RangeError(`a response count is a whole number >= 0, not ${meeting.n}`);
    const own = meeting.threshold ?? threshold;
    checkThreshold(own);
    open ??= { meetingIds: [], n: 0, needs: own };
    open.meetingIds.push(meeting.meetingId);
    open.n += meeting.n;
    open.needs = Math.max(open.needs, own);
    if (open.n >= open.needs) {
      windows.push({ status: 'shown', meetingIds: open.meetingIds, n: open.n });
      open = undefined;
    }
  }
  if (open) windows.push({ status: 'open', meetingIds: open.meetingIds });
  return windows;
}
