/**
 * A real OpenID Connect provider for tests (`oidc-provider` 9, test-only, ADR 0038): listening on a random port
 * of 127.0.0.1 over plain http, one confidential client, PKCE required, its development login form (any login
 * name is an account; the claims are the test's). `signIn` drives the form as a browser would and answers the
 * redirect back to Ensemble's callback; browsers (e2e) use the same form.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface LocalIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's token endpoint, to redeem a code out of band (a reused code, SSO-REFUSE-4). */
  tokenEndpoint: string;
  /** Follows an authorization URL through the login form as `login`; answers the callback URL it redirects to. */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/** `claims[login]`: what the ID token says of that person (`sub` defaults to the login). */
export async function startLocalIdp(opts: {
  redirectUri: string;
  claims: Record<string, Record<string, unknown>>;
  /** Seconds an authorization code of `login` lives (default 60); an expired code needs a short one. */
  codeTtl?: (login: string) => number;
}): Promise<LocalIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'ensemble-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    // The ID token carries the claims of its scopes (Google and Entra put email and hd/tid/oid there).
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'hd', 'tid', 'oid', 'xms_edov'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...opts.claims[id] }),
    }),
    // No consent screen: the district's own provider has granted Ensemble its scopes.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientIdOf = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientIdOf || !accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: clientIdOf, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    ttl: {
      AuthorizationCode: (_ctx: KoaContextWithOIDC, code: { accountId?: string | undefined }) =>
        opts.codeTtl?.(code.accountId ?? '') ?? 60,
    },
    features: { devInteractions: { enabled: true } },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    void handle(req, res);
  });

  async function signIn(authorizationUrl: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    const remember = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair?.indexOf('=') ?? -1;
        if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 10; hop++) {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: cookie(),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      remember(res);
      body = undefined;
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next; // back to Ensemble
        url = next;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action || !html.includes('name="login"'))
        throw new Error(`local IdP: no login form (${res.status}): ${html.slice(0, 200)}`);
      url = new URL(action, url);
      body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
    }
    throw new Error('local IdP: too many redirects');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    tokenEndpoint: `${issuer}/token`,
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
