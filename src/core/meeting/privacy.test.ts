import { describe, expect, it } from 'vitest';
import { ANA, BEN, CAI, cmd, goTo, started } from './testing';
import { minutesOf, redactEventFor, replay, viewFor } from '.';

describe('private reflections', () => {
  it('MEET-PRIV-1: a private reflection is visible to its author only, and never in the minutes', () => {
    const s = started();
    s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'I am nervous about this' }), 'r-1');
    expect(viewFor(s.state, BEN).myReflections).toEqual([
      expect.objectContaining({ id: 'r-1', text: 'I am nervous about this' }),
    ]);
    for (const other of [ANA, CAI]) expect(JSON.stringify(viewFor(s.state, other))).not.toContain('nervous');
    expect(JSON.stringify(minutesOf(s.state))).not.toContain('nervous');
  });

  it('MEET-PRIV-2: sharing publishes a snapshot; later edits stay private until shared again', () => {
    const s = started();
    s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'First thought' }), 'r-1');
    s.must(cmd('shareReflection', BEN, { reflectionId: 'r-1' }));
    s.must(
      cmd('writeReflection', BEN, {
        reflectionId: 'r-1',
        stepId: 'observe',
        text: 'Second, private thought',
      }),
    );
    const forAna = JSON.stringify(viewFor(s.state, ANA));
    expect(forAna).toContain('First thought');
    expect(forAna).not.toContain('Second, private');
    expect(minutesOf(s.state).sharedReflections).toEqual([
      expect.objectContaining({ authorId: BEN, text: 'First thought' }),
    ]);
    s.must(cmd('shareReflection', BEN, { reflectionId: 'r-1' }));
    expect(minutesOf(s.state).sharedReflections.map((r) => r.text)).toEqual(['Second, private thought']);
  });

  it("MEET-PRIV-3: nobody can edit or share someone else's reflection, and the refusal does not reveal it exists", () => {
    const s = started();
    s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'Mine' }), 'r-1');
    expect(s.send(cmd('shareReflection', ANA, { reflectionId: 'r-1' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(s.send(cmd('shareReflection', ANA, { reflectionId: 'no-such' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      s.send(cmd('writeReflection', ANA, { reflectionId: 'r-1', stepId: 'observe', text: 'Hijack' })),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('MEET-PRIV-4: pushed events are redacted for everyone but the author, keeping seq and time, and fold to the same view', () => {
    const s = started();
    goTo(s, 'probe');
    s.must(cmd('writeReflection', BEN, { stepId: 'probe', text: 'Secret' }));
    const written = s.events.at(-1);
    if (!written) throw new Error('no event');
    expect(redactEventFor(written, BEN)).toBe(written);
    expect(redactEventFor(written, ANA)).toEqual({
      seq: written.seq,
      type: 'event.redacted',
      v: 1,
      at: written.at,
      actorId: 'system',
      idempotencyKey: null,
      payload: {},
    });
    const anasLog = s.events.map((e) => redactEventFor(e, ANA));
    expect(JSON.stringify(anasLog)).not.toContain('Secret');
    expect(viewFor(replay(anasLog), ANA)).toEqual(viewFor(s.state, ANA));
  });
});
