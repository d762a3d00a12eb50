import type { Config } from '../config';
import type { Database } from '../db/client';
import {
  DataDirInUseError,
  runningClusterConnection,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../db/embedded';

export interface RuntimeLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface OpenedDatabase {
  database: Database;
  connectionString: string;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

const loadDatabaseModules = () => Promise.all([import('../db/client'), import('../db/migrate')]);

/** The district's PostgreSQL when DATABASE_URL is set; otherwise our embedded one under DATA_DIR. Migrated. */
export async function openDatabase(
  config: Config,
  log: RuntimeLog,
  opts: {
    migrate?: boolean;
    poolSize?: number;
    /** CLI commands use the app's running PostgreSQL when there is one. */ attachToRunning?: boolean;
    /**
     * Called once the database is on its way: our PostgreSQL spawned (starting, or recovering after a crash), or at
     * once for another one. The caller loads what it needs meanwhile (APP-START-1).
     */
    onLaunched?: () => void;
  } = {},
): Promise<OpenedDatabase> {
  // APP-START-1: Drizzle, the schema and the migrator load while PostgreSQL starts. Not before it is spawned: the
  // steps up to there (the lock, a crashed run's postmaster stopped) need this thread, module loading holds it.
  let loading: ReturnType<typeof loadDatabaseModules> | undefined;
  const load = () => (loading ??= loadDatabaseModules());
  const launched = () => {
    // Awaited below; until then a failure to load must not count as an unhandled rejection.
    void load().catch(() => undefined);
    opts.onLaunched?.();
  };
  const { embedded, connectionString } = await startDatabase(config, log, {
    attachToRunning: opts.attachToRunning ?? false,
    launched,
  });
  let database: Database;
  try {
    const [{ connectDatabase }, { runMigrations }] = await load();
    if (opts.migrate !== false) await runMigrations(connectionString);
    database = connectDatabase(connectionString, { max: opts.poolSize ?? 10 });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    database,
    connectionString,
    embedded,
    async close() {
      await database.close().catch(() => undefined);
      await embedded?.stop();
    },
  };
}

/** The connection string of DATABASE_URL, of our embedded PostgreSQL (started here), or of the app's running one. */
async function startDatabase(
  config: Config,
  log: RuntimeLog,
  opts: { attachToRunning: boolean; launched: () => void },
): Promise<{ embedded: EmbeddedPostgres | null; connectionString: string }> {
  if (config.databaseUrl) {
    opts.launched();
    return { embedded: null, connectionString: config.databaseUrl };
  }
  try {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log,
      onLaunched: opts.launched,
    });
    return { embedded, connectionString: embedded.connectionString };
  } catch (err) {
    const running =
      err instanceof DataDirInUseError && opts.attachToRunning
        ? await runningClusterConnection(config.dataDir)
        : null;
    if (!running) throw err;
    log.info(`Ensemble is running on ${config.dataDir}: using its database.`);
    opts.launched();
    return { embedded: null, connectionString: running };
  }
}
