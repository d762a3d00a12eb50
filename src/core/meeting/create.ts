import { MEETING_EVENT_VERSION, type MeetingEvent, type MeetingRejection } from '../../contracts/meeting';
import type { Routine } from '../../contracts/routine';
import { formatPath, validateRoutine } from '../routines';

export interface CreateMeetingInput {
  readonly meetingId: string;
  /** The routine as it stands now: the meeting keeps this snapshot even if the team edits the routine later. */
  readonly routine: Routine;
  readonly memberIds: readonly string[];
  readonly facilitatorId: string;
  /** Who created it (a team lead, say); defaults to the facilitator. */
  readonly actorId?: string;
  readonly now: number;
}

export const MEETING_MEMBERS_MAX = 100;

/**
 * The first event of a meeting's log. The server calls this when a team schedules a meeting
 * (it has loaded the routine and the roster); clients then drive the meeting with commands.
 */
export function createMeeting(
  input: CreateMeetingInput,
): { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection } {
  const checked = validateRoutine(input.routine);
  if (!checked.ok) {
    const first = checked.errors[0];
    return {
      ok: false,
      error: {
        code: 'INVALID',
        message: first ? `Routine: ${formatPath(first.path)}: ${first.message}` : 'Invalid routine',
      },
    };
  }
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length === 0 || memberIds.length > MEETING_MEMBERS_MAX)
    return {
      ok: false,
      error: { code: 'INVALID', message: `A meeting has 1 to ${MEETING_MEMBERS_MAX} members` },
    };
  if (!memberIds.includes(input.facilitatorId))
    return { ok: false, error: { code: 'NOT_A_MEMBER', message: 'The facilitator must be a member' } };
  return {
    ok: true,
    events: [
      {
        seq: 1,
        type: 'meeting.created',
        v: MEETING_EVENT_VERSION,
        at: input.now,
        actorId: input.actorId ?? input.facilitatorId,
        idempotencyKey: null,
        payload: {
          meetingId: input.meetingId,
          routine: checked.routine,
          memberIds,
          facilitatorId: input.facilitatorId,
        },
      },
    ],
  };
}
