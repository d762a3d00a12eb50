/**
 * Data rights (issue 15, ADR 0042): a person's own data, the deletion of their account, a district's export and its
 * retention settings. RIGHTS-* in docs/SPEC.md.
 */
import { z } from './zod';
import { IsoDateTime } from './common';

/** RIGHTS-EXPORT-2: the JSON file's format name and version; a change of its shape raises the version. */
export const MY_DATA_FORMAT = 'ensemble.my-data';
export const MY_DATA_VERSION = 1;

/** A value of an exported row: what a database row holds once dates are ISO strings and secrets are left out. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const JsonValue: z.ZodMiniType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue),
    z.record(z.string(), JsonValue),
  ]),
);
export const ExportRow = z.record(z.string(), JsonValue);
export type ExportRow = z.infer<typeof ExportRow>;

/**
 * RIGHTS-EXPORT-2: the sections of `my-data.json`, in order. Each is a list of rows (the stored row's own fields,
 * camelCase, dates as ISO strings; secrets such as token hashes and password hashes are never included).
 */
export const MY_DATA_SECTIONS = [
  'memberships',
  'schoolRoles',
  'networkMemberships',
  'meetingContributions',
  'nextStepsOwned',
  'meetingsScheduled',
  'memoryRecords',
  'sharedCopies',
  'shareCards',
  'helpedMarks',
  'visitNotes',
  'bookReflections',
  'colleagueProfile',
  'colleagueNotes',
  'routines',
  'joinRequests',
  'digestSubscription',
  'calendarFeeds',
  'sessions',
  'auditEvents',
] as const;
export type MyDataSection = (typeof MY_DATA_SECTIONS)[number];

export const MyDataExport = z.object({
  format: z.literal(MY_DATA_FORMAT),
  version: z.literal(MY_DATA_VERSION),
  exportedAt: IsoDateTime,
  person: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    district: z.string(),
    districtRole: z.string(),
    createdAt: IsoDateTime,
  }),
  /** What is not in the export and why (survey answers are anonymous by design, RIGHTS-EXPORT-3). */
  notIncluded: z.array(z.string()),
  sections: z.record(z.enum(MY_DATA_SECTIONS), z.array(ExportRow)),
});
export type MyDataExport = z.infer<typeof MyDataExport>;

/** RIGHTS-DELETE-1: deleting one's own account: the password again (or, without one, a session under 10 minutes). */
export const DeleteAccountBody = z.object({
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
export const RetentionSettings = z.object({
  meetingContentYears: years(RETENTION_MINIMUM_YEARS.meetingContent),
  auditLogYears: years(RETENTION_MINIMUM_YEARS.auditLog),
  surveyResponseYears: years(RETENTION_MINIMUM_YEARS.surveyResponses),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;
export const RetentionView = z.object({
  settings: RetentionSettings,
  lastRunAt: z.nullable(IsoDateTime),
});
export type RetentionView = z.infer<typeof RetentionView>;

/** RIGHTS-DISTRICT-1: the district export's files (one JSON Lines file per table) and what it leaves out. */
export const DISTRICT_EXPORT_FORMAT = 'ensemble.district-data';
export const DISTRICT_EXPORT_VERSION = 1;
