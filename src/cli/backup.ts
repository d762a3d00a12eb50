import type { Config } from '#server/config';
import { backupDatabase, restoreDatabase } from '#server/db/backup';
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

export async function backupCommand(config: Config, log: RuntimeLog, file: string) {
  const opened = await openDatabase(config, log, { attachToRunning: true });
  try {
    const result = await backupDatabase(opened.database.pool, file, progress('backing up'));
    process.stderr.write('\n');
    log.info(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows`);
  } finally {
    await opened.close();
  }
}

export async function restoreCommand(config: Config, log: RuntimeLog, file: string) {
  const opened = await openDatabase(config, log, { attachToRunning: true });
  try {
    const result = await restoreDatabase(opened.database.pool, file, progress('restoring'));
    process.stderr.write('\n');
    log.info(`restored ${file}: ${result.tables} tables, ${result.rows} rows`);
  } finally {
    await opened.close();
  }
}
