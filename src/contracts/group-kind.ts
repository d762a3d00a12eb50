import { z } from './zod';

/** The kinds of group: a district's (teacher teams, whole staff, its leadership team) and a network's cohort. */
export const GroupKind = z.enum(['teacher_team', 'whole_staff', 'district_leadership', 'cohort']);
export type GroupKind = z.infer<typeof GroupKind>;
