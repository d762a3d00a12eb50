import type { Language } from '#contracts/auth';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { meetings } from '../db/schema';
import { agendaIn } from '../routines/catalog';

type MeetingRow = typeof meetings.$inferSelect;

/** What depends on who asks: their powers, the presenters suggested to them, the address phones join at. */
export interface MeetingViewerPart {
  canRun: boolean;
  canTakePart: boolean;
  suggestedPresenterIds: (string | null)[];
  publicUrl: string | null;
}

/** A meeting row -> its summary; the viewer's part is decided by the caller (members and guests differ). */
export function presentMeetingSummary(
  m: MeetingRow,
  groupName: string,
  viewer: MeetingViewerPart,
  language: Language = 'en',
): MeetingSummary {
  return {
    id: m.id,
    groupId: m.groupId,
    groupName,
    title: m.title,
    scheduledFor: m.scheduledFor?.toISOString() ?? null,
    agenda: agendaIn(m.agenda, language),
    totalMinutes: m.totalMinutes,
    status: m.status,
    seriesId: m.seriesId,
    occurrenceDate: m.occurrenceDate,
    joinCode: m.joinCode,
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    ...viewer,
  };
}
