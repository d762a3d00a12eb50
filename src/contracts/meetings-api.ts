/** REST shapes for routines and meetings (the live part runs over the socket protocol in realtime.ts). */
import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { Routine, RoutineChanges, RoutineFocus, Slug } from './routine';

export const RoutineSummary = z.object({
  id: Slug,
  version: z.number().int(),
  name: z.string(),
  summary: z.string(),
  focus: RoutineFocus,
  totalMinutes: z.number(),
  stepCount: z.number().int(),
  /** True for a team's own copy. */
  custom: z.boolean(),
  basedOn: z.object({ id: Slug, version: z.number().int() }).nullable(),
});
export type RoutineSummary = z.infer<typeof RoutineSummary>;

export const CustomizeRoutineRequest = z.strictObject({
  /** The routine to start from: a shipped routine or the team's own copy (its latest version). */
  baseId: Slug,
  changes: RoutineChanges,
});

export const MeetingStatus = z.enum(['scheduled', 'live', 'ended']);

export const MeetingSummary = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  title: z.string(),
  scheduledFor: IsoDateTime.nullable(),
  routineId: Slug,
  routineVersion: z.number().int(),
  routineName: z.string(),
  totalMinutes: z.number(),
  status: MeetingStatus,
  joinCode: z.string(),
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  /** Whether the caller may open it live / start it (group facilitators, school leader, admins). */
  canRun: z.boolean(),
  /** Suggested presenter for this routine: the member who presented least often, then least recently. */
  suggestedPresenterId: Id.nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const ScheduleMeetingRequest = z.strictObject({
  title: z.string().trim().min(1, 'Give the meeting a title').max(160),
  scheduledFor: IsoDateTime.nullable().optional(),
  routineId: Slug,
  /** Default: the latest version of that routine for this team. */
  routineVersion: z.number().int().min(1).optional(),
});

export const MeetingCodeLookup = z.object({ meetingId: Id });

export { Routine };
