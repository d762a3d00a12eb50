import { describe, expect, it } from 'vitest';
import { MeetingCommand, type MeetingEvent } from '#contracts/meeting';
import {
  createMeeting,
  currentRoutineStep,
  decide,
  evolve,
  replay,
  type MeetingState,
} from '#core/meeting/index';
import { loadShippedRoutines } from '../routines/catalog';
import { ACTIONS_PER_STEP_MAX, planStep, shareCommand } from './script';

const ids = [1, 2, 3, 4].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const [visitor, ana, sam, jo] = ids as [string, string, string, string];
const colleagues = [ana, sam, jo];

describe('what simulated colleagues say (DAY-DEMO-5)', () => {
  for (const routine of loadShippedRoutines().values()) {
    it(`DAY-DEMO-5: in every step of ${routine.id} a handful of colleague commands parse and the core accepts them all`, () => {
      const created = createMeeting({
        meetingId: '00000000-0000-4000-8000-000000000100',
        agenda: [routine],
        memberIds: ids,
        facilitatorId: visitor,
        now: 1_000,
      });
      if (!created.ok) throw new Error(created.error.message);
      let state: MeetingState = replay(created.events);
      let now = 2_000;
      let n = 0;
      const run = (actorId: string, body: unknown): MeetingEvent[] => {
        const command = MeetingCommand.parse({ ...(body as object), actorId, idempotencyKey: `k${n++}` });
        const decision = decide(state, command, { now: (now += 1_000), newId: `id${n}` });
        if (!decision.ok) throw new Error(`${command.type} by ${actorId}: ${decision.error.message}`);
        state = decision.events.reduce(evolve, state);
        return decision.events;
      };
      run(visitor, { type: 'assignRoles', presenter: ana });
      run(visitor, { type: 'startMeeting' });
      const kinds = new Set<string>();
      while (state.phase === 'running') {
        const plan = planStep(state, colleagues, now, () => 0.5);
        expect(plan.length).toBeLessThanOrEqual(ACTIONS_PER_STEP_MAX);
        kinds.add(currentRoutineStep(state)?.kind ?? '');
        for (const action of plan) {
          const body = 'command' in action ? action.command : shareCommand(state, action.shareReflectionOf);
          expect(body).not.toBeNull();
          // Nothing a colleague does is the facilitator's to do, and nobody acts for the visitor.
          expect(action.actorId).not.toBe(visitor);
          run(action.actorId, body);
        }
        const stepId = state.steps[state.currentStepIndex ?? 0]?.stepId ?? '';
        if (state.currentStepIndex === state.steps.length - 1) run(visitor, { type: 'endMeeting' });
        else run(visitor, { type: 'nextStep', fromStepId: stepId });
      }
      expect(state.questions.length + state.suggestions.length).toBeGreaterThan(0);
      expect(state.sourceTags.map((t) => t.source)).toEqual(['vicarious', 'social_persuasion']);
      expect(state.sourceTags.every((t) => t.taggedBy !== ana)).toBe(true);
      if (kinds.has('questions')) expect(state.questions.every((q) => q.authorId !== ana)).toBe(true);
    });
  }
});
