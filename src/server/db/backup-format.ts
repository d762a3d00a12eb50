// The backup's content: gzip'd NDJSON, sealed in the encrypted envelope of backup-crypto.ts. Line 1 is the header; then, per table, a marker line giving its row count
// followed by exactly that many row lines (row_to_json output, kept as text so bigint and numeric values
// never pass through JavaScript numbers); the last line is a trailer with the totals and the sha256 of
// every byte before it, so a truncated or edited file is refused before anything is committed.
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export const BACKUP_FORMAT = 'ensemble-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
}

export interface BackupSequence {
  name: string;
  /** bigint as text. */
  lastValue: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** Hashes of the applied drizzle migrations, oldest first: a backup restores only into the same schema. */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface TableMarker {
  table: string;
  rows: number;
}

export interface BackupTrailer {
  end: true;
  tables: number;
  rows: number;
  sha256: string;
}

/** The file is not a complete, intact Ensemble backup. `line` is 1-based, in the uncompressed text. */
export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';

  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `Backup file: ${message}` : `Backup file, line ${line}: ${message}`);
  }
}

/** Reads the uncompressed lines one by one, counting them and hashing all but the trailer. */
export class BackupReader {
  private lineNo = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly lines: AsyncIterator<string>;

  constructor(compressed: Readable) {
    // Wired at once, not when the first line is asked for: an error of the source that comes earlier (a
    // truncated envelope, while the restore still connects) must reach the reader, not go unhandled.
    const gunzip = createGunzip();
    compressed.on('error', (error) => gunzip.destroy(error));
    // Seen by the iterator through the stream's errored state, whenever it starts.
    gunzip.on('error', () => undefined);
    compressed.pipe(gunzip);
    this.lines = splitLines(gunzip)[Symbol.asyncIterator]();
  }

  get line(): number {
    return this.lineNo;
  }

  /** The next line, parsed as JSON; `what` names what belongs there, for the error message. */
  async next(what: string, hashed = true): Promise<unknown> {
    const text = await this.nextText(what);
    if (hashed) this.hash.update(`${text}\n`);
    return parseJson(text, this.lineNo);
  }

  /** Like next() for a row, whose text is passed to PostgreSQL as it is. */
  async nextRow(table: string): Promise<string> {
    const text = await this.nextText(`a row of table ${table}`);
    this.hash.update(`${text}\n`);
    const value = parseJson(text, this.lineNo);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BackupFileError(`expected a row of table ${table} (a JSON object).`, this.lineNo);
    }
    return text;
  }

  /** The sha256 of everything read so far. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }

  async expectEnd(): Promise<void> {
    const rest = await this.pull();
    if (!rest.done && rest.value.trim() !== '') {
      throw new BackupFileError('unexpected content after the trailer.', this.lineNo + 1);
    }
  }

  private async nextText(what: string): Promise<string> {
    const result = await this.pull();
    if (result.done) {
      throw new BackupFileError(
        `the file is truncated: it ends after line ${this.lineNo}, where ${what} was expected.`,
      );
    }
    this.lineNo++;
    return result.value;
  }

  private async pull(): Promise<IteratorResult<string>> {
    try {
      return await this.lines.next();
    } catch (error) {
      // The envelope's own errors (wrong key, changed chunk, truncated) already say what is wrong.
      if (error instanceof BackupFileError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackupFileError(`the file is damaged or truncated (${reason}).`, this.lineNo + 1);
    }
  }
}

async function* splitLines(gunzip: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    const lines = (partial + decoder.write(chunk)).split('\n');
    partial = lines.pop() ?? '';
    yield* lines;
  }
  const rest = partial + decoder.end();
  if (rest !== '') yield rest;
}

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BackupFileError(
      `not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      line,
    );
  }
}

export function parseHeader(value: unknown): BackupHeader {
  const header = asRecord(value);
  if (header?.format !== BACKUP_FORMAT)
    throw new BackupFileError('this is not an Ensemble backup (no header).', 1);
  if (header.version !== BACKUP_VERSION) {
    throw new BackupFileError(
      `backup format version ${String(header.version)} is not supported (expected ${BACKUP_VERSION}).`,
      1,
    );
  }
  const tables = Array.isArray(header.tables) ? header.tables.map(asRecord) : undefined;
  const sequences = Array.isArray(header.sequences) ? header.sequences.map(asRecord) : undefined;
  const valid =
    typeof header.createdAt === 'string' &&
    isStringArray(header.migrations) &&
    tables?.every((t) => typeof t?.name === 'string' && isStringArray(t.columns)) === true &&
    sequences?.every((s) => typeof s?.name === 'string' && typeof s.lastValue === 'string') === true;
  if (!valid) throw new BackupFileError('the header is malformed.', 1);
  return header as unknown as BackupHeader;
}

export function parseMarker(value: unknown, expectedTable: string, line: number): TableMarker {
  const marker = asRecord(value);
  if (marker?.table !== expectedTable || !isCount(marker.rows)) {
    throw new BackupFileError(`expected the start of table ${expectedTable}.`, line);
  }
  return { table: expectedTable, rows: marker.rows };
}

export function parseTrailer(value: unknown, line: number): BackupTrailer {
  const trailer = asRecord(value);
  if (
    trailer?.end !== true ||
    !isCount(trailer.tables) ||
    !isCount(trailer.rows) ||
    typeof trailer.sha256 !== 'string'
  ) {
    throw new BackupFileError('expected the trailer.', line);
  }
  return { end: true, tables: trailer.tables, rows: trailer.rows, sha256: trailer.sha256 };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
