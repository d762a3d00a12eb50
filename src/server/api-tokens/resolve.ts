/**
 * ADR 0041: a personal API token sent as `Authorization: Bearer <secret>` resolves to its owner, exactly as a
 * session does (API-TOKEN-2), or to nobody: an unknown, expired or revoked token, or a deactivated owner
 * (checked on every request: API-TOKEN-5). Its use is stamped and audited on first use, then at most daily.
 */
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/record';
import { actorOfPerson, rolesOf } from '../auth/sessions';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Db } from '../db/client';
import { apiTokens, users } from '../db/schema';
import type { Actor } from '../policy/actor';

/** Tokens say what they are, so secret scanners and people can tell them from other strings. */
export const TOKEN_PREFIX = 'ens_pat_';
const TOKEN_SHAPE = /^ens_pat_[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;

export const newApiTokenSecret = (): string => `${TOKEN_PREFIX}${newSecret()}`;

/** The bearer token of the request, if its Authorization header carries one. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}

export interface TokenActor {
  actor: Actor;
  token: { id: string; scope: 'read' | 'write' };
}

export async function resolveApiToken(
  db: Db,
  secret: string,
  req: FastifyRequest,
): Promise<TokenActor | null> {
  if (!TOKEN_SHAPE.test(secret)) return null;
  const now = new Date();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      districtId: users.districtId,
      districtRole: users.districtRole,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.districtId, apiTokens.districtId)))
    .where(
      and(
        eq(apiTokens.secretHash, hashSecret(secret)),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  if (!row || row.deactivatedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > DAY_MS) await stampUse(db, row, now, req);
  const roles = await rolesOf(db, row.districtId, row.userId);
  return {
    // Not a session: nothing a session ends (sign-out, sockets) ever matches its id.
    actor: actorOfPerson(row, `api-token:${row.tokenId}`, roles),
    token: { id: row.tokenId, scope: row.scope },
  };
}

/**
 * API-TOKEN-6: first use, then at most once a day: the stamp and its audit entry commit together, and the
 * conditional update lets one of several concurrent requests write them.
 */
async function stampUse(
  db: Db,
  row: { tokenId: string; districtId: string; userId: string; lastUsedAt: Date | null },
  now: Date,
  req: FastifyRequest,
): Promise<void> {
  await db.transaction(async (tx) => {
    const stamped = await tx
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.districtId, row.districtId),
          eq(apiTokens.id, row.tokenId),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - DAY_MS))),
        ),
      )
      .returning({ id: apiTokens.id });
    if (!stamped.length) return;
    await recordAudit(tx, {
      districtId: row.districtId,
      actorId: row.userId,
      action: 'api_token.used',
      subject: { type: 'api_token', id: row.tokenId },
      details: { firstUse: row.lastUsedAt === null },
      from: req,
    });
  });
}
