/**
 * The search index's only writer (SEARCH-DOC-1): documents are derived from memory records, shared copies and
 * the log of ended meetings, never written by hand elsewhere. Every function is idempotent: it reads the source
 * as it is now and makes the index say the same (a missing or no longer findable source removes its documents).
 * Nothing here logs a text.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { MeetingEvent } from '#contracts/meeting';
import { MemoryContent } from '#contracts/memory';
import { minutesOf, replay, type MeetingState } from '#core/meeting/index';
import {
  meetingDocuments,
  recordDocument,
  shareDocument,
  type DocumentDraft,
  type MeetingDocumentDraft,
} from '#core/search/index';
import type { Db, DbOrTx } from '../db/client';
import { meetingEvents, meetings, memoryRecords, memoryShares, searchDocuments } from '../db/schema';

type DocumentRow = typeof searchDocuments.$inferInsert;
const RECORD_KINDS = ['success', 'dilemma', 'observation'] as const;
const MEETING_KINDS = ['minutes', 'note', 'next-step'] as const;

async function upsert(db: DbOrTx, row: DocumentRow): Promise<void> {
  await db
    .insert(searchDocuments)
    .values(row)
    .onConflictDoUpdate({
      target: [searchDocuments.districtId, searchDocuments.kind, searchDocuments.sourceId],
      set: {
        groupId: row.groupId,
        schoolId: row.schoolId,
        visibility: row.visibility,
        meetingId: row.meetingId,
        title: row.title,
        body: row.body,
        tags: row.tags,
        lang: row.lang,
        occurredAt: row.occurredAt,
      },
    });
}

const fromDraft = (d: DocumentDraft) => ({ title: d.title, body: d.body, tags: d.tags, lang: d.lang });

/** SEARCH-DOC-2: a team's memory record, found by that team's members only (visibility `team`). */
export async function indexRecord(db: DbOrTx, districtId: string, recordId: string): Promise<void> {
  const [r] = await db
    .select()
    .from(memoryRecords)
    .where(and(eq(memoryRecords.districtId, districtId), eq(memoryRecords.id, recordId)));
  const content = r ? MemoryContent.safeParse(r.content) : null;
  if (!r || !content?.success) {
    await unindexRecord(db, districtId, recordId);
    return;
  }
  const draft = recordDocument(
    r.title,
    content.data,
    { grade: r.grade, subject: r.subject, strategy: r.strategy, studentGroup: r.studentGroup },
    r.resolution,
  );
  await upsert(db, {
    districtId,
    groupId: r.groupId,
    schoolId: null,
    visibility: 'team',
    kind: r.kind,
    sourceId: r.id,
    meetingId: r.meetingId,
    ...fromDraft(draft),
    occurredAt: r.occurredAt,
  });
}

export async function unindexRecord(db: DbOrTx, districtId: string, recordId: string): Promise<void> {
  await db
    .delete(searchDocuments)
    .where(
      and(
        eq(searchDocuments.districtId, districtId),
        eq(searchDocuments.visibility, 'team'),
        inArray(searchDocuments.kind, [...RECORD_KINDS]),
        eq(searchDocuments.sourceId, recordId),
      ),
    );
}

/**
 * SEARCH-DOC-3: a copy shared beyond the team, while its status is `shared`: visibility `school` (its school) or
 * `district`, only its reviewed title and content. A copy awaiting the team, withdrawn or deleted is not found.
 */
export async function indexShare(db: DbOrTx, districtId: string, shareId: string): Promise<void> {
  const [s] = await db
    .select()
    .from(memoryShares)
    .where(and(eq(memoryShares.districtId, districtId), eq(memoryShares.id, shareId)));
  if (!s || s.status !== 'shared' || (s.scope === 'school' && !s.schoolId)) {
    await unindexShare(db, districtId, shareId);
    return;
  }
  await upsert(db, {
    districtId,
    groupId: s.groupId,
    schoolId: s.scope === 'school' ? s.schoolId : null,
    visibility: s.scope,
    kind: s.kind,
    sourceId: s.id,
    meetingId: null,
    ...fromDraft(shareDocument(s.title, s.content)),
    occurredAt: s.sharedAt ?? s.createdAt,
  });
}

export async function unindexShare(db: DbOrTx, districtId: string, shareId: string): Promise<void> {
  await db
    .delete(searchDocuments)
    .where(
      and(
        eq(searchDocuments.districtId, districtId),
        inArray(searchDocuments.visibility, ['school', 'district']),
        eq(searchDocuments.sourceId, shareId),
      ),
    );
}

/** The meeting's log, each row parsed with the event contract (a row this version cannot read is left out). */
async function parsedLog(db: DbOrTx, districtId: string, meetingId: string): Promise<MeetingEvent[]> {
  const rows = await db
    .select({
      seq: meetingEvents.seq,
      type: meetingEvents.type,
      v: meetingEvents.v,
      at: meetingEvents.at,
      actorId: meetingEvents.actorId,
      idempotencyKey: meetingEvents.idempotencyKey,
      payload: meetingEvents.payload,
    })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.districtId, districtId), eq(meetingEvents.meetingId, meetingId)))
    .orderBy(asc(meetingEvents.seq));
  return rows.flatMap((row) => {
    const parsed = MeetingEvent.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The state of a log, or null when it cannot be replayed (empty, or a gap left by a row that did not parse). */
function replayed(log: MeetingEvent[]): MeetingState | null {
  if (!log.length) return null;
  try {
    return replay(log);
  } catch {
    return null;
  }
}

/**
 * SEARCH-DOC-4: the documents of an ENDED meeting (minutes, shared notes, next steps), from its log through core
 * `minutesOf` (shared content only), replacing the meeting's earlier documents. A meeting that has not ended, or
 * that is gone, has none. Runs under a per-meeting lock so two re-indexings cannot interleave.
 */
export async function indexMeeting(db: Db, districtId: string, meetingId: string): Promise<number> {
  const [m] = await db
    .select({ id: meetings.id, groupId: meetings.groupId, title: meetings.title, status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.districtId, districtId), eq(meetings.id, meetingId)));
  const drafts: MeetingDocumentDraft[] = [];
  if (m && m.status === 'ended') {
    const log = await parsedLog(db, districtId, meetingId);
    const state = replayed(log);
    if (state?.phase === 'ended') drafts.push(...meetingDocuments(m.title, minutesOf(state)));
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`search-meeting:${meetingId}`}))`);
    await tx
      .delete(searchDocuments)
      .where(
        and(
          eq(searchDocuments.districtId, districtId),
          eq(searchDocuments.meetingId, meetingId),
          inArray(searchDocuments.kind, [...MEETING_KINDS]),
        ),
      );
    if (!m || !drafts.length) return 0;
    await tx.insert(searchDocuments).values(
      drafts.map((d) => ({
        districtId,
        groupId: m.groupId,
        schoolId: null,
        visibility: 'team' as const,
        kind: d.kind,
        sourceId: d.sourceId,
        meetingId,
        ...fromDraft(d),
        occurredAt: new Date(d.occurredAt),
      })),
    );
    return drafts.length;
  });
}

/** Whether a committed batch concerns an ended meeting: it ends it, or the meeting has already ended. */
async function hasEnded(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  events: readonly MeetingEvent[],
  ended: boolean | undefined,
) {
  if (events.some((e) => e.type === 'meeting.ended')) return true;
  // The runtime says so with every batch it commits: a live meeting's events cost no read (ADR 0047).
  if (ended !== undefined) return ended;
  const [m] = await db
    .select({ status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.districtId, districtId), eq(meetings.id, meetingId)));
  return m?.status === 'ended';
}

/**
 * SEARCH-DOC-5: re-indexes a meeting when its events are committed, from its end on (`meeting.ended`, and later
 * events such as a reflection shared after the meeting). Events of a live meeting change nothing.
 */
export function searchListener(db: Db) {
  return async (batch: {
    districtId: string;
    meetingId: string;
    events: readonly MeetingEvent[];
    ended?: boolean;
  }) => {
    if (!(await hasEnded(db, batch.districtId, batch.meetingId, batch.events, batch.ended))) return;
    await indexMeeting(db, batch.districtId, batch.meetingId);
  };
}

export interface BackfillResult {
  meetings: number;
  records: number;
  shares: number;
}

/**
 * SEARCH-DOC-6: indexes what has no document yet: ended meetings without minutes, memory records and shared
 * copies (written before the index existed, or missed by a crash between a commit and its listener). Stops
 * early when `stopped()` says so (shutdown).
 */
export async function backfillSearch(
  db: Db,
  stopped: () => boolean = () => false,
  batch = 200,
): Promise<BackfillResult> {
  const done: BackfillResult = { meetings: 0, records: 0, shares: 0 };
  for (;;) {
    if (stopped()) return done;
    const rows = await db
      .select({ id: meetings.id, districtId: meetings.districtId })
      .from(meetings)
      .where(
        and(
          eq(meetings.status, 'ended'),
          sql`not exists (select 1 from ${searchDocuments} d where d.district_id = ${meetings.districtId}
            and d.kind = 'minutes' and d.source_id = ${meetings.id}::text)`,
        ),
      )
      .limit(batch);
    let progressed = 0;
    for (const r of rows) {
      if (stopped()) return done;
      if ((await indexMeeting(db, r.districtId, r.id)) > 0) progressed += 1;
    }
    done.meetings += progressed;
    // A meeting whose log yields no documents would be found again: stop when a batch adds nothing.
    if (rows.length < batch || progressed === 0) break;
  }
  const records = await db
    .select({ id: memoryRecords.id, districtId: memoryRecords.districtId })
    .from(memoryRecords)
    .where(
      sql`not exists (select 1 from ${searchDocuments} d where d.district_id = ${memoryRecords.districtId}
        and d.kind = ${memoryRecords.kind} and d.source_id = ${memoryRecords.id}::text)`,
    );
  for (const r of records) {
    if (stopped()) return done;
    await indexRecord(db, r.districtId, r.id);
    done.records += 1;
  }
  const shares = await db
    .select({ id: memoryShares.id, districtId: memoryShares.districtId })
    .from(memoryShares)
    .where(
      and(
        eq(memoryShares.status, 'shared'),
        sql`not exists (select 1 from ${searchDocuments} d where d.district_id = ${memoryShares.districtId}
          and d.kind = ${memoryShares.kind} and d.source_id = ${memoryShares.id}::text)`,
      ),
    );
  for (const s of shares) {
    if (stopped()) return done;
    await indexShare(db, s.districtId, s.id);
    done.shares += 1;
  }
  return done;
}
