/**
 * DAY-FIRST-4: meeting guests in the meeting's log (ADR 0013). The facilitator's admission is one
 * `roster.guest-admitted` event (strict payload); the guest then takes part like anyone on the roster, sees only
 * what everyone may, and never facilitates.
 */
import { describe, expect, test } from 'vitest';
import { MeetingEvent } from '#contracts/meeting';
import { removeFromRoster } from './decide';
import { evolve, replay } from './evolve';
import { admitGuest, isGuest } from './guests';
import { minutesOf } from './minutes';
import { abilitiesFor } from './policy';
import { redactEventFor, viewFor } from './privacy';
import { ANA, BEN, cmd, goTo, session, started, T0, type Session } from './testing';

const GUEST = '00000000-0000-4000-8000-0000000000e1';
const OTHER_GUEST = '00000000-0000-4000-8000-0000000000e2';

function admit(s: Session, guestId = GUEST, name = 'Gia Guest', by = ANA) {
  const d = admitGuest(s.state, { guestId, name, by, now: s.now, idempotencyKey: `admit-guest:${guestId}` });
  if (d.ok) {
    s.events.push(...d.events);
    s.state = d.events.reduce(evolve, s.state);
  }
  return d;
}

describe('DAY-FIRST-4: admitting a meeting guest', () => {
  test('the facilitator admits: one roster.guest-admitted event; the guest is on the roster with their name', () => {
    const s = session();
    const d = admit(s);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.events).toEqual([
      {
        seq: 2,
        type: 'roster.guest-admitted',
        v: 1,
        at: T0,
        actorId: ANA,
        idempotencyKey: `admit-guest:${GUEST}`,
        payload: { guestId: GUEST, name: 'Gia Guest' },
      },
    ]);
    expect(MeetingEvent.parse(d.events[0])).toEqual(d.events[0]);
    expect(s.state.memberIds).toContain(GUEST);
    expect(s.state.guests).toEqual({ [GUEST]: 'Gia Guest' });
    expect(isGuest(s.state, GUEST)).toBe(true);
    expect(isGuest(s.state, BEN)).toBe(false);
    expect(replay(s.events)).toEqual(s.state);
  });

  test('the payload is strict: no extra field, no empty or over-long name, a uuid id', () => {
    const good = {
      seq: 2,
      type: 'roster.guest-admitted',
      v: 1,
      at: T0,
      actorId: ANA,
      idempotencyKey: 'k',
      payload: { guestId: GUEST, name: 'Gia' },
    };
    expect(MeetingEvent.safeParse(good).success).toBe(true);
    for (const payload of [
      { guestId: GUEST, name: 'Gia', email: 'gia@x.test' },
      { guestId: GUEST, name: '' },
      { guestId: GUEST, name: 'x'.repeat(81) },
      { guestId: 'not-an-id', name: 'Gia' },
      { name: 'Gia' },
    ])
      expect(MeetingEvent.safeParse({ ...good, payload }).success).toBe(false);
  });

  test('only the facilitator admits; not before the meeting exists, not after it ended', () => {
    const s = session();
    expect(admit(s, GUEST, 'Gia', BEN)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(
      admitGuest(replay([]), { guestId: GUEST, name: 'G', by: ANA, now: T0, idempotencyKey: 'k' }),
    ).toMatchObject({ ok: false, error: { code: 'NO_MEETING' } });
    s.must(cmd('endMeeting', ANA));
    expect(admit(s)).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
  });

  test('admitting twice adds nobody twice (no event the second time); a member id is not a guest', () => {
    const s = session();
    expect(admit(s).ok).toBe(true);
    const again = admit(s);
    expect(again).toEqual({ ok: true, events: [] });
    expect(s.state.memberIds.filter((id) => id === GUEST)).toHaveLength(1);
    expect(admit(s, BEN)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  test('a guest may be admitted while the meeting runs, and then takes part like anyone on the roster', () => {
    const s = started();
    expect(admit(s).ok).toBe(true);
    goTo(s, 'probe');
    expect(
      s.send(cmd('submitQuestion', GUEST, { kind: 'probing', text: 'What did you try first?' })).ok,
    ).toBe(true);
    expect(s.send(cmd('suggestNote', GUEST, { stepId: 'probe', text: 'A note' })).ok).toBe(true);
    expect(
      s.send(cmd('writeReflection', GUEST, { stepId: 'probe', text: 'my own thought' }), 'r-guest').ok,
    ).toBe(true);
    // …but none of the facilitator's powers.
    expect(s.send(cmd('nextStep', GUEST, { fromStepId: 'probe' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(abilitiesFor(s.state, GUEST).nextStep).toBe(false);
    expect(abilitiesFor(s.state, GUEST).submitQuestion).toBe(true);
  });

  test('a guest who is not admitted can do nothing', () => {
    const s = started();
    expect(s.send(cmd('suggestNote', OTHER_GUEST, { stepId: 'observe', text: 'hi' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
  });

  test('facilitation never goes to a guest, by hand-over or when the facilitator leaves the team', () => {
    const t = session(undefined, [ANA, BEN]);
    expect(admit(t).ok).toBe(true);
    expect(t.send(cmd('handOverFacilitation', ANA, { toId: GUEST }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    const only = session(undefined, [ANA]);
    expect(admit(only).ok).toBe(true);
    const events = removeFromRoster(only.state, ANA, T0);
    // The guest is next on the roster, yet facilitation goes to nobody rather than to them.
    expect(events[0]).toMatchObject({ payload: { memberId: ANA, facilitatorId: null } });
    expect(removeFromRoster(t.state, ANA, T0)[0]).toMatchObject({ payload: { facilitatorId: BEN } });
  });

  test('privacy is unchanged: a guest never receives others’ private reflections, nor others the guest’s', () => {
    const s = started();
    expect(admit(s).ok).toBe(true);
    const mine = s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'BEN private' }), 'r-ben');
    const theirs = s.must(
      cmd('writeReflection', GUEST, { stepId: 'observe', text: 'GUEST private' }),
      'r-guest',
    );
    expect(redactEventFor(mine[0]!, GUEST).type).toBe('event.redacted');
    expect(redactEventFor(theirs[0]!, BEN).type).toBe('event.redacted');
    expect(JSON.stringify(viewFor(s.state, GUEST))).not.toContain('BEN private');
    expect(JSON.stringify(minutesOf(s.state))).not.toContain('private');
  });

  test('the minutes list the guests by name', () => {
    const s = started();
    admit(s);
    admit(s, OTHER_GUEST, 'Omar');
    expect(minutesOf(s.state).guests).toEqual([
      { id: GUEST, name: 'Gia Guest' },
      { id: OTHER_GUEST, name: 'Omar' },
    ]);
  });
});
