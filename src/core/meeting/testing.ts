/**
 * Test support for the meeting core (imported by *.test.ts only): a roster, a small routine that has every
 * kind of step, and a session helper that decides, appends and folds like the server will.
 */
import type { CommandOf, MeetingCommand, MeetingCommandType, MeetingEvent } from '../../contracts/meeting';
import type { Routine } from '../../contracts/routine';
import { createMeeting } from './create';
import { decide, type Decision } from './decide';
import { evolve, replay } from './evolve';
import type { MeetingState } from './state';
import { tick } from './tick';

export const ANA = '00000000-0000-4000-8000-00000000000a';
export const BEN = '00000000-0000-4000-8000-00000000000b';
export const CAI = '00000000-0000-4000-8000-00000000000c';
export const DEE = '00000000-0000-4000-8000-00000000000d';
export const OUTSIDER = '00000000-0000-4000-8000-0000000000ff';
export const MEMBERS = [ANA, BEN, CAI, DEE] as const;
export const MEETING_ID = '00000000-0000-4000-8000-000000000100';
export const T0 = 1_800_000_000_000;
export const MIN = 60_000;

const step = (
  id: string,
  kind: Routine['steps'][number]['kind'],
  minutes: number,
  extra: Partial<Routine['steps'][number]> = {},
) => ({
  id,
  title: `Step ${id}`,
  kind,
  minutes,
  purpose: `Purpose of ${id}`,
  prompts: [`Prompt for ${id}`],
  speaker: 'team' as const,
  sources: ['vicarious' as const],
  ...extra,
});

/** observe (variable) → describe → probe (questions) → discuss → final: every tool a meeting screen has. */
export const fixtureRoutine: Routine = {
  id: 'fixture',
  version: 1,
  name: 'Fixture routine',
  summary: 'A routine for tests.',
  focus: 'observed-practice',
  source: 'Written for tests',
  audience: 'Tests',
  steps: [
    step('observe', 'observe', 10, {
      variable: true,
      modes: ['classroom-video', 'in-meeting-demonstration'],
      speaker: 'model',
    }),
    step('describe', 'present', 2, { speaker: 'presenter' }),
    step('probe', 'questions', 4, { questionKind: 'probing' }),
    step('discuss', 'discussion', 4, { speaker: 'team-presenter-listens' }),
    step('final', 'final', 4, {
      sources: ['mastery', 'vicarious', 'social_persuasion', 'affective_state'],
      finalPrompts: { learned: 'Learned?', nextSteps: 'Next?', sources: 'Sources?' },
    }),
  ],
};

type Body<T extends MeetingCommandType> = Omit<CommandOf<T>, 'type' | 'actorId' | 'idempotencyKey'>;

let keyCounter = 0;
/** A command with a fresh idempotency key. */
export function cmd<T extends MeetingCommandType>(
  type: T,
  actorId: string,
  body: Body<T> = {} as Body<T>,
): CommandOf<T> {
  keyCounter += 1;
  return { type, actorId, idempotencyKey: `key-${keyCounter}`, ...body } as CommandOf<T>;
}

export interface Session {
  state: MeetingState;
  events: MeetingEvent[];
  now: number;
  /** Decides at the session clock and, when accepted, appends and folds the events. */
  send(command: MeetingCommand, newId?: string): Decision;
  /** Like send, but throws when refused: for setting the scene. */
  must(command: MeetingCommand, newId?: string): MeetingEvent[];
  wait(ms: number): void;
  tick(): MeetingEvent[];
}

/** A meeting in the lobby; pass several routines for an agenda. */
export function session(
  routine: Routine | readonly Routine[] = fixtureRoutine,
  memberIds: readonly string[] = MEMBERS,
): Session {
  const agenda = Array.isArray(routine) ? routine : [routine];
  const created = createMeeting({ meetingId: MEETING_ID, agenda, memberIds, facilitatorId: ANA, now: T0 });
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
      if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code} ${d.error.message}`);
      return d.events;
    },
    wait(ms) {
      s.now += ms;
    },
    tick() {
      const events = tick(s.state, s.now);
      s.events.push(...events);
      s.state = events.reduce(evolve, s.state);
      return events;
    },
  };
  return s;
}

/** A started meeting on its first step, timer idle. */
export function started(routine: Routine | readonly Routine[] = fixtureRoutine): Session {
  const s = session(routine);
  s.must(cmd('startMeeting', ANA));
  return s;
}

/** Moves a started session forward to the step with this id. */
export function goTo(s: Session, stepId: string): void {
  for (;;) {
    const i = s.state.currentStepIndex;
    const current = i === null ? undefined : s.state.steps[i];
    if (!current) throw new Error('not running');
    if (current.stepId === stepId) return;
    s.must(cmd('nextStep', s.state.roles.facilitator ?? ANA, { fromStepId: current.stepId }));
  }
}

/** Deep-freezes a value so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
