import { MEETING_EVENT_VERSION, SYSTEM_ACTOR, type MeetingEvent } from '../../contracts/meeting';
import { own, type MeetingState, type Reflection } from './state';

/**
 * What one person may see of a meeting: everything shared, plus their own private reflections.
 * Others' private reflections and the idempotency bookkeeping are left out.
 */
export type MeetingView = Omit<MeetingState, 'privateReflections' | 'appliedKeys'> & {
  readonly viewerId: string;
  readonly myReflections: readonly Reflection[];
};

export function viewFor(state: MeetingState, viewerId: string): MeetingView {
  const { privateReflections, appliedKeys: _keys, ...shared } = state;
  return { ...shared, viewerId, myReflections: own(privateReflections, viewerId) ?? [] };
}

/** Whether `viewerId` may receive this event as it is (private reflections go to their author only). */
export function mayReceive(event: MeetingEvent, viewerId: string): boolean {
  return event.type !== 'reflection.written' || event.actorId === viewerId;
}

/**
 * The event as pushed to `viewerId`: unchanged, or a bare `event.redacted` with the same seq and time, so the
 * viewer's log has no gap yet learns neither the text nor who wrote it. Folding a viewer's redacted log gives
 * the same `viewFor` as the full log.
 */
export function redactEventFor(event: MeetingEvent, viewerId: string): MeetingEvent {
  if (mayReceive(event, viewerId)) return event;
  return {
    seq: event.seq,
    type: 'event.redacted',
    v: MEETING_EVENT_VERSION,
    at: event.at,
    actorId: SYSTEM_ACTOR,
    idempotencyKey: null,
    payload: {},
  };
}
