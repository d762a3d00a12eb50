/**
 * The high-leverage focus areas principals work on together (issue 14): one per cohort cycle (or the cohort's
 * own words), and what a principal wants help with or can offer a colleague (MATCH-*). Ids are stable: the web
 * words them.
 */
import { z } from './zod';

export const FOCUS_AREAS = [
  'teacher_coaching',
  'writing_across_content',
  'student_engagement',
  'collective_efficacy',
  'leadership_teams',
  'attendance',
  'data_use',
  'family_engagement',
] as const;
export const FocusArea = z.enum(FOCUS_AREAS);
export type FocusArea = z.infer<typeof FocusArea>;
