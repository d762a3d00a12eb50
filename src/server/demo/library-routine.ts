/**
 * The demo district's library holds one routine a team wrote and shared (ROUTINE-LIB, ADR 0018): the Literacy
 * PLC's "Read-Aloud Debrief", shared with the whole district by its facilitator, so every demo team finds
 * something in "From the library".
 */
import { validateRoutine } from '#core/routines/index';
import type { Tx } from '../db/client';
import { routineLibrary, teamRoutines } from '../db/schema';

export const DEMO_LIBRARY_ROUTINE_ID = 'read-aloud-debrief';

const definition = {
  id: DEMO_LIBRARY_ROUTINE_ID,
  version: 1,
  name: 'Read-Aloud Debrief',
  summary:
    'One colleague shares a read-aloud that got students talking; the team pins down the questions and pauses that did it.',
  focus: 'success',
  source: 'Written by the Literacy PLC, after the CLEE Success Analysis Protocol',
  audience:
    'For literacy and grade-level teams who read aloud every day. Short enough to open a weekly meeting.',
  steps: [
    {
      id: 'recall',
      title: 'Recall a read-aloud',
      kind: 'reflect',
      minutes: 3,
      speaker: 'everyone-individually',
      purpose: 'Each person quietly picks a recent read-aloud where students talked more than usual.',
      prompts: [
        'Which book, and which moment got students talking?',
        'What did you ask, or where did you pause?',
      ],
      norm: 'Quiet, individual time. Your notes stay yours.',
      sources: ['mastery'],
    },
    {
      id: 'share',
      title: 'Share the moment',
      kind: 'present',
      minutes: 3,
      speaker: 'presenter',
      purpose: 'One volunteer walks the team through the read-aloud, question by question.',
      prompts: ['What did you say just before students joined in?', 'What did students say back?'],
      norm: 'The presenter talks; the team listens.',
      sources: ['vicarious'],
    },
    {
      id: 'name-moves',
      title: 'Name the moves',
      kind: 'discussion',
      minutes: 4,
      speaker: 'team-presenter-listens',
      purpose: 'The team names the questions and pauses that opened the talk, so everyone can use them.',
      prompts: [
        'Which question or pause made the difference?',
        'How would it sound with your own book this week?',
      ],
      norm: 'Talk about the moves, not the person. The presenter listens.',
      sources: ['vicarious', 'social_persuasion'],
    },
    {
      id: 'final',
      title: 'Final discussion',
      kind: 'final',
      minutes: 4,
      speaker: 'team',
      purpose:
        'The team names what it learned, decides whether there are next steps, and notices how the conversation built confidence.',
      prompts: ['Tag each source of efficacy you saw and say briefly where it showed up.'],
      finalPrompts: {
        learned: 'What do we understand now that we did not when we sat down?',
        nextSteps: 'Is there something we will try next? If so, what, who will do it, and by when?',
        sources:
          'Where in this conversation did we see mastery experience, vicarious experience, social persuasion, or a positive affective state?',
      },
      norm: 'Everyone speaks at least once.',
      sources: ['mastery', 'vicarious', 'social_persuasion', 'affective_state'],
    },
  ],
};

/** Saves the routine as the team's own and shares it with the district (in the seeding transaction). */
export async function seedLibraryRoutine(tx: Tx, districtId: string, groupId: string, authorId: string) {
  const checked = validateRoutine(definition);
  if (!checked.ok) throw new Error(`demo library routine: ${JSON.stringify(checked.errors)}`);
  const routine = checked.routine;
  await tx.insert(teamRoutines).values({
    districtId,
    groupId,
    routineId: routine.id,
    version: routine.version,
    definition: routine,
    createdBy: authorId,
  });
  await tx.insert(routineLibrary).values({
    districtId,
    schoolId: null,
    groupId,
    routineId: routine.id,
    version: routine.version,
    definition: routine,
    authorId,
  });
}
