/**
 * The OpenID Connect side of single sign-on (ADR 0038), on `openid-client` 6: discovery (cached per provider
 * version), the authorization URL with PKCE, state and nonce, and the code exchange with its checks. Errors
 * come back as a refusal code, never as the library's message (which may quote a token's claims).
 */
import * as client from 'openid-client';
import type { SsoRefusal } from '#contracts/sso';
import type { ssoProviders } from '../db/schema';

type ProviderRow = typeof ssoProviders.$inferSelect;

export const GOOGLE_ISSUER = 'https://accounts.google.com';
export const microsoftIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

/** Discovery answers kept this long; a provider's change (its `updated_at`) starts a new entry. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { at: number; config: Promise<client.Configuration> }>();

export interface OidcOptions {
  /** SSO-CONFIG-4: plain-http issuers only on a development or test server. */
  allowHttp: boolean;
}

/** The provider's configuration, discovered from its issuer (SSO-FLOW-1). Rejects if it cannot be reached. */
export function configurationOf(p: ProviderRow, opts: OidcOptions): Promise<client.Configuration> {
  const key = `${p.id}:${p.updatedAt.getTime()}:${opts.allowHttp}`;
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(p.issuer);
  if (issuer.protocol !== 'https:' && !opts.allowHttp)
    return Promise.reject(new Error('plain http issuers are refused outside development'));
  const config = client.discovery(
    issuer,
    p.clientId,
    undefined,
    client.ClientSecretPost(p.clientSecret),
    // SSO-CONFIG-4: development and tests only (a local provider on http); deprecated to make it stand out.
    // oxlint-disable-next-line typescript/no-deprecated
    opts.allowHttp && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
  );
  discovered.set(key, { at: Date.now(), config });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => discovered.delete(key));
  return config;
}

export interface StartedFlow {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function startFlow(
  config: client.Configuration,
  p: ProviderRow,
  redirectUri: string,
): Promise<StartedFlow> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const params: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  // Google: show only the Workspace's accounts (a hint; `hd` is checked in the ID token all the same).
  if (p.kind === 'google' && p.googleDomain) params.hd = p.googleDomain;
  return { url: client.buildAuthorizationUrl(config, params), state, nonce, codeVerifier };
}

export type Claims = Record<string, unknown>;

/** The code exchanged and the ID token checked (signature, issuer, audience, expiry, nonce, PKCE). */
export async function finishFlow(
  config: client.Configuration,
  currentUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<{ ok: true; claims: Claims } | { ok: false; reason: SsoRefusal }> {
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return { ok: false, reason: 'provider' };
    return { ok: true, claims: { ...claims } };
  } catch (error) {
    return { ok: false, reason: refusalOf(error) };
  }
}

/** What went wrong, from the library's error: a code the problem page explains. */
export function refusalOf(error: unknown): SsoRefusal {
  if (error instanceof client.AuthorizationResponseError)
    return error.error === 'access_denied' ? 'cancelled' : 'provider';
  // The token endpoint refused the code: used already, expired, or issued to another flow.
  if (error instanceof client.ResponseBodyError) return error.error === 'invalid_grant' ? 'code' : 'provider';
  if (error instanceof Error && 'code' in error && error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    const cause: unknown = error.cause;
    const claim = (c: unknown) =>
      typeof c === 'object' && c !== null && 'claim' in c && typeof c.claim === 'string' ? c.claim : null;
    // openid-client wraps oauth4webapi's error; the compared claim is in its cause (or the cause's).
    const compared = claim(cause) ?? (cause instanceof Error ? claim(cause.cause) : null);
    if (compared === 'nonce') return 'nonce';
  }
  if (error instanceof Error && error.cause instanceof client.ResponseBodyError)
    return error.cause.error === 'invalid_grant' ? 'code' : 'provider';
  return 'provider';
}

/** `sub`, or `tid:oid` for Entra (SSO-MS-1): the key an identity is stored under. */
export function subjectKeyOf(kind: ProviderRow['kind'], claims: Claims): string | null {
  if (kind === 'microsoft') {
    const { tid, oid } = claims;
    return typeof tid === 'string' && typeof oid === 'string' && tid && oid
      ? `${tid.toLowerCase()}:${oid}`
      : null;
  }
  return typeof claims.sub === 'string' && claims.sub ? claims.sub : null;
}

/**
 * SSO-GOOGLE-1, SSO-MS-1: the district's own Workspace domain or Entra tenant, from the signed ID token only.
 * Null when the token passes.
 */
export function tenantRefusal(p: ProviderRow, claims: Claims): SsoRefusal | null {
  if (p.kind === 'google') {
    const hd = typeof claims.hd === 'string' ? claims.hd.toLowerCase() : null;
    return hd !== null && hd === p.googleDomain?.toLowerCase() ? null : 'domain';
  }
  if (p.kind === 'microsoft') {
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : null;
    return tid !== null && tid === p.tenantId?.toLowerCase() ? null : 'tenant';
  }
  return null;
}

/**
 * The address the provider vouches for (SSO-LINK-2), lower-cased, or null. `email_verified` must be true; Entra
 * does not send it, so there `xms_edov` (the tenant verified the address's domain) stands for it.
 */
export function verifiedEmailOf(kind: ProviderRow['kind'], claims: Claims): string | null {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return null;
  const verified = claims.email_verified === true || (kind === 'microsoft' && claims.xms_edov === true);
  return verified ? email : null;
}

export function nameOf(claims: Claims, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 120) : '';
  return name || email.split('@')[0] || email;
}
