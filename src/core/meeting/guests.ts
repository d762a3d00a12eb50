/**
 * Meeting guests (DAY-FIRST, ADR 0013): a person without an account, let into one meeting by its facilitator.
 * The server keeps who asked (and under which name) and calls `admitGuest` when the facilitator presses
 * "Admit"; the guest then takes part like anyone on the roster, except that they never facilitate.
 */
import { MEETING_EVENT_VERSION, type MeetingEvent, type MeetingRejection } from '../../contracts/meeting';
import { MEETING_MEMBERS_MAX } from './create';
import { isMember } from './policy';
import { own, type MeetingState } from './state';

export interface AdmitGuestInput {
  readonly guestId: string;
  /** The display name the guest gave (already validated by the contract). */
  readonly name: string;
  /** Who admits: must be the meeting's facilitator. */
  readonly by: string;
  readonly now: number;
  /** The command's idempotency key, so a double click admits once. */
  readonly idempotencyKey: string;
}

export type AdmitDecision = { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection };

const reject = (code: MeetingRejection['code'], message: string): AdmitDecision => ({
  ok: false,
  error: { code, message },
});

/**
 * The facilitator admits a waiting guest: one `roster.guest-admitted` event, or none when the guest is already
 * in. Only while the meeting is open (lobby or running), only by its facilitator, and within the roster's size.
 */
export function admitGuest(state: MeetingState, input: AdmitGuestInput): AdmitDecision {
  if (state.phase === 'empty') return reject('NO_MEETING', 'This meeting does not exist yet');
  if (state.phase === 'ended') return reject('WRONG_PHASE', 'The meeting has ended');
  if (state.roles.facilitator !== input.by)
    return reject('NOT_ALLOWED', 'Only the facilitator lets guests in');
  if (own(state.guests, input.guestId) !== undefined && isMember(state, input.guestId))
    return { ok: true, events: [] };
  if (isMember(state, input.guestId)) return reject('INVALID', 'Already on the roster');
  if (state.memberIds.length >= MEETING_MEMBERS_MAX)
    return reject('LIMIT', `A meeting has at most ${MEETING_MEMBERS_MAX} people`);
  return {
    ok: true,
    events: [
      {
        seq: state.seq + 1,
        type: 'roster.guest-admitted',
        v: MEETING_EVENT_VERSION,
        at: Math.max(input.now, state.clock),
        actorId: input.by,
        idempotencyKey: input.idempotencyKey,
        payload: { guestId: input.guestId, name: input.name },
      },
    ],
  };
}

/** Whether this roster id is a meeting guest rather than a member of the team. */
export const isGuest = (state: Pick<MeetingState, 'guests'>, id: string): boolean =>
  own(state.guests, id) !== undefined;
