/**
 * RIGHTS-DISTRICT-* (ADR 0042): a district's data as a zip streamed while it is read: one JSON Lines file per table
 * (`tables/<table>.jsonl`, every row whose `district_id` is the district's, read in pages in one read-only snapshot)
 * and `manifest.json` (format, version, counts, what is left out and why). The tables are found in the database's
 * catalogue, so a table added later is exported without a change here unless it is named below.
 *
 * Left out, by the product's trust rule (leaders never see a person's private reflections or one person's survey
 * answers): private reflections (`reflection.written` events), visit notes (private until shared, and then in the
 * log), private book reflections and colleague notes, survey and pulse answers and who took part; and secrets
 * (session and link hashes, password hashes), derived rows (the search index) and card images' bytes.
 */
import { PassThrough, type Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { DISTRICT_EXPORT_FORMAT, DISTRICT_EXPORT_VERSION } from '#contracts/rights';
import type { Database } from '../db/client';
import { exportRow } from './my-data';

/** Tables left out whole, with the reason the manifest gives. */
export const DISTRICT_EXPORT_EXCLUDED: Readonly<Record<string, string>> = {
  visit_notes: 'private to their author until shared (a shared one is in meeting_events)',
  survey_responses: "survey answers are never given out at a person's level",
  survey_participation: 'who took part in a survey is never given out',
  survey_link_uses: 'who took part in a survey is never given out',
  meeting_pulse_responses: "pulse answers are never given out at a person's level",
  meeting_pulse_participation: 'who answered a pulse is never given out',
  sessions: 'secrets (sign-in sessions)',
  one_time_tokens: 'secrets (emailed links)',
  pending_signups: 'secrets (unconfirmed sign-ups)',
  search_documents: 'derived from the other tables (the search index)',
  socket_io_attachments: 'transit data',
};

/** Rows left out of a table that is exported, with the reason the manifest gives. */
const ROW_FILTERS: Readonly<Record<string, { where: SQL; reason: string }>> = {
  meeting_events: { where: sql`type <> 'reflection.written'`, reason: 'private reflections' },
  book_reflections: { where: sql`visibility = 'shared'`, reason: 'private book reflections' },
  colleague_notes: { where: sql`visibility = 'shared'`, reason: 'private colleague notes' },
};

/** Columns never exported. */
const SECRET_COLUMNS = new Set([
  'password_hash',
  'token_hash',
  'previous_token_hash',
  'secret_hash',
  'link_hash',
  'image',
  'tsv',
]);

const PAGE = 1_000;

export interface DistrictExportProgress {
  table: string;
  rows: number;
}

/** The tables the export reads: every base table with a `district_id`, minus the excluded ones, by name. */
export async function districtTables(db: Database['db']): Promise<string[]> {
  const result = await db.execute<{ table_name: string }>(
    sql`SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.column_name = 'district_id'
        ORDER BY c.table_name`,
  );
  return result.rows.map((r) => r.table_name).filter((t) => !Object.hasOwn(DISTRICT_EXPORT_EXCLUDED, t));
}

/**
 * Starts the export of `districtId` and returns the zip as a stream. Rows are read a page at a time (by `ctid`, in
 * one repeatable-read, read-only transaction) and written as they come; the stream waits while the client reads.
 */
export function streamDistrictExport(
  database: Database,
  district: { id: string; name: string },
  now: Date = new Date(),
): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      out.destroy(err);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const drained = () =>
    out.writableNeedDrain
      ? new Promise<void>((resolve) => out.once('drain', () => resolve()))
      : Promise.resolve();

  const run = async () => {
    const counts: Record<string, number> = {};
    await database.db.transaction(
      async (tx) => {
        for (const table of await districtTables(database.db)) {
          const file = new ZipDeflate(`tables/${table}.jsonl`, { level: 6 });
          zip.add(file);
          const filter = ROW_FILTERS[table];
          let last = '(0,0)';
          let count = 0;
          for (;;) {
            const page = await tx.execute(
              sql`SELECT ctid::text AS "__ctid", * FROM ${sql.identifier(table)}
                  WHERE district_id = ${district.id} AND ctid > ${last}::tid ${filter ? sql`AND ${filter.where}` : sql``}
                  ORDER BY ctid LIMIT ${PAGE}`,
            );
            const lines: string[] = [];
            for (const { __ctid, ...row } of page.rows) {
              if (typeof __ctid === 'string') last = __ctid;
              const kept = Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMNS.has(k)));
              lines.push(JSON.stringify(exportRow(kept)));
            }
            count += lines.length;
            file.push(strToU8(lines.length > 0 ? `${lines.join('\n')}\n` : ''), false);
            await drained();
            if (page.rows.length < PAGE) break;
          }
          file.push(new Uint8Array(0), true);
          counts[table] = count;
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const manifest = new ZipDeflate('manifest.json', { level: 6 });
    zip.add(manifest);
    manifest.push(
      strToU8(
        JSON.stringify(
          {
            format: DISTRICT_EXPORT_FORMAT,
            version: DISTRICT_EXPORT_VERSION,
            district: district.name,
            districtId: district.id,
            exportedAt: now.toISOString(),
            files: 'tables/<table>.jsonl: one JSON object per line, one line per row, columns as stored',
            rows: counts,
            excludedTables: DISTRICT_EXPORT_EXCLUDED,
            excludedRows: Object.fromEntries(Object.entries(ROW_FILTERS).map(([t, f]) => [t, f.reason])),
            excludedColumns: [...SECRET_COLUMNS],
          },
          null,
          2,
        ),
      ),
      true,
    );
    zip.end();
  };
  run().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
