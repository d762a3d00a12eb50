import type { Config } from '../config';
import { connectDatabase, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
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

/** The district's PostgreSQL when DATABASE_URL is set; otherwise our embedded one under DATA_DIR. Migrated. */
export async function openDatabase(
  config: Config,
  log: RuntimeLog,
  opts: {
    migrate?: boolean;
    poolSize?: number;
    /** CLI commands use the app's running PostgreSQL when there is one. */ attachToRunning?: boolean;
  } = {},
): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let connectionString = config.databaseUrl;
  if (!connectionString) {
    try {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
      connectionString = embedded.connectionString;
    } catch (err) {
      const running =
        err instanceof DataDirInUseError && opts.attachToRunning
          ? await runningClusterConnection(config.dataDir)
          : null;
      if (!running) throw err;
      log.info(`Ensemble is running on ${config.dataDir}: using its database.`);
      connectionString = running;
    }
  }
  try {
    if (opts.migrate !== false) await runMigrations(connectionString);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const database = connectDatabase(connectionString, { max: opts.poolSize ?? 10 });
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
