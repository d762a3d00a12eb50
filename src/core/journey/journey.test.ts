import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MeetingEvent } from '../../contracts/meeting';
import type { RoutineFocus } from '../../contracts/routine';
import type { JourneyReason, JourneyRule, JourneyStage } from '../../contracts/team-home';
import { ANA, BEN, CAI, cmd, fixtureRoutine, MEMBERS, session } from '../meeting/testing';
import { journeyOf } from './journey';
import { DAY, meetingLog, P1, P2, P3, P4, type LogSpec } from './testing';

const TEAM = [P1, P2, P3, P4];
const success = (presenter: string | null = P1, endedAfter = DAY): LogSpec => ({
  parts: [{ focus: 'success', presenter }],
  endedAfter,
});
const dilemma = (presenter: string | null = P2, endedAfter = DAY): LogSpec => ({
  parts: [{ focus: 'dilemma', presenter }],
  endedAfter,
});
const modeling = (presenter: string | null = P3, endedAfter = DAY): LogSpec => ({
  parts: [{ focus: 'observed-practice', presenter }],
  endedAfter,
});
const everyoneShared = TEAM.map((p, i) => success(p, (i + 1) * DAY));

interface Case {
  name: string;
  logs: LogSpec[];
  members?: string[];
  resolved?: number;
  stage?: JourneyStage;
  rule: JourneyRule;
  focus: RoutineFocus;
  reasons?: JourneyReason[];
}

function run(c: Pick<Case, 'logs' | 'members' | 'resolved'>) {
  return journeyOf({
    meetings: c.logs.map(meetingLog),
    memberIds: c.members ?? TEAM,
    dilemmasResolved: c.resolved ?? 0,
  });
}

function check(cases: Case[]) {
  it.each(cases)('$name', (c) => {
    const j = run(c);
    expect(j.suggestion.rule).toBe(c.rule);
    expect(j.suggestion.focus).toBe(c.focus);
    if (c.stage) expect(j.stage).toBe(c.stage);
    if (c.reasons) expect(j.suggestion.reasons).toEqual(c.reasons);
  });
}

describe('JOURNEY-1: where the team is, the furthest routine of the sequence it has run', () => {
  const cases: { name: string; logs: LogSpec[]; stage: JourneyStage }[] = [
    { name: 'nothing run: successes', logs: [], stage: 'successes' },
    { name: 'successes only', logs: [success(), success()], stage: 'successes' },
    { name: 'a dilemma brought', logs: [success(), dilemma()], stage: 'problem-solving' },
    { name: 'a dilemma first, without successes', logs: [dilemma()], stage: 'problem-solving' },
    { name: 'a Peer Modeling run', logs: [success(), dilemma(), modeling()], stage: 'peer-modeling' },
    {
      name: 'a meeting that never ended does not count',
      logs: [{ ...dilemma(), endedAfter: null }],
      stage: 'successes',
    },
    {
      name: 'a meeting ended in the lobby (never started) does not count',
      logs: [{ ...modeling(), started: false }],
      stage: 'successes',
    },
    {
      name: 'an agenda of two routines counts both',
      logs: [{ parts: [{ focus: 'success' }, { focus: 'dilemma' }] }],
      stage: 'problem-solving',
    },
  ];
  it.each(cases)('JOURNEY-1: $name', ({ logs, stage }) => {
    expect(run({ logs }).stage).toBe(stage);
  });
});

describe('JOURNEY-2: a team that has run nothing starts with a success', () => {
  check([
    {
      name: 'JOURNEY-2: no meeting',
      logs: [],
      rule: 'JOURNEY-2',
      focus: 'success',
      reasons: [{ kind: 'nothing-yet' }],
    },
    {
      name: 'JOURNEY-2: only meetings that never ended',
      logs: [{ ...success(), endedAfter: null }],
      rule: 'JOURNEY-2',
      focus: 'success',
    },
  ]);
});

describe('JOURNEY-3: successes until three have been analysed and every member has presented', () => {
  check([
    {
      name: 'JOURNEY-3: two successes, two presenters',
      logs: [success(P1), success(P2)],
      rule: 'JOURNEY-3',
      focus: 'success',
      reasons: [
        { kind: 'success-analyses', count: 2 },
        { kind: 'presented', count: 2, of: 4 },
      ],
    },
    {
      name: 'JOURNEY-3: five successes but one member has not presented',
      logs: [success(P1), success(P2), success(P3), success(P1), success(P2)],
      rule: 'JOURNEY-3',
      focus: 'success',
      reasons: [
        { kind: 'success-analyses', count: 5 },
        { kind: 'presented', count: 3, of: 4 },
      ],
    },
    {
      name: 'JOURNEY-3: a team of two, both presented, only two successes',
      logs: [success(P1), success(P2)],
      members: [P1, P2],
      rule: 'JOURNEY-3',
      focus: 'success',
    },
    {
      name: 'JOURNEY-3: a presenter who left the team does not count; a new member brings the team back to successes',
      logs: everyoneShared,
      members: [P1, P2, P3, '00000000-0000-4000-8000-0000000000a9'],
      rule: 'JOURNEY-3',
      focus: 'success',
      reasons: [
        { kind: 'success-analyses', count: 4 },
        { kind: 'presented', count: 3, of: 4 },
      ],
    },
    {
      name: 'JOURNEY-3: presenting a dilemma counts as having presented',
      logs: [success(P1), success(P2), dilemma(P3)],
      rule: 'JOURNEY-3',
      focus: 'success',
      reasons: [
        { kind: 'success-analyses', count: 2 },
        { kind: 'presented', count: 3, of: 4 },
      ],
    },
    {
      name: 'JOURNEY-3: a part nobody presented counts as a success analysis without a presenter',
      logs: [success(null), success(null), success(null)],
      rule: 'JOURNEY-3',
      focus: 'success',
      reasons: [
        { kind: 'success-analyses', count: 3 },
        { kind: 'presented', count: 0, of: 4 },
      ],
    },
  ]);
});

describe('JOURNEY-4: then problems of practice, until one is resolved', () => {
  check([
    {
      name: 'JOURNEY-4: four successes, every member presented, no dilemma yet',
      logs: everyoneShared,
      rule: 'JOURNEY-4',
      focus: 'dilemma',
      stage: 'successes',
      reasons: [
        { kind: 'success-analyses', count: 4 },
        { kind: 'everyone-presented' },
        { kind: 'dilemmas-brought', count: 0 },
      ],
    },
    {
      name: 'JOURNEY-4: dilemmas brought but none resolved',
      logs: [...everyoneShared, dilemma(P1), dilemma(P2)],
      rule: 'JOURNEY-4',
      focus: 'dilemma',
      stage: 'problem-solving',
      reasons: [
        { kind: 'success-analyses', count: 4 },
        { kind: 'everyone-presented' },
        { kind: 'dilemmas-brought', count: 2 },
      ],
    },
    {
      name: 'JOURNEY-4: three successes exactly is enough',
      logs: [success(P1), success(P2), success(P3)],
      members: [P1, P2, P3],
      rule: 'JOURNEY-4',
      focus: 'dilemma',
    },
  ]);
});

describe('JOURNEY-5: Peer Modeling once a dilemma has been resolved', () => {
  check([
    {
      name: 'JOURNEY-5: 5 success analyses; every member has presented; 2 dilemmas resolved',
      logs: [...everyoneShared, success(P1), dilemma(P2), dilemma(P3)],
      resolved: 2,
      rule: 'JOURNEY-5',
      focus: 'observed-practice',
      stage: 'problem-solving',
      reasons: [
        { kind: 'success-analyses', count: 5 },
        { kind: 'everyone-presented' },
        { kind: 'dilemmas-resolved', count: 2 },
      ],
    },
  ]);
});

describe('JOURNEY-6: all three practised: the routine run least recently', () => {
  check([
    {
      name: 'JOURNEY-6: successes ran longest ago',
      logs: [...everyoneShared, dilemma(P1, 10 * DAY), modeling(P2, 11 * DAY)],
      resolved: 1,
      rule: 'JOURNEY-6',
      focus: 'success',
      stage: 'peer-modeling',
      reasons: [
        { kind: 'success-analyses', count: 4 },
        { kind: 'dilemmas-resolved', count: 1 },
        { kind: 'peer-modelings', count: 1 },
        { kind: 'least-recent', focus: 'success' },
      ],
    },
    {
      name: 'JOURNEY-6: the dilemma ran longest ago',
      logs: [
        dilemma(P1, DAY),
        ...everyoneShared.map((l) => ({ ...l, endedAfter: (l.endedAfter ?? 0) + 5 * DAY })),
        modeling(P2, 20 * DAY),
      ],
      resolved: 1,
      rule: 'JOURNEY-6',
      focus: 'dilemma',
    },
    {
      name: 'JOURNEY-6: Peer Modeling ran longest ago',
      logs: [
        modeling(P2, DAY),
        dilemma(P1, 2 * DAY),
        ...everyoneShared.map((l) => ({ ...l, endedAfter: (l.endedAfter ?? 0) + 5 * DAY })),
      ],
      resolved: 3,
      rule: 'JOURNEY-6',
      focus: 'observed-practice',
    },
  ]);
});

describe('journeyOf over a real meeting log', () => {
  it('JOURNEY-1: the facts read the presenter the meeting core gave (the default presenter at the start)', () => {
    const s = session({ ...fixtureRoutine, focus: 'success' });
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    s.must(cmd('startMeeting', ANA));
    s.must(cmd('assignRoles', ANA, { presenter: CAI }));
    s.must(cmd('endMeeting', ANA));
    const events = s.events.map((e) => MeetingEvent.parse(e));
    const j = journeyOf({ meetings: [{ meetingId: 'm', events }], memberIds: MEMBERS, dilemmasResolved: 0 });
    expect(j.facts).toMatchObject({ meetingsEnded: 1, successAnalyses: 1, membersPresented: 1, members: 4 });
    const defaulted = session({ ...fixtureRoutine, focus: 'success' });
    defaulted.must(cmd('startMeeting', ANA));
    defaulted.must(cmd('endMeeting', ANA));
    const j2 = journeyOf({
      meetings: [{ meetingId: 'm', events: defaulted.events.map((e) => MeetingEvent.parse(e)) }],
      memberIds: [ANA, BEN],
      dilemmasResolved: 0,
    });
    expect(j2.facts.membersPresented).toBe(1);
  });

  it('JOURNEY-1..6: whatever the history, one rule answers, the facts are counts, and the order of meetings does not matter', () => {
    const spec = fc.record({
      focus: fc.constantFrom<RoutineFocus>('success', 'dilemma', 'observed-practice'),
      presenter: fc.constantFrom(P1, P2, P3, P4, null),
      endedAfter: fc.option(
        fc.integer({ min: 1, max: 400 }).map((d) => d * DAY),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), fc.nat(3), (specs, resolved) => {
        const logs = specs.map((x) =>
          meetingLog({ parts: [{ focus: x.focus, presenter: x.presenter }], endedAfter: x.endedAfter }),
        );
        const a = journeyOf({ meetings: logs, memberIds: TEAM, dilemmasResolved: resolved });
        const b = journeyOf({ meetings: [...logs].reverse(), memberIds: TEAM, dilemmasResolved: resolved });
        expect(b).toEqual(a);
        const ended = specs.filter((x) => x.endedAfter !== null);
        expect(a.facts.meetingsEnded).toBe(ended.length);
        expect(a.facts.membersPresented).toBeLessThanOrEqual(a.facts.members);
        expect(a.suggestion.reasons.length).toBeGreaterThan(0);
      }),
    );
  });
});
