/**
 * PM-MIN-1..3: the Markdown minutes of a Peer Modeling meeting show the plan (with the observation mode), the
 * recorded mode and the shared observations with their authors; people's text and links are never markup.
 */
import { describe, expect, it } from 'vitest';
import type { PeerModelingPlan } from '#contracts/meeting';
import {
  createMeeting,
  decide,
  evolve,
  minutesOf,
  replay,
  shareObservation,
  type MeetingState,
} from '#core/meeting/index';
import { ANA, BEN, fixtureRoutine, MEETING_ID, MEMBERS, T0 } from '#core/meeting/testing';
import { mdUrl, minutesToMarkdown } from './documents';

const COACH = '00000000-0000-4000-8000-0000000000c0';
const NOTE = '00000000-0000-4000-8000-0000000000b1';

function ranMeeting(plan: PeerModelingPlan, note: string): MeetingState {
  const created = createMeeting({
    meetingId: MEETING_ID,
    agenda: [fixtureRoutine],
    memberIds: [...MEMBERS, COACH],
    facilitatorId: ANA,
    now: T0,
    plans: [plan],
    invitedIds: [COACH],
  });
  if (!created.ok) throw new Error(created.error.message);
  let state = replay(created.events);
  const run = (d: ReturnType<typeof decide>) => {
    if (!d.ok) throw new Error(d.error.message);
    state = d.events.reduce(evolve, state);
  };
  run(decide(state, { type: 'startMeeting', actorId: ANA, idempotencyKey: 'k1' }, { now: T0 }));
  run(
    decide(
      state,
      {
        type: 'recordPresentation',
        actorId: COACH,
        idempotencyKey: 'k2',
        title: 'Turn and talk',
        summary: '',
      },
      { now: T0 },
    ),
  );
  run(shareObservation(state, { authorId: BEN, observationId: NOTE, text: note, now: T0 + 1 }));
  run(decide(state, { type: 'endMeeting', actorId: ANA, idempotencyKey: 'k3' }, { now: T0 + 2 }));
  return state;
}

const plan: PeerModelingPlan = {
  part: 0,
  curiosity: 'How do pairs *explain* their thinking?',
  practice: 'Turn and talk',
  modelId: COACH,
  mode: 'classroom-video',
  modelingAt: '2026-12-01T09:30:00.000Z',
  videoUrl: 'https://video.example.org/watch?v=42&t=10',
  fromSuccess: { meetingId: MEETING_ID, part: 0, title: 'Sentence starters' },
};

const names = new Map([
  [COACH, 'Cora Coach'],
  [BEN, 'Ben [evil](https://x.test)'],
  [ANA, 'Ana'],
]);

describe('Markdown minutes of Peer Modeling', () => {
  it('PM-MIN-1, PM-MIN-2: the plan, the mode and the shared observation with its author', () => {
    const md = minutesToMarkdown(minutesOf(ranMeeting(plan, 'Pairs used\nthe starters')), {
      title: 'Peer Modeling',
      groupName: 'Grade 3',
      names,
    });
    expect(md).toContain('## Plan');
    expect(md).toContain('- Area of curiosity: How do pairs \\*explain\\* their thinking?');
    expect(md).toContain('- Model: Cora Coach (invited to this meeting)');
    expect(md).toContain('- Observation mode: Classroom video');
    expect(md).toContain('- When: 2026-12-01 09:30 UTC');
    expect(md).toContain('- Video: <https://video.example.org/watch?v=42&t=10>');
    expect(md).toContain('- From the success: Sentence starters');
    // The recorded presentation takes the planned mode (PM-PLAN-4) and says it.
    expect(md).toContain('Observation mode: Classroom video\n');
    expect(md).toContain('## Shared observations');
    expect(md).toContain('### Ben \\[evil\\](https://x.test)\n\nPairs used\nthe starters');
  });

  it('PM-MIN-3: a link cannot end early or become markup; an observation cannot add a heading or a link', () => {
    expect(mdUrl('https://ok.example/a')).toBe('<https://ok.example/a>');
    // Not normalized https: written as escaped text, never as a link.
    expect(mdUrl('https://x.example/a> [click](javascript:alert(1))')).not.toContain('<https');
    expect(mdUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(mdUrl('https://x.example/<img src=x>')).toBe('https://x.example/\\<img src=x\\>');
    const md = minutesToMarkdown(
      minutesOf(ranMeeting(plan, '# Heading\n[link](https://evil.test)\n<script>alert(1)</script>')),
      { title: 'T', groupName: 'G', names },
    );
    expect(md).toContain('\\# Heading\n\\[link\\](https://evil.test)\n\\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/^# Heading/m);
  });
});
