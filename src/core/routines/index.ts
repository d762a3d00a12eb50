/**
 * What both the server and the browser use. The YAML parser is not here: `parseRoutine` lives in
 * `#core/routines/parse`, imported by the server (and tests) only, so `yaml` never reaches the browser
 * (DAY-PERF-2).
 */
export { validateRoutine } from './validate';
export { totalMinutes, routineRuleIssues } from './rules';
export { customizeRoutine } from './customize';
export { agendaOf, isObservedPractice } from './agenda';
export {
  formatFileIssue,
  formatPath,
  type RoutineFileIssue,
  type RoutineIssue,
  type RoutineResult,
} from './issues';
