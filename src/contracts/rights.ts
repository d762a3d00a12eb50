/**
 * Data rights (issue 15, ADR 0042): a person's own data, the deletion of their account, a district's export and its
 * retention settings. RIGHTS-* in docs/SPEC.md.
 */
import { z } from './zod';
import { IsoDateTime } from './common';

/** RIGHTS-DELETE-1: deleting one's own account: the password again (or, without one, a session under 10 minutes). */
export const DeleteAccountBody = z.strictObject({
  password: z.optional(z.string().check(z.maxLength(1_000))),
  /** The words the person typed to confirm, exactly `DELETE`. */
  confirm: z.string().check(z.regex(/^DELETE$/, 'Type DELETE to confirm.')),
});
export const DeleteAccountResult = z.object({ deleted: z.literal(true) });

/** RIGHTS-RETAIN-1: the minimum of each setting, in years (null: keep). */
export const RETENTION_MINIMUM_YEARS = { meetingContent: 1, auditLog: 1, surveyResponses: 1 } as const;
export const RETENTION_MAXIMUM_YEARS = 50;
const years = (min: number) =>
  z.nullable(z.number().check(z.int(), z.gte(min), z.lte(RETENTION_MAXIMUM_YEARS)));
const retentionFields = {
  meetingContentYears: years(RETENTION_MINIMUM_YEARS.meetingContent),
  auditLogYears: years(RETENTION_MINIMUM_YEARS.auditLog),
  surveyResponseYears: years(RETENTION_MINIMUM_YEARS.surveyResponses),
};
export const RetentionSettings = z.object(retentionFields);
/** INPUT-3: as a body, an unknown field is refused by name. */
export const UpdateRetentionSettings = z.strictObject(retentionFields);
export type RetentionSettings = z.infer<typeof RetentionSettings>;
export const RetentionView = z.object({
  settings: RetentionSettings,
  lastRunAt: z.nullable(IsoDateTime),
});
export type RetentionView = z.infer<typeof RetentionView>;

/** RIGHTS-DISTRICT-1: the district export's files (one JSON Lines file per table) and what it leaves out. */
export const DISTRICT_EXPORT_FORMAT = 'ensemble.district-data';
export const DISTRICT_EXPORT_VERSION = 1;
