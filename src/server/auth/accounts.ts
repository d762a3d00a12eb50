import { eq } from 'drizzle-orm';
import type { DistrictRole } from '#contracts/org';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { badRequest, conflict } from '../http/errors';
import { hashPassword, passwordProblems } from './passwords';

export interface NewAccount {
  districtId: string;
  email: string;
  name: string;
  password: string;
  districtRole: DistrictRole;
  /** True when the person proved the address by following an emailed link. */
  emailVerified: boolean;
}

/** The one way an account comes to exist: setup, invitations, join codes, the CLI and the demo use it. */
export async function createAccount(db: DbOrTx, a: NewAccount) {
  const problems = passwordProblems(a.password, a);
  if (problems.length) throw badRequest('Choose a different password.', problems);
  const taken = () =>
    conflict('An account with this email already exists. Sign in instead.', [
      { path: 'email', message: 'An account with this email already exists' },
    ]);
  // Checked before hashing, so a taken address costs no argon2 time; the insert settles a race.
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email)).limit(1);
  if (existing) throw taken();
  const user = await insertAccount(db, { ...a, passwordHash: await hashPassword(a.password) });
  if (!user) throw taken();
  return user;
}

/**
 * Creates a verified account from a password hashed earlier: a join-code sign-up hashes the password when it
 * is submitted and creates the account only when the emailed link is opened (TRUST-ID-1). Null when the
 * address has an account by now.
 */
export function createAccountWithHash(
  db: DbOrTx,
  a: Omit<NewAccount, 'password' | 'emailVerified'> & { passwordHash: string },
) {
  return insertAccount(db, { ...a, emailVerified: true });
}

/** Inserts the account unless its address is taken (null then: emails are unique install-wide). */
async function insertAccount(db: DbOrTx, a: Omit<NewAccount, 'password'> & { passwordHash: string }) {
  const [user] = await db
    .insert(users)
    .values({
      districtId: a.districtId,
      email: a.email,
      name: a.name,
      passwordHash: a.passwordHash,
      districtRole: a.districtRole,
      emailVerifiedAt: a.emailVerified ? new Date() : null,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}
