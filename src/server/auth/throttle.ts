import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authThrottle } from '../db/schema';

/**
 * Per-account attempt counting in fixed windows, kept in PostgreSQL so every app node shares it
 * (per-IP limits are @fastify/rate-limit's job). Returns true when the attempt is still allowed.
 */
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

/** Old windows are useless; drop them now and then. */
export async function pruneThrottle(db: Db, olderThanMs = 86_400_000) {
  await db
    .delete(authThrottle)
    .where(sql`${authThrottle.windowStart} < ${new Date(Date.now() - olderThanMs)}`);
}
