/**
 * MEM-REC: the memory a meeting leaves, drawn from its log by `memoryOf` (docs/SPEC.md MEM-REC-*).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MeetingCommand, MeetingEvent, type PeerModelingPlan } from '../../contracts/meeting';
import { MemoryContent } from '../../contracts/memory';
import type { Routine, RoutineStep } from '../../contracts/routine';
import { createMeeting, evolve, replay, shareObservation } from '../meeting/index';
import {
  ANA,
  BEN,
  CAI,
  DEE,
  MEETING_ID,
  MEMBERS,
  T0,
  cmd,
  goTo,
  session,
  type Session,
} from '../meeting/testing';
import { memoryOf } from './memory';

const step = (id: string, kind: RoutineStep['kind'], speaker: RoutineStep['speaker'], extra = {}) => ({
  id,
  title: `Step ${id}`,
  kind,
  minutes: 3,
  purpose: `Purpose of ${id}`,
  prompts: [`Prompt for ${id}`],
  speaker,
  sources: ['vicarious' as const],
  ...extra,
});
const finalStep = step('final', 'final', 'team', {
  finalPrompts: { learned: 'Learned?', nextSteps: 'Next?', sources: 'Sources?' },
});
const routine = (id: string, name: string, focus: Routine['focus'], steps: RoutineStep[]): Routine => ({
  id,
  version: 1,
  name,
  summary: `${name} for tests.`,
  focus,
  source: 'Written for tests',
  audience: 'Tests',
  steps,
});
/** The shapes of the shipped routines (protocols/*.yaml), shortened. */
const successes = routine('share-successes', 'Share Successes', 'success', [
  step('identify', 'reflect', 'everyone-individually'),
  step('describe', 'present', 'presenter'),
  step('clarify', 'questions', 'team', { questionKind: 'clarifying' }),
  step('team-reflects', 'discussion', 'team-presenter-listens'),
  step('presenter-reflects', 'reflect', 'presenter'),
  finalStep,
]);
const problemSolve = routine('problem-solve', 'Problem-Solve a Dilemma', 'dilemma', [
  step('identify', 'reflect', 'everyone-individually'),
  step('describe', 'present', 'presenter'),
  step('probe', 'questions', 'team', { questionKind: 'probing' }),
  step('discuss', 'discussion', 'team-presenter-listens'),
  step('presenter-reflects', 'reflect', 'presenter'),
  finalStep,
]);
const peerModeling = routine('peer-modeling', 'Practice Peer Modeling', 'observed-practice', [
  step('observe', 'observe', 'model', { modes: ['classroom-visit', 'classroom-video'] }),
  step('reflect', 'reflect', 'everyone-individually'),
  step('discuss', 'discussion', 'observers'),
  finalStep,
]);

const META = { meetingId: MEETING_ID, title: 'Week 12', endedAt: T0 + 3_600_000 };
const ITEM = '00000000-0000-4000-8000-0000000000e1';
let ids = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

/** A session whose meeting opened with Peer Modeling plans (the shared `session` helper has none). */
function sessionWithPlans(agenda: readonly Routine[], plans: PeerModelingPlan[]): Session {
  const made = createMeeting({
    meetingId: MEETING_ID,
    agenda,
    memberIds: MEMBERS,
    facilitatorId: ANA,
    now: T0,
    plans,
  });
  if (!made.ok) throw new Error(made.error.message);
  const s = session(agenda);
  s.events.splice(0, s.events.length, ...made.events);
  s.state = replay(made.events);
  return s;
}
const write = (s: Session, stepId: string, text: string) => s.must(cmd('writeNote', ANA, { stepId, text }));
const end = (s: Session) => s.must(cmd('endMeeting', ANA));

describe('MEM-REC-2: a Share Successes part leaves a success', () => {
  it('MEM-REC-2 story, evidence, what worked, the presenter’s insight and what was learned', () => {
    const s = session(successes);
    s.must(cmd('assignRoles', ANA, { presenter: BEN }));
    s.must(cmd('startMeeting', ANA));
    goTo(s, 'describe');
    s.must(
      cmd('recordPresentation', BEN, {
        title: 'Exit tickets',
        summary: 'Daily exit tickets in grade 3 math',
        evidence: 'Unit test scores rose from 61% to 78%',
      }),
    );
    write(s, 'team-reflects', 'Short, daily, and the team looked at them together');
    write(s, 'presenter-reflects', 'I will keep them to three questions');
    write(s, 'final', 'Quick feedback loops work');
    end(s);
    expect(memoryOf(s.events, META)).toEqual([
      {
        meetingId: MEETING_ID,
        part: 0,
        kind: 'success',
        title: 'Exit tickets',
        authorId: BEN,
        occurredAt: META.endedAt,
        content: {
          kind: 'success',
          story: 'Daily exit tickets in grade 3 math',
          evidence: 'Unit test scores rose from 61% to 78%',
          whatWorked: 'Short, daily, and the team looked at them together',
          insight: 'I will keep them to three questions',
          learned: 'Quick feedback loops work',
        },
      },
    ]);
  });
});

describe('MEM-REC-3: a Problem-Solve part leaves a dilemma with the next steps chosen in it', () => {
  it('MEM-REC-3 next steps are the action items added while the meeting was in that part', () => {
    const s = session([successes, problemSolve]);
    s.must(cmd('startMeeting', ANA));
    // An action item in the first part belongs to the success, not to the dilemma.
    s.must(
      cmd('addActionItem', ANA, { text: 'Share the exit ticket template', ownerId: CAI, due: null }),
      nextId(),
    );
    write(s, 'p1-final', 'Templates save time');
    goTo(s, 'p2-describe');
    s.must(cmd('assignRoles', ANA, { presenter: DEE, part: 1 }));
    s.must(
      cmd('recordPresentation', DEE, { title: 'Quiet group work', summary: 'Groups stall after 5 minutes' }),
    );
    goTo(s, 'p2-discuss');
    write(s, 'p2-discuss', 'Roles cards; a visible timer');
    write(s, 'p2-presenter-reflects', 'Roles cards are worth a try');
    goTo(s, 'p2-final');
    s.must(
      cmd('addActionItem', DEE, { text: 'Try role cards in period 2', ownerId: DEE, due: '2027-01-15' }),
      ITEM,
    );
    write(s, 'p2-final', 'Structure helps');
    end(s);
    const drafts = memoryOf(s.events, META);
    expect(drafts.map((d) => [d.part, d.kind])).toEqual([
      [0, 'success'],
      [1, 'dilemma'],
    ]);
    expect(drafts[1]).toMatchObject({
      title: 'Quiet group work',
      authorId: DEE,
      content: {
        kind: 'dilemma',
        story: 'Groups stall after 5 minutes',
        suggestedActions: 'Roles cards; a visible timer',
        insight: 'Roles cards are worth a try',
        learned: 'Structure helps',
        nextSteps: [
          {
            meetingId: MEETING_ID,
            itemId: ITEM,
            text: 'Try role cards in period 2',
            ownerId: DEE,
            due: '2027-01-15',
          },
        ],
      },
    });
  });
});

describe('MEM-REC-4: a Peer Modeling part leaves an observation', () => {
  const plan: PeerModelingPlan = {
    part: 0,
    curiosity: 'How do pairs explain their thinking?',
    practice: 'Turn and talk with sentence stems',
    modelId: CAI,
    mode: 'classroom-visit',
    modelingAt: null,
    videoUrl: null,
    fromSuccess: null,
  };
  const cases: {
    name: string;
    plans: PeerModelingPlan[];
    record: { title: string; summary: string; mode?: 'classroom-video' } | null;
    want: Partial<Record<'practice' | 'curiosity' | 'modelId' | 'mode', unknown>>;
  }[] = [
    {
      name: 'MEM-REC-4 from the plan when there is one',
      plans: [plan],
      record: { title: 'Stems', summary: 'Video of stems', mode: 'classroom-video' },
      want: { practice: plan.practice, curiosity: plan.curiosity, modelId: CAI, mode: 'classroom-visit' },
    },
    {
      name: 'MEM-REC-4 from the record of the practice without a plan',
      plans: [],
      record: { title: 'Stems', summary: 'Video of stems', mode: 'classroom-video' },
      want: { practice: 'Video of stems', curiosity: '', modelId: BEN, mode: 'classroom-video' },
    },
  ];
  it.each(cases)('$name', ({ plans, record, want }) => {
    const s = plans.length ? sessionWithPlans([peerModeling], plans) : session([peerModeling]);
    s.must(cmd('assignRoles', ANA, { presenter: plans.length ? CAI : BEN }));
    s.must(cmd('startMeeting', ANA));
    if (record) s.must(cmd('recordPresentation', ANA, record));
    const shared = shareObservation(s.state, {
      authorId: DEE,
      observationId: nextId(),
      text: 'Pairs used stems 14 times',
      now: s.now,
    });
    if (!shared.ok) throw new Error(shared.error.message);
    s.events.push(...shared.events);
    s.state = shared.events.reduce(evolve, s.state);
    goTo(s, 'discuss');
    s.must(cmd('submitQuestion', ANA, { kind: 'probing', text: 'What made you choose stems?' }));
    write(s, 'final', 'Stems lower the threshold');
    end(s);
    const [draft] = memoryOf(s.events, META);
    expect(draft?.kind).toBe('observation');
    expect(draft?.content).toMatchObject({
      kind: 'observation',
      ...want,
      notes: [{ authorId: DEE, text: 'Pairs used stems 14 times' }],
      questions: [{ kind: 'probing', text: 'What made you choose stems?' }],
      learned: 'Stems lower the threshold',
    });
  });
});

describe('MEM-REC-7: titles and parts without content', () => {
  const cases: { name: string; run: (s: Session) => void; want: { part: number; title: string }[] }[] = [
    { name: 'MEM-REC-7 a part with nothing recorded leaves no record', run: () => undefined, want: [] },
    {
      name: 'MEM-REC-7 without a presentation the title is "<routine>: <meeting>"',
      run: (s) => write(s, 'final', 'We learned something'),
      want: [{ part: 0, title: 'Share Successes: Week 12' }],
    },
    {
      name: 'MEM-REC-7 the last record of the presentation gives the title',
      run: (s) => {
        s.must(cmd('recordPresentation', ANA, { title: 'First', summary: '' }));
        s.must(cmd('recordPresentation', ANA, { title: 'Second', summary: '' }));
      },
      want: [{ part: 0, title: 'Second' }],
    },
  ];
  it.each(cases)('$name', ({ run, want }) => {
    const s = session(successes);
    s.must(cmd('startMeeting', ANA));
    run(s);
    end(s);
    expect(memoryOf(s.events, META).map(({ part, title }) => ({ part, title }))).toEqual(want);
  });
});

describe('MEM-REC-5: evidence of student growth in the meeting', () => {
  it('MEM-REC-5 an older presentation.recorded without evidence still parses, and reads as no evidence', () => {
    const old = MeetingEvent.parse({
      seq: 3,
      type: 'presentation.recorded',
      v: 1,
      at: T0,
      actorId: ANA,
      idempotencyKey: 'k',
      payload: { part: 0, kind: 'success', title: 'Old', summary: 'Before evidence', mode: null },
    });
    const s = session(successes);
    s.must(cmd('startMeeting', ANA));
    const events = [...s.events, { ...old, seq: s.state.seq + 1 }];
    const [draft] = memoryOf(events, META);
    expect(draft?.content).toMatchObject({ kind: 'success', story: 'Before evidence', evidence: '' });
  });
  it('MEM-REC-5 only a success takes evidence; it is at most 2,000 characters', () => {
    const s = session(problemSolve);
    s.must(cmd('startMeeting', ANA));
    expect(s.send(cmd('recordPresentation', ANA, { title: 'x', summary: '', evidence: 'y' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    const body = { type: 'recordPresentation', actorId: ANA, idempotencyKey: 'k', title: 'x', summary: '' };
    expect(MeetingCommand.safeParse({ ...body, evidence: 'e'.repeat(2_000) }).success).toBe(true);
    expect(MeetingCommand.safeParse({ ...body, evidence: 'e'.repeat(2_001) }).success).toBe(false);
  });
});

describe('MEM-REC-8: private reflections never reach the memory', () => {
  it('MEM-REC-8 (property) no draft holds the text of any private reflection', () => {
    const secret = fc.stringMatching(/^[a-z]{6,20}$/).map((w) => `secret-${w}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ author: fc.constantFrom(...MEMBERS), text: secret }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom<readonly Routine[]>(
          [successes],
          [problemSolve],
          [peerModeling],
          [successes, problemSolve],
        ),
        fc.boolean(),
        (reflections, agenda, writeAtPresenterStep) => {
          const s = session(agenda);
          s.must(cmd('startMeeting', ANA));
          s.must(cmd('recordPresentation', ANA, { title: 'Shared title', summary: 'Shared story' }));
          for (const r of reflections) {
            const stepId =
              writeAtPresenterStep && agenda[0] !== peerModeling
                ? 'presenter-reflects'
                : s.state.steps[0]!.stepId;
            const stepIdInMeeting = agenda.length > 1 ? `p1-${stepId.replace(/^p\d-/, '')}` : stepId;
            s.must(cmd('writeReflection', r.author, { stepId: stepIdInMeeting, text: r.text }), nextId());
          }
          write(s, s.state.steps.at(-1)!.stepId, 'Shared learning');
          end(s);
          const drafts = memoryOf(s.events, META);
          expect(drafts.length).toBeGreaterThan(0);
          const all = JSON.stringify(drafts);
          for (const r of reflections) expect(all).not.toContain(r.text);
          for (const d of drafts) expect(MemoryContent.safeParse(d.content).success).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
