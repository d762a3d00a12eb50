import argon2 from 'argon2';
import { COMMON_PASSWORDS } from './common-passwords';
import type { FieldProblem } from '../http/errors';

/** OWASP's argon2id baseline (19 MiB, 2 passes) keeps sign-in near 30-60 ms on a 2-core server. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** A fixed hash to verify against when the account does not exist, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword('not-a-real-password-for-timing');
    await argon2.verify(await decoyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Screening beyond length (NIST 800-63B): no composition rules, but refuse passwords from a list of
 * commonly breached ones and ones built from the person's own email or name.
 */
export function passwordProblems(
  password: string,
  context: { email?: string; name?: string } = {},
): FieldProblem[] {
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) {
    return [{ path: 'password', message: 'This password is too common. Choose a less predictable one.' }];
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) {
    return [{ path: 'password', message: 'Do not build your password from your email address.' }];
  }
  if (/^(.)\1+$/.test(password)) {
    return [{ path: 'password', message: 'A password of one repeated character is too easy to guess.' }];
  }
  return [];
}
