/** Another live Ensemble process owns the data directory: two PostgreSQL servers on one cluster would corrupt it. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by another Ensemble process (pid ${pid}). ` +
        `Stop that process first (for example: kill ${pid}), or give this one its own data directory (DATA_DIR).`,
    );
  }
}

/**
 * The embedded PostgreSQL server could not be set up or started. The message ends with the last lines of
 * the server's own log, because PostgreSQL says why it refused (port taken, permissions, corrupt files)
 * only there.
 */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
  readonly logTail: readonly string[];

  constructor(
    message: string,
    opts: { logTail?: readonly string[]; logFile?: string; cause?: unknown } = {},
  ) {
    const tail = opts.logTail ?? [];
    const where = opts.logFile ? ` (full log: ${opts.logFile})` : '';
    super(
      tail.length > 0 ? `${message}\nLast lines of the PostgreSQL log${where}:\n${tail.join('\n')}` : message,
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.logTail = tail;
  }
}
