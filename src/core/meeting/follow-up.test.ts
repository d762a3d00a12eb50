/** NEXT-DONE-1, FOLLOW-OPEN-1, FOLLOW-CMD-1/2, FOLLOW-MIN-1: outcomes of next steps and the follow-up. */
import { describe, expect, it } from 'vitest';
import { MeetingCommand, MeetingEvent, type FollowUpItem } from '../../contracts/meeting';
import { MeetingMinutes } from '../../contracts/minutes';
import { createMeeting } from './create';
import { decide } from './decide';
import { evolve, replay } from './evolve';
import { minutesOf } from './minutes';
import { ANA, BEN, CAI, cmd, fixtureRoutine, MEETING_ID, MEMBERS, started, T0 } from './testing';

const EARLIER = '00000000-0000-4000-8000-000000000200';
const carried: FollowUpItem[] = [
  { meetingId: EARLIER, itemId: 'i-1', text: 'Try exit tickets', ownerId: BEN, due: '2027-01-10' },
  { meetingId: EARLIER, itemId: 'i-2', text: 'Share the rubric', ownerId: CAI, due: null },
];

function opened(followUps: readonly FollowUpItem[] = carried) {
  const made = createMeeting({
    meetingId: MEETING_ID,
    agenda: [fixtureRoutine],
    memberIds: MEMBERS,
    facilitatorId: ANA,
    now: T0,
    followUps,
  });
  if (!made.ok) throw new Error(made.error.message);
  let state = replay(made.events);
  const events = [...made.events];
  return {
    get state() {
      return state;
    },
    events,
    send(command: MeetingCommand) {
      const d = decide(state, command, { now: T0 + events.length * 1000 });
      if (d.ok) {
        events.push(...d.events);
        state = d.events.reduce(evolve, state);
      }
      return d;
    },
  };
}

describe('NEXT-DONE-1: a next step is marked done with what happened', () => {
  it('NEXT-DONE-1: the outcome is carried on the event, kept in the state and shown in the minutes', () => {
    const s = started();
    s.must(cmd('addActionItem', BEN, { text: 'Try exit tickets', ownerId: CAI, due: null }), 'i-1');
    const [event] = s.must(
      cmd('completeActionItem', CAI, { itemId: 'i-1', outcome: 'Half the class used them' }),
    );
    expect(MeetingEvent.parse(event)).toMatchObject({
      type: 'action-item.completed',
      payload: { itemId: 'i-1', outcome: 'Half the class used them' },
    });
    const minutes = MeetingMinutes.parse(minutesOf(s.state));
    expect(minutes.actionItems[0]).toMatchObject({ outcome: 'Half the class used them', completedBy: CAI });
  });

  it('NEXT-DONE-1: without an outcome (or a blank one) the event has none and the minutes say null', () => {
    const s = started();
    s.must(cmd('addActionItem', BEN, { text: 'A', ownerId: CAI, due: null }), 'i-1');
    const [event] = s.must(cmd('completeActionItem', CAI, { itemId: 'i-1', outcome: '   ' }));
    expect(event?.payload).toEqual({ itemId: 'i-1' });
    expect(minutesOf(s.state).actionItems[0]?.outcome).toBeNull();
  });

  it('NEXT-DONE-1: an outcome over 500 characters is refused by the contract', () => {
    const base = { type: 'completeActionItem', actorId: ANA, idempotencyKey: 'k', itemId: 'i-1' };
    expect(MeetingCommand.safeParse({ ...base, outcome: 'x'.repeat(500) }).success).toBe(true);
    expect(MeetingCommand.safeParse({ ...base, outcome: 'x'.repeat(501) }).success).toBe(false);
  });

  it('NEXT-DONE-1: an older log without outcomes still folds', () => {
    const s = started();
    s.must(cmd('addActionItem', BEN, { text: 'A', ownerId: CAI, due: null }), 'i-1');
    s.must(cmd('completeActionItem', CAI, { itemId: 'i-1' }));
    const old = s.events.map((e) => MeetingEvent.parse(e));
    expect(replay(old).actionItems[0]).toMatchObject({ outcome: null });
  });
});

describe('FOLLOW: the next meeting opens with a follow-up of open next steps', () => {
  it('FOLLOW-OPEN-1: meeting.created carries the snapshot and the state lists each item unanswered', () => {
    const s = opened();
    expect(MeetingEvent.parse(s.events[0])).toMatchObject({ payload: { followUps: carried } });
    expect(s.state.followUps.map((f) => [f.itemId, f.status])).toEqual([
      ['i-1', null],
      ['i-2', null],
    ]);
  });

  it('FOLLOW-OPEN-1: without open next steps the event has no followUps field (older logs read the same)', () => {
    const s = opened([]);
    expect('followUps' in (s.events[0]?.payload ?? {})).toBe(false);
    expect(s.state.followUps).toEqual([]);
  });

  const cases: {
    name: string;
    actor: string;
    phase: 'lobby' | 'running' | 'ended';
    itemId: string;
    expected: string;
  }[] = [
    { name: 'the owner, in the lobby', actor: BEN, phase: 'lobby', itemId: 'i-1', expected: 'ok' },
    { name: 'the facilitator, in the lobby', actor: ANA, phase: 'lobby', itemId: 'i-1', expected: 'ok' },
    {
      name: 'the facilitator, on the first step',
      actor: ANA,
      phase: 'running',
      itemId: 'i-2',
      expected: 'ok',
    },
    { name: 'another member', actor: CAI, phase: 'lobby', itemId: 'i-1', expected: 'NOT_ALLOWED' },
    { name: 'an unknown item', actor: ANA, phase: 'lobby', itemId: 'i-9', expected: 'NOT_FOUND' },
    { name: 'after the end', actor: ANA, phase: 'ended', itemId: 'i-1', expected: 'WRONG_PHASE' },
    {
      name: 'someone off the roster',
      actor: '00000000-0000-4000-8000-0000000000ff',
      phase: 'lobby',
      itemId: 'i-1',
      expected: 'NOT_A_MEMBER',
    },
  ];
  it.each(cases)('FOLLOW-CMD-2: $name → $expected', ({ actor, phase, itemId, expected }) => {
    const s = opened();
    if (phase !== 'lobby') s.send(cmd('startMeeting', ANA));
    if (phase === 'ended') s.send(cmd('endMeeting', ANA));
    const d = s.send(
      cmd('followUpNextStep', actor, { meetingId: EARLIER, itemId, status: 'done', note: 'Worked' }),
    );
    if (expected === 'ok') expect(d.ok).toBe(true);
    else expect(d).toMatchObject({ ok: false, error: { code: expected } });
  });

  it('FOLLOW-CMD-1: the answer is an event of the new meeting; the last answer counts; minutes keep it', () => {
    const s = opened();
    const first = s.send(
      cmd('followUpNextStep', BEN, {
        meetingId: EARLIER,
        itemId: 'i-1',
        status: 'carry-on',
        note: 'Not yet',
      }),
    );
    expect(first).toMatchObject({
      ok: true,
      events: [
        { type: 'next-step.followed-up', payload: { meetingId: EARLIER, itemId: 'i-1', status: 'carry-on' } },
      ],
    });
    s.send(cmd('startMeeting', ANA));
    s.send(
      cmd('followUpNextStep', ANA, { meetingId: EARLIER, itemId: 'i-1', status: 'done', note: 'Tried it' }),
    );
    s.send(cmd('followUpNextStep', ANA, { meetingId: EARLIER, itemId: 'i-2', status: 'drop' }));
    const minutes = MeetingMinutes.parse(minutesOf(s.state));
    expect(minutes.followUps).toEqual([
      expect.objectContaining({ itemId: 'i-1', status: 'done', note: 'Tried it', by: ANA, ownerId: BEN }),
      expect.objectContaining({ itemId: 'i-2', status: 'drop', note: null, by: ANA }),
    ]);
    // The log replays to the same minutes (FOLLOW-MIN-1).
    expect(minutesOf(replay(s.events.map((e) => MeetingEvent.parse(e))))).toEqual(minutesOf(s.state));
  });

  it('FOLLOW-MIN-1: unanswered items stay in the minutes as not discussed', () => {
    const s = opened();
    s.send(cmd('startMeeting', ANA));
    s.send(cmd('endMeeting', ANA));
    expect(minutesOf(s.state).followUps.map((f) => f.status)).toEqual([null, null]);
  });
});
