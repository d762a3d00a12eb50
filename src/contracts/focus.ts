/**
 * The high-leverage focus areas principals work on together (issue 14): one per cohort cycle, and what a
 * principal wants help with or can offer a colleague. A cohort may also write its own.
 */
import { z } from './zod';

export const FocusArea = z.enum([
  'teacher_coaching',
  'writing_across_content',
  'student_engagement',
  'collective_efficacy',
  'leadership_teams',
  'early_literacy',
  'math_reasoning',
  'attendance_belonging',
]);
export type FocusArea = z.infer<typeof FocusArea>;
