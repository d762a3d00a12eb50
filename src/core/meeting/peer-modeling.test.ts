/**
 * Peer Modeling in the meeting's log (issue 11, ADR 0016): the plan snapshotted at opening, people added to an
 * open meeting's roster, visit notes shared into it, the minutes, and the team's recorded successes.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isHttpsUrl, MeetingEvent, type PeerModelingPlan } from '#contracts/meeting';
import { MeetingMinutes } from '#contracts/minutes';
import type { Routine } from '#contracts/routine';
import { createMeeting } from './create';
import { decide, removeFromRoster } from './decide';
import { evolve, replay } from './evolve';
import { admitGuest } from './guests';
import { minutesOf } from './minutes';
import { addToRoster, observationSharedAt, shareObservation, successesOf } from './peer-modeling';
import { redactEventFor, viewFor } from './privacy';
import {
  ANA,
  BEN,
  CAI,
  cmd,
  DEE,
  fixtureRoutine,
  goTo,
  MEETING_ID,
  MEMBERS,
  OUTSIDER,
  T0,
  type Session,
} from './testing';

const COACH = '00000000-0000-4000-8000-0000000000c0';
const NOTE_BEN = '00000000-0000-4000-8000-0000000000b1';
const NOTE_COACH = '00000000-0000-4000-8000-0000000000c1';
const SUCCESS_MEETING = '00000000-0000-4000-8000-000000000200';

const success: Routine = {
  ...fixtureRoutine,
  id: 'success-fixture',
  name: 'Success fixture',
  focus: 'success',
};

const plan = (extra: Partial<PeerModelingPlan> = {}): PeerModelingPlan => ({
  part: 0,
  curiosity: 'How do students explain their thinking to each other?',
  practice: 'Turn and talk with sentence starters',
  modelId: COACH,
  mode: 'classroom-visit',
  modelingAt: '2026-12-01T09:30:00.000Z',
  videoUrl: null,
  fromSuccess: { meetingId: SUCCESS_MEETING, part: 0, title: 'Sentence starters in grade 3' },
  ...extra,
});

/** A session like testing.ts's, opened with plans and invited people. */
function planned(
  agenda: readonly Routine[] = [fixtureRoutine],
  plans: readonly PeerModelingPlan[] = [plan()],
  invitedIds: readonly string[] = [COACH],
): Session {
  const created = createMeeting({
    meetingId: MEETING_ID,
    agenda,
    memberIds: [...MEMBERS, ...invitedIds],
    facilitatorId: ANA,
    now: T0,
    plans,
    invitedIds,
  });
  if (!created.ok) throw new Error(created.error.message);
  const s: Session = {
    events: [...created.events],
    state: replay(created.events),
    now: T0,
    send(command, newId) {
      const d = decide(s.state, command, newId === undefined ? { now: s.now } : { now: s.now, newId });
      if (d.ok) {
        s.events.push(...d.events);
        s.state = d.events.reduce(evolve, s.state);
      }
      return d;
    },
    must(command, newId) {
      const d = s.send(command, newId);
      if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code}`);
      return d.events;
    },
    wait(ms) {
      s.now += ms;
    },
    tick: () => [],
  };
  return s;
}

function apply(s: Session, d: { ok: true; events: MeetingEvent[] } | { ok: false }) {
  if (!d.ok) throw new Error('refused');
  s.events.push(...d.events);
  s.state = d.events.reduce(evolve, s.state);
  return d.events;
}

describe('PM-PLAN-3: the plan is snapshotted into meeting.created', () => {
  test('the plan and the invited people travel in the first event; the contract parses it; older logs stay valid', () => {
    const s = planned();
    const [created] = s.events;
    expect(created?.type).toBe('meeting.created');
    expect(MeetingEvent.parse(created)).toEqual(created);
    if (created?.type !== 'meeting.created') return;
    expect(created.payload.plans).toEqual([plan()]);
    expect(created.payload.invitedIds).toEqual([COACH]);
    // An older log (no plans, no invitedIds) still parses and folds to parts without a plan.
    const { plans: _p, invitedIds: _i, ...older } = created.payload;
    const old = replay([{ ...created, payload: older }]);
    expect(old.agenda[0]?.plan).toBeNull();
    expect(old.invitees).toEqual([]);
  });

  test('the model becomes the default presenter of their part, before and after the start', () => {
    const s = planned([success, fixtureRoutine], [plan({ part: 1 })]);
    expect(s.state.agenda.map((p) => p.presenter)).toEqual([null, COACH]);
    expect(s.state.roles.presenter).toBeNull();
    s.must(cmd('startMeeting', ANA));
    // The part without a presenter falls back to the facilitator; the planned part keeps its model.
    expect(s.state.agenda.map((p) => p.presenter)).toEqual([ANA, COACH]);
    goTo(s, 'p2-observe');
    expect(s.state.roles.presenter).toBe(COACH);
  });

  test('the facilitator may still pick someone else as presenter (a code guest, say)', () => {
    const s = planned();
    expect(s.state.roles.presenter).toBe(COACH);
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    expect(s.state.agenda[0]?.presenter).toBe(BEN);
  });

  test('ADR 0013: a meeting guest (no account) let in by code can be picked as the model', () => {
    const s = planned([fixtureRoutine], [plan({ modelId: null })], []);
    const guest = '00000000-0000-4000-8000-0000000000e1';
    const admitted = admitGuest(s.state, {
      guestId: guest,
      name: 'Gia',
      by: ANA,
      now: T0,
      idempotencyKey: 'g',
    });
    apply(s, admitted);
    s.must(cmd('assignRoles', ANA, { presenter: guest }));
    s.must(cmd('startMeeting', ANA));
    expect(s.state.roles.presenter).toBe(guest);
    s.must(cmd('recordPresentation', guest, { title: 'Wait time', summary: '' }));
    expect(s.state.agenda[0]?.presentation).toMatchObject({ recordedBy: guest, mode: 'classroom-visit' });
  });

  test('a plan for a part that is not Peer Modeling, or two plans for one part, are refused', () => {
    const base = { meetingId: MEETING_ID, memberIds: MEMBERS, facilitatorId: ANA, now: T0 };
    const wrong = createMeeting({ ...base, agenda: [success], plans: [plan({ modelId: BEN })] });
    expect(wrong.ok).toBe(false);
    const twice = createMeeting({
      ...base,
      agenda: [fixtureRoutine],
      plans: [plan({ modelId: BEN }), plan({ modelId: CAI })],
    });
    expect(twice.ok).toBe(false);
  });

  test('a model who is not on the roster is left out of the snapshot (nobody presents a person not there)', () => {
    const created = createMeeting({
      meetingId: MEETING_ID,
      agenda: [fixtureRoutine],
      memberIds: MEMBERS,
      facilitatorId: ANA,
      now: T0,
      plans: [plan({ modelId: OUTSIDER })],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(replay(created.events).agenda[0]?.plan?.modelId).toBeNull();
  });

  test('PM-GUEST-2: an invited person must be on the roster and cannot be the facilitator', () => {
    const base = { meetingId: MEETING_ID, agenda: [fixtureRoutine], now: T0 };
    expect(createMeeting({ ...base, memberIds: MEMBERS, facilitatorId: ANA, invitedIds: [COACH] }).ok).toBe(
      false,
    );
    expect(
      createMeeting({ ...base, memberIds: [...MEMBERS, COACH], facilitatorId: COACH, invitedIds: [COACH] })
        .ok,
    ).toBe(false);
  });

  test('PM-PLAN-4: the presentation record takes the planned mode unless it names another', () => {
    const s = planned();
    s.must(cmd('startMeeting', ANA));
    s.must(cmd('recordPresentation', COACH, { title: 'Turn and talk', summary: '' }));
    expect(s.state.agenda[0]?.presentation?.mode).toBe('classroom-visit');
    s.must(
      cmd('recordPresentation', COACH, { title: 'Turn and talk', summary: '', mode: 'classroom-video' }),
    );
    expect(s.state.agenda[0]?.presentation?.mode).toBe('classroom-video');
  });
});

describe('PM-URL-1: video links', () => {
  test.each([
    ['https://video.example.org/watch?v=1', true],
    ['https://example.org/a%20b', true],
    ['http://example.org/', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@example.org/', false],
    ['https://example.org/a b', false],
    ['https://example.org/<script>', false],
    ['HTTPS://EXAMPLE.ORG/', false],
    ['data:text/html,hi', false],
    ['', false],
  ])('%s → %s', (url, ok) => {
    expect(isHttpsUrl(url)).toBe(ok);
  });
});

describe('PM-GUEST-2: people invited to one meeting', () => {
  test('they take part but never facilitate, and facilitation never passes to them', () => {
    const s = planned();
    s.must(cmd('startMeeting', ANA));
    const handed = s.send(cmd('handOverFacilitation', ANA, { toId: COACH }));
    expect(handed.ok).toBe(false);
    if (!handed.ok) expect(handed.error.code).toBe('INVALID');
    expect(s.send(cmd('suggestNote', COACH, { stepId: 'observe', text: 'They used a timer' })).ok).toBe(true);
    // The facilitator leaves the team: facilitation goes to a team member, not the coach.
    const order = createMeeting({
      meetingId: MEETING_ID,
      agenda: [fixtureRoutine],
      memberIds: [ANA, COACH, BEN],
      facilitatorId: ANA,
      now: T0,
      invitedIds: [COACH],
    });
    if (!order.ok) throw new Error('refused');
    const [removed] = removeFromRoster(replay(order.events), ANA, T0);
    expect(removed?.type === 'roster.removed' && removed.payload.facilitatorId).toBe(BEN);
  });
});

describe('PM-ROSTER-1: roster.added', () => {
  test('someone invited while the meeting runs joins the roster as invited; the planned model presents', () => {
    const s = planned([fixtureRoutine], [plan()], []);
    expect(s.state.agenda[0]?.plan?.modelId).toBeNull(); // not on the roster when it opened
    const withModel = planned([fixtureRoutine], [plan({ modelId: BEN })], []);
    expect(withModel.state.roles.presenter).toBe(BEN);
    s.must(cmd('startMeeting', ANA));
    const events = apply(s, addToRoster(s.state, { memberId: COACH, invited: true, now: T0 + 5 }));
    expect(events).toEqual([
      {
        seq: 3,
        type: 'roster.added',
        v: 1,
        at: T0 + 5,
        actorId: 'system',
        idempotencyKey: null,
        payload: { memberId: COACH, invited: true },
      },
    ]);
    expect(MeetingEvent.parse(events[0])).toEqual(events[0]);
    expect(s.state.memberIds).toContain(COACH);
    expect(s.state.invitees).toEqual([COACH]);
    expect(s.send(cmd('suggestNote', COACH, { stepId: 'observe', text: 'A note' })).ok).toBe(true);
    expect(replay(s.events)).toEqual(s.state);
  });

  test('a model invited after opening presents their part once they arrive (if nobody else was chosen)', () => {
    const created = createMeeting({
      meetingId: MEETING_ID,
      agenda: [fixtureRoutine],
      memberIds: MEMBERS,
      facilitatorId: ANA,
      now: T0,
      plans: [plan()],
    });
    if (!created.ok) throw new Error('refused');
    // The snapshot drops a model not on the roster, so the presenter stays open for the facilitator.
    const state = replay(created.events);
    expect(state.agenda[0]?.presenter).toBeNull();
  });

  test('a person added to the team while the meeting runs takes part (the known gap of issue 9)', () => {
    const s = planned([fixtureRoutine], [], []);
    s.must(cmd('startMeeting', ANA));
    expect(s.send(cmd('suggestNote', OUTSIDER, { stepId: 'observe', text: 'Hi' })).ok).toBe(false);
    apply(s, addToRoster(s.state, { memberId: OUTSIDER, invited: false, now: T0 }));
    expect(s.state.invitees).toEqual([]);
    expect(s.send(cmd('suggestNote', OUTSIDER, { stepId: 'observe', text: 'Hi' })).ok).toBe(true);
  });

  test('no event for someone already on the roster, nor once the meeting has ended; the payload is strict', () => {
    const s = planned();
    expect(addToRoster(s.state, { memberId: BEN, invited: false, now: T0 })).toEqual({
      ok: true,
      events: [],
    });
    s.must(cmd('endMeeting', ANA));
    expect(addToRoster(s.state, { memberId: OUTSIDER, invited: true, now: T0 })).toEqual({
      ok: true,
      events: [],
    });
    const event = {
      seq: 2,
      type: 'roster.added',
      v: 1,
      at: T0,
      actorId: 'system',
      idempotencyKey: null,
      payload: { memberId: COACH, invited: true },
    };
    expect(MeetingEvent.safeParse(event).success).toBe(true);
    expect(MeetingEvent.safeParse({ ...event, payload: { memberId: COACH } }).success).toBe(false);
    expect(MeetingEvent.safeParse({ ...event, payload: { ...event.payload, role: 'x' } }).success).toBe(
      false,
    );
    expect(MeetingEvent.safeParse({ ...event, payload: { memberId: 'x', invited: true } }).success).toBe(
      false,
    );
  });
});

describe('PM-NOTE-3: sharing a visit note into the meeting', () => {
  const share = (s: Session, authorId: string, observationId: string, text: string) =>
    shareObservation(s.state, { authorId, observationId, text, now: s.now });

  test('the author shares a snapshot; everyone sees it; sharing again replaces it', () => {
    const s = planned();
    expect(share(s, BEN, NOTE_BEN, 'Students used the starters').ok).toBe(false); // not started
    s.must(cmd('startMeeting', ANA));
    const [event] = apply(s, share(s, BEN, NOTE_BEN, '  Students used the starters  '));
    expect(event).toMatchObject({
      type: 'observation.shared',
      actorId: BEN,
      payload: { observationId: NOTE_BEN, part: 0, text: 'Students used the starters' },
    });
    expect(MeetingEvent.parse(event)).toEqual(event);
    // Shared content: every viewer receives it whole.
    if (event) expect(redactEventFor(event, CAI)).toEqual(event);
    expect(viewFor(s.state, DEE).sharedObservations).toHaveLength(1);
    expect(observationSharedAt(s.state, BEN, NOTE_BEN)).toBe(T0);
    expect(observationSharedAt(s.state, CAI, NOTE_BEN)).toBeNull();
    apply(s, share(s, BEN, NOTE_BEN, 'Students used the starters, most of them'));
    expect(s.state.sharedObservations.map((o) => o.text)).toEqual([
      'Students used the starters, most of them',
    ]);
  });

  test('refused: not on the roster, empty, too long, no Peer Modeling part', () => {
    const s = planned();
    s.must(cmd('startMeeting', ANA));
    expect(share(s, OUTSIDER, NOTE_BEN, 'x')).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
    expect(share(s, BEN, NOTE_BEN, '   ')).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(share(s, BEN, NOTE_BEN, 'x'.repeat(10_001))).toMatchObject({
      ok: false,
      error: { code: 'LIMIT' },
    });
    const other = planned([success], [], []);
    other.must(cmd('startMeeting', ANA));
    expect(share(other, BEN, NOTE_BEN, 'x')).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  test('in an agenda, a note goes to the Peer Modeling part (the current one when it is Peer Modeling)', () => {
    const s = planned([success, fixtureRoutine], [plan({ part: 1 })]);
    s.must(cmd('startMeeting', ANA));
    const [early] = apply(s, share(s, BEN, NOTE_BEN, 'Seen on Monday'));
    expect(early?.type === 'observation.shared' && early.payload.part).toBe(1);
  });
});

describe('PM-MIN-1, PM-MIN-2: the minutes show the plan and the shared observations', () => {
  test('plan, invited model, observations with their authors; nothing else of a Peer Modeling part', () => {
    const s = planned([success, fixtureRoutine], [plan({ part: 1 })]);
    s.must(cmd('startMeeting', ANA));
    apply(
      s,
      shareObservation(s.state, { authorId: BEN, observationId: NOTE_BEN, text: 'Pairs talked', now: T0 }),
    );
    apply(
      s,
      shareObservation(s.state, {
        authorId: COACH,
        observationId: NOTE_COACH,
        text: 'I modeled it',
        now: T0,
      }),
    );
    s.must(cmd('endMeeting', ANA));
    const minutes = MeetingMinutes.parse(minutesOf(s.state));
    expect(minutes.parts[0]?.plan).toBeNull();
    expect(minutes.parts[0]?.observations).toEqual([]);
    expect(minutes.parts[1]?.plan).toEqual({
      curiosity: plan().curiosity,
      practice: plan().practice,
      modelId: COACH,
      modelInvited: true,
      mode: 'classroom-visit',
      modelingAt: plan().modelingAt,
      videoUrl: null,
      fromSuccess: plan().fromSuccess,
    });
    expect(minutes.parts[1]?.presenterId).toBe(COACH);
    expect(minutes.parts[1]?.observations.map((o) => [o.authorId, o.text])).toEqual([
      [BEN, 'Pairs talked'],
      [COACH, 'I modeled it'],
    ]);
    expect(minutes.invitees).toEqual([COACH]);
  });
});

describe('PM-NOTE-2: privacy of visit notes (property)', () => {
  test('no text reaches a view, a redacted event or the minutes unless its author shared it', () => {
    const people = [ANA, BEN, CAI, COACH];
    const action = fc.record({
      author: fc.constantFrom(...people),
      shared: fc.boolean(),
      text: fc.string({ minLength: 3, maxLength: 30 }).filter((t) => t.trim().length >= 3),
    });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 8 }), fc.constantFrom(...people, DEE), (actions, viewer) => {
        const s = planned();
        s.must(cmd('startMeeting', ANA));
        const notes = new Map<string, string>(); // author -> private text
        const published = new Set<string>();
        actions.forEach((a, i) => {
          const text = `«${i}:${a.text.trim()}»`;
          notes.set(a.author, text);
          if (!a.shared) return;
          const id = `00000000-0000-4000-8000-${String(people.indexOf(a.author)).padStart(12, '0')}`;
          apply(s, shareObservation(s.state, { authorId: a.author, observationId: id, text, now: s.now }));
          published.add(text);
        });
        const seen = JSON.stringify([
          viewFor(s.state, viewer),
          s.events.map((e) => redactEventFor(e, viewer)),
          minutesOf(s.state),
        ]);
        for (const text of new Set([
          ...notes.values(),
          ...actions.map((a, i) => `«${i}:${a.text.trim()}»`),
        ])) {
          const escaped = JSON.stringify(text).slice(1, -1);
          expect(seen.includes(escaped)).toBe(published.has(text));
        }
        expect(replay(s.events)).toEqual(s.state);
      }),
      { numRuns: 150 },
    );
  });
});

describe('PM-PLAN-2: the team’s recorded successes', () => {
  const at = (seq: number) => T0 + seq;
  const head = (seq: number, actorId = ANA) => ({
    seq,
    v: 1 as const,
    at: at(seq),
    actorId,
    idempotencyKey: null,
  });

  test('the last success record of each part, with its presenter, newest first; other kinds left out', () => {
    const events: MeetingEvent[] = [
      { ...head(2), type: 'roles.assigned', payload: { presenter: BEN, part: 0 } },
      { ...head(3), type: 'meeting.started', payload: { defaultPresenter: ANA } },
      {
        ...head(4, BEN),
        type: 'presentation.recorded',
        payload: { part: 0, kind: 'success', title: 'Draft', summary: '', mode: null },
      },
      {
        ...head(5, BEN),
        type: 'presentation.recorded',
        payload: { part: 0, kind: 'success', title: 'Exit tickets', summary: 'Daily', mode: null },
      },
      {
        ...head(6),
        type: 'presentation.recorded',
        payload: { part: 1, kind: 'dilemma', title: 'Not a success', summary: '', mode: null },
      },
    ];
    const older = [
      {
        ...head(9, CAI),
        at: T0 - 1_000,
        type: 'presentation.recorded' as const,
        payload: { part: 0, kind: 'success' as const, title: 'Reading buddies', summary: '', mode: null },
      },
    ];
    const found = successesOf([
      { meetingId: SUCCESS_MEETING, title: 'Week 1', events },
      { meetingId: MEETING_ID, title: 'Week 0', events: older },
    ]);
    expect(found).toEqual([
      {
        meetingId: SUCCESS_MEETING,
        meetingTitle: 'Week 1',
        part: 0,
        title: 'Exit tickets',
        summary: 'Daily',
        presenterId: BEN,
        at: at(5),
      },
      {
        meetingId: MEETING_ID,
        meetingTitle: 'Week 0',
        part: 0,
        title: 'Reading buddies',
        summary: '',
        presenterId: null,
        at: T0 - 1_000,
      },
    ]);
  });
});
