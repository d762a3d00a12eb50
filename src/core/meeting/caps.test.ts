/**
 * Caps one person cannot use up for everyone (TRUST-RT-CAP-1) and leaving the roster when removed from the
 * team (TRUST-REVOKE-6), decided by the pure core.
 */
import { describe, expect, test } from 'vitest';
import { LIMITS, removeFromRoster } from './decide';
import { evolve, replay } from './evolve';
import { abilitiesFor } from './policy';
import { ANA, BEN, CAI, cmd, goTo, OUTSIDER, started, T0 } from './testing';

describe('TRUST-RT-CAP-1: per-person caps below the meeting caps', () => {
  test('the per-person caps are below the per-meeting caps', () => {
    expect(LIMITS.suggestionsPerPerson).toBeLessThan(LIMITS.suggestions);
    expect(LIMITS.questionsPerPerson).toBeLessThan(LIMITS.questions);
  });

  test('one person is refused LIMIT at their suggestion cap; the others can still suggest', () => {
    const s = started();
    for (let i = 0; i < LIMITS.suggestionsPerPerson; i++)
      s.must(cmd('suggestNote', BEN, { stepId: 'observe', text: `note ${i}` }));
    const refused = s.send(cmd('suggestNote', BEN, { stepId: 'observe', text: 'one more' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'LIMIT' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/most one person/);
    expect(s.send(cmd('suggestNote', CAI, { stepId: 'observe', text: 'mine' })).ok).toBe(true);
    expect(s.state.suggestions.filter((x) => x.authorId === BEN)).toHaveLength(LIMITS.suggestionsPerPerson);
  });

  test('one person is refused LIMIT at their question cap; the others can still ask', () => {
    const s = started();
    goTo(s, 'probe');
    for (let i = 0; i < LIMITS.questionsPerPerson; i++)
      s.must(cmd('submitQuestion', BEN, { kind: 'probing', text: `why ${i}?` }));
    expect(s.send(cmd('submitQuestion', BEN, { kind: 'probing', text: 'and?' }))).toMatchObject({
      ok: false,
      error: { code: 'LIMIT' },
    });
    expect(s.send(cmd('submitQuestion', CAI, { kind: 'probing', text: 'how?' })).ok).toBe(true);
  });
});

describe('TRUST-REVOKE-6: removed from the team, off the roster', () => {
  test('removal is one roster.removed event; the person then cannot send commands; their words stay', () => {
    const s = started();
    s.must(cmd('suggestNote', BEN, { stepId: 'observe', text: 'before leaving' }));
    s.must(cmd('assignRoles', ANA, { timekeeper: BEN, noteTaker: BEN }));
    const events = removeFromRoster(s.state, BEN, T0 + 5);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'roster.removed',
      seq: s.state.seq + 1,
      payload: { memberId: BEN },
    });
    s.events.push(...events);
    s.state = events.reduce(evolve, s.state);
    expect(s.state.memberIds).not.toContain(BEN);
    expect(s.state.roles.timekeeper).toBeNull();
    expect(s.state.roles.noteTaker).toBeNull();
    expect(s.send(cmd('suggestNote', BEN, { stepId: 'observe', text: 'after' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(Object.values(abilitiesFor(s.state, BEN)).some(Boolean)).toBe(false);
    expect(s.state.suggestions.map((x) => x.text)).toContain('before leaving');
    // The log replays to the same state.
    expect(replay(s.events)).toEqual(s.state);
  });

  test('a removed facilitator hands facilitation to the next person on the roster, so the meeting goes on', () => {
    const s = started();
    const events = removeFromRoster(s.state, ANA, T0);
    expect(events[0]).toMatchObject({ payload: { memberId: ANA, facilitatorId: BEN } });
    s.state = events.reduce(evolve, s.state);
    expect(s.state.roles.facilitator).toBe(BEN);
    expect(s.send(cmd('startTimer', BEN)).ok).toBe(true);
  });

  test('nobody on the roster, or no meeting yet: no event', () => {
    const s = started();
    expect(removeFromRoster(s.state, OUTSIDER, T0)).toEqual([]);
    expect(removeFromRoster(replay([]), ANA, T0)).toEqual([]);
  });
});
