/**
 * What the team home needs of one ended meeting, folded from its events (parsed with `MeetingEvent`): the
 * routine of each agenda part with its presenter, the source tags still standing, and when it started and ended.
 * Events may come in any order (they are sorted by seq) and any subset of a log (missing events count as absent).
 */
import type { MeetingEvent } from '../../contracts/meeting';
import type { EfficacySource, RoutineFocus } from '../../contracts/routine';

export interface FoldedPart {
  focus: RoutineFocus;
  /** Who presented it (or modeled it), after the default presenter of the start; null when nobody did. */
  presenterId: string | null;
}

export interface FoldedTag {
  tagId: string;
  source: EfficacySource;
  why: string;
  at: number;
}

export interface FoldedMeeting {
  meetingId: string | null;
  startedAt: number | null;
  endedAt: number | null;
  parts: FoldedPart[];
  /** Tags not untagged, in the order they were tagged. */
  tags: FoldedTag[];
}

/** A meeting as the journey reads it: its id and (part of) its parsed log. */
export interface MeetingLog {
  meetingId: string;
  events: readonly MeetingEvent[];
}

export function foldMeeting(events: readonly MeetingEvent[]): FoldedMeeting {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const out: FoldedMeeting = { meetingId: null, startedAt: null, endedAt: null, parts: [], tags: [] };
  const tags = new Map<string, FoldedTag>();
  for (const e of sorted) {
    switch (e.type) {
      case 'meeting.created':
        out.meetingId = e.payload.meetingId;
        out.parts = [e.payload.routine, ...(e.payload.followedBy ?? [])].map((r) => ({
          focus: r.focus,
          presenterId: null,
        }));
        break;
      case 'roles.assigned': {
        const { presenter } = e.payload;
        const part = out.parts[e.payload.part ?? 0];
        if (presenter !== undefined && part) part.presenterId = presenter;
        break;
      }
      case 'meeting.started':
        out.startedAt = e.at;
        for (const part of out.parts) part.presenterId ??= e.payload.defaultPresenter ?? null;
        break;
      case 'source.tagged':
        tags.set(e.payload.tagId, {
          tagId: e.payload.tagId,
          source: e.payload.source,
          why: e.payload.why,
          at: e.at,
        });
        break;
      case 'source.untagged':
        tags.delete(e.payload.tagId);
        break;
      case 'meeting.ended':
        out.endedAt = e.at;
        break;
      default:
        break;
    }
  }
  out.tags = [...tags.values()];
  return out;
}

/** A meeting that ran: it started and ended (a meeting ended in the lobby ran no routine). */
export const ran = (m: FoldedMeeting): m is FoldedMeeting & { startedAt: number; endedAt: number } =>
  m.startedAt !== null && m.endedAt !== null;
