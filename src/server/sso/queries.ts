import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { SsoRefusal, SsoSignInOptions } from '#contracts/sso';
import type { DbOrTx } from '../db/client';
import { districts, invitations, ssoIdentities, ssoLogins, ssoProviders, users } from '../db/schema';
import { grant } from '../invitations/routes';
import { nameOf, subjectKeyOf, verifiedEmailOf, type Claims } from './oidc';

export type ProviderRow = typeof ssoProviders.$inferSelect;

/** A provider of the caller's district, or undefined (another district's id is simply not found). */
export async function loadProvider(db: DbOrTx, districtId: string, providerId: string) {
  const [row] = await db
    .select()
    .from(ssoProviders)
    .where(and(eq(ssoProviders.id, providerId), eq(ssoProviders.districtId, districtId)));
  return row;
}

/** The one lookup by provider id alone: a sign-in starts from a public link that names only the provider. */
export async function loadEnabledProviderForSignIn(db: DbOrTx, providerId: string) {
  const [row] = await db
    .select()
    .from(ssoProviders)
    .where(and(eq(ssoProviders.id, providerId), eq(ssoProviders.enabled, true)));
  return row;
}

export async function listProviders(db: DbOrTx, districtId: string) {
  return db
    .select()
    .from(ssoProviders)
    .where(eq(ssoProviders.districtId, districtId))
    .orderBy(asc(ssoProviders.createdAt));
}

/** SSO-SIGNIN-2: a district's name and enabled providers; null for a district without any (or no district). */
export async function signInOptions(db: DbOrTx, districtId: string): Promise<SsoSignInOptions | null> {
  const [district] = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(and(eq(districts.id, districtId), eq(districts.kind, 'district')));
  if (!district) return null;
  const providers = await db
    .select({ id: ssoProviders.id, kind: ssoProviders.kind, label: ssoProviders.label })
    .from(ssoProviders)
    .where(and(eq(ssoProviders.districtId, districtId), eq(ssoProviders.enabled, true)))
    .orderBy(asc(ssoProviders.createdAt));
  if (!providers.length) return null;
  return { districtId: district.id, districtName: district.name, providers };
}

/**
 * SSO-SIGNIN-1: the district an address belongs to, by its domain only (a Workspace domain or an allowed
 * domain of an enabled provider), so the answer never says whether the address itself has an account.
 * Null when no district, or more than one, claims the domain.
 */
export async function districtOfEmailDomain(db: DbOrTx, email: string): Promise<string | null> {
  const domain = email.split('@').pop()?.toLowerCase() ?? '';
  if (!domain) return null;
  const rows = await db
    .selectDistinct({ districtId: ssoProviders.districtId })
    .from(ssoProviders)
    .where(
      and(
        eq(ssoProviders.enabled, true),
        sql`(${ssoProviders.googleDomain} = ${domain} or ${domain} = any(${ssoProviders.allowedDomains}))`,
      ),
    )
    .limit(2);
  return rows.length === 1 && rows[0] ? rows[0].districtId : null;
}

/** SSO-FLOW-2: takes a sign-in under way by its state, once: a second use finds nothing. */
export async function takeLogin(db: DbOrTx, state: string) {
  const [row] = await db.delete(ssoLogins).where(eq(ssoLogins.state, state)).returning();
  return row;
}

type UserRow = typeof users.$inferSelect;
export type Resolution =
  | { ok: true; user: UserRow; created: boolean; linked: boolean }
  | { ok: false; reason: SsoRefusal; userId?: string };

/**
 * Who signed in (SSO-LINK-*, SSO-JIT-*), in the caller's transaction: the linked identity; else the account
 * of the provider's district with the verified address (linked now); else a new account for a person with a
 * pending invitation, a rostered person, or an allowed domain; else a refusal.
 */
export async function resolvePerson(db: DbOrTx, p: ProviderRow, claims: Claims): Promise<Resolution> {
  const subjectKey = subjectKeyOf(p.kind, claims);
  if (!subjectKey) return { ok: false, reason: 'provider' };
  const [identity] = await db
    .select({ user: users })
    .from(ssoIdentities)
    .innerJoin(users, and(eq(users.id, ssoIdentities.userId), eq(users.districtId, ssoIdentities.districtId)))
    .where(and(eq(ssoIdentities.issuer, p.issuer), eq(ssoIdentities.subjectKey, subjectKey)));
  if (identity) {
    // SSO-LINK-3: an identity belongs to one district: a provider of another district never reaches it.
    if (identity.user.districtId !== p.districtId) return { ok: false, reason: 'other_district' };
    if (identity.user.deactivatedAt) return { ok: false, reason: 'deactivated', userId: identity.user.id };
    await db
      .update(ssoIdentities)
      .set({ lastSignInAt: new Date() })
      .where(
        and(
          eq(ssoIdentities.districtId, p.districtId),
          eq(ssoIdentities.issuer, p.issuer),
          eq(ssoIdentities.subjectKey, subjectKey),
        ),
      );
    return { ok: true, user: identity.user, created: false, linked: false };
  }

  const email = verifiedEmailOf(p.kind, claims);
  if (!email) return { ok: false, reason: 'unverified_email' };
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  let user: UserRow | undefined;
  let created = false;
  if (existing) {
    // SSO-LINK-2: never across districts, never a network member row.
    if (existing.districtId !== p.districtId || existing.kind !== 'account')
      return { ok: false, reason: 'other_district' };
    if (existing.deactivatedAt) return { ok: false, reason: 'deactivated', userId: existing.id };
    user = existing;
    // A rostered person (no password) or one who had an account: the provider has now verified the address.
    if (!user.emailVerifiedAt) {
      await db
        .update(users)
        .set({ emailVerifiedAt: new Date() })
        .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
    }
  } else {
    const [invitation] = await db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.districtId, p.districtId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(asc(invitations.createdAt))
      .limit(1);
    const domain = email.split('@').pop() ?? '';
    // SSO-JIT-1 (invited), SSO-JIT-3 (allowed domain); anyone else is refused (SSO-JIT-4).
    if (!invitation && !p.allowedDomains.includes(domain)) return { ok: false, reason: 'unknown_person' };
    const [row] = await db
      .insert(users)
      .values({
        districtId: p.districtId,
        email,
        name: nameOf(claims, email),
        passwordHash: null,
        districtRole: invitation?.districtRole ?? 'member',
        emailVerifiedAt: new Date(),
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!row) return { ok: false, reason: 'provider' };
    user = row;
    created = true;
    if (invitation) {
      await db
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(
          and(
            eq(invitations.districtId, invitation.districtId),
            eq(invitations.id, invitation.id),
            isNull(invitations.acceptedAt),
          ),
        );
      await grant(db, user.id, invitation);
    }
  }
  await db.insert(ssoIdentities).values({
    districtId: p.districtId,
    providerId: p.id,
    issuer: p.issuer,
    subjectKey,
    userId: user.id,
    lastSignInAt: new Date(),
  });
  return { ok: true, user, created, linked: true };
}
