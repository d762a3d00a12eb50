/**
 * Single sign-on with OpenID Connect (issue 15, ADR 0038): a district's providers as its admin configures them,
 * and what the sign-in pages show. The client secret is write-only: a body may carry a new one, no answer
 * ever does (SSO-CONFIG-2).
 */
import { Email, Id } from './common';
import { z } from './zod';

export const SsoProviderKind = z.enum(['google', 'microsoft', 'oidc']);
export type SsoProviderKind = z.infer<typeof SsoProviderKind>;

const Label = z.string().check(z.trim(), z.minLength(1, 'Enter the words on the button'), z.maxLength(80));
const ClientId = z.string().check(z.trim(), z.minLength(1, 'Enter the client ID'), z.maxLength(300));
const ClientSecret = z.string().check(z.minLength(1, 'Enter the client secret'), z.maxLength(500));
/** A bare domain (`school.org`), lower-cased. */
export const EmailDomain = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z
    .string()
    .check(
      z.regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'Enter a domain such as school.org',
      ),
    ),
);
/** An Entra tenant id: a GUID. */
const TenantId = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Enter the tenant ID (a GUID)'),
  );
/** An issuer URL: https, or http only on a development server (checked by the server, SSO-CONFIG-4). */
const IssuerUrl = z.string().check(
  z.trim(),
  z.maxLength(500),
  z.refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash && !u.username;
    } catch {
      return false;
    }
  }, 'Enter the issuer URL, such as https://login.example.org'),
);
const AllowedDomains = z.array(EmailDomain).check(z.maxLength(20));

export const SsoProvider = z.object({
  id: Id,
  kind: SsoProviderKind,
  label: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  /** SSO-CONFIG-2: whether a secret is stored; never the secret. */
  clientSecretSet: z.boolean(),
  googleDomain: z.nullable(z.string()),
  tenantId: z.nullable(z.string()),
  allowedDomains: z.array(z.string()),
  enabled: z.boolean(),
  /** Where Ensemble's callback is: what the admin registers at the provider. */
  redirectUri: z.string(),
});
export type SsoProvider = z.infer<typeof SsoProvider>;

export const SsoProviderList = z.object({
  items: z.array(SsoProvider),
  /** SSO-SIGNIN-2: the district's own sign-in link, for the admin to copy. */
  signInPath: z.string(),
  redirectUri: z.string(),
});
export type SsoProviderList = z.infer<typeof SsoProviderList>;

const common = {
  label: Label,
  clientId: ClientId,
  clientSecret: ClientSecret,
  allowedDomains: z._default(AllowedDomains, []),
  enabled: z._default(z.boolean(), true),
};

export const CreateSsoProvider = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('google'), googleDomain: EmailDomain, ...common }),
  z.strictObject({ kind: z.literal('microsoft'), tenantId: TenantId, ...common }),
  z.strictObject({ kind: z.literal('oidc'), issuer: IssuerUrl, ...common }),
]);
export type CreateSsoProvider = z.input<typeof CreateSsoProvider>;

/** Every field optional; a `clientSecret` replaces the stored one, its absence keeps it. */
export const UpdateSsoProvider = z.strictObject({
  label: z.optional(Label),
  clientId: z.optional(ClientId),
  clientSecret: z.optional(ClientSecret),
  googleDomain: z.optional(EmailDomain),
  tenantId: z.optional(TenantId),
  issuer: z.optional(IssuerUrl),
  allowedDomains: z.optional(AllowedDomains),
  enabled: z.optional(z.boolean()),
});
export type UpdateSsoProvider = z.input<typeof UpdateSsoProvider>;

/** What a sign-in page shows of a district: its name and its providers' buttons. */
export const SsoSignInOptions = z.object({
  districtId: Id,
  districtName: z.string(),
  providers: z.array(z.object({ id: Id, kind: SsoProviderKind, label: z.string() })),
});
export type SsoSignInOptions = z.infer<typeof SsoSignInOptions>;

export const SsoLookup = z.strictObject({ email: Email });

/** Why a single sign-on ended without a session (SSO-REFUSE-*): the problem page says what happened and what to do. */
export const SsoRefusal = z.enum([
  'state',
  'expired',
  'code',
  'nonce',
  'domain',
  'tenant',
  'unknown_person',
  'deactivated',
  'unverified_email',
  'other_district',
  'provider',
  'cancelled',
]);
export type SsoRefusal = z.infer<typeof SsoRefusal>;
