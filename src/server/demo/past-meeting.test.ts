import { describe, expect, it } from 'vitest';
import { MeetingEvent } from '#contracts/meeting';
import { MeetingMinutes } from '#contracts/minutes';
import { minutesOf, replay } from '#core/meeting/index';
import { loadShippedRoutines } from '../routines/catalog';
import { memoryOf } from '#core/memory/index';
import { pastProblemSolveEvents, pastShareSuccessesEvents } from './past-meeting';

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
    expect(part?.sourcesSeen).toEqual(['vicarious', 'social_persuasion']);
    expect(minutes.questions).toHaveLength(2);
    expect(minutes.actionItems.map((a) => a.ownerId)).toEqual([ana, ben]);
    expect(minutes.actionItems[0]?.due).toBe('2026-11-23');
  });

  it('DAY-DEMO-4: the tags match the app’s own definitions: the results were the presenter’s, so nobody else tags mastery (their own actions) for them', () => {
    const routine = loadShippedRoutines().get('share-successes');
    if (!routine) throw new Error('share-successes is shipped');
    const events = pastShareSuccessesEvents(
      '00000000-0000-4000-8000-000000000100',
      routine,
      { facilitator: lead, presenter, others: [ana, ben] },
      Date.UTC(2026, 10, 16, 15, 30),
    );
    const [part] = MeetingMinutes.parse(minutesOf(replay(events))).parts;
    const tags = part?.sourceTags ?? [];
    expect(tags.length).toBeGreaterThan(0);
    // Mastery is "our own actions made a difference"; watching a colleague's success is vicarious.
    for (const tag of tags) {
      if (tag.source === 'mastery') expect(tag.taggedBy).toBe(presenter);
    }
    expect(tags.find((t) => t.source === 'vicarious')?.taggedBy).not.toBe(presenter);
    // A step tagged must be one that the routine says can enact it (the final step lists all four).
    const final = routine.steps.find((s) => s.kind === 'final');
    for (const tag of tags) expect(final?.sources).toContain(tag.source);
  });

  it('DEMO-MEET-2: the demo team’s Problem-Solve is a real log too: it leaves a dilemma with the team’s suggestions, the presenter’s insight and their next step, due soon', () => {
    const routine = loadShippedRoutines().get('problem-solve');
    if (!routine) throw new Error('problem-solve is shipped');
    const meetingId = '00000000-0000-4000-8000-000000000200';
    const events = pastProblemSolveEvents(
      meetingId,
      routine,
      { facilitator: lead, presenter, others: [ana, ben] },
      Date.UTC(2026, 10, 9, 15, 30),
      '2026-11-26',
    );
    for (const e of events) expect(MeetingEvent.safeParse(e).success).toBe(true);
    const state = replay(events);
    expect(state.phase).toBe('ended');
    expect(state.steps.every((s) => s.outcome === 'done')).toBe(true);
    const [record, ...more] = memoryOf(events, {
      meetingId,
      title: 'Literacy PLC: partner talk',
      endedAt: 0,
    });
    expect(more).toEqual([]);
    expect(record?.kind).toBe('dilemma');
    expect(record?.authorId).toBe(presenter);
    const content = record?.content;
    if (content?.kind !== 'dilemma') throw new Error('a dilemma');
    expect(content.suggestedActions).toContain('sentence starters');
    expect(content.insight).not.toBe('');
    expect(content.nextSteps.map((n) => [n.ownerId, n.due])).toEqual([
      [presenter, '2026-11-26'],
      [ana, null],
    ]);
    const minutes = MeetingMinutes.parse(minutesOf(state));
    expect(minutes.questions.map((q) => q.kind)).toEqual(['clarifying', 'clarifying', 'probing']);
    expect([...(minutes.parts[0]?.sourcesSeen ?? [])].sort()).toEqual([
      'affective_state',
      'social_persuasion',
    ]);
  });
});
