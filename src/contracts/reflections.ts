/**
 * "My reflections" (DAY-REFL): a person's own private reflections across meetings, to reread, export and share
 * later. Only their author ever receives these (docs/SPEC.md DAY-REFL-2).
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { EntityId } from './meeting';
import { MeetingStatus } from './meetings-api';

export const MY_REFLECTIONS_PAGE_SIZE = 50;

/** One private reflection as its author rereads it: the latest text, where it was written, whether shared. */
export const MyReflectionItem = z.object({
  reflectionId: EntityId,
  meeting: z.object({
    id: Id,
    title: z.string(),
    /** When it started, else when it was scheduled. */
    date: z.nullable(IsoDateTime),
    status: MeetingStatus,
  }),
  team: z.object({ id: Id, name: z.string() }),
  routineName: z.string(),
  step: z.object({ id: z.string(), title: z.string() }),
  /** The latest text (an edit replaces the earlier one). */
  text: z.string(),
  /** When the latest text was written. */
  writtenAt: IsoDateTime,
  /** The last share: when, and whether it came after the meeting had ended. */
  shared: z.nullable(z.object({ at: IsoDateTime, afterMeeting: z.boolean(), upToDate: z.boolean() })),
  /** The author may share it now (still a member of the team; not shared, or edited since). */
  canShare: z.boolean(),
});
export type MyReflectionItem = z.infer<typeof MyReflectionItem>;

/** `groupId` narrows to one team; newest meeting first, `MY_REFLECTIONS_PAGE_SIZE` a page. */
export const MyReflectionsQuery = z.strictObject({
  groupId: z.optional(Id),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 1),
});
export type MyReflectionsQuery = z.infer<typeof MyReflectionsQuery>;

export const MyReflectionsExportQuery = z.omit(MyReflectionsQuery, { page: true });

export const MyReflectionsPage = z.object({
  items: z.array(MyReflectionItem),
  page: z.number().check(z.int()),
  pageSize: z.number().check(z.int()),
  total: z.number().check(z.int()),
  /** Teams the person has reflections in (for the filter), by name. */
  teams: z.array(z.object({ id: Id, name: z.string() })),
});
export type MyReflectionsPage = z.infer<typeof MyReflectionsPage>;
