/** DAY-TIMER-5: the Markdown minutes say durations as the minutes page does, never "0.2 min". */
import { describe, expect, it } from 'vitest';
import { minutesOf } from '#core/meeting/index';
import { ANA, cmd, MIN, started } from '#core/meeting/testing';
import { minutesToMarkdown } from './documents';

describe('durations in the Markdown minutes', () => {
  it('DAY-TIMER-5: actual time reads "under 1 min", "4 min" or "not timed"; planned time in the same words', () => {
    const s = started();
    s.must(cmd('setStepMinutes', ANA, { stepId: 'observe', minutes: 65 }));
    s.must(cmd('startTimer', ANA));
    s.wait(4 * MIN + 10_000);
    s.must(cmd('nextStep', ANA, { fromStepId: 'observe' }));
    s.must(cmd('startTimer', ANA));
    s.wait(12_000);
    s.must(cmd('nextStep', ANA, { fromStepId: 'describe' }));
    s.must(cmd('endMeeting', ANA));

    const markdown = minutesToMarkdown(minutesOf(s.state), {
      title: 'Weekly',
      groupName: 'Team',
      names: new Map(),
    });
    expect(markdown).toContain('| Step observe | 1 h 5 min | 4 min |');
    expect(markdown).toContain('| Step describe | 2 min | under 1 min |');
    expect(markdown).toContain('| Step probe | 4 min | not timed |');
    expect(markdown).toContain('| Step discuss (not reached) | 4 min | not timed |');
    expect(markdown).not.toMatch(/\d\.\d+ min/);
  });
});
