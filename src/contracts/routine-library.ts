/**
 * Routines a school can grow (issue 11 item 3, ADR 0018): a team writes new routines or copies any routine under
 * a new name, shares them with its school or the district (the library), and moves them in and out as YAML files.
 */
import { z } from './zod';
import { IsoDateTime } from './common';
import { Routine, RoutineGroupKind, Slug } from './routine';

/** Where a routine a team can run comes from. */
export const RoutineOrigin = z.enum(['shipped', 'team', 'library']);
export type RoutineOrigin = z.infer<typeof RoutineOrigin>;

/** Who sees a shared routine: the teams of the sharing team's school, or every team of the district. */
export const LibraryScope = z.enum(['school', 'district']);
export type LibraryScope = z.infer<typeof LibraryScope>;

/** A routine as the library shows it: which version, who shared it, with whom. */
export const LibraryInfo = z.object({
  version: z.number().check(z.int()),
  scope: LibraryScope,
  schoolName: z.nullable(z.string()),
  authorName: z.string(),
  sharedAt: IsoDateTime,
  /** The caller may withdraw it (its author, or a district admin). */
  canWithdraw: z.boolean(),
});
export type LibraryInfo = z.infer<typeof LibraryInfo>;

/** A new routine written from scratch: everything but its id and version, which the server gives it. */
export const NewRoutine = z.strictObject({
  name: Routine.shape.name,
  summary: Routine.shape.summary,
  focus: Routine.shape.focus,
  source: Routine.shape.source,
  audience: Routine.shape.audience,
  steps: Routine.shape.steps,
});
export type NewRoutine = z.infer<typeof NewRoutine>;

export const CreateRoutineRequest = z.discriminatedUnion('from', [
  /** ROUTINE-LIB-NEW-1: written from scratch. */
  z.strictObject({ from: z.literal('scratch'), routine: NewRoutine }),
  /**
   * ROUTINE-LIB-NEW-2: a copy of a routine the team can run (Ensemble's, its own, the library's), under a new
   * name; default version: the latest.
   */
  z.strictObject({
    from: z.literal('copy'),
    routineId: Slug,
    version: z.optional(z.number().check(z.int(), z.gte(1))),
    name: Routine.shape.name,
  }),
]);
export type CreateRoutineRequest = z.infer<typeof CreateRoutineRequest>;

export const ShareRoutineRequest = z.strictObject({ scope: LibraryScope });
export type ShareRoutineRequest = z.infer<typeof ShareRoutineRequest>;

export const SharedRoutine = z.object({ id: Slug, version: z.number().check(z.int()), library: LibraryInfo });
export type SharedRoutine = z.infer<typeof SharedRoutine>;

/** ROUTINE-LIB-IO: limits of one import (all-or-nothing). */
export const IMPORT_FILES_MAX = 20;
/** The wire's own cap; a file over 50,000 characters is refused by the parser with its file name and line 1. */
export const IMPORT_FILE_CHARS_MAX = 100_000;
export const IMPORT_FILE_NAME_MAX = 200;

export const ImportFile = z.strictObject({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Name the file'),
      z.maxLength(IMPORT_FILE_NAME_MAX),
      z.regex(/^[^/\\\p{Cc}]+$/u, 'A file name without slashes or control characters'),
    ),
  text: z
    .string()
    .check(z.maxLength(IMPORT_FILE_CHARS_MAX, `A file has at most ${IMPORT_FILE_CHARS_MAX} characters`)),
});

export const ImportRoutinesRequest = z.strictObject({
  files: z
    .array(ImportFile)
    .check(
      z.minLength(1, 'Choose at least one file'),
      z.maxLength(IMPORT_FILES_MAX, `Import at most ${IMPORT_FILES_MAX} files at once`),
    ),
});
export type ImportRoutinesRequest = z.infer<typeof ImportRoutinesRequest>;

export const ImportedRoutine = z.object({
  file: z.string(),
  id: Slug,
  name: z.string(),
  /** The file's id when it was taken already (the routine was saved under `id` instead). */
  renamedFrom: z.nullable(Slug),
});
export const ImportRoutinesResult = z.object({ items: z.array(ImportedRoutine) });
export type ImportRoutinesResult = z.infer<typeof ImportRoutinesResult>;

export const RoutineQuery = z.strictObject({
  version: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
});

export { RoutineGroupKind };
