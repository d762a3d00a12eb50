/** The minutes as Markdown keep a flag's reason and when a next step was done (built from core `minutesOf`). */
import { describe, expect, it } from 'vitest';
import { minutesOf } from '#core/meeting/index';
import { ANA, BEN, CAI, cmd, goTo, MIN, started } from '#core/meeting/testing';
import { minutesToMarkdown } from './documents';

const names = new Map([
  [ANA, 'Ana'],
  [BEN, 'Ben'],
  [CAI, 'Cai'],
]);

describe('minutes as Markdown', () => {
  it('LIVE-UI-16: a flagged probing card carries its reason; LIVE-UI-17: a next step done after the end shows [x] and the day', () => {
    const s = started();
    goTo(s, 'probe');
    s.must(cmd('submitQuestion', BEN, { kind: 'probing', text: 'Have you tried smaller groups?' }), 'q-1');
    s.must(cmd('flagQuestion', ANA, { questionId: 'q-1', flagged: true, reason: 'Suggests a fix' }));
    s.must(cmd('addActionItem', BEN, { text: 'Try exit tickets', ownerId: CAI, due: '2026-12-01' }), 'i-1');
    s.must(cmd('addActionItem', BEN, { text: 'Share the rubric', ownerId: BEN, due: null }), 'i-2');
    s.must(cmd('endMeeting', ANA));
    s.wait(3 * 24 * 60 * MIN);
    s.must(cmd('completeActionItem', CAI, { itemId: 'i-1' }));

    const markdown = minutesToMarkdown(minutesOf(s.state), { title: 'Weekly', groupName: 'Team', names });
    expect(markdown).toMatch(/Have you tried smaller groups\? — flagged: .*solution.*Suggests a fix/);
    const done = new Date(s.now).toISOString().slice(0, 10);
    expect(markdown).toContain(`- [x] Try exit tickets — Cai, due 2026-12-01 — done ${done}`);
    expect(markdown).toContain('- [ ] Share the rubric — Ben\n');
  });
});
