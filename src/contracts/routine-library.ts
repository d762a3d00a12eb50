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

/**
 * ROUTINE-LIB-NEW-1: `from: scratch` with `routine`, written from scratch; ROUTINE-LIB-NEW-2: `from: copy` with
 * `routineId` (and `version`, default the latest) of any routine the group can run, and the copy's `name`.
 * One strict object (not a union), so an unknown field is named whatever `from` says.
 */
export const CreateRoutineRequest = z
  .strictObject({
    from: z.enum(['scratch', 'copy']),
    routine: z.optional(NewRoutine),
    routineId: z.optional(Slug),
    version: z.optional(z.number().check(z.int(), z.gte(1))),
    name: z.optional(Routine.shape.name),
  })
  .check(
    z.superRefine((v, ctx) => {
      const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.from === 'scratch' && v.routine === undefined) need('routine', 'Write the routine');
      if (v.from === 'copy' && v.routineId === undefined) need('routineId', 'Choose the routine to copy');
      if (v.from === 'copy' && v.name === undefined) need('name', 'Name the copy');
    }),
  );
export type CreateRoutineRequest = z.infer<typeof CreateRoutineRequest>;

export const ShareRoutineRequest = z.strictObject({ scope: LibraryScope });
export type ShareRoutineRequest = z.infer<typeof ShareRoutineRequest>;

export const SharedRoutine = z.object({ id: Slug, version: z.number().check(z.int()), library: LibraryInfo });
export type SharedRoutine = z.infer<typeof SharedRoutine>;

/** ROUTINE-LIB-IO: limits of one import (all-or-nothing). */
export const IMPORT_FILES_MAX = 20;
/** The wire's own cap; a file over 50,000 characters is refused by the parser with its file name and line 1. */
export const IMPORT_FILE_CHARS_MAX = 100_000;
/** An import's whole request body (bytes); larger is refused whole with 413, like any over-long body. */
export const IMPORT_BODY_MAX = 192 * 1024;
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
