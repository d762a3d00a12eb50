/**
 * ROSTER-CSV-*: one CSV file of a OneRoster set, from bytes to rows with their line numbers. Strict UTF-8 (an
 * invalid byte is reported with its line), the BOM dropped, CRLF or LF, quoted fields with commas and line breaks.
 */
import { parse } from 'csv-parse/sync';
import type { RosterProblem } from '#contracts/roster';

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}
export interface CsvTable {
  file: string;
  header: string[];
  headerLine: number;
  rows: CsvRow[];
}

const error = (file: string, line: number | null, message: string): RosterProblem => ({
  severity: 'error',
  file,
  line,
  message,
});

/** The byte offset of the first invalid UTF-8 sequence, or -1 (overlongs, surrogates and > U+10FFFF invalid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

function isRawRecord(x: unknown): x is { record: string[]; raw: string } {
  return (
    typeof x === 'object' &&
    x !== null &&
    'record' in x &&
    'raw' in x &&
    Array.isArray(x.record) &&
    x.record.every((f) => typeof f === 'string') &&
    typeof x.raw === 'string'
  );
}

const LINE_BREAKS = /\r\n|\r|\n/g;

/** Decodes and parses one file; a problem (with its line) instead when it is not UTF-8 or not well-formed CSV. */
export function readCsv(file: string, bytes: Uint8Array): CsvTable | RosterProblem {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0)
    return error(
      file,
      lineAt(bytes, bad),
      'is not UTF-8 (an invalid byte): save the file as UTF-8 and export again',
    );
  const text = new TextDecoder('utf-8').decode(bytes);
  let records: { record: string[]; raw: string }[];
  try {
    const parsed: unknown = parse(text, { bom: true, raw: true, relax_column_count: true });
    records = Array.isArray(parsed) ? parsed.filter(isRawRecord) : [];
  } catch (err) {
    const line = err instanceof Error && 'lines' in err && typeof err.lines === 'number' ? err.lines : null;
    const reason = err instanceof Error ? err.message.replace(/ at line \d+.*$/s, '') : 'unreadable';
    return error(file, line, `is not well-formed CSV (${reason})`);
  }
  const rows: CsvRow[] = [];
  let cursor = 1;
  for (const { record, raw } of records) {
    const line = cursor;
    cursor += (raw.replace(/[\r\n]{1,2}$/, '').match(LINE_BREAKS)?.length ?? 0) + 1;
    if (record.length === 1 && record[0]?.trim() === '') continue;
    rows.push({ line, fields: record });
  }
  const [head, ...body] = rows;
  if (!head) return error(file, 1, 'is empty: a header line is needed');
  for (const row of body)
    if (row.fields.length !== head.fields.length)
      return error(
        file,
        row.line,
        `has ${row.fields.length} fields where the header has ${head.fields.length}`,
      );
  return { file, header: head.fields.map((h) => h.trim()), headerLine: head.line, rows: body };
}
