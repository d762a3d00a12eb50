/**
 * RIGHTS-EXPORT-2 (ADR 0042): the schema of a person's `my-data.json`. Read by the server and its tests only: the web
 * never parses an export (and `z.lazy` would otherwise join the framework chunk every page loads, DAY-PERF-1).
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
