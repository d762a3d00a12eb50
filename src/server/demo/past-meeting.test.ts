import { describe, expect, it } from 'vitest';
import { MeetingEvent } from '#contracts/meeting';
import { MeetingMinutes } from '#contracts/minutes';
import { minutesOf, replay } from '#core/meeting/index';
import { loadShippedRoutines } from '../routines/catalog';
import { pastShareSuccessesEvents } from './past-meeting';

const [lead, presenter, ana, ben] = [1, 2, 3, 4].map((n) => `00000000-0000-4000-8000-00000000000${n}`) as [
  string,
  string,
  string,
  string,
];

describe('the demo district', () => {
  it('DEMO-MEET-1: last week’s demo meeting is a real log: it folds to an ended meeting whose minutes hold a record, notes, questions, next steps and sources', () => {
    const routine = loadShippedRoutines().get('share-successes');
    if (!routine) throw new Error('share-successes is shipped');
    const start = Date.UTC(2026, 10, 16, 15, 30);
    const events = pastShareSuccessesEvents(
      '00000000-0000-4000-8000-000000000100',
      routine,
      {
        facilitator: lead,
        presenter,
        others: [ana, ben],
      },
      start,
    );
    for (const e of events) expect(MeetingEvent.safeParse(e).success).toBe(true);
    const state = replay(events);
    expect(state.phase).toBe('ended');
    expect(state.steps.every((s) => s.outcome === 'done')).toBe(true);
    const minutes = MeetingMinutes.parse(minutesOf(state));
    const [part] = minutes.parts;
    expect(part?.presenterId).toBe(presenter);
    expect(part?.presentation?.title).toBe('Students wrote their own exit tickets');
    expect(part?.learned).not.toBe('');
    expect(part?.sourcesSeen).toEqual(['mastery', 'vicarious']);
    expect(minutes.questions).toHaveLength(2);
    expect(minutes.actionItems.map((a) => a.ownerId)).toEqual([ana, ben]);
    expect(minutes.actionItems[0]?.due).toBe('2026-11-23');
  });
});
