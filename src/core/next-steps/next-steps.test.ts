/** NEXT-PROJ-1, NEXT-CLASS-1, NEXT-REMIND-1, FOLLOW-OPEN-1: next steps across meetings, table-driven. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MEETING_EVENT_VERSION, type MeetingEvent } from '../../contracts/meeting';
import { addDays, classify, followUpsFor, nextStepsOf, reminderCounts, type MeetingLog } from './index';

const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
const M3 = '00000000-0000-4000-8000-000000000003';
const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const G = '00000000-0000-4000-8000-0000000000aa';

let seq = 0;
const head = (at: number, actorId = ANA) => ({
  seq: ++seq,
  v: MEETING_EVENT_VERSION as typeof MEETING_EVENT_VERSION,
  at,
  actorId,
  idempotencyKey: null,
});
const added = (itemId: string, at: number, due: string | null = null): MeetingEvent => ({
  ...head(at),
  type: 'action-item.added',
  payload: { itemId, text: `Step ${itemId}`, ownerId: BEN, due },
});
const completed = (itemId: string, at: number, outcome?: string): MeetingEvent => ({
  ...head(at, BEN),
  type: 'action-item.completed',
  payload: { itemId, ...(outcome !== undefined && { outcome }) },
});
const followed = (
  meetingId: string,
  itemId: string,
  status: 'done' | 'carry-on' | 'drop',
  at: number,
  note = '',
): MeetingEvent => ({
  ...head(at),
  type: 'next-step.followed-up',
  payload: { meetingId, itemId, status, note },
});
const log = (meetingId: string, events: MeetingEvent[]): MeetingLog => ({
  meetingId,
  title: `Meeting ${meetingId.slice(-1)}`,
  groupId: G,
  endedAt: null,
  events,
});

describe('NEXT-PROJ-1: status of a next step across meetings', () => {
  const cases: {
    name: string;
    logs: MeetingLog[];
    status: string;
    outcome: string | null;
    history: string[];
  }[] = [
    {
      name: 'added only: open',
      logs: [log(M1, [added('a', 1)])],
      status: 'open',
      outcome: null,
      history: [],
    },
    {
      name: 'completed in its meeting with an outcome: done',
      logs: [log(M1, [added('a', 1), completed('a', 2, 'It worked')])],
      status: 'done',
      outcome: 'It worked',
      history: [],
    },
    {
      name: 'carry-on at the next meeting: still open',
      logs: [log(M1, [added('a', 1)]), log(M2, [followed(M1, 'a', 'carry-on', 5, 'Not yet')])],
      status: 'open',
      outcome: null,
      history: ['carry-on'],
    },
    {
      name: 'done at the next meeting: done, the note is the outcome',
      logs: [log(M1, [added('a', 1)]), log(M2, [followed(M1, 'a', 'done', 5, 'Tried, students liked it')])],
      status: 'done',
      outcome: 'Tried, students liked it',
      history: ['done'],
    },
    {
      name: 'dropped at the next meeting: dropped',
      logs: [log(M1, [added('a', 1)]), log(M2, [followed(M1, 'a', 'drop', 5)])],
      status: 'dropped',
      outcome: null,
      history: ['drop'],
    },
    {
      name: 'carried on, then done a meeting later',
      logs: [
        log(M1, [added('a', 1)]),
        log(M2, [followed(M1, 'a', 'carry-on', 5)]),
        log(M3, [followed(M1, 'a', 'done', 9, 'Finally')]),
      ],
      status: 'done',
      outcome: 'Finally',
      history: ['carry-on', 'done'],
    },
    {
      name: 'the last answer within one meeting counts (drop then carry-on → open, one history entry)',
      logs: [
        log(M1, [added('a', 1)]),
        log(M2, [followed(M1, 'a', 'drop', 5), followed(M1, 'a', 'carry-on', 6)]),
      ],
      status: 'open',
      outcome: null,
      history: ['carry-on'],
    },
    {
      name: 'dropped, then completed later from the page: done',
      logs: [
        log(M1, [added('a', 1), completed('a', 10, 'Did it anyway')]),
        log(M2, [followed(M1, 'a', 'drop', 5)]),
      ],
      status: 'done',
      outcome: 'Did it anyway',
      history: ['drop'],
    },
    {
      name: 'logs given in any order: time decides',
      logs: [
        log(M3, [followed(M1, 'a', 'drop', 9)]),
        log(M2, [followed(M1, 'a', 'done', 5)]),
        log(M1, [added('a', 1)]),
      ],
      status: 'dropped',
      outcome: null,
      history: ['done', 'drop'],
    },
  ];
  it.each(cases)('NEXT-PROJ-1: $name', ({ logs, status, outcome, history }) => {
    const [item] = nextStepsOf(logs);
    expect(item).toMatchObject({ meetingId: M1, itemId: 'a', status, outcome });
    expect(item?.followUps.map((f) => f.status)).toEqual(history);
  });

  it('NEXT-PROJ-1: a follow-up of an item that no given meeting added is ignored', () => {
    expect(nextStepsOf([log(M2, [followed(M1, 'zz', 'done', 5)])])).toEqual([]);
  });

  it('NEXT-PROJ-1: items with the same id in two meetings are two items', () => {
    const steps = nextStepsOf([log(M1, [added('a', 1)]), log(M2, [added('a', 2), completed('a', 3)])]);
    expect(steps.map((s) => [s.meetingId, s.status])).toEqual([
      [M1, 'open'],
      [M2, 'done'],
    ]);
  });
});

describe('NEXT-CLASS-1: classify(item, today)', () => {
  const today = '2027-01-10';
  const cases: [string | null, string][] = [
    [null, 'no-date'],
    ['2026-12-31', 'overdue'],
    ['2027-01-09', 'overdue'],
    ['2027-01-10', 'due-soon'],
    ['2027-01-17', 'due-soon'],
    ['2027-01-18', 'later'],
    ['2027-03-01', 'later'],
  ];
  it.each(cases)('NEXT-CLASS-1: due %s on 2027-01-10 → %s', (due, expected) => {
    expect(classify({ due }, today)).toBe(expected);
  });

  it('NEXT-CLASS-1: across a month and a year end', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(classify({ due: '2027-01-04' }, '2026-12-28')).toBe('due-soon');
    expect(classify({ due: '2027-01-05' }, '2026-12-28')).toBe('later');
  });

  it('NEXT-CLASS-1: every dated item falls in exactly one class, ordered by its date (property)', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(day, day, (due, today) => {
        const c = classify({ due }, today);
        if (due < today) expect(c).toBe('overdue');
        else if (due <= addDays(today, 7)) expect(c).toBe('due-soon');
        else expect(c).toBe('later');
      }),
    );
  });
});

describe('NEXT-REMIND-1 and FOLLOW-OPEN-1', () => {
  const steps = nextStepsOf([
    log(M1, [
      added('a', 1, '2027-01-01'),
      added('b', 2, '2027-01-12'),
      added('c', 3, null),
      added('d', 4, '2027-01-05'),
      completed('d', 6),
    ]),
    log(M2, [added('e', 5, '2027-05-01')]),
  ]);

  it('NEXT-REMIND-1: counts only open items, overdue and due soon', () => {
    expect(reminderCounts(steps, '2027-01-10')).toEqual({ overdue: 1, dueSoon: 1 });
  });

  it('FOLLOW-OPEN-1: the open items, oldest first, without the opening meeting’s own, capped', () => {
    expect(followUpsFor(steps, M2, 10).map((f) => f.itemId)).toEqual(['a', 'b', 'c']);
    expect(followUpsFor(steps, M3, 2).map((f) => f.itemId)).toEqual(['a', 'b']);
    expect(followUpsFor(steps, M3, 10)[0]).toEqual({
      meetingId: M1,
      itemId: 'a',
      text: 'Step a',
      ownerId: BEN,
      due: '2027-01-01',
    });
  });
});
