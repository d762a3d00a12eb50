import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { oneTimeTokens } from '../db/schema';
import { hashSecret, newSecret } from './tokens';

/**
 * `password_reset` travels by email, so following it also proves the address; `admin_password_reset` is a link
 * a district admin created and handed over themselves (TRUST-RESET-LINK-1): it resets the password but proves
 * nothing about the email (TRUST-RESET-LINK-4).
 */
export type LinkPurpose = 'password_reset' | 'admin_password_reset' | 'email_verification';
const LIFETIME_MS: Record<LinkPurpose, number> = {
  password_reset: 60 * 60_000,
  admin_password_reset: 60 * 60_000,
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

/** Marks the link used and returns its owner and purpose; null when unknown, used, expired or of another purpose. */
export async function consumeOneTimeLink(
  db: DbOrTx,
  secret: string,
  purpose: LinkPurpose | readonly LinkPurpose[],
) {
  const purposes: LinkPurpose[] = typeof purpose === 'string' ? [purpose] : [...purpose];
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(secret)),
        inArray(oneTimeTokens.purpose, purposes),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
    .returning({
      userId: oneTimeTokens.userId,
      districtId: oneTimeTokens.districtId,
      purpose: oneTimeTokens.purpose,
    });
  return row ?? null;
}
