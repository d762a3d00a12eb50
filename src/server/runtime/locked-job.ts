import type { Database } from '../db/client';

export interface LockedJobLog {
  error(obj: object, msg: string): void;
}

export interface LockedJob<T> {
  /** Runs one round now (the timer's rounds go through here too). `null`: another node holds the lock. */
  runOnce(now?: Date): Promise<T | null>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * A background job shared by every app node: each round takes `pg_try_advisory_lock(lockKey)` on a connection of
 * its own and skips when another node holds it, so one node at a time does the work; one round at a time on a
 * node too. Failures are logged, never thrown: a database that is briefly away costs one round, not the process.
 * Used by the retention job (TRUST-PURGE-1), the weekly digest (DIGEST-JOB-1) and the survey job (MEASURE-WAVE-3, -7).
 */
export function startLockedJob<T>(opts: {
  database: Database;
  lockKey: number;
  intervalMs: number;
  /** Also run a round as it starts. */
  runAtStart?: boolean;
  /** What a failed round is called in the log. */
  name: string;
  log: LockedJobLog;
  round: (now: Date) => Promise<T>;
}): LockedJob<T> {
  let running: Promise<T | null> | null = null;
  let stopped = false;

  const locked = async (now: Date): Promise<T | null> => {
    const client = await opts.database.pool.connect();
    let broken = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        opts.lockKey,
      ]);
      if (rows[0]?.locked !== true) return null;
      try {
        return await opts.round(now);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [opts.lockKey]);
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  };

  const runOnce = (now: Date = new Date()): Promise<T | null> => {
    running ??= locked(now).finally(() => {
      running = null;
    });
    return running;
  };

  const tick = () => {
    if (stopped) return;
    runOnce().catch((error: unknown) => {
      opts.log.error(
        { err: error instanceof Error ? { message: error.message } : {} },
        `${opts.name} failed`,
      );
    });
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  if (opts.runAtStart) tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
