/**
 * OneRoster CSV import (issue 15, ADR 0039, ROSTER-*): the upload, the preview an admin reads before committing,
 * and the commit's answer. The zip travels base64 in JSON, like a share card's image, so the one typed client
 * and the OpenAPI document cover it.
 */
import { z } from './zod';

/** ROSTER-LIMIT-1: the largest zip accepted (bytes, before base64). */
export const ROSTER_ZIP_MAX_BYTES = 10 * 1024 * 1024;

/** One problem of an import: an error refuses the whole import, a warning is accepted and reported. */
export const RosterProblem = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  /** 1-based line in the file; null for a problem of the whole file or set. */
  line: z.nullable(z.number()),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof RosterProblem>;

export const RosterUpload = z.strictObject({
  /** The zip's bytes, base64. */
  zip: z.string().check(z.maxLength(Math.ceil(ROSTER_ZIP_MAX_BYTES / 3) * 4 + 4)),
});
export type RosterUpload = z.infer<typeof RosterUpload>;

export const RosterCommit = z.strictObject({
  zip: RosterUpload.shape.zip,
  /** The preview's `planHash`: the commit refuses with 409 when the plan it computes now differs. */
  planHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type RosterCommit = z.infer<typeof RosterCommit>;

export const RosterCounts = z.object({
  schoolsAdded: z.number(),
  schoolsUpdated: z.number(),
  peopleAdded: z.number(),
  peopleUpdated: z.number(),
  peopleDeactivated: z.number(),
  /** Students, parents, guardians and relatives in the files: never given accounts (ROSTER-ROLE-2). */
  learnersSkipped: z.number(),
});
export type RosterCounts = z.infer<typeof RosterCounts>;

/** A line of the preview's lists: who or what, and in plain words what changes. */
export const RosterChange = z.object({
  kind: z.enum(['school', 'person']),
  action: z.enum(['add', 'update', 'deactivate']),
  sourcedId: z.string(),
  label: z.string(),
  detail: z.string(),
});
export type RosterChange = z.infer<typeof RosterChange>;

export const RosterPreview = z.object({
  version: z.enum(['1.1', '1.2']),
  mode: z.enum(['bulk', 'delta']),
  counts: RosterCounts,
  /** The first 500 changes (counts are complete). */
  changes: z.array(RosterChange),
  problems: z.array(RosterProblem),
  /** False when an error refuses the import; then nothing can be committed. */
  ok: z.boolean(),
  planHash: z.string(),
});
export type RosterPreview = z.infer<typeof RosterPreview>;

export const RosterCommitted = z.object({ counts: RosterCounts });
export type RosterCommitted = z.infer<typeof RosterCommitted>;
