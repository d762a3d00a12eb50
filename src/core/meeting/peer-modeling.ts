/**
 * Peer Modeling beyond the live commands (issue 11, ADR 0016): people joining an open meeting's roster, visit
 * notes shared into it, and the team's recorded successes a plan can start from. Pure: the server passes the
 * time in and appends what these decide.
 */
import {
  AGENDA_ROUTINES_MAX,
  MEETING_EVENT_VERSION,
  SYSTEM_ACTOR,
  type MeetingEvent,
  type MeetingRejection,
} from '../../contracts/meeting';
import { MEETING_MEMBERS_MAX } from './create';
import { isMember } from './policy';
import type { MeetingState } from './state';

export type PeerModelingDecision =
  { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection };

const reject = (code: MeetingRejection['code'], message: string): PeerModelingDecision => ({
  ok: false,
  error: { code, message },
});

/**
 * PM-ROSTER-1: a person joins the roster of an open meeting (lobby or running): someone invited to it while it
 * is open, or someone added to the team meanwhile. No event when they are on it already or it has ended.
 */
export function addToRoster(
  state: MeetingState,
  input: { memberId: string; invited: boolean; now: number },
): PeerModelingDecision {
  if (state.phase === 'empty' || state.phase === 'ended' || isMember(state, input.memberId))
    return { ok: true, events: [] };
  if (state.memberIds.length >= MEETING_MEMBERS_MAX)
    return reject('LIMIT', `A meeting has at most ${MEETING_MEMBERS_MAX} people`);
  return {
    ok: true,
    events: [
      {
        seq: state.seq + 1,
        type: 'roster.added',
        v: MEETING_EVENT_VERSION,
        at: Math.max(input.now, state.clock),
        actorId: SYSTEM_ACTOR,
        idempotencyKey: null,
        payload: { memberId: input.memberId, invited: input.invited },
      },
    ],
  };
}

/** The Peer Modeling parts of the agenda (routines whose focus is `observed-practice`), by index. */
export function peerModelingParts(state: Pick<MeetingState, 'agenda'>): number[] {
  return state.agenda.flatMap((p, i) => (p.routine.focus === 'observed-practice' ? [i] : []));
}

/** The part a visit note shared now belongs to: the current part when it is Peer Modeling, else the first. */
export function observationPart(state: Pick<MeetingState, 'agenda' | 'currentPart'>): number | null {
  const parts = peerModelingParts(state);
  return parts.includes(state.currentPart) ? state.currentPart : (parts[0] ?? null);
}

export const OBSERVATION_TEXT_MAX = 10_000;

/**
 * PM-NOTE-3: the author shares their visit note into the running meeting: one `observation.shared` event
 * carrying a snapshot of the text, with the author as actor. Sharing again replaces the snapshot.
 */
export function shareObservation(
  state: MeetingState,
  input: { authorId: string; observationId: string; text: string; now: number },
): PeerModelingDecision {
  if (state.phase === 'empty') return reject('NO_MEETING', 'This meeting does not exist yet');
  if (state.phase !== 'running')
    return reject('WRONG_PHASE', 'A visit note is shared while the meeting runs');
  if (!isMember(state, input.authorId))
    return reject('NOT_A_MEMBER', 'Only members of this meeting can take part');
  const part = observationPart(state);
  if (part === null) return reject('INVALID', 'This meeting has no Peer Modeling part');
  const text = input.text.trim();
  if (text === '') return reject('INVALID', 'The visit note is empty');
  if (text.length > OBSERVATION_TEXT_MAX)
    return reject('LIMIT', `A visit note has at most ${OBSERVATION_TEXT_MAX} characters`);
  return {
    ok: true,
    events: [
      {
        seq: state.seq + 1,
        type: 'observation.shared',
        v: MEETING_EVENT_VERSION,
        at: Math.max(input.now, state.clock),
        actorId: input.authorId,
        idempotencyKey: null,
        payload: { observationId: input.observationId, part, text },
      },
    ],
  };
}

/** PM-NOTE-4: whether (and when) this person's visit note was shared into the meeting. */
export function observationSharedAt(
  state: Pick<MeetingState, 'sharedObservations'>,
  authorId: string,
  observationId: string,
): number | null {
  const found = state.sharedObservations.find(
    (o) => o.observationId === observationId && o.authorId === authorId,
  );
  return found?.at ?? null;
}

/** PM-PLAN-2: one success a team recorded in a Share Successes part of an ended meeting. */
export interface RecordedSuccess {
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly part: number;
  readonly title: string;
  readonly summary: string;
  readonly presenterId: string | null;
  readonly at: number;
}

/**
 * PM-PLAN-2: the team's recorded successes, newest first: the last `presentation.recorded` of kind `success`
 * of each part of each meeting, with the part's presenter. A projection over events already parsed with the
 * `MeetingEvent` schema; a meeting may bring the events of its log it has (only these types are read).
 */
export function successesOf(
  meetings: readonly { meetingId: string; title: string; events: readonly MeetingEvent[] }[],
): RecordedSuccess[] {
  const found: RecordedSuccess[] = [];
  for (const m of meetings) {
    const presenters = new Map<number, string | null>();
    const byPart = new Map<number, RecordedSuccess>();
    for (const e of [...m.events].sort((a, b) => a.seq - b.seq)) {
      if (e.type === 'roles.assigned' && e.payload.presenter !== undefined)
        presenters.set(e.payload.part ?? 0, e.payload.presenter);
      if (e.type === 'meeting.started' && e.payload.defaultPresenter !== undefined) {
        for (let i = 0; i < AGENDA_ROUTINES_MAX; i++)
          if (!presenters.has(i) || presenters.get(i) === null) presenters.set(i, e.payload.defaultPresenter);
      }
      if (e.type !== 'presentation.recorded' || e.payload.kind !== 'success') continue;
      const part = e.payload.part ?? 0;
      byPart.set(part, {
        meetingId: m.meetingId,
        meetingTitle: m.title,
        part,
        title: e.payload.title,
        summary: e.payload.summary,
        presenterId: presenters.get(part) ?? null,
        at: e.at,
      });
    }
    found.push(...byPart.values());
  }
  return found.sort((a, b) => b.at - a.at);
}
