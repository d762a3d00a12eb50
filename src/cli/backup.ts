import { readFile } from 'node:fs/promises';
import { recordAudit } from '#server/audit/record';
import type { Config } from '#server/config';
import { backupDatabase, backupKeyFrom, restoreDatabase } from '#server/db/backup';
import { openDatabase, type RuntimeLog } from '#server/runtime/database';

/** Progress goes to stderr on one rewritten line, so long backups show they are moving. */
function progress(verb: string) {
  let last = 0;
  return (p: { table: string; rows: number }) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    process.stderr.write(`\r${verb} ${p.table}: ${p.rows} rows`.padEnd(70));
  };
}

export interface KeyOptions {
  /** A file holding the key (a passphrase or random bytes); wins over BACKUP_KEY. */
  keyFile?: string | undefined;
}

/** The key from --key-file or BACKUP_KEY; a missing or short key stops the command before any work. */
async function loadKey(opts: KeyOptions): Promise<Buffer> {
  if (opts.keyFile !== undefined) {
    const bytes = await readFile(opts.keyFile).catch((error: unknown) => {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      throw new Error(`Cannot read the key file ${opts.keyFile} (${code}).`);
    });
    return backupKeyFrom({ keyFile: bytes });
  }
  return backupKeyFrom({ env: process.env.BACKUP_KEY });
}

export async function backupCommand(config: Config, log: RuntimeLog, file: string, opts: KeyOptions = {}) {
  const key = await loadKey(opts);
  const opened = await openDatabase(config, log, { attachToRunning: true });
  try {
    const result = await backupDatabase(opened.database.pool, file, {
      key,
      onProgress: progress('backing up'),
    });
    process.stderr.write('\n');
    // TRUST-AUDIT: a backup holds every district's data; it is an event of the installation.
    await recordAudit(opened.database.db, {
      districtId: null,
      actorId: null,
      action: 'backup.created',
      details: { tables: result.tables, rows: result.rows, encrypted: true },
      from: 'cli',
    });
    log.info(`encrypted backup written to ${file}: ${result.tables} tables, ${result.rows} rows`);
  } finally {
    await opened.close();
  }
}

export async function restoreCommand(config: Config, log: RuntimeLog, file: string, opts: KeyOptions = {}) {
  const key = await loadKey(opts);
  const opened = await openDatabase(config, log, { attachToRunning: true });
  try {
    const result = await restoreDatabase(opened.database.pool, file, {
      key,
      onProgress: progress('restoring'),
    });
    process.stderr.write('\n');
    await recordAudit(opened.database.db, {
      districtId: null,
      actorId: null,
      action: 'backup.restored',
      details: { tables: result.tables, rows: result.rows },
      from: 'cli',
    });
    log.info(`restored ${file}: ${result.tables} tables, ${result.rows} rows`);
  } finally {
    await opened.close();
  }
}
