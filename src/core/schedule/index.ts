/**
 * Weekly series (issue 11): their dates (`dates.ts`, no time zone, what the browser's preview needs) and their
 * instants in a named time zone (`instants.ts`, luxon; the server and calendar feeds).
 */
export * from './dates';
export * from './instants';
