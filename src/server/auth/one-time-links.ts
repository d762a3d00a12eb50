import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { oneTimeTokens } from '../db/schema';
import { hashSecret, newSecret } from './tokens';

export type LinkPurpose = 'password_reset' | 'email_verification';
const LIFETIME_MS: Record<LinkPurpose, number> = {
  password_reset: 60 * 60_000,
  email_verification: 7 * 86_400_000,
};

export async function issueOneTimeLink(
  db: DbOrTx,
  user: { id: string; districtId: string },
  purpose: LinkPurpose,
) {
  const secret = newSecret();
  await db.insert(oneTimeTokens).values({
    tokenHash: hashSecret(secret),
    districtId: user.districtId,
    userId: user.id,
    purpose,
    expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
  });
  return secret;
}

/** Marks the link used and returns its owner; null when unknown, used, expired or of another purpose. */
export async function consumeOneTimeLink(db: DbOrTx, secret: string, purpose: LinkPurpose) {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(secret)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: oneTimeTokens.userId, districtId: oneTimeTokens.districtId });
  return row ?? null;
}
