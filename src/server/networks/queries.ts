/**
 * Networks' reads and writes (ADR 0032). Every statement names its tenant: the network's id for network rows,
 * the account's district for its affiliation. The two sides of a membership are written in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MemberShown } from '#contracts/networks';
import type { DbOrTx } from '../db/client';
import {
  districts,
  networkAffiliations,
  networkInvitations,
  networkJoinRequests,
  networkMembers,
  networks,
  users,
} from '../db/schema';
import { notFound } from '../http/errors';

export type NetworkRow = { id: string; name: string; description: string; visibility: 'listed' | 'unlisted' };
export type MemberRow = typeof networkMembers.$inferSelect & { name: string };

/** A network by its id (a tenant of kind `network`), or 404. */
export async function loadNetwork(db: DbOrTx, networkId: string): Promise<NetworkRow> {
  const [row] = await db
    .select({
      id: districts.id,
      name: districts.name,
      description: networks.description,
      visibility: networks.visibility,
    })
    .from(networks)
    .innerJoin(districts, eq(districts.id, networks.districtId))
    .where(and(eq(networks.districtId, networkId), eq(districts.kind, 'network')));
  if (!row) throw notFound('That network');
  return row;
}

/** The active members of a network, by name. */
export async function activeMembersOf(db: DbOrTx, networkId: string): Promise<MemberRow[]> {
  const rows = await db
    .select({ member: networkMembers, name: users.name })
    .from(networkMembers)
    .innerJoin(
      users,
      and(eq(users.districtId, networkMembers.districtId), eq(users.id, networkMembers.userId)),
    )
    .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.status, 'active')))
    .orderBy(asc(users.name), asc(networkMembers.userId));
  return rows.map((r) => ({ ...r.member, name: r.name }));
}

/** The networks an account belongs to: its district's side, all the district keeps of them. */
export async function affiliationsOf(db: DbOrTx, account: { districtId: string; userId: string }) {
  // The colleague exchange is a tenant of its own too (kind `exchange`), but not a network one lists.
  return db
    .select({ id: networkAffiliations.networkId, name: networkAffiliations.networkName })
    .from(networkAffiliations)
    .innerJoin(districts, and(eq(districts.id, networkAffiliations.networkId), eq(districts.kind, 'network')))
    .where(
      and(
        eq(networkAffiliations.districtId, account.districtId),
        eq(networkAffiliations.userId, account.userId),
      ),
    )
    .orderBy(asc(networkAffiliations.networkName));
}

export async function listedNetworks(db: DbOrTx) {
  return db
    .select({ id: districts.id, name: districts.name, description: networks.description })
    .from(networks)
    .innerJoin(districts, eq(districts.id, networks.districtId))
    .where(and(eq(networks.visibility, 'listed'), eq(districts.kind, 'network')))
    .orderBy(asc(districts.name), asc(districts.id));
}

/** Which of these networks the account has a pending request in (each network's own rows). */
export async function pendingRequestsOf(db: DbOrTx, networkIds: string[], homeUserId: string) {
  if (!networkIds.length) return new Set<string>();
  const rows = await db
    .select({ networkId: networkJoinRequests.districtId })
    .from(networkJoinRequests)
    .where(
      and(
        inArray(networkJoinRequests.districtId, networkIds),
        eq(networkJoinRequests.homeUserId, homeUserId),
        eq(networkJoinRequests.status, 'pending'),
      ),
    );
  return new Set(rows.map((r) => r.networkId));
}

export interface Joining {
  network: { id: string; name: string };
  home: { districtId: string; userId: string };
  shown: MemberShown;
  role: 'convener' | 'member';
  /** Write the district's side (`network_affiliations`); the colleague exchange writes none (MATCH-SPACE-1). */
  affiliate?: boolean;
}

/**
 * Makes an account a member of a network (ADR 0032): its member row in the network's tenant (a new one, or the
 * one it had, made active again) and its affiliation in its district. Idempotent for an active member. Call it
 * inside the transaction of the command.
 */
export async function joinNetwork(tx: DbOrTx, j: Joining): Promise<string> {
  const [existing] = await tx
    .select({ userId: networkMembers.userId, status: networkMembers.status })
    .from(networkMembers)
    .where(and(eq(networkMembers.districtId, j.network.id), eq(networkMembers.homeUserId, j.home.userId)));
  let memberId: string;
  const districtRole = j.role === 'convener' ? 'district_admin' : 'member';
  if (existing) {
    memberId = existing.userId;
    if (existing.status !== 'active') {
      await tx
        .update(networkMembers)
        .set({
          status: 'active',
          role: j.role,
          endedAt: null,
          shownSchool: j.shown.school,
          shownDistrict: j.shown.district,
        })
        .where(and(eq(networkMembers.districtId, j.network.id), eq(networkMembers.userId, memberId)));
      await tx
        .update(users)
        .set({ deactivatedAt: null, name: j.shown.name, districtRole })
        .where(and(eq(users.districtId, j.network.id), eq(users.id, memberId)));
    }
  } else {
    memberId = randomUUID();
    await tx.insert(users).values({
      id: memberId,
      districtId: j.network.id,
      kind: 'network_member',
      // Reserved (RFC 2606): never delivered, never signed in with; keeps the column's uniqueness.
      email: `member-${memberId}@network.invalid`,
      name: j.shown.name,
      passwordHash: null,
      districtRole,
    });
    await tx.insert(networkMembers).values({
      districtId: j.network.id,
      userId: memberId,
      homeDistrictId: j.home.districtId,
      homeUserId: j.home.userId,
      role: j.role,
      shownSchool: j.shown.school,
      shownDistrict: j.shown.district,
    });
  }
  if (j.affiliate === false) return memberId;
  await tx
    .insert(networkAffiliations)
    .values({
      districtId: j.home.districtId,
      userId: j.home.userId,
      networkId: j.network.id,
      networkName: j.network.name,
    })
    .onConflictDoNothing();
  return memberId;
}

/** Ends a membership: the member row stays (its past contributions keep an author) but is inactive. */
export async function leaveNetwork(
  tx: DbOrTx,
  networkId: string,
  member: { userId: string; homeUserId: string; homeDistrictId: string },
  status: 'left' | 'removed',
) {
  const now = new Date();
  await tx
    .update(networkMembers)
    .set({ status, endedAt: now })
    .where(and(eq(networkMembers.districtId, networkId), eq(networkMembers.userId, member.userId)));
  await tx
    .update(users)
    .set({ deactivatedAt: now })
    .where(and(eq(users.districtId, networkId), eq(users.id, member.userId)));
  await tx
    .delete(networkAffiliations)
    .where(
      and(
        eq(networkAffiliations.districtId, member.homeDistrictId),
        eq(networkAffiliations.userId, member.homeUserId),
        eq(networkAffiliations.networkId, networkId),
      ),
    );
}

/** An invitation by its token (`<network id>.<secret>`: the lookup stays in the network's tenant). */
export async function invitationByToken(db: DbOrTx, networkId: string, tokenHash: string) {
  const [row] = await db
    .select()
    .from(networkInvitations)
    .where(and(eq(networkInvitations.districtId, networkId), eq(networkInvitations.tokenHash, tokenHash)));
  return row ?? null;
}
