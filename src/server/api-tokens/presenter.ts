import type { ApiToken, DistrictApiToken } from '#contracts/api-tokens';
import type { ApiTokenListed } from './queries';

/** A token as its owner and the admins see it: never its secret or hash (API-TOKEN-1). */
export function presentApiToken(row: ApiTokenListed): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export function presentDistrictApiToken(row: ApiTokenListed & { ownerName: string }): DistrictApiToken {
  return { ...presentApiToken(row), owner: { id: row.userId, name: row.ownerName } };
}
