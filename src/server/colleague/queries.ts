/**
 * The colleague exchange's reads and writes (issue 14, MATCH-SPACE-*). The exchange is one tenant of kind
 * `exchange` (ADR 0032): every statement here names it, and an account reaches its rows only as its member row.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { ColleagueProfile, type ColleagueCard } from '#contracts/colleague';
import type { DbOrTx } from '../db/client';
import { colleaguePairs, colleagueProfiles, districts, networkMembers, users } from '../db/schema';

export type PairRow = typeof colleaguePairs.$inferSelect;

/** The installation's exchange tenant, made on first use (one only: `districts_one_exchange`). */
export async function exchangeId(db: DbOrTx): Promise<string> {
  const existing = await findExchange(db);
  if (existing) return existing;
  await db
    .insert(districts)
    .values({ kind: 'exchange', name: 'Colleague exchange' })
    .onConflictDoNothing({ target: districts.kind, where: sql`kind = 'exchange'` });
  const made = await findExchange(db);
  if (!made) throw new Error('no exchange tenant');
  return made;
}

export async function findExchange(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ id: districts.id }).from(districts).where(eq(districts.kind, 'exchange'));
  return row?.id ?? null;
}

/** A member's profile (parsed with its schema; a stored profile that no longer parses counts as none). */
export async function profileOf(db: DbOrTx, exchange: string, memberId: string) {
  const [row] = await db
    .select()
    .from(colleagueProfiles)
    .where(and(eq(colleagueProfiles.districtId, exchange), eq(colleagueProfiles.userId, memberId)));
  if (!row) return null;
  const parsed = ColleagueProfile.safeParse(row.profile);
  return parsed.success ? { ...row, profile: parsed.data } : null;
}

/** The member's current pair: proposed or active (at most one, by the matching's construction). */
export async function currentPairOf(db: DbOrTx, exchange: string, memberId: string): Promise<PairRow | null> {
  const [row] = await db
    .select()
    .from(colleaguePairs)
    .where(
      and(
        eq(colleaguePairs.districtId, exchange),
        or(eq(colleaguePairs.memberA, memberId), eq(colleaguePairs.memberB, memberId)),
        inArray(colleaguePairs.status, ['proposed', 'active']),
      ),
    )
    .orderBy(sql`${colleaguePairs.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

export async function pairById(db: DbOrTx, exchange: string, pairId: string): Promise<PairRow | null> {
  const [row] = await db
    .select()
    .from(colleaguePairs)
    .where(and(eq(colleaguePairs.districtId, exchange), eq(colleaguePairs.id, pairId)));
  return row ?? null;
}

/** The other member as they chose to show themself, with the parts of their profile a colleague needs. */
export async function cardOf(db: DbOrTx, exchange: string, memberId: string): Promise<ColleagueCard | null> {
  const [row] = await db
    .select({
      name: users.name,
      school: networkMembers.shownSchool,
      district: networkMembers.shownDistrict,
    })
    .from(networkMembers)
    .innerJoin(
      users,
      and(eq(users.districtId, networkMembers.districtId), eq(users.id, networkMembers.userId)),
    )
    .where(and(eq(networkMembers.districtId, exchange), eq(networkMembers.userId, memberId)));
  const profile = await profileOf(db, exchange, memberId);
  if (!row || !profile) return null;
  const p = profile.profile;
  return {
    ...row,
    schoolLevel: p.schoolLevel,
    schoolSize: p.schoolSize,
    setting: p.setting,
    yearsInRole: p.yearsInRole,
    canOffer: p.canOffer,
    wantsHelpWith: p.wantsHelpWith,
    timeZone: p.timeZone,
  };
}

export const otherOf = (pair: PairRow, memberId: string) =>
  pair.memberA === memberId ? pair.memberB : pair.memberA;
