/**
 * HOME-4: next steps marked done since a moment, from the team's meeting logs (`action-item.added` gives the text,
 * `action-item.completed` the moment), newest first.
 */
import type { MeetingEvent } from '../../contracts/meeting';
import type { MeetingLog } from './fold';

export interface NextStepDone {
  meetingId: string;
  itemId: string;
  text: string;
  at: number;
}

export function nextStepsDoneSince(meetings: readonly MeetingLog[], since: number): NextStepDone[] {
  const out: NextStepDone[] = [];
  for (const { meetingId, events } of meetings) {
    const texts = new Map<string, string>();
    const sorted: MeetingEvent[] = [...events].sort((a, b) => a.seq - b.seq);
    for (const e of sorted) {
      if (e.type === 'action-item.added') texts.set(e.payload.itemId, e.payload.text);
      if (e.type === 'action-item.completed' && e.at > since) {
        const text = texts.get(e.payload.itemId);
        if (text !== undefined) out.push({ meetingId, itemId: e.payload.itemId, text, at: e.at });
      }
    }
  }
  return out.sort((a, b) => b.at - a.at);
}
