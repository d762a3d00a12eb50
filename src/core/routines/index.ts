export { parseRoutine, ROUTINE_TEXT_MAX, type ParseRoutineResult } from './parse';
export { validateRoutine } from './validate';
export { totalMinutes, routineRuleIssues } from './rules';
export { customizeRoutine } from './customize';
export {
  formatFileIssue,
  formatPath,
  type RoutineFileIssue,
  type RoutineIssue,
  type RoutineResult,
} from './issues';
