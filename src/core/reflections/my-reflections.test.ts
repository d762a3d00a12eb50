import { describe, expect, it } from 'vitest';
import { MeetingEvent } from '../../contracts/meeting';
import { minutesOf } from '../meeting/minutes';
import { ANA, BEN, CAI, cmd, fixtureRoutine, goTo, MIN, started } from '../meeting/testing';
import { myReflectionsOf } from './my-reflections';

/** A meeting where Ben writes two reflections (one edited) and Cai one, then the meeting ends. */
function scene() {
  const s = started();
  s.wait(MIN);
  s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'First thought' }), 'r-ben-1');
  s.must(cmd('writeReflection', CAI, { stepId: 'observe', text: 'Cai alone knows this' }), 'r-cai-1');
  goTo(s, 'probe');
  s.wait(MIN);
  s.must(cmd('writeReflection', BEN, { stepId: 'probe', text: 'Second thought' }), 'r-ben-2');
  s.wait(MIN);
  s.must(cmd('writeReflection', BEN, { reflectionId: 'r-ben-1', stepId: 'observe', text: 'First, revised' }));
  s.must(cmd('endMeeting', ANA));
  return s;
}

describe('myReflectionsOf (DAY-REFL-1, DAY-REFL-2)', () => {
  it('DAY-REFL-1: after the meeting, the author gets each reflection once, with its latest text, step and routine, in the order first written', () => {
    const s = scene();
    const events = s.events.map((e) => MeetingEvent.parse(e));
    const mine = myReflectionsOf(events, BEN);
    expect(mine.map((r) => [r.reflectionId, r.stepId, r.stepTitle, r.routineName, r.text])).toEqual([
      ['r-ben-1', 'observe', 'Step observe', fixtureRoutine.name, 'First, revised'],
      ['r-ben-2', 'probe', 'Step probe', fixtureRoutine.name, 'Second thought'],
    ]);
    const [first] = mine;
    expect(first?.writtenAt).toBeGreaterThan(first?.firstWrittenAt ?? Infinity);
    expect(first?.shared).toBeNull();
  });

  it('DAY-REFL-2: never another person’s reflection, whatever the log holds; the log order does not matter', () => {
    const s = scene();
    const shuffled = [...s.events].reverse();
    const texts = myReflectionsOf(shuffled, BEN).map((r) => r.text);
    expect(texts).not.toContain('Cai alone knows this');
    expect(myReflectionsOf(s.events, CAI).map((r) => r.text)).toEqual(['Cai alone knows this']);
    expect(myReflectionsOf(s.events, ANA)).toEqual([]);
    // A forged share by someone else of Ben's reflection does not mark it shared for Ben.
    const forged = {
      ...s.events.at(-1)!,
      seq: s.state.seq + 1,
      type: 'reflection.shared' as const,
      actorId: CAI,
      payload: { reflectionId: 'r-ben-2', stepId: 'probe', text: 'Second thought' },
    };
    expect(
      myReflectionsOf([...s.events, forged], BEN).find((r) => r.reflectionId === 'r-ben-2')?.shared,
    ).toBe(null);
  });

  it('DAY-REFL-1: works on a filtered log (created + reflection events), and step ids of several-routine agendas get their titles', () => {
    const s = started([fixtureRoutine, { ...fixtureRoutine, id: 'second', name: 'Second routine' }]);
    goTo(s, 'p2-probe');
    s.must(cmd('writeReflection', BEN, { stepId: 'p2-probe', text: 'In part two' }), 'r-2');
    const filtered = s.events.filter((e) => e.type === 'meeting.created' || e.type.startsWith('reflection.'));
    expect(myReflectionsOf(filtered, BEN)).toMatchObject([
      { stepId: 'p2-probe', stepTitle: 'Step probe', routineName: 'Second routine', text: 'In part two' },
    ]);
    // Without the snapshot the step id stands in for the title.
    expect(myReflectionsOf(filtered.slice(1), BEN)[0]?.stepTitle).toBe('p2-probe');
  });
});

describe('sharing after the meeting (DAY-REFL-4)', () => {
  it('DAY-REFL-4: the author shares a private reflection after the meeting has ended; the minutes show it, marked after the meeting', () => {
    const s = scene();
    const endedAt = s.state.endedAt ?? 0;
    s.wait(7 * 24 * 60 * MIN);
    const [event] = s.must(cmd('shareReflection', BEN, { reflectionId: 'r-ben-1' }));
    expect(event).toMatchObject({
      type: 'reflection.shared',
      payload: { reflectionId: 'r-ben-1', stepId: 'observe', text: 'First, revised' },
    });
    const minutes = minutesOf(s.state);
    expect(minutes.sharedReflections).toMatchObject([
      { reflectionId: 'r-ben-1', authorId: BEN, text: 'First, revised', afterMeeting: true },
    ]);
    expect(minutes.sharedReflections[0]?.at).toBeGreaterThan(endedAt);
    expect(myReflectionsOf(s.events, BEN)[0]?.shared).toEqual({
      at: event?.at,
      upToDate: true,
      afterMeeting: true,
    });
    // Still nobody else's to share, and nothing else opens up after the end.
    expect(s.send(cmd('shareReflection', CAI, { reflectionId: 'r-ben-2' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(s.send(cmd('writeReflection', BEN, { stepId: 'observe', text: 'Too late' }))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
  });

  it('DAY-REFL-4: a share during the meeting is not marked as after it; an edit after sharing makes the share out of date', () => {
    const s = started();
    s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'Live' }), 'r-1');
    s.must(cmd('shareReflection', BEN, { reflectionId: 'r-1' }));
    s.must(cmd('writeReflection', BEN, { reflectionId: 'r-1', stepId: 'observe', text: 'Live, edited' }));
    expect(minutesOf(s.state).sharedReflections[0]?.afterMeeting).toBe(false);
    expect(myReflectionsOf(s.events, BEN)[0]?.shared?.upToDate).toBe(false);
    expect(myReflectionsOf(s.events, BEN)[0]?.shared?.afterMeeting).toBe(false);
  });
});
