/**
 * The minutes as the server sends them (`GET /api/meetings/:id/minutes`, built by core `minutesOf`). The
 * catalogue types the answer loosely, so the page checks the fields it shows here; unknown extra fields pass.
 */
import { z } from 'zod';
import {
  EfficacySource,
  QuestionKind,
  RoutineFocus,
  StepKind,
  ObservationMode,
} from '../../../contracts/routine';

const Ms = z.number();

export const MinutesResponse = z.looseObject({
  meetingId: z.string().nullable(),
  routine: z
    .looseObject({
      id: z.string(),
      version: z.number(),
      name: z.string(),
      basedOn: z.object({ id: z.string(), version: z.number() }).nullable().optional(),
    })
    .nullable(),
  phase: z.string(),
  startedAt: Ms.nullable(),
  endedAt: Ms.nullable(),
  roles: z.looseObject({
    facilitator: z.string().nullable(),
    presenter: z.string().nullable(),
    timekeeper: z.string().nullable(),
    noteTaker: z.string().nullable(),
  }),
  steps: z.array(
    z.looseObject({
      stepId: z.string(),
      title: z.string(),
      kind: StepKind,
      plannedMinutes: z.number(),
      extensionMinutes: z.number(),
      actualMinutes: z.number(),
      outcome: z.enum(['pending', 'done', 'skipped']),
      note: z.string(),
    }),
  ),
  presentation: z
    .looseObject({
      kind: RoutineFocus,
      title: z.string(),
      summary: z.string(),
      mode: ObservationMode.nullable(),
    })
    .nullable(),
  questions: z.array(
    z.looseObject({
      stepId: z.string(),
      kind: QuestionKind,
      text: z.string(),
      authorId: z.string(),
      flagged: z.boolean(),
      flagReason: z.string().nullable(),
    }),
  ),
  sharedReflections: z.array(
    z.looseObject({ reflectionId: z.string(), authorId: z.string(), stepId: z.string(), text: z.string() }),
  ),
  learned: z.string(),
  actionItems: z.array(
    z.looseObject({
      id: z.string(),
      text: z.string(),
      ownerId: z.string(),
      due: z.string().nullable(),
      completedAt: Ms.nullable(),
    }),
  ),
  sourceTags: z.array(z.looseObject({ source: EfficacySource, why: z.string(), taggedBy: z.string() })),
  sourcesSeen: z.array(EfficacySource),
});
export type MinutesResponse = z.infer<typeof MinutesResponse>;
