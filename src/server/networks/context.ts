/**
 * Acting in a network (ADR 0032): the signed-in account, resolved from its session as always, becomes its
 * member row in the network the request names. Two single-tenant reads: the account's affiliation (its
 * district's side) and the member row with its roles (the network's side). Anything else is null, which the
 * caller answers 404 whatever the route, so a request cannot tell a network it is not in from one that does
 * not exist.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { NETWORK_HEADER } from '#contracts/networks';
import type { Db } from '../db/client';
import { districts, groupMembers, networkAffiliations, networkMembers, users } from '../db/schema';
import type { Actor } from '../policy/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A named network: absent (undefined), or its id (null when the value is not an id at all). */
export function networkIdOf(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** The network a request names in its `x-ensemble-network` header. */
export function namedNetwork(headers: Readonly<Record<string, string | string[] | undefined>>) {
  return networkIdOf(headers[NETWORK_HEADER]);
}

export async function actInNetwork(db: Db, account: Actor, networkId: string): Promise<Actor | null> {
  if (account.network) return null;
  const [affiliation] = await db
    .select({ networkId: networkAffiliations.networkId })
    .from(networkAffiliations)
    .where(
      and(
        eq(networkAffiliations.districtId, account.districtId),
        eq(networkAffiliations.userId, account.userId),
        eq(networkAffiliations.networkId, networkId),
      ),
    );
  if (!affiliation) return null;
  const [member] = await db
    .select({
      userId: networkMembers.userId,
      role: networkMembers.role,
      name: users.name,
      kind: districts.kind,
    })
    .from(networkMembers)
    .innerJoin(
      users,
      and(eq(users.districtId, networkMembers.districtId), eq(users.id, networkMembers.userId)),
    )
    .innerJoin(districts, eq(districts.id, networkMembers.districtId))
    .where(
      and(
        eq(networkMembers.districtId, networkId),
        eq(networkMembers.homeUserId, account.userId),
        eq(networkMembers.status, 'active'),
        isNull(users.deactivatedAt),
      ),
    );
  if (!member || member.kind === 'district') return null;
  const groupRows = await db
    .select({ groupId: groupMembers.groupId, role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.districtId, networkId), eq(groupMembers.userId, member.userId)));
  return {
    userId: member.userId,
    districtId: networkId,
    districtRole: member.role === 'convener' ? 'district_admin' : 'member',
    name: member.name,
    email: account.email,
    emailVerified: account.emailVerified,
    sessionId: account.sessionId,
    schoolRoles: new Map(),
    groupRoles: new Map(groupRows.map((r) => [r.groupId, r.role])),
    network: {
      kind: member.kind,
      role: member.role,
      homeUserId: account.userId,
      homeDistrictId: account.districtId,
    },
  };
}
