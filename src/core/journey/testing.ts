/**
 * Test support for the journey (imported by *.test.ts only): meeting logs built from parsed events, with the
 * parts, presenters, tags and end a case needs.
 */
import { MeetingEvent } from '../../contracts/meeting';
import type { EfficacySource, RoutineFocus } from '../../contracts/routine';
import { fixtureRoutine, T0 } from '../meeting/testing';
import type { MeetingLog } from './fold';

export const P1 = '00000000-0000-4000-8000-0000000000a1';
export const P2 = '00000000-0000-4000-8000-0000000000a2';
export const P3 = '00000000-0000-4000-8000-0000000000a3';
export const P4 = '00000000-0000-4000-8000-0000000000a4';
export const DAY = 86_400_000;

export interface LogSpec {
  parts: { focus: RoutineFocus; presenter?: string | null }[];
  /** ms after T0 the meeting ended; null: it never ended. */
  endedAfter?: number | null;
  started?: boolean;
  tags?: { source: EfficacySource; why: string; untagged?: boolean }[];
  /** Next steps: added, and completed `completedAfter` ms after T0 when given. */
  steps?: { itemId: string; text: string; completedAfter?: number }[];
  defaultPresenter?: string;
  meetingId?: string;
}

let counter = 0;

export function meetingLog(spec: LogSpec): MeetingLog {
  counter += 1;
  const meetingId = spec.meetingId ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const ended = spec.endedAfter === undefined ? DAY : spec.endedAfter;
  const routine = (focus: RoutineFocus) => ({ ...fixtureRoutine, id: `r-${focus}`, focus });
  const [first, ...rest] = spec.parts;
  if (!first) throw new Error('a meeting has at least one part');
  const raw: Record<string, unknown>[] = [];
  const base = ended === null ? T0 : T0 + ended - 60_000;
  const push = (type: string, payload: Record<string, unknown>, at = base) =>
    raw.push({ seq: raw.length + 1, type, v: 1, at, actorId: P1, idempotencyKey: null, payload });
  push('meeting.created', {
    meetingId,
    routine: routine(first.focus),
    ...(rest.length ? { followedBy: rest.map((p) => routine(p.focus)) } : {}),
    memberIds: [P1, P2, P3, P4],
    facilitatorId: P1,
  });
  spec.parts.forEach((p, part) => {
    if (p.presenter !== undefined) push('roles.assigned', { presenter: p.presenter, part });
  });
  if (spec.started ?? true)
    push('meeting.started', spec.defaultPresenter ? { defaultPresenter: spec.defaultPresenter } : {});
  (spec.tags ?? []).forEach((tag, i) => {
    push('source.tagged', { tagId: `t${i}`, source: tag.source, why: tag.why, part: 0 });
    if (tag.untagged) push('source.untagged', { tagId: `t${i}` });
  });
  for (const step of spec.steps ?? [])
    push('action-item.added', { itemId: step.itemId, text: step.text, ownerId: P2, due: null });
  if (ended !== null) push('meeting.ended', {}, T0 + ended);
  for (const step of spec.steps ?? [])
    if (step.completedAfter !== undefined)
      push('action-item.completed', { itemId: step.itemId }, T0 + step.completedAfter);
  return { meetingId, events: raw.map((e) => MeetingEvent.parse(e)) };
}
