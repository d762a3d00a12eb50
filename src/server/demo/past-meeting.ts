import { randomUUID } from 'node:crypto';
import type { MeetingCommand, MeetingCommandBody, MeetingEvent } from '#contracts/meeting';
import type { Routine } from '#contracts/routine';
import { createMeeting, decide, evolve, replay, type MeetingState } from '#core/meeting/index';

export interface PastMeetingPeople {
  readonly facilitator: string;
  readonly presenter: string;
  /** Two or more other members: they ask, own next steps and tag sources. */
  readonly others: readonly [string, string, ...string[]];
}

const MINUTE = 60_000;

/**
 * The log of a finished Share Successes meeting, made with the same core as a live one (so it is exactly
 * what a real meeting would have left): the demo then has minutes, next steps and a presenter history.
 * Wording is Ensemble's own.
 */
/** Runs commands through the same core as a live meeting, so the log is exactly what a real one would leave. */
function scriptedMeeting(meetingId: string, routine: Routine, people: PastMeetingPeople, startedAt: number) {
  const { facilitator, presenter, others } = people;
  const created = createMeeting({
    meetingId,
    agenda: [routine],
    memberIds: [facilitator, presenter, ...others],
    facilitatorId: facilitator,
    now: startedAt - MINUTE,
  });
  if (!created.ok) throw new Error(`demo meeting: ${created.error.message}`);
  const events = [...created.events];
  let state: MeetingState = replay(events);
  let now = startedAt;
  const run = (actorId: string, command: MeetingCommandBody, minutesLater = 0) => {
    now += minutesLater * MINUTE;
    const full = { ...command, actorId, idempotencyKey: randomUUID() } as MeetingCommand;
    const decision = decide(state, full, { now, newId: randomUUID() });
    if (!decision.ok) throw new Error(`demo meeting: ${command.type}: ${decision.error.message}`);
    events.push(...decision.events);
    state = decision.events.reduce(evolve, state);
  };
  const next = (fromStepId: string, minutesLater: number) => {
    run(facilitator, { type: 'nextStep', fromStepId }, minutesLater);
    run(facilitator, { type: 'startTimer' });
  };
  const begin = () => {
    run(facilitator, { type: 'assignRoles', presenter, timekeeper: others[0] });
    run(facilitator, { type: 'startMeeting' });
    run(facilitator, { type: 'startTimer' });
  };
  return { events, run, next, begin };
}

/**
 * The log of a finished Share Successes meeting: the demo then has minutes, next steps and a presenter history.
 * Wording is Ensemble's own.
 */
export function pastShareSuccessesEvents(
  meetingId: string,
  routine: Routine,
  people: PastMeetingPeople,
  startedAt: number,
): MeetingEvent[] {
  const { facilitator, presenter, others } = people;
  const [first, second] = others;
  const { events, run, next, begin } = scriptedMeeting(meetingId, routine, people, startedAt);
  begin();
  // A private reflection, for its author to reread a week later in My reflections (DAY-REFL-1).
  run(second, {
    type: 'writeReflection',
    stepId: 'identify',
    text: 'My own small win: the quiet table asked two questions today. I want to notice that more often.',
  });
  next('identify', 4);
  run(presenter, {
    type: 'recordPresentation',
    title: 'Students wrote their own exit tickets',
    summary:
      'For two weeks each reading group wrote one question about the day’s text for another group to answer. ' +
      'Fewer students left the question blank, and the questions got harder over time.',
  });
  next('describe', 2);
  run(first, {
    type: 'submitQuestion',
    kind: 'clarifying',
    text: 'How long did writing the questions take?',
  });
  run(second, { type: 'submitQuestion', kind: 'clarifying', text: 'Did every group write one each day?' });
  next('clarify', 2);
  run(facilitator, {
    type: 'writeNote',
    stepId: 'team-reflects',
    text: 'Giving students the asking role raised ownership. Swapping groups made the audience real.',
  });
  next('team-reflects', 3);
  next('presenter-reflects', 2);
  run(facilitator, {
    type: 'writeNote',
    stepId: 'final',
    text: 'When students write the questions, they read more closely. A short, repeated routine made it stick.',
  });
  const due = new Date(startedAt + 7 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  run(first, {
    type: 'addActionItem',
    text: 'Try student-written exit tickets in two groups',
    ownerId: first,
    due,
  });
  run(second, {
    type: 'addActionItem',
    text: 'Bring three student questions to share',
    ownerId: second,
    due,
  });
  // The results were the presenter's: for everyone else they are vicarious experience, not mastery (which is
  // one's own actions making a difference). Naming the choices that worked is encouragement from colleagues.
  run(first, { type: 'tagSource', source: 'vicarious', why: 'We saw what worked in a colleague’s room.' });
  run(second, {
    type: 'tagSource',
    source: 'social_persuasion',
    why: 'We told the presenter which of their choices made the difference, and why.',
  });
  run(facilitator, { type: 'endMeeting' }, 4);
  return events;
}

/**
 * The log of a finished Problem-Solve: a dilemma the presenter brought, the team's suggestions, and the next steps
 * the presenter chose (one due soon, so the demo's Next steps and reminders have something to show). Wording is
 * Ensemble's own.
 */
export function pastProblemSolveEvents(
  meetingId: string,
  routine: Routine,
  people: PastMeetingPeople,
  startedAt: number,
  dueSoon: string,
): MeetingEvent[] {
  const { facilitator, presenter, others } = people;
  const [first, second] = others;
  const { events, run, next, begin } = scriptedMeeting(meetingId, routine, people, startedAt);
  begin();
  next('identify', 4);
  run(presenter, {
    type: 'recordPresentation',
    title: 'Partner talk fades after the first minute',
    summary:
      'In read-aloud discussions, partners start strong and then go quiet or drift off topic after about a ' +
      'minute. The same four pairs carry every whole-class share. How do I keep more partners talking about the text?',
  });
  next('describe', 2);
  run(first, { type: 'submitQuestion', kind: 'clarifying', text: 'How are the partners chosen?' });
  run(second, { type: 'submitQuestion', kind: 'clarifying', text: 'How long is the partner talk now?' });
  next('clarify', 2);
  run(first, {
    type: 'submitQuestion',
    kind: 'probing',
    text: 'What do the partners who keep talking have that the others do not?',
  });
  next('probe', 3);
  run(facilitator, {
    type: 'writeNote',
    stepId: 'discuss',
    text:
      'Give each partner a role (speaker, then questioner) and switch halfway. Post two sentence starters. ' +
      'Shorten the talk to 90 seconds and let a timer end it, so it ends while talk is still going.',
  });
  next('discuss', 6);
  run(facilitator, {
    type: 'writeNote',
    stepId: 'presenter-reflects',
    text: 'I had been treating silence as a behaviour issue; it may be that partners do not know what to say next.',
  });
  next('presenter-reflects', 3);
  run(facilitator, {
    type: 'writeNote',
    stepId: 'final',
    text: 'Structure helps talk last: roles, starters and a shorter time. We will hear how it went.',
  });
  run(presenter, {
    type: 'addActionItem',
    text: 'Try speaker and questioner roles with sentence starters in partner talk',
    ownerId: presenter,
    due: dueSoon,
  });
  run(first, {
    type: 'addActionItem',
    text: 'Share the sentence starters we use in grade 4',
    ownerId: first,
    due: null,
  });
  run(first, {
    type: 'tagSource',
    source: 'affective_state',
    why: 'Bringing something that is not working felt safe here.',
  });
  run(second, {
    type: 'tagSource',
    source: 'social_persuasion',
    why: 'We told the presenter we believe the talk can last, and how.',
  });
  run(facilitator, { type: 'endMeeting' }, 3);
  return events;
}
