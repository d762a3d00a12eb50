/**
 * Cohorts of a network (issue 14, ADR 0032): a group of kind `cohort` in the network's tenant that runs in
 * cycles, each with one focus (from the list, or written by the cohort) and a goal.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { FocusArea } from './focus';

const CalendarDay = z.iso.date();

/** One focus: an area from the list, or the cohort's own words. */
export const CohortFocus = z.union([
  z.strictObject({ area: FocusArea }),
  z.strictObject({
    custom: z.string().check(z.trim(), z.minLength(3, 'Describe the focus'), z.maxLength(120)),
  }),
]);
export type CohortFocus = z.infer<typeof CohortFocus>;

const Goal = z.string().check(z.trim(), z.minLength(1, 'Write the goal'), z.maxLength(500));

const Cycle = {
  focus: CohortFocus,
  goal: Goal,
  startsOn: z.optional(z.nullable(CalendarDay)),
  endsOn: z.optional(z.nullable(CalendarDay)),
};
/** A cycle's days, when both are given, run forwards (400 at `endsOn` otherwise). */
const endsAfterStart = z.superRefine((c: { startsOn?: string | null; endsOn?: string | null }, ctx) => {
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The cycle ends after it starts' });
});

export const NewCycle = z.strictObject(Cycle).check(endsAfterStart);
export type NewCycle = z.infer<typeof NewCycle>;

export const CreateCohort = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(120)),
    ...Cycle,
  })
  .check(endsAfterStart);
export type CreateCohort = z.infer<typeof CreateCohort>;

export const CohortCycle = z.object({
  id: Id,
  number: z.number().check(z.int()),
  focus: CohortFocus,
  goal: z.string(),
  startsOn: z.nullable(CalendarDay),
  endsOn: z.nullable(CalendarDay),
  createdAt: IsoDateTime,
});
export type CohortCycle = z.infer<typeof CohortCycle>;

export const Cohort = z.object({
  id: Id,
  name: z.string(),
  /** The current cycle (the newest). */
  cycle: CohortCycle,
  memberCount: z.number().check(z.int()),
  /** The caller belongs to it. */
  member: z.boolean(),
  /** The caller may start a new cycle (its conveners and facilitators). */
  canManage: z.boolean(),
});
export type Cohort = z.infer<typeof Cohort>;
export const Cohorts = z.object({ items: z.array(Cohort) });
