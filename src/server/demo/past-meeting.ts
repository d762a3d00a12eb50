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
export function pastShareSuccessesEvents(
  meetingId: string,
  routine: Routine,
  people: PastMeetingPeople,
  startedAt: number,
): MeetingEvent[] {
  const { facilitator, presenter, others } = people;
  const [first, second] = others;
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

  run(facilitator, { type: 'assignRoles', presenter, timekeeper: first });
  run(facilitator, { type: 'startMeeting' });
  run(facilitator, { type: 'startTimer' });
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
