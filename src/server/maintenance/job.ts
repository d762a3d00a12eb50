import type { Database } from '../db/client';
import { startLockedJob } from '../runtime/locked-job';
import { applyRetention } from '../rights/retention';
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
  runOnce(now?: Date): Promise<PurgeCounts | null>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * The retention job (TRUST-PURGE-1): every 10 minutes and once at start, one node at a time
 * (`startLockedJob`); failures are logged, never thrown.
 */
export function startMaintenance(opts: {
  database: Database;
  log: MaintenanceLog;
  intervalMs?: number;
}): Maintenance {
  const job = startLockedJob({
    database: opts.database,
    lockKey: MAINTENANCE_LOCK_KEY,
    intervalMs: opts.intervalMs ?? MAINTENANCE_INTERVAL_MS,
    runAtStart: true,
    name: 'maintenance round',
    log: opts.log,
    round: async (now) => {
      const counts = await purgeExpired(opts.database.db, now);
      const total =
        counts.oneTimeTokens +
        counts.pendingSignups +
        counts.sessions +
        counts.throttle +
        counts.outbox +
        counts.socketAttachments;
      if (total > 0) opts.log.info({ purged: counts }, 'maintenance: expired rows purged');
      // RIGHTS-RETAIN-2: each district's own retention, at most once a day (counts in its audit log).
      const retained = await applyRetention(opts.database.db, now);
      if (Object.keys(retained).length > 0)
        opts.log.info({ retention: retained }, 'maintenance: retention applied');
      return counts;
    },
  });
  return { runOnce: (now) => job.runOnce(now), stop: () => job.stop() };
}
