/** REST shapes for routines and meetings (the live part runs over the socket protocol in realtime.ts). */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { AGENDA_ROUTINES_MAX } from './meeting';
import { Routine, RoutineChanges, RoutineFocus, RoutineGroupKind, Slug } from './routine';
import { LibraryInfo, RoutineOrigin } from './routine-library';

export const RoutineSummary = z.object({
  id: Slug,
  version: z.number().check(z.int()),
  name: z.string(),
  summary: z.string(),
  focus: RoutineFocus,
  totalMinutes: z.number(),
  stepCount: z.number().check(z.int()),
  /** True for a team's own copy. */
  custom: z.boolean(),
  basedOn: z.nullable(z.object({ id: Slug, version: z.number().check(z.int()) })),
  /** ROUTINE-LIB: Ensemble's, the team's own (an adapted copy or a new routine), or the library's. */
  origin: RoutineOrigin,
  /** A team's adapted copy of an Ensemble routine (same id), listed in the place of the routine it adapts. */
  adaptsShipped: z.boolean(),
  /** The kinds of group the wording is for (Ensemble's leader-worded routines); null: every group. */
  for: z.nullable(z.array(RoutineGroupKind)),
  /** A library routine's entry; on a team's own routine, its entry in the library when it is shared. */
  library: z.nullable(LibraryInfo),
});
export type RoutineSummary = z.infer<typeof RoutineSummary>;

export const CustomizeRoutineRequest = z.strictObject({
  /** The routine to start from: a shipped routine or the team's own copy (its latest version). */
  baseId: Slug,
  changes: RoutineChanges,
});

/** `cancelled`: kept, shown struck through with the word, never opened (SERIES-MOVE-2). */
export const MeetingStatus = z.enum(['scheduled', 'live', 'ended', 'cancelled']);

/** One routine of a meeting's agenda, as listings and the calendar show it. */
export const MeetingAgendaItem = z.object({
  routineId: Slug,
  routineVersion: z.number().check(z.int()),
  routineName: z.string(),
  minutes: z.number(),
  /** What the routine is about (absent on meetings scheduled before it was kept). */
  focus: z.optional(RoutineFocus),
});
export type MeetingAgendaItem = z.infer<typeof MeetingAgendaItem>;

export const MeetingSummary = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  title: z.string(),
  scheduledFor: z.nullable(IsoDateTime),
  /** The routines the meeting runs, in order (one or more). */
  agenda: z.array(MeetingAgendaItem).check(z.minLength(1)),
  totalMinutes: z.number(),
  status: MeetingStatus,
  /** The weekly series it belongs to, and the series date it stands for (null for a one-off meeting). */
  seriesId: z.nullable(Id),
  occurrenceDate: z.nullable(z.string()),
  joinCode: z.string(),
  startedAt: z.nullable(IsoDateTime),
  endedAt: z.nullable(IsoDateTime),
  /** Whether the caller may open it live / start it: those who run the team and are members of it. */
  canRun: z.boolean(),
  /** Whether the caller may join it live and read its minutes (members; TRUST-READ). */
  canTakePart: z.boolean(),
  /**
   * A suggested presenter for each routine of the agenda, all different while the team is big enough: the
   * members who presented least often, then least recently.
   */
  suggestedPresenterIds: z.array(z.nullable(Id)),
  /**
   * DAY-PROJ-1: the address people open Ensemble at (PUBLIC_URL, no trailing slash), for the join address and
   * QR code the projector shows; null when the server has none configured (the page then uses its own).
   */
  publicUrl: z.nullable(z.string()),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const AgendaChoice = z.strictObject({
  routineId: Slug,
  /** Default: the latest version of that routine for this team. */
  routineVersion: z.optional(z.number().check(z.int(), z.gte(1))),
});

export const ScheduleMeetingRequest = z
  .strictObject({
    title: z.string().check(z.trim(), z.minLength(1, 'Give the meeting a title'), z.maxLength(160)),
    scheduledFor: z.optional(z.nullable(IsoDateTime)),
    /** The routines to run, in order. */
    agenda: z.optional(
      z
        .array(AgendaChoice)
        .check(
          z.minLength(1, 'Choose at least one routine'),
          z.maxLength(AGENDA_ROUTINES_MAX, `An agenda has at most ${AGENDA_ROUTINES_MAX} routines`),
        ),
    ),
    /** Shorthand for an agenda of this one routine. */
    routineId: z.optional(Slug),
    routineVersion: z.optional(z.number().check(z.int(), z.gte(1))),
  })
  .check(
    z.superRefine((v, ctx) => {
      if ((v.agenda === undefined) === (v.routineId === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['agenda'],
          message: 'Give either an agenda of routines or one routineId',
        });
      if (v.routineVersion !== undefined && v.routineId === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['routineVersion'],
          message: 'routineVersion goes with routineId',
        });
    }),
  );
export type ScheduleMeetingRequest = z.infer<typeof ScheduleMeetingRequest>;

export const MeetingCodeLookup = z.object({ meetingId: Id });

export { Routine };
