/**
 * Team memory's reads and writes (MEM-*). Every query is filtered by the district (ADR 0003) and, for a
 * record, by its team: a record of another team is simply not found.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { MemoryKind, MemoryListQuery, MemoryTags, MemoryTagsInput } from '#contracts/memory';
import { MEMORY_PAGE_SIZE } from '#contracts/memory';
import type { DbOrTx } from '../db/client';
import { meetings, memoryRecords, users } from '../db/schema';
import { notFound } from '../http/errors';
import type { GroupRow } from '../groups/queries';
import { groupSubject } from '../groups/queries';
import type { MemoryRecordSubject, TeamMemorySubject } from '../policy/policy';

export type MemoryRow = typeof memoryRecords.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function teamMemorySubject(group: GroupRow): TeamMemorySubject {
  return { kind: 'team-memory', districtId: group.districtId, group: groupSubject(group) };
}

export function memorySubject(row: MemoryRow, group: GroupRow): MemoryRecordSubject {
  return {
    kind: 'memory-record',
    id: row.id,
    districtId: row.districtId,
    group: groupSubject(group),
    authorId: row.authorId,
  };
}

/** A record of this team of the district, or 404. */
export async function loadRecord(
  db: DbOrTx,
  districtId: string,
  groupId: string,
  recordId: string,
): Promise<MemoryRow> {
  if (!UUID.test(recordId)) throw notFound('That record');
  const [row] = await db
    .select()
    .from(memoryRecords)
    .where(
      and(
        eq(memoryRecords.districtId, districtId),
        eq(memoryRecords.groupId, groupId),
        eq(memoryRecords.id, recordId),
      ),
    );
  if (!row) throw notFound('That record');
  return row;
}

/** The record ids of this team among `ids`, with kind and title (for links). */
export async function recordsByIds(db: DbOrTx, districtId: string, groupId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: memoryRecords.id, kind: memoryRecords.kind, title: memoryRecords.title })
    .from(memoryRecords)
    .where(
      and(
        eq(memoryRecords.districtId, districtId),
        eq(memoryRecords.groupId, groupId),
        inArray(memoryRecords.id, [...ids]),
      ),
    );
}

/** MEM-DIL-3, MEM-OBS-2: what links to this record from the other side. */
export async function backLinksOf(db: DbOrTx, row: MemoryRow) {
  const scope = and(eq(memoryRecords.districtId, row.districtId), eq(memoryRecords.groupId, row.groupId));
  const link = { id: memoryRecords.id, kind: memoryRecords.kind, title: memoryRecords.title };
  const [successFromIt] =
    row.kind === 'dilemma'
      ? await db
          .select(link)
          .from(memoryRecords)
          .where(and(scope, eq(memoryRecords.fromDilemmaId, row.id)))
          .limit(1)
      : [];
  const inspired =
    row.kind === 'observation'
      ? await db
          .select(link)
          .from(memoryRecords)
          .where(and(scope, eq(memoryRecords.inspiredById, row.id)))
          .orderBy(desc(memoryRecords.occurredAt))
      : [];
  return { successFromIt: successFromIt ?? null, inspired };
}

export async function namesOf(
  db: DbOrTx,
  districtId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function meetingTitlesOf(
  db: DbOrTx,
  districtId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.districtId, districtId), inArray(meetings.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

const TAG_COLUMNS = {
  grade: memoryRecords.grade,
  subject: memoryRecords.subject,
  strategy: memoryRecords.strategy,
  studentGroup: memoryRecords.studentGroup,
} as const;
const TAG_KEYS = ['grade', 'subject', 'strategy', 'studentGroup'] as const;

/** MEM-TAG-2: one page of a team's records of a kind, newest first, with the filters applied. */
export async function listRecords(db: DbOrTx, districtId: string, groupId: string, q: MemoryListQuery) {
  const where: SQL[] = [
    eq(memoryRecords.districtId, districtId),
    eq(memoryRecords.groupId, groupId),
    eq(memoryRecords.kind, q.kind),
  ];
  for (const key of TAG_KEYS) {
    const value = q[key];
    if (value !== undefined) where.push(sql`lower(${TAG_COLUMNS[key]}) = lower(${value})`);
  }
  if (q.status !== undefined && q.kind === 'dilemma') where.push(eq(memoryRecords.status, q.status));
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(memoryRecords)
      .where(filter)
      .orderBy(desc(memoryRecords.occurredAt), desc(memoryRecords.createdAt))
      .limit(MEMORY_PAGE_SIZE)
      .offset((q.page - 1) * MEMORY_PAGE_SIZE),
    db.select({ n: count() }).from(memoryRecords).where(filter),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** MEM-TAG-2: the distinct tag values the team's records of this kind use, sorted. */
export async function tagValuesOf(db: DbOrTx, districtId: string, groupId: string, kind: MemoryKind) {
  const scope = and(
    eq(memoryRecords.districtId, districtId),
    eq(memoryRecords.groupId, groupId),
    eq(memoryRecords.kind, kind),
  );
  const values = async (column: (typeof TAG_COLUMNS)[keyof typeof TAG_COLUMNS]) => {
    const rows = await db
      .selectDistinct({ value: column })
      .from(memoryRecords)
      .where(and(scope, isNotNull(column)))
      .orderBy(asc(column))
      .limit(200);
    return rows.flatMap((r) => (r.value ? [r.value] : []));
  };
  const [grade, subject, strategy, studentGroup] = await Promise.all([
    values(TAG_COLUMNS.grade),
    values(TAG_COLUMNS.subject),
    values(TAG_COLUMNS.strategy),
    values(TAG_COLUMNS.studentGroup),
  ]);
  return { grade, subject, strategy, studentGroup };
}

/** MEM-TAG-1: a tag as stored: trimmed, null when empty. */
const tagValue = (v: string | null | undefined) =>
  v === undefined ? undefined : v?.trim() ? v.trim() : null;

/** The columns a tags input changes (a tag it does not name is left as it is). */
export function tagColumns(tags: MemoryTagsInput | undefined) {
  if (!tags) return {};
  const out: Partial<Record<keyof MemoryTags, string | null>> = {};
  for (const key of TAG_KEYS) {
    const v = tagValue(tags[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function tagsOf(row: MemoryRow): MemoryTags {
  return { grade: row.grade, subject: row.subject, strategy: row.strategy, studentGroup: row.studentGroup };
}
