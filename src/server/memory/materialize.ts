/**
 * MEM-REC-1: the read model that turns an ended meeting into its team's memory. It hears `meeting.ended` through
 * `services.committed` (MEM-HOOK-1) and draws the records with the core projection `memoryOf`; a list repairs
 * whatever a crash between the commit and the listener missed (`ensureTeamMemory`). Idempotent: a record exists
 * once per (meeting, part), and what members changed since (tags, texts, a resolution) is never overwritten.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { MeetingEvent } from '#contracts/meeting';
import { memoryOf } from '#core/memory/index';
import { indexRecord } from '../search/indexer';
import type { DbOrTx } from '../db/client';
import { meetingEvents, meetings, memoryRecords, users } from '../db/schema';

/** The meeting's log, every event parsed with its schema (a row that does not parse stops the projection). */
async function parsedLog(db: DbOrTx, districtId: string, meetingId: string): Promise<MeetingEvent[]> {
  const rows = await db
    .select()
    .from(meetingEvents)
    .where(and(eq(meetingEvents.districtId, districtId), eq(meetingEvents.meetingId, meetingId)))
    .orderBy(asc(meetingEvents.seq));
  return rows.map(({ seq, type, v, at, actorId, idempotencyKey, payload }) =>
    MeetingEvent.parse({ seq, type, v, at, actorId, idempotencyKey, payload }),
  );
}

/**
 * Draws the records of an ended meeting of the district and marks it drawn (`meetings.memory_at`). Returns the
 * ids of the records it inserted (none when the meeting is not ended or was drawn before).
 */
export async function materializeMeetingMemory(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
): Promise<string[]> {
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.districtId, districtId), eq(meetings.id, meetingId)));
  if (!meeting || meeting.status !== 'ended') return [];
  const events = await parsedLog(db, districtId, meetingId);
  const endedAt =
    meeting.endedAt?.getTime() ?? events.findLast((e) => e.type === 'meeting.ended')?.at ?? Date.now();
  const drafts = memoryOf(events, { meetingId, title: meeting.title, endedAt });
  // A presenter who was a meeting guest (no account) authors nothing: the record stays the team's.
  const candidates = [...new Set(drafts.flatMap((d) => (d.authorId ? [d.authorId] : [])))];
  const accounts = candidates.length
    ? new Set(
        (
          await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.districtId, districtId), inArray(users.id, candidates)))
        ).map((u) => u.id),
      )
    : new Set<string>();
  return db.transaction(async (tx) => {
    const inserted = drafts.length
      ? await tx
          .insert(memoryRecords)
          .values(
            drafts.map((d) => ({
              districtId,
              groupId: meeting.groupId,
              kind: d.kind,
              meetingId,
              part: d.part,
              authorId: d.authorId && accounts.has(d.authorId) ? d.authorId : null,
              title: d.title,
              content: d.content,
              status: d.kind === 'dilemma' ? ('open' as const) : null,
              occurredAt: new Date(d.occurredAt),
            })),
          )
          .onConflictDoNothing({ target: [memoryRecords.meetingId, memoryRecords.part] })
          .returning({ id: memoryRecords.id })
      : [];
    await tx
      .update(meetings)
      .set({ memoryAt: new Date() })
      .where(and(eq(meetings.districtId, districtId), eq(meetings.id, meetingId)));
    for (const { id } of inserted) await indexRecord(tx, districtId, id); // SEARCH-DOC-1
    return inserted.map((r) => r.id);
  });
}

/** MEM-REC-1: draws the memory of the team's ended meetings that have not been drawn yet (before a list). */
export async function ensureTeamMemory(db: DbOrTx, districtId: string, groupId: string): Promise<void> {
  const pending = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, groupId),
        eq(meetings.status, 'ended'),
        isNull(meetings.memoryAt),
      ),
    );
  for (const m of pending) {
    try {
      await materializeMeetingMemory(db, districtId, m.id);
    } catch {
      // A log that does not project is left for a later read; the list shows what is there.
    }
  }
}
