/**
 * Property tests: random meetings (valid and invalid commands mixed, random clock jumps, server ticks and
 * client retries) must keep the invariants in docs/SPEC.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeetingCommand, MeetingEvent, type MeetingCommandType } from '../../contracts/meeting';
import { EFFICACY_SOURCES } from '../../contracts/routine';
import { ANA, deepFreeze, fixtureRoutine, MEETING_ID, MEMBERS, MIN, OUTSIDER, T0 } from './testing';
import {
  appliedSeq,
  createMeeting,
  decide,
  evolve,
  keyOf,
  minutesOf,
  redactEventFor,
  replay,
  stepTimer,
  tick,
  viewFor,
  type MeetingState,
} from '.';

// ---- command templates: symbolic references resolved against the state when sent, so many commands are valid

type ActorRef = 'facilitator' | 'timekeeper' | 'noteTaker' | 'presenter' | number | 'outsider';
type StepRef = 'current' | 'next' | number;
type ItemRef = 'last' | 'first' | 'bogus';
interface Template {
  type: MeetingCommandType;
  actor: ActorRef;
  key: string | null; // null: a fresh key
  step: StepRef;
  item: ItemRef;
  person: ActorRef;
  minutes: number;
  flag: boolean;
  words: string;
}
type Action =
  | { do: 'send'; t: Template; waitMs: number }
  | { do: 'tick'; waitMs: number }
  | { do: 'retry'; waitMs: number };

const COMMAND_TYPES: MeetingCommandType[] = MeetingCommand.def.options.flatMap(
  (o) => o.shape.type.def.values,
);
const weighted = (types: MeetingCommandType[], weight: number) =>
  types.map((t) => ({ arbitrary: fc.constant(t), weight }));

const templateArb: fc.Arbitrary<Template> = fc.record({
  type: fc.oneof(
    ...weighted(
      [
        'startTimer',
        'pauseTimer',
        'resumeTimer',
        'nextStep',
        'previousStep',
        'writeReflection',
        'shareReflection',
      ],
      6,
    ),
    ...weighted(
      [
        'startMeeting',
        'skipStep',
        'extendStep',
        'suggestNote',
        'acceptSuggestion',
        'submitQuestion',
        'tagSource',
        'addActionItem',
      ],
      3,
    ),
    ...weighted(COMMAND_TYPES, 2),
  ),
  actor: fc.oneof(
    { arbitrary: fc.constant<ActorRef>('facilitator'), weight: 6 },
    { arbitrary: fc.constantFrom<ActorRef>('timekeeper', 'noteTaker', 'presenter', 'outsider'), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 3 },
  ),
  key: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.constantFrom('dup-1', 'dup-2', 'dup-3'), weight: 1 },
  ),
  step: fc.oneof(fc.constantFrom<StepRef>('current', 'current', 'next'), fc.integer({ min: 0, max: 10 })),
  item: fc.constantFrom<ItemRef>('last', 'last', 'first', 'bogus'),
  person: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom<ActorRef>('facilitator', 'outsider')),
  minutes: fc.integer({ min: 1, max: 10 }),
  flag: fc.boolean(),
  words: fc.stringMatching(/^[a-e]{1,8}$/),
});

const waitArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5_000 }),
  fc.integer({ min: 0, max: 15 * MIN }),
);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ do: fc.constant('send' as const), t: templateArb, waitMs: waitArb }), weight: 10 },
  { arbitrary: fc.record({ do: fc.constant('tick' as const), waitMs: waitArb }), weight: 2 },
  { arbitrary: fc.record({ do: fc.constant('retry' as const), waitMs: waitArb }), weight: 1 },
);
const meetingArb = fc.record({
  autoAdvanceFirst: fc.boolean(),
  // DAY-TIMER-1: half the teams have the timer start itself (the meeting's first event says so).
  autoStartTimer: fc.boolean(),
  // Some meetings run an agenda of two routines, so moves across parts and per-part presenters are exercised.
  twoParts: fc.boolean(),
  // Most meetings start right away, so the actions exercise the running phase; some stay in the lobby a while.
  startFirst: fc.oneof(
    { arbitrary: fc.constant(true), weight: 4 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  actions: fc.array(actionArb, { maxLength: 80, size: 'max' }),
});

function person(s: MeetingState, ref: ActorRef): string {
  if (typeof ref === 'number') return MEMBERS[ref] ?? OUTSIDER;
  if (ref === 'outsider') return OUTSIDER;
  return s.roles[ref] ?? ANA;
}
function stepId(s: MeetingState, ref: StepRef): string {
  const i = s.currentStepIndex ?? 0;
  const index = ref === 'current' ? i : ref === 'next' ? i + 1 : ref;
  return s.steps[index]?.stepId ?? 'no-such-step';
}
function pick(items: readonly { id: string }[], ref: ItemRef): string {
  const item = ref === 'last' ? items.at(-1) : ref === 'first' ? items[0] : undefined;
  return item?.id ?? 'bogus-id';
}

let fresh = 0;
/** Reflection texts carry a unique upper-case marker; no other generated text can contain one. */
const secret = () => `PRIV${++fresh}X`;

function resolve(t: Template, s: MeetingState): MeetingCommand {
  const actorId = person(s, t.actor);
  const head = { actorId, idempotencyKey: t.key ?? `fresh-${++fresh}` };
  const mine = s.privateReflections[actorId] ?? [];
  const body = ((): Record<string, unknown> => {
    switch (t.type) {
      case 'extendStep':
        return { minutes: t.minutes };
      case 'setStepMinutes':
        return { stepId: stepId(s, t.step), minutes: t.minutes * 3 };
      case 'nextStep':
      case 'previousStep':
      case 'skipStep':
        return { fromStepId: stepId(s, t.step) };
      case 'assignRoles':
        return t.flag
          ? {
              presenter: person(s, t.person),
              noteTaker: person(s, t.person),
              ...(typeof t.step === 'number' && { part: t.step % 3 }),
            }
          : { timekeeper: t.item === 'bogus' ? null : person(s, t.person) };
      case 'handOverFacilitation':
        return { toId: person(s, t.person) };
      case 'writeNote':
      case 'suggestNote':
        return { stepId: stepId(s, t.step), text: t.words };
      case 'acceptSuggestion':
      case 'dismissSuggestion':
        return { suggestionId: pick(s.suggestions, t.item) };
      case 'submitQuestion':
        return { kind: t.flag ? 'probing' : 'clarifying', text: t.words };
      case 'flagQuestion':
        return { questionId: pick(s.questions, t.item), flagged: t.flag, reason: t.words };
      case 'writeReflection':
        return t.flag
          ? { reflectionId: pick(mine, t.item), stepId: stepId(s, t.step), text: secret() }
          : { stepId: stepId(s, t.step), text: secret() };
      case 'shareReflection':
        return { reflectionId: pick(mine, t.item) };
      case 'addActionItem':
        return { text: t.words, ownerId: person(s, t.person), due: t.flag ? '2026-12-01' : null };
      case 'completeActionItem':
        return { itemId: pick(s.actionItems, t.item), ...(t.flag && { outcome: t.words }) };
      case 'followUpNextStep': {
        // FOLLOW-CMD-1: the generated meetings carry no follow-ups, so these are refused (NOT_FOUND) or late.
        const f = s.followUps[0];
        return {
          meetingId: f?.meetingId ?? s.meetingId ?? OUTSIDER,
          itemId: f?.itemId ?? 'bogus-id',
          status: t.flag ? 'done' : 'carry-on',
          note: t.words,
        };
      }
      case 'recordPresentation':
        return t.flag
          ? { title: t.words, summary: t.words, mode: 'classroom-video' }
          : { title: t.words, summary: '' };
      case 'tagSource':
        return { source: EFFICACY_SOURCES[t.minutes % EFFICACY_SOURCES.length], why: t.words };
      case 'untagSource':
        return { tagId: pick(s.sourceTags, t.item) };
      case 'setAutoAdvance':
      case 'setAutoStartTimer':
        return { enabled: t.flag };
      default:
        return {};
    }
  })();
  // The generator must only make wire-valid commands: the server parses with the contract before deciding.
  return MeetingCommand.parse({ type: t.type, ...head, ...body });
}

// ---- the run: decide + evolve like the server, checking invariants after every action

interface Run {
  state: MeetingState;
  events: MeetingEvent[];
  now: number;
}

function start(autoAdvance: boolean, startFirst: boolean, twoParts: boolean, autoStartTimer = false): Run {
  const created = createMeeting({
    meetingId: MEETING_ID,
    agenda: twoParts ? [fixtureRoutine, fixtureRoutine] : [fixtureRoutine],
    memberIds: MEMBERS,
    facilitatorId: ANA,
    now: T0,
    autoStartTimer,
  });
  if (!created.ok) throw new Error(created.error.message);
  const run: Run = { state: replay(created.events), events: [...created.events], now: T0 };
  if (autoAdvance)
    apply(
      run,
      decideOk(run, { type: 'setAutoAdvance', actorId: ANA, idempotencyKey: 'setup-1', enabled: true }),
    );
  if (startFirst)
    apply(run, decideOk(run, { type: 'startMeeting', actorId: ANA, idempotencyKey: 'setup-2' }));
  return run;
}
function decideOk(run: Run, c: MeetingCommand): MeetingEvent[] {
  const d = decide(run.state, c, { now: run.now });
  if (!d.ok) throw new Error(d.error.message);
  return d.events;
}
function apply(run: Run, events: MeetingEvent[]): void {
  for (const e of events) {
    // Every event decide or tick makes must pass the wire contract (and its seq must follow on).
    check(MeetingEvent.safeParse(e).success, 'event matches the contract', e);
    check(e.seq === run.state.seq + 1, 'seq follows on', e);
    run.events.push(e);
    run.state = evolve(run.state, e);
  }
}

interface Hooks {
  afterAction?: (run: Run) => void;
  onDecision?: (
    before: MeetingState,
    c: MeetingCommand,
    d: ReturnType<typeof decide>,
    snapshot: MeetingState,
  ) => void;
}
function play(
  m: {
    autoAdvanceFirst: boolean;
    autoStartTimer?: boolean;
    startFirst: boolean;
    twoParts: boolean;
    actions: Action[];
  },
  hooks: Hooks = {},
): Run {
  const run = start(m.autoAdvanceFirst, m.startFirst, m.twoParts, m.autoStartTimer);
  let lastSent: MeetingCommand | null = null;
  for (const a of m.actions) {
    run.now += a.waitMs;
    deepFreeze(run.state);
    if (a.do === 'tick') {
      apply(run, tick(run.state, run.now));
    } else {
      const c: MeetingCommand | null = a.do === 'retry' ? lastSent : resolve(a.t, run.state);
      if (c) {
        const snapshot = structuredClone(run.state);
        const d = decide(run.state, c, { now: run.now });
        hooks.onDecision?.(run.state, c, d, snapshot);
        if (d.ok) {
          apply(run, d.events);
          if (d.events.length > 0) lastSent = c;
        }
      }
    }
    hooks.afterAction?.(run);
  }
  return run;
}

const RUNS = { numRuns: 300 };

/** A plain assertion for hot loops (vitest's expect is too slow to call millions of times). */
function check(condition: boolean, message: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(`${message}: ${JSON.stringify(detail)}`);
}

describe('meeting properties', () => {
  it("MEET-PROP-1: the phase is always well defined: running has exactly one current step, and only it may have a running timer; the presenter on the floor is the current part's", () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        play(m, {
          afterAction: ({ state }) => {
            const running = state.steps.flatMap((r, i) => (r.timer === 'running' ? [i] : []));
            const detail = { phase: state.phase, current: state.currentStepIndex, running };
            check(
              state.roles.presenter === (state.agenda[state.currentPart]?.presenter ?? null),
              "the presenter on the floor is the current part's",
              { ...detail, part: state.currentPart, presenter: state.roles.presenter },
            );
            if (state.phase === 'running') {
              check(
                state.currentStepIndex !== null && state.steps[state.currentStepIndex] !== undefined,
                'running needs one current step',
                detail,
              );
              check(
                running.every((i) => i === state.currentStepIndex),
                'only the current step may run',
                detail,
              );
              check(
                state.steps[state.currentStepIndex]?.partIndex === state.currentPart,
                "the current part is the current step's",
                detail,
              );
            } else {
              check(state.phase === 'lobby' || state.phase === 'ended', 'phase', detail);
              check(
                state.currentStepIndex === null && running.length === 0,
                'no current step outside running',
                detail,
              );
            }
            for (const r of state.steps)
              check((r.runningSince !== null) === (r.timer === 'running'), 'runningSince iff running', r);
            check(
              state.steps.length === state.agenda.reduce((n, p) => n + p.routine.steps.length, 0),
              'one run per routine step of the agenda',
            );
          },
        });
      }),
      RUNS,
    );
  });

  it('MEET-PROP-2: remaining is never negative, and elapsed + remaining = planned + extensions until the step overruns', () => {
    fc.assert(
      fc.property(
        meetingArb,
        fc.array(fc.integer({ min: -5 * MIN, max: 30 * MIN }), { minLength: 1, maxLength: 4 }),
        (m, probes) => {
          play(m, {
            afterAction: ({ state, now }) => {
              for (const run of state.steps) {
                for (const p of [0, ...probes]) {
                  const t = stepTimer(run, now + p);
                  const total = t.plannedMs + t.extensionsMs;
                  check(t.remainingMs >= 0 && t.overrunMs >= 0, 'never negative', t);
                  check(
                    t.overrunMs === 0 ? t.elapsedMs + t.remainingMs === total : t.remainingMs === 0,
                    'elapsed + remaining = planned + extensions',
                    t,
                  );
                  check(
                    t.elapsedMs - t.overrunMs + t.remainingMs === total,
                    'overrun accounts for the rest',
                    t,
                  );
                }
              }
            },
          });
        },
      ),
      RUNS,
    );
  });

  it('MEET-PROP-3: a refused command leaves the state deep-equal, and replaying the log equals the state built step by step', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const run = play(m, {
          onDecision: (before, _c, _d, snapshot) => {
            // decide never mutates (the state is deep-frozen too), so a refusal changes nothing.
            expect(before).toEqual(snapshot);
          },
          afterAction: (r) => {
            if (r.events.length % 7 === 0) expect(replay(r.events)).toEqual(r.state);
          },
        });
        expect(replay(run.events)).toEqual(run.state);
      }),
      RUNS,
    );
  });

  it('MEET-PROP-4: a key already applied for an actor yields ok with no events, so each key produces events once', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const run = play(m, {
          onDecision: (before, c, d) => {
            const seen = appliedSeq(before.appliedKeys, keyOf(c.actorId, c.idempotencyKey)) !== undefined;
            if (seen) expect(d).toEqual({ ok: true, events: [] });
            if (d.ok && d.events.length > 0) {
              const after = d.events.reduce(evolve, before);
              expect(decide(after, c, { now: after.clock + 1 })).toEqual({ ok: true, events: [] });
            }
          },
        });
        const keys = run.events.flatMap((e) =>
          e.idempotencyKey === null ? [] : [keyOf(e.actorId, e.idempotencyKey)],
        );
        expect(new Set(keys).size).toBe(keys.length);
      }),
      RUNS,
    );
  });

  it("MEET-PRIV-5: for any meeting, the minutes and other people's views never contain an unshared private reflection", () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const run = play(m);
        const written = run.events.flatMap((e) =>
          e.type === 'reflection.written' ? [{ author: e.actorId, text: e.payload.text }] : [],
        );
        const shared = new Set(
          run.events.flatMap((e) => (e.type === 'reflection.shared' ? [e.payload.text] : [])),
        );
        const unshared = written.filter((w) => !shared.has(w.text));

        const minutes = JSON.stringify(minutesOf(run.state));
        for (const w of unshared) expect(minutes).not.toContain(w.text);
        for (const viewer of [...MEMBERS, OUTSIDER]) {
          const view = JSON.stringify(viewFor(run.state, viewer));
          for (const w of unshared) if (w.author !== viewer) expect(view).not.toContain(w.text);
          // What a viewer receives over the wire folds to exactly their view.
          const log = run.events.map((e) => redactEventFor(e, viewer));
          for (const w of unshared)
            if (w.author !== viewer) expect(JSON.stringify(log)).not.toContain(w.text);
          expect(viewFor(replay(log), viewer)).toEqual(viewFor(run.state, viewer));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('DAY-TIMER-1, DAY-TIMER-4: with auto-start on, every landing on a step leaves its timer running (one timer event right after the move, same time, no key); off, no command starts a timer it does not name; actual time never exceeds the time the meeting ran', () => {
    const LANDING: ReadonlySet<MeetingCommandType> = new Set([
      'startMeeting',
      'nextStep',
      'skipStep',
      'previousStep',
    ]);
    let autoStarts = 0;
    fc.assert(
      fc.property(meetingArb, (m) => {
        play(m, {
          onDecision: (before, c, d) => {
            if (!d.ok || d.events.length === 0) return;
            const [first, ...rest] = d.events;
            const timerEvents = rest.filter((e) => e.type.startsWith('timer.'));
            if (!LANDING.has(c.type) || !before.autoStartTimer) {
              check(timerEvents.length === 0, 'no timer event unless auto-start follows a landing', d.events);
              return;
            }
            const after = d.events.reduce(evolve, before);
            const run = after.steps[after.currentStepIndex ?? -1];
            check(run?.timer === 'running', 'the step landed on runs', { c, run });
            check(timerEvents.length <= 1, 'at most one timer event', d.events);
            const [timerEvent] = timerEvents;
            if (timerEvent) {
              check(timerEvent === rest[0], 'the timer event comes right after the move', d.events);
              autoStarts++;
              check(
                (timerEvent.type === 'timer.started' || timerEvent.type === 'timer.resumed') &&
                  timerEvent.payload.stepId === run.stepId &&
                  timerEvent.at === first?.at &&
                  timerEvent.idempotencyKey === null,
                'the timer event follows the move at the same time, without a key',
                d.events,
              );
            }
          },
          afterAction: ({ state, now }) => {
            if (state.startedAt === null) return;
            const ran = (state.endedAt ?? Math.max(now, state.clock)) - state.startedAt;
            const actual = minutesOf(state, Math.max(now, state.clock))
              .parts.flatMap((p) => p.steps)
              .reduce((sum, step) => sum + step.actualMs, 0);
            check(actual <= ran, 'actual time is time the meeting really ran', { actual, ran });
          },
        });
      }),
      { numRuns: 150 },
    );
    expect(autoStarts).toBeGreaterThan(0);
  });

  it('MEET-PROP-0: the generator reaches deep into meetings (guards against properties that pass vacuously)', () => {
    const samples = fc.sample(meetingArb, { numRuns: 200, seed: 42 });
    const codes = new Set<string>();
    const runs = samples.map((m) =>
      play(m, {
        onDecision: (_b, _c, d) => {
          if (!d.ok) codes.add(d.error.code);
        },
      }),
    );
    for (const code of [
      'NOT_A_MEMBER',
      'NOT_ALLOWED',
      'WRONG_PHASE',
      'STALE_STEP',
      'NO_NEXT_STEP',
      'NO_PREVIOUS_STEP',
      'TIMER_STATE',
      'NOT_FOUND',
      'INVALID',
    ])
      expect(codes).toContain(code);
    const types = new Set(runs.flatMap((r) => r.events.map((e) => e.type)));
    for (const t of [
      'step.advanced',
      'step.skipped',
      'step.returned',
      'step.auto-advanced',
      'timer.paused',
      'reflection.shared',
      'source.tagged',
      'meeting.ended',
      'suggestion.accepted',
      'action-item.completed',
    ])
      expect(types).toContain(t);
    expect(runs.some((r) => r.state.currentStepIndex === fixtureRoutine.steps.length - 1)).toBe(true);
    // Agendas: some runs reach the second routine, with its own presenter named.
    expect(runs.some((r) => r.state.currentPart === 1)).toBe(true);
    expect(runs.some((r) => r.state.agenda[1]?.presenter != null)).toBe(true);
  });
});
