/**
 * A matching round of the colleague exchange (MATCH-SPACE-2): every opted-in principal with no proposed or
 * agreed colleague is matched among the free ones (`rematch`: pairs in place stay as they are), never with a
 * previous partner (declined or ended pairs), never within one district (nor one region when either asks).
 * Run by the job, and soon after each change that frees someone.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { ColleagueProfile } from '#contracts/colleague';
import type { Principal } from '#core/matching/candidates';
import { rematch } from '#core/matching/match';
import type { Database, DbOrTx } from '../db/client';
import { colleaguePairs, colleagueProfiles, users } from '../db/schema';
import { startLockedJob, type LockedJob, type LockedJobLog } from '../runtime/locked-job';
import { findExchange } from './queries';

/** Advisory lock of the matching round (one node at a time; other jobs use other keys). */
export const COLLEAGUE_MATCH_LOCK_KEY = 72_014_001;

export async function matchingRound(db: DbOrTx, now: Date): Promise<{ proposed: number; free: number }> {
  const exchange = await findExchange(db);
  if (!exchange) return { proposed: 0, free: 0 };
  const profiles = await db
    .select({
      userId: colleagueProfiles.userId,
      homeDistrictId: colleagueProfiles.homeDistrictId,
      regionKey: colleagueProfiles.regionKey,
      profile: colleagueProfiles.profile,
    })
    .from(colleagueProfiles)
    .innerJoin(
      users,
      and(eq(users.districtId, colleagueProfiles.districtId), eq(users.id, colleagueProfiles.userId)),
    )
    .where(
      and(
        eq(colleagueProfiles.districtId, exchange),
        eq(colleagueProfiles.active, true),
        isNull(users.deactivatedAt),
      ),
    );
  const pairs = await db
    .select({ a: colleaguePairs.memberA, b: colleaguePairs.memberB, status: colleaguePairs.status })
    .from(colleaguePairs)
    .where(eq(colleaguePairs.districtId, exchange));
  const busy = new Set(
    pairs.filter((p) => p.status === 'proposed' || p.status === 'active').flatMap((p) => [p.a, p.b]),
  );
  const forbidden = pairs
    .filter((p) => p.status === 'declined' || p.status === 'ended')
    .map((p) => [p.a, p.b] as const);
  const free: Principal[] = profiles.flatMap((p) => {
    const profile = ColleagueProfile.safeParse(p.profile);
    return !busy.has(p.userId) && profile.success
      ? [{ id: p.userId, districtId: p.homeDistrictId, regionId: p.regionKey, profile: profile.data }]
      : [];
  });
  if (free.length < 2) return { proposed: 0, free: free.length };
  const result = rematch(
    free,
    [],
    free.map((p) => p.id),
    forbidden,
    { at: now },
  );
  if (result.pairs.length)
    await db.insert(colleaguePairs).values(
      result.pairs.map((p) => ({
        districtId: exchange,
        memberA: p.a,
        memberB: p.b,
        fit: p.fit,
        status: 'proposed' as const,
      })),
    );
  return { proposed: result.pairs.length, free: free.length };
}

/** The exchange's matching job: a round a minute, and one soon after each change (`kick`). */
export function startColleagueMatching(opts: {
  database: Database;
  log: LockedJobLog;
  intervalMs?: number;
}): LockedJob<{
  proposed: number;
  free: number;
}> & { kick(): void } {
  const job = startLockedJob({
    database: opts.database,
    lockKey: COLLEAGUE_MATCH_LOCK_KEY,
    intervalMs: opts.intervalMs ?? 60_000,
    name: 'colleague matching',
    log: opts.log,
    round: (now) => opts.database.db.transaction((tx) => matchingRound(tx, now)),
  });
  // A kick during a round asks for one more round after it: that round may have read the pool before the change
  // that kicked (an opt-in committed a moment later), and the next timer round is a minute away.
  let running = false;
  let again = false;
  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void job
      .runOnce()
      .catch((error: unknown) => {
        opts.log.error(
          { err: error instanceof Error ? { message: error.message } : {} },
          'colleague matching failed',
        );
      })
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  return { ...job, kick };
}
