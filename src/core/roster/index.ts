export {
  readRosterSet,
  ROLE_MAP,
  type RosterSet,
  type RosterPerson,
  type RosterSchool,
  type SchoolRole,
} from './read';
export { firstInvalidUtf8, readCsv } from './csv';
export * from './plan';
