import type { Database } from '../db/client';
import { purgeExpired, type PurgeCounts } from './purge';

/** Every 10 minutes, and once at start. */
export const MAINTENANCE_INTERVAL_MS = 10 * 60_000;
/** The advisory lock every app node tries before purging: one node at a time does the work. */
export const MAINTENANCE_LOCK_KEY = 0x656e_736d; // 'ensm'

export interface MaintenanceLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Maintenance {
  /** Runs one round now (the timer's rounds go through here too). `null`: another node holds the lock. */
  runOnce(): Promise<PurgeCounts | null>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * The retention job (TRUST-PURGE-1). A round takes `pg_try_advisory_lock` on a connection of its own:
 * when another node holds it, this node skips the round. Failures are logged, never thrown: a database
 * that is briefly away costs one round, not the process.
 */
export function startMaintenance(opts: {
  database: Database;
  log: MaintenanceLog;
  intervalMs?: number;
}): Maintenance {
  let running: Promise<PurgeCounts | null> | null = null;
  let stopped = false;

  const round = async (): Promise<PurgeCounts | null> => {
    const client = await opts.database.pool.connect();
    let broken = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        MAINTENANCE_LOCK_KEY,
      ]);
      if (rows[0]?.locked !== true) return null;
      try {
        const counts = await purgeExpired(opts.database.db);
        const total =
          counts.oneTimeTokens +
          counts.pendingSignups +
          counts.sessions +
          counts.throttle +
          counts.outbox +
          counts.socketAttachments;
        if (total > 0) opts.log.info({ purged: counts }, 'maintenance: expired rows purged');
        return counts;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MAINTENANCE_LOCK_KEY]);
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  };

  const runOnce = (): Promise<PurgeCounts | null> => {
    // One round at a time on this node too.
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };

  const tick = () => {
    if (stopped) return;
    runOnce().catch((error: unknown) => {
      opts.log.error(
        { err: error instanceof Error ? { message: error.message } : {} },
        'maintenance round failed',
      );
    });
  };
  const timer = setInterval(tick, opts.intervalMs ?? MAINTENANCE_INTERVAL_MS);
  timer.unref();
  tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
