/**
 * Acting in a network (ADR 0032): the signed-in account, resolved from its session as always, becomes its
 * member row in the network the request names. Single-tenant reads: the member row with its roles (the
 * network's side) and, for a network, the account's affiliation (its district's side). Anything else is null, which the
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

/**
 * The account as its member row of `networkId`, or null. A request or socket naming a tenant reaches networks
 * only; the colleague routes ask for the exchange (`kind: 'exchange'`) themselves.
 */
export async function actInNetwork(
  db: Db,
  account: Actor,
  networkId: string,
  kind: 'network' | 'exchange' = 'network',
): Promise<Actor | null> {
  if (account.network) return null;
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
        eq(networkMembers.homeDistrictId, account.districtId),
        eq(networkMembers.status, 'active'),
        isNull(users.deactivatedAt),
      ),
    );
  if (!member || member.kind !== kind) return null;
  // A network's member is also one on their district's side (ADR 0032). The colleague exchange keeps no trace in
  // the district at all: asking for a colleague is nobody's business there (MATCH-SPACE-1).
  if (kind === 'network') {
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
  }
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
      kind,
      role: member.role,
      homeUserId: account.userId,
      homeDistrictId: account.districtId,
    },
  };
}
