/**
 * RIGHTS-RETAIN-* (ADR 0042): a district's retention, applied by the maintenance job. For each district with a
 * setting, at most once a day: ended or cancelled meetings older than `meeting_content_years` (by their end, else
 * their date) are deleted with everything drawn from them (their log, team memory records and shared copies,
 * plans, guests, visit notes, pulse answers, search entries); audit entries older than `audit_log_years`; survey
 * answers of waves closed longer ago than `survey_response_years` (the frozen results stay). In batches, each a
 * short statement. Each run appends one `retention.applied` audit entry with counts only.
 */
import { and, eq, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RetentionSettings, RetentionView } from '#contracts/rights';
import { recordAudit } from '../audit/record';
import type { Db, DbOrTx } from '../db/client';
import { retentionSettings } from '../db/schema';

export const RETENTION_BATCH = 500;
/** A district's retention runs at most once in this long. */
export const RETENTION_EVERY_MS = 24 * 60 * 60_000;

export interface RetentionCounts {
  meetings: number;
  auditEvents: number;
  surveyResponses: number;
}

/** `years` before `now`, in UTC calendar years. */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

export async function loadRetention(db: DbOrTx, districtId: string): Promise<RetentionView> {
  const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.districtId, districtId));
  return {
    settings: {
      meetingContentYears: row?.meetingContentYears ?? null,
      auditLogYears: row?.auditLogYears ?? null,
      surveyResponseYears: row?.surveyResponseYears ?? null,
    },
    lastRunAt: row?.lastRunAt?.toISOString() ?? null,
  };
}

export async function saveRetention(
  db: DbOrTx,
  districtId: string,
  settings: RetentionSettings,
  by: string,
  now: Date = new Date(),
): Promise<void> {
  await db
    .insert(retentionSettings)
    .values({ districtId, ...settings, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({
      target: retentionSettings.districtId,
      set: { ...settings, updatedBy: by, updatedAt: now },
    });
}

/** Deletes by `select` (ids) in batches of `RETENTION_BATCH` until none is left; returns how many. */
async function inBatches(db: Db, batch: (limit: number) => SQL): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(batch(RETENTION_BATCH));
    const n = result.rowCount ?? 0;
    total += n;
    if (n < RETENTION_BATCH) return total;
  }
}

/** Applies one district's retention now (the job calls this; tests call it with their own `now`). */
export async function applyDistrictRetention(
  db: Db,
  districtId: string,
  settings: RetentionSettings,
  now: Date,
): Promise<RetentionCounts> {
  const counts: RetentionCounts = { meetings: 0, auditEvents: 0, surveyResponses: 0 };
  if (settings.meetingContentYears !== null) {
    const before = yearsBefore(now, settings.meetingContentYears);
    counts.meetings = await inBatches(db, (limit) => {
      const old = sql`SELECT id FROM meetings WHERE district_id = ${districtId} AND status IN ('ended', 'cancelled')
        AND coalesce(ended_at, scheduled_for, created_at) < ${before.toISOString()}::timestamptz LIMIT ${limit}`;
      // Book sections point at their meeting without a cascade, and the search index by id only: both let go first.
      return sql`WITH old AS (${old}),
        sections AS (UPDATE book_sections SET meeting_id = NULL WHERE district_id = ${districtId} AND meeting_id IN (SELECT id FROM old)),
        search AS (DELETE FROM search_documents WHERE district_id = ${districtId} AND meeting_id IN (SELECT id FROM old))
        DELETE FROM meetings WHERE district_id = ${districtId} AND id IN (SELECT id FROM old)`;
    });
  }
  if (settings.auditLogYears !== null) {
    const before = yearsBefore(now, settings.auditLogYears);
    counts.auditEvents = await inBatches(
      db,
      (limit) => sql`DELETE FROM audit_events WHERE district_id = ${districtId}
        AND id IN (SELECT id FROM audit_events
          WHERE district_id = ${districtId} AND at < ${before.toISOString()}::timestamptz LIMIT ${limit})`,
    );
  }
  if (settings.surveyResponseYears !== null) {
    const before = yearsBefore(now, settings.surveyResponseYears);
    counts.surveyResponses = await inBatches(
      db,
      (limit) => sql`DELETE FROM survey_responses WHERE district_id = ${districtId}
        AND id IN (SELECT r.id FROM survey_responses r
        JOIN survey_waves w ON w.district_id = r.district_id AND w.id = r.wave_id
        WHERE r.district_id = ${districtId} AND w.closed_at IS NOT NULL AND w.closed_at < ${before.toISOString()}::timestamptz
        LIMIT ${limit})`,
    );
  }
  return counts;
}

/**
 * The retention pass of a maintenance round: every district whose settings keep something for a limited time and
 * whose last run is a day old or more. Returns the counts by district.
 */
export async function applyRetention(
  db: Db,
  now: Date = new Date(),
): Promise<Record<string, RetentionCounts>> {
  const due = await db
    .select()
    .from(retentionSettings)
    .where(
      and(
        or(
          isNotNull(retentionSettings.meetingContentYears),
          isNotNull(retentionSettings.auditLogYears),
          isNotNull(retentionSettings.surveyResponseYears),
        ),
        or(
          sql`${retentionSettings.lastRunAt} IS NULL`,
          lt(retentionSettings.lastRunAt, new Date(now.getTime() - RETENTION_EVERY_MS)),
        ),
      ),
    );
  const done: Record<string, RetentionCounts> = {};
  for (const row of due) {
    const counts = await applyDistrictRetention(db, row.districtId, row, now);
    await db.transaction(async (tx) => {
      await tx
        .update(retentionSettings)
        .set({ lastRunAt: now })
        .where(eq(retentionSettings.districtId, row.districtId));
      await recordAudit(tx, {
        districtId: row.districtId,
        actorId: null,
        action: 'retention.applied',
        details: { ...counts },
      });
    });
    done[row.districtId] = counts;
  }
  return done;
}
