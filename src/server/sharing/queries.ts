/**
 * Sharing beyond the team (ADR 0023): reads and writes of `memory_shares` and what they need of records, teams,
 * schools and people. Every query is filtered by the district (ADR 0003).
 */
import { and, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { MemoryContent, SharedContent } from '#contracts/memory';
import type { DbOrTx } from '../db/client';
import { groupMembers, groups, memoryRecords, memoryShares, schools, shareHelped, users } from '../db/schema';
import { notFound } from '../http/errors';
import type { Actor } from '../policy/actor';
import type { ShareRecordSubject, SharedCopySubject } from '../policy/policy';
import { groupSubject, type GroupRow } from '../groups/queries';

export type RecordRow = typeof memoryRecords.$inferSelect;
export type ShareRow = typeof memoryShares.$inferSelect;

/** A record of the caller's district and of this team, with its content parsed (never cast). */
export async function loadRecord(db: DbOrTx, actor: Actor, groupId: string, recordId: string) {
  const [row] = await db
    .select({ record: memoryRecords, group: groups })
    .from(memoryRecords)
    .innerJoin(
      groups,
      and(eq(groups.id, memoryRecords.groupId), eq(groups.districtId, memoryRecords.districtId)),
    )
    .where(
      and(
        eq(memoryRecords.districtId, actor.districtId),
        eq(memoryRecords.groupId, groupId),
        eq(memoryRecords.id, recordId),
      ),
    );
  if (!row) throw notFound('That record');
  const content = MemoryContent.safeParse(row.record.content);
  if (!content.success) throw notFound('That record');
  return { record: row.record, group: row.group, content: content.data };
}

/** The author of a record: its presenter, or the member who logged it. */
export const authorOf = (r: RecordRow): string | null => r.authorId ?? r.createdBy;

/** SHARE-CONSENT-5: a record drawn from a meeting has several contributors. */
export const hasSeveralContributors = (r: RecordRow): boolean => r.meetingId !== null;

export async function facilitatorIdsOf(db: DbOrTx, districtId: string, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ id: groupMembers.userId })
    .from(groupMembers)
    .innerJoin(users, and(eq(users.id, groupMembers.userId), eq(users.districtId, groupMembers.districtId)))
    .where(
      and(
        eq(groupMembers.districtId, districtId),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.role, 'facilitator'),
        isNull(users.deactivatedAt),
      ),
    );
  return rows.map((r) => r.id);
}

export async function shareRecordSubject(
  db: DbOrTx,
  record: RecordRow,
  group: GroupRow,
): Promise<ShareRecordSubject> {
  return {
    kind: 'share-record',
    id: record.id,
    districtId: record.districtId,
    group: groupSubject(group),
    authorId: authorOf(record),
    facilitatorIds: await facilitatorIdsOf(db, record.districtId, group.id),
  };
}

export function sharedCopySubject(share: ShareRow): SharedCopySubject {
  return {
    kind: 'shared-copy',
    id: share.id,
    districtId: share.districtId,
    groupId: share.groupId,
    scope: share.scope,
    schoolId: share.schoolId,
    shared: share.status === 'shared',
  };
}

export async function shareOfRecord(
  db: DbOrTx,
  districtId: string,
  recordId: string,
): Promise<ShareRow | null> {
  const [row] = await db
    .select()
    .from(memoryShares)
    .where(and(eq(memoryShares.districtId, districtId), eq(memoryShares.recordId, recordId)));
  return row ?? null;
}

export async function schoolNameOf(db: DbOrTx, districtId: string, schoolId: string | null) {
  if (!schoolId) return null;
  const [row] = await db
    .select({ name: schools.name })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), eq(schools.id, schoolId)));
  return row?.name ?? null;
}

export async function namesOf(db: DbOrTx, districtId: string, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * SHARE-FLAG-2: the roster we have: the names of the district's people (the school's are among them). In a network
 * (SHARE-NET-3) the tenant's people are its active member rows, with the names they chose to show: a network has
 * no roster of district people, and this never reads a home district.
 */
export async function rosterNames(db: DbOrTx, districtId: string): Promise<string[]> {
  const rows = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.districtId, districtId), isNull(users.deactivatedAt)));
  return rows.map((r) => r.name);
}

/** Creates or replaces the record's proposal (a copy already shared is never replaced: see the route). */
export async function saveProposal(
  db: DbOrTx,
  row: Omit<typeof memoryShares.$inferInsert, 'id' | 'createdAt'>,
): Promise<ShareRow> {
  const { recordId: _recordId, districtId: _districtId, ...set } = row;
  const [saved] = await db
    .insert(memoryShares)
    .values(row)
    .onConflictDoUpdate({ target: memoryShares.recordId, set: { ...set, createdAt: sql`now()` } })
    .returning();
  if (!saved) throw new Error('share not saved');
  return saved;
}

/**
 * Changes a proposal that is still waiting (`status = 'awaiting-team'`): null when it was shared or withdrawn
 * meanwhile, so two people agreeing at once share it (and audit it) once.
 */
export async function updatePendingShare(
  db: DbOrTx,
  districtId: string,
  shareId: string,
  set: Partial<Pick<ShareRow, 'status' | 'authorConsentAt' | 'teamConsentBy' | 'teamConsentAt' | 'sharedAt'>>,
): Promise<ShareRow | null> {
  const [saved] = await db
    .update(memoryShares)
    .set(set)
    .where(
      and(
        eq(memoryShares.districtId, districtId),
        eq(memoryShares.id, shareId),
        eq(memoryShares.status, 'awaiting-team'),
      ),
    )
    .returning();
  return saved ?? null;
}

export async function deleteShare(db: DbOrTx, districtId: string, shareId: string): Promise<boolean> {
  const gone = await db
    .delete(memoryShares)
    .where(and(eq(memoryShares.districtId, districtId), eq(memoryShares.id, shareId)))
    .returning({ id: memoryShares.id });
  return gone.length > 0;
}

/** The team's proposals still waiting for a consent, newest first. */
export async function pendingOfTeam(db: DbOrTx, districtId: string, groupId: string) {
  return db
    .select({ share: memoryShares, record: memoryRecords })
    .from(memoryShares)
    .innerJoin(
      memoryRecords,
      and(eq(memoryRecords.id, memoryShares.recordId), eq(memoryRecords.districtId, memoryShares.districtId)),
    )
    .where(
      and(
        eq(memoryShares.districtId, districtId),
        eq(memoryShares.groupId, groupId),
        eq(memoryShares.status, 'awaiting-team'),
      ),
    )
    .orderBy(desc(memoryShares.createdAt));
}

/** The library's predicate: the same rule as the policy's `shared-copy`, as one condition. */
function readableBy(actor: Actor) {
  // SHARE-NET-2: in a network, the whole network's copies (there are no schools; the exchange shares nothing).
  if (actor.network)
    return actor.network.kind === 'network' ? eq(memoryShares.scope, 'district') : sql`false`;
  const schoolIds = [...actor.schoolRoles.keys()];
  const groupIds = [...actor.groupRoles.keys()];
  return or(
    eq(memoryShares.scope, 'district'),
    schoolIds.length
      ? and(eq(memoryShares.scope, 'school'), inArray(memoryShares.schoolId, schoolIds))
      : undefined,
    groupIds.length ? inArray(memoryShares.groupId, groupIds) : undefined,
  );
}

/**
 * SHARE-LIB-1: the shared copies the caller may read: the district's, their schools' (a role in the school),
 * and their own teams'; in a network, the network's (SHARE-NET-2). Newest first, always (SHARE-HELPED-3).
 */
export async function libraryFor(db: DbOrTx, actor: Actor, kind?: 'success' | 'dilemma') {
  const rows = await db
    .select()
    .from(memoryShares)
    .where(
      and(
        eq(memoryShares.districtId, actor.districtId),
        eq(memoryShares.status, 'shared'),
        kind ? eq(memoryShares.kind, kind) : undefined,
        readableBy(actor),
      ),
    )
    .orderBy(desc(memoryShares.sharedAt), desc(memoryShares.id))
    .limit(200);
  return rows;
}

export interface Helped {
  count: number;
  byMe: boolean;
}

/** SHARE-HELPED-2: per copy, how many said it helped them and whether the caller did (never who). */
export async function helpedOf(
  db: DbOrTx,
  actor: Actor,
  shareIds: readonly string[],
): Promise<Map<string, Helped>> {
  const found = new Map<string, Helped>(shareIds.map((id) => [id, { count: 0, byMe: false }]));
  if (!shareIds.length) return found;
  const rows = await db
    .select({
      shareId: shareHelped.shareId,
      count: count(),
      mine: sql`count(*) filter (where ${shareHelped.userId} = ${actor.userId})`.mapWith(Number),
    })
    .from(shareHelped)
    .where(and(eq(shareHelped.districtId, actor.districtId), inArray(shareHelped.shareId, [...shareIds])))
    .groupBy(shareHelped.shareId);
  for (const r of rows) found.set(r.shareId, { count: r.count, byMe: r.mine > 0 });
  return found;
}

/** SHARE-HELPED-1: the caller says the copy helped them (once: saying it again changes nothing). */
export async function markHelped(db: DbOrTx, actor: Actor, shareId: string): Promise<void> {
  await db
    .insert(shareHelped)
    .values({ districtId: actor.districtId, shareId, userId: actor.userId })
    .onConflictDoNothing();
}

/** SHARE-HELPED-1: the caller takes it back. */
export async function unmarkHelped(db: DbOrTx, actor: Actor, shareId: string): Promise<void> {
  await db
    .delete(shareHelped)
    .where(
      and(
        eq(shareHelped.districtId, actor.districtId),
        eq(shareHelped.shareId, shareId),
        eq(shareHelped.userId, actor.userId),
      ),
    );
}

export async function loadShare(db: DbOrTx, actor: Actor, shareId: string): Promise<ShareRow> {
  const [row] = await db
    .select()
    .from(memoryShares)
    .where(and(eq(memoryShares.districtId, actor.districtId), eq(memoryShares.id, shareId)));
  if (!row) throw notFound('That shared copy');
  return row;
}

/** A stored copy, parsed (a row that no longer parses is left out rather than cast). */
export function contentOf(share: ShareRow): SharedContent | null {
  const parsed = SharedContent.safeParse(share.content);
  return parsed.success ? parsed.data : null;
}
