import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authThrottle } from '../db/schema';

/**
 * Limits kept in PostgreSQL so every app node shares them (per-IP request limits are @fastify/rate-limit's
 * job). Two kinds of rows in `auth_throttle (key, window_start, count)`:
 * - fixed windows (`takeAttempt`): `window_start` is the window's start, `count` the attempts in it;
 * - failure streaks (`failureDelay`/`recordFailure`): `window_start` is the LAST failure, `count` the
 *   failures in the streak. A streak is forgotten a day after its last failure, or at once on success.
 * Both are safe to prune once `window_start` is over a day old (`pruneThrottle`).
 */

/** Counts one attempt in a fixed window; true while the attempt is still allowed. */
export async function takeAttempt(db: Db, key: string, limit: number, windowMs: number): Promise<boolean> {
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const [row] = await db
    .insert(authThrottle)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [authThrottle.key, authThrottle.windowStart],
      set: { count: sql`${authThrottle.count} + 1` },
    })
    .returning({ count: authThrottle.count });
  return (row?.count ?? 0) <= limit;
}

/** Attempts counted so far in the current fixed window (without counting one). */
export async function attemptsInWindow(db: Db, key: string, windowMs: number): Promise<number> {
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const [row] = await db
    .select({ count: authThrottle.count })
    .from(authThrottle)
    .where(and(eq(authThrottle.key, key), eq(authThrottle.windowStart, windowStart)));
  return row?.count ?? 0;
}

/** A failure streak is forgotten this long after its last failure. */
export const STREAK_MEMORY_MS = 86_400_000;

export interface DelayPolicy {
  /** Failures allowed with no delay. */
  free: number;
  /** Delay after the first failure past `free`; doubles with each further failure. */
  baseMs: number;
  /** The delay never grows beyond this: a victim's correct password always works once it has passed. */
  capMs: number;
}

/** TRUST-LIMIT-2: sign-in: 5 free failures, then 1 s, 2 s, 4 s… capped at 5 minutes. */
export const SIGN_IN_DELAY: DelayPolicy = { free: 5, baseMs: 1_000, capMs: 5 * 60_000 };

/** The wait owed after `failures` failures under `policy` (0 while still free). Pure, for tests. */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.free) return 0;
  const doublings = Math.min(failures - policy.free, 30);
  return Math.min(policy.baseMs * 2 ** doublings, policy.capMs);
}

async function streakOf(db: Db, key: string): Promise<{ failures: number; lastAt: Date } | null> {
  const [row] = await db
    .select({
      failures: sql<number>`max(${authThrottle.count})`.mapWith(Number),
      lastAt: sql<Date | null>`max(${authThrottle.windowStart})`.mapWith((v: string | Date | null) =>
        v === null ? null : new Date(v),
      ),
    })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  if (!row?.lastAt || !row.failures) return null;
  if (Date.now() - row.lastAt.getTime() > STREAK_MEMORY_MS) return null;
  return { failures: row.failures, lastAt: row.lastAt };
}

/**
 * How long the caller must still wait before the next attempt on `key` (0 = go ahead). Counting only
 * failures, so nobody can lock a person out by trying: once the wait has passed, one attempt is judged.
 */
export async function failureDelay(db: Db, key: string, policy: DelayPolicy): Promise<number> {
  const streak = await streakOf(db, key);
  if (!streak) return 0;
  const owed = delayAfter(streak.failures, policy);
  return Math.max(0, streak.lastAt.getTime() + owed - Date.now());
}

/** Adds one failure to the streak on `key` (its `window_start` becomes now). */
export async function recordFailure(db: Db, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    const previous = await tx
      .delete(authThrottle)
      .where(eq(authThrottle.key, key))
      .returning({ count: authThrottle.count, windowStart: authThrottle.windowStart });
    const live = previous.filter((p) => Date.now() - p.windowStart.getTime() <= STREAK_MEMORY_MS);
    const failures = Math.max(0, ...live.map((p) => p.count)) + 1;
    await tx
      .insert(authThrottle)
      .values({ key, windowStart: new Date(), count: failures })
      .onConflictDoUpdate({
        target: [authThrottle.key, authThrottle.windowStart],
        set: { count: sql`greatest(${authThrottle.count}, excluded.count)` },
      });
  });
}

/** The one failure streak of an account's password, whether it is tried at sign-in or to accept an invitation. */
export const passwordFailureKey = (email: string) => `sign-in-failures:${email}`;

/** A success ends the streak. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/**
 * TRUST-LIMIT-4: join codes. Per IP, failures on unknown codes (guessing); per team, attempts on its known
 * code. Both fixed one-hour windows.
 */
export const JOIN_CODE_LIMITS = {
  windowMs: 60 * 60_000,
  unknownPerIp: 20,
  attemptsPerTeam: 60,
};

/** True while this address may still try codes (it has not failed too often this hour). */
export async function mayTryJoinCode(db: Db, ip: string): Promise<boolean> {
  return (
    (await attemptsInWindow(db, `join-unknown:${ip}`, JOIN_CODE_LIMITS.windowMs)) <
    JOIN_CODE_LIMITS.unknownPerIp
  );
}

export async function recordUnknownJoinCode(db: Db, ip: string): Promise<void> {
  await takeAttempt(db, `join-unknown:${ip}`, JOIN_CODE_LIMITS.unknownPerIp, JOIN_CODE_LIMITS.windowMs);
}

/** Counts one attempt on a team's known code; false once the team's hourly allowance is used. */
export async function takeJoinCodeAttempt(db: Db, groupId: string): Promise<boolean> {
  return takeAttempt(db, `join-team:${groupId}`, JOIN_CODE_LIMITS.attemptsPerTeam, JOIN_CODE_LIMITS.windowMs);
}

/**
 * TRUST-LIMIT-5: rows whose window (or last failure) is older than `olderThanMs` are useless under both
 * schemes above (windows are at most an hour; streaks are forgotten after a day). Called by the retention job.
 */
export async function pruneThrottle(db: Db, olderThanMs = STREAK_MEMORY_MS): Promise<number> {
  const deleted = await db
    .delete(authThrottle)
    .where(
      sql`${authThrottle.windowStart} < ${new Date(Date.now() - Math.max(olderThanMs, STREAK_MEMORY_MS))}`,
    )
    .returning({ key: authThrottle.key });
  return deleted.length;
}
