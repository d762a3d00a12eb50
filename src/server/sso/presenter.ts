import type { SsoProvider } from '#contracts/sso';
import type { ssoProviders } from '../db/schema';

/** SSO-CONFIG-2: whether a secret is stored, never the secret. */
export function presentProvider(p: typeof ssoProviders.$inferSelect, redirectUri: string): SsoProvider {
  return {
    id: p.id,
    kind: p.kind,
    label: p.label,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecretSet: p.clientSecret.length > 0,
    googleDomain: p.googleDomain,
    tenantId: p.tenantId,
    allowedDomains: p.allowedDomains,
    enabled: p.enabled,
    redirectUri,
  };
}
