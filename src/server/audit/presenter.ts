import { z } from '#contracts/zod';
import { AuditAction, type AuditEntry } from '#contracts/audit';
import type { AuditRow } from './queries';

type DetailValue = AuditEntry['details'][string];
const JsonObject = z.record(z.string(), z.unknown());

/** `details` is jsonb: only flat primitive values pass, whatever the row holds. */
function presentDetails(details: unknown): AuditEntry['details'] {
  const out: Record<string, DetailValue> = {};
  const parsed = JsonObject.safeParse(details);
  if (!parsed.success) return out;
  for (const [key, value] of Object.entries(parsed.data)) {
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    )
      out[key] = value;
  }
  return out;
}

/** An entry whose action this version no longer knows is left out rather than failing the page. */
export function presentAuditEntry(row: AuditRow): AuditEntry | null {
  const action = AuditAction.safeParse(row.action);
  if (!action.success) return null;
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: action.data,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? 'Someone of another district' } : null,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ip: row.ip,
    userAgent: row.userAgent,
    details: presentDetails(row.details),
  };
}

const CSV_COLUMNS = [
  'at',
  'action',
  'actor_name',
  'actor_id',
  'subject_type',
  'subject_id',
  'ip',
  'user_agent',
  'details',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled. A cell a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or CR before one) gets a leading
 * apostrophe, so it is shown as text (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const CSV_HEADER = csvRow(CSV_COLUMNS);

/** I18N-CSV-1: a header row in another language: one string per column of `T`, so a missing one is a type error. */
export type CsvHeader<T extends readonly string[]> = { readonly [K in keyof T]: string };

export function presentAuditCsvRow(entry: AuditEntry): string {
  return csvRow([
    entry.at,
    entry.action,
    entry.actor?.name ?? '',
    entry.actor?.id ?? '',
    entry.subjectType ?? '',
    entry.subjectId ?? '',
    entry.ip ?? '',
    entry.userAgent ?? '',
    Object.keys(entry.details).length ? JSON.stringify(entry.details) : '',
  ]);
}
