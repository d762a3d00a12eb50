/**
 * What simulated colleagues say in a practice meeting (DAY-DEMO-5): a few lines per kind of routine step, in
 * Ensemble's own words, about a made-up classroom. Nothing here is, or looks like, a real person's private data.
 * Pure: the simulator (simulate.ts) decides when each planned action runs.
 */
import type { MeetingCommandBody } from '#contracts/meeting';
import type { QuestionKind, RoutineFocus, RoutineStep } from '#contracts/routine';
import {
  currentAgendaPart,
  currentRoutineStep,
  currentRun,
  own,
  type MeetingState,
} from '#core/meeting/index';

/** One thing a colleague will do in the current step: a command, or sharing the reflection they just wrote. */
export type PlannedAction =
  | { readonly actorId: string; readonly command: MeetingCommandBody }
  | { readonly actorId: string; readonly shareReflectionOf: string };

/** At most this many actions a step: a handful, as a small team would manage. */
export const ACTIONS_PER_STEP_MAX = 4;

const STORY = {
  title: 'Two minutes of talk before writing',
  summary:
    'Before each writing task, partners told each other their first sentence out loud for two minutes. ' +
    'Over three weeks more students started writing straight away, and fewer pages came back blank.',
};

const QUESTIONS: Record<QuestionKind, readonly string[]> = {
  clarifying: [
    'How long did the partners talk before writing?',
    'Was this with the whole class or one group?',
    'How did you choose the partners?',
    'What did you do when a pair got stuck?',
  ],
  probing: [
    'What do you think gets in the way for these students?',
    'What have you tried so far, and what happened?',
    'What would tell you in two weeks that it is working?',
    'Which part of this feels most within your control?',
  ],
};

const DISCUSSION: Record<RoutineFocus, readonly string[]> = {
  success: [
    'Keeping the talk to two minutes seems to be what made it work.',
    'Saying the first sentence aloud gives students a start they own.',
    'I could borrow this for word problems in math.',
    'The routine runs without the teacher, which is a real strength.',
  ],
  dilemma: [
    'A smaller first step might make it easier to begin.',
    'Pairing the same partners for a few weeks could help.',
    'It sounds like the students need the goal said more plainly.',
  ],
  'observed-practice': [
    'The model waited a few seconds before calling on anyone.',
    'Students repeated the question in their own words first.',
    'Every student had a job during the group work.',
  ],
};

const OBSERVATION = [
  'Students started in pairs without being reminded.',
  'The model asked one question and let the room answer it.',
];

const PRIVATE_REFLECTION = [
  'My quiet group asked to keep reading on Tuesday; I had given them the choice of book.',
  'Exit tickets were stronger after I modelled one answer first.',
  'A student who rarely speaks led the warm-up after I gave her the cards the day before.',
];

const SHARED_REFLECTION =
  'Giving my class one clear first step, instead of the whole task, got more of them started.';

const PRESENTER_REFLECTION =
  'I had not noticed that the short time limit mattered. I will keep the timer on purpose.';

const LEARNED = 'Short, repeated routines that students run themselves help them start, and they stick.';

const NEXT_STEPS = [
  'Try two minutes of partner talk before writing in one class',
  'Bring three student samples to the next meeting',
];

/** Each why fits the app's definition of its source (the sources' labels and the routines' YAML). */
const TAGS = [
  {
    source: 'vicarious',
    why: 'We heard exactly how a colleague did it and can picture doing it ourselves.',
  },
  {
    source: 'social_persuasion',
    why: 'We told our colleague which choices made the difference, and why.',
  },
] as const;

const pick = <T>(list: readonly T[], random: () => number): T =>
  list[Math.min(list.length - 1, Math.floor(random() * list.length))] as T;

/** `list` in a random order (Fisher-Yates with the given source of randomness). */
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const inAWeek = (now: number) => new Date(now + 7 * 86_400_000).toISOString().slice(0, 10);

/**
 * What the simulated `colleagues` do in the meeting's current step, in order (empty when not running). The
 * presenter (if simulated) tells the story and responds; the others ask, suggest notes, reflect and tag.
 */
export function planStep(
  state: MeetingState,
  colleagues: readonly string[],
  now: number,
  random: () => number,
): PlannedAction[] {
  const run = currentRun(state);
  const step: RoutineStep | undefined = currentRoutineStep(state);
  if (state.phase !== 'running' || !run || !step) return [];
  const onRoster = colleagues.filter((id) => state.memberIds.includes(id));
  const presenter = state.roles.presenter;
  const simulatedPresenter = presenter !== null && onRoster.includes(presenter) ? presenter : null;
  const others = shuffled(
    onRoster.filter((id) => id !== presenter),
    random,
  );
  const focus = currentAgendaPart(state)?.routine.focus ?? 'success';
  const stepId = run.stepId;
  const out: PlannedAction[] = [];
  const suggest = (actorId: string, text: string) =>
    out.push({ actorId, command: { type: 'suggestNote', stepId, text } });

  switch (step.kind) {
    case 'reflect':
      if (step.speaker === 'presenter') {
        if (simulatedPresenter) {
          out.push({
            actorId: simulatedPresenter,
            command: { type: 'writeReflection', stepId, text: PRESENTER_REFLECTION },
          });
          out.push({ actorId: simulatedPresenter, shareReflectionOf: simulatedPresenter });
        }
        break;
      }
      // Quiet, individual time: private reflections (they never leave their author), and one shared.
      for (const [i, id] of shuffled(onRoster, random).slice(0, 3).entries()) {
        const text = i === 0 ? SHARED_REFLECTION : pick(PRIVATE_REFLECTION, random);
        out.push({ actorId: id, command: { type: 'writeReflection', stepId, text } });
        if (i === 0) out.push({ actorId: id, shareReflectionOf: id });
      }
      break;
    case 'present':
      // The story is a success story: practice meetings run Share Successes.
      if (simulatedPresenter && focus === 'success' && !currentAgendaPart(state)?.presentation) {
        out.push({
          actorId: simulatedPresenter,
          command: { type: 'recordPresentation', title: STORY.title, summary: STORY.summary },
        });
      }
      if (others[0]) suggest(others[0], 'Partners say their first sentence aloud, two minutes, then write.');
      break;
    case 'questions': {
      const kind: QuestionKind = step.questionKind ?? 'clarifying';
      const texts = shuffled(QUESTIONS[kind], random);
      for (const [i, text] of texts.slice(0, 3).entries()) {
        const actorId = others[i % Math.max(1, others.length)];
        if (actorId) out.push({ actorId, command: { type: 'submitQuestion', kind, text } });
      }
      break;
    }
    case 'discussion': {
      const texts = shuffled(DISCUSSION[focus], random);
      for (const [i, text] of texts.slice(0, 3).entries()) {
        const actorId = others[i % Math.max(1, others.length)];
        if (actorId) suggest(actorId, text);
      }
      break;
    }
    case 'observe':
      for (const [i, text] of OBSERVATION.entries()) {
        const actorId = others[i % Math.max(1, others.length)];
        if (actorId) suggest(actorId, text);
      }
      break;
    case 'final': {
      const [a, b] = [others[0], others[1] ?? others[0]];
      if (a) suggest(a, LEARNED);
      if (a)
        out.push({
          actorId: a,
          command: { type: 'addActionItem', text: pick(NEXT_STEPS, random), ownerId: a, due: inAWeek(now) },
        });
      for (const [i, tag] of TAGS.entries()) {
        const actorId = i === 0 ? b : a;
        if (actorId) out.push({ actorId, command: { type: 'tagSource', source: tag.source, why: tag.why } });
      }
      break;
    }
  }
  return out.slice(0, ACTIONS_PER_STEP_MAX);
}

/** The command that shares `authorId`'s newest private reflection of the current step, if they wrote one. */
export function shareCommand(state: MeetingState, authorId: string): MeetingCommandBody | null {
  const run = currentRun(state);
  const mine = (own(state.privateReflections, authorId) ?? []).filter((r) => r.stepId === run?.stepId);
  const latest = mine.at(-1);
  if (!latest || state.sharedReflections.some((s) => s.reflectionId === latest.id)) return null;
  return { type: 'shareReflection', reflectionId: latest.id };
}
