/**
 * Personal API tokens (ADR 0041): every query filtered by the district, and the owner where it is the owner's.
 * A secret is looked up by its sha-256 only; the secret itself is never stored or logged.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { apiTokens, users } from '../db/schema';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

const columns = {
  id: apiTokens.id,
  districtId: apiTokens.districtId,
  userId: apiTokens.userId,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
};
export type ApiTokenListed = Omit<ApiTokenRow, 'secretHash'>;

export async function insertApiToken(
  db: DbOrTx,
  values: Pick<ApiTokenRow, 'districtId' | 'userId' | 'name' | 'scope' | 'secretHash' | 'expiresAt'>,
): Promise<ApiTokenListed> {
  const [row] = await db.insert(apiTokens).values(values).returning(columns);
  if (!row) throw new Error('insert returned no row');
  return row;
}

export function listTokensOf(db: DbOrTx, districtId: string, userId: string): Promise<ApiTokenListed[]> {
  return db
    .select(columns)
    .from(apiTokens)
    .where(and(eq(apiTokens.districtId, districtId), eq(apiTokens.userId, userId)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export function listTokensOfDistrict(
  db: DbOrTx,
  districtId: string,
): Promise<Array<ApiTokenListed & { ownerName: string }>> {
  return db
    .select({ ...columns, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.districtId, apiTokens.districtId), eq(users.id, apiTokens.userId)))
    .where(eq(apiTokens.districtId, districtId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findToken(
  db: DbOrTx,
  districtId: string,
  tokenId: string,
): Promise<ApiTokenListed | null> {
  const [row] = await db
    .select(columns)
    .from(apiTokens)
    .where(and(eq(apiTokens.districtId, districtId), eq(apiTokens.id, tokenId)))
    .limit(1);
  return row ?? null;
}

export async function deleteToken(db: DbOrTx, districtId: string, tokenId: string): Promise<boolean> {
  const rows = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.districtId, districtId), eq(apiTokens.id, tokenId)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
