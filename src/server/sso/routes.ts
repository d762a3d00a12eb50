import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { SsoRefusal } from '#contracts/sso';
import { recordAudit } from '../audit/record';
import { createSession, deleteSession, sessionSecretOf, setSessionCookie } from '../auth/sessions';
import { hashSecret, newSecret } from '../auth/tokens';
import { ssoLogins, ssoProviders } from '../db/schema';
import { badRequest, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import {
  configurationOf,
  finishFlow,
  GOOGLE_ISSUER,
  microsoftIssuer,
  startFlow,
  tenantRefusal,
} from './oidc';
import { presentProvider } from './presenter';
import {
  districtOfEmailDomain,
  listProviders,
  loadEnabledProviderForSignIn,
  loadProvider,
  resolvePerson,
  signInOptions,
  takeLogin,
} from './queries';

/** SSO-FLOW-2: a sign-in must come back within this long. */
export const SSO_LOGIN_TTL_MS = 10 * 60_000;
/** The browser's half of a sign-in under way (httpOnly; only its hash is stored with the state). */
export const SSO_BROWSER_COOKIE = 'ensemble_sso';
const CALLBACK_PATH = '/sso/callback';
/** Browser redirects, not API operations: @fastify/swagger leaves them out of the OpenAPI document. */
const BROWSER_ONLY = { schema: { hide: true } };

const adminOnly = (actor: Actor) =>
  authorize(actor, 'update', { kind: 'district', id: actor.districtId, districtId: actor.districtId });

export function registerSsoRoutes(app: FastifyInstance, s: Services) {
  const redirectUri = () => s.link(CALLBACK_PATH);
  const signInPath = (districtId: string) => `/sign-in/sso/${districtId}`;
  const oidcOptions = () => ({ allowHttp: s.config.dev });

  // SSO-CONFIG-4: an http issuer only on a development server; openid-client refuses it otherwise anyway.
  const checkIssuer = (issuer: string | undefined) => {
    if (issuer && new URL(issuer).protocol !== 'https:' && !s.config.dev)
      throw badRequest('The issuer must be an https address.', [
        { path: 'issuer', message: 'The issuer must be an https address' },
      ]);
  };

  registerEndpoint(app, api.listSsoProviders, async ({ actor }) => {
    adminOnly(actor);
    const rows = await listProviders(s.db, actor.districtId);
    return {
      items: rows.map((p) => presentProvider(p, redirectUri())),
      signInPath: signInPath(actor.districtId),
      redirectUri: redirectUri(),
    };
  });

  registerEndpoint(app, api.createSsoProvider, async ({ actor, body, req }) => {
    adminOnly(actor);
    const issuer =
      body.kind === 'google'
        ? GOOGLE_ISSUER
        : body.kind === 'microsoft'
          ? microsoftIssuer(body.tenantId)
          : body.issuer;
    checkIssuer(issuer);
    const row = await s.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(ssoProviders)
        .values({
          districtId: actor.districtId,
          kind: body.kind,
          label: body.label,
          issuer,
          clientId: body.clientId,
          clientSecret: body.clientSecret,
          googleDomain: body.kind === 'google' ? body.googleDomain : null,
          tenantId: body.kind === 'microsoft' ? body.tenantId : null,
          allowedDomains: body.allowedDomains,
          enabled: body.enabled,
        })
        .returning();
      if (!created) throw new Error('insert returned no row');
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'sso.provider_created',
        subject: { type: 'sso_provider', id: created.id },
        details: { kind: created.kind },
        from: req,
      });
      return created;
    });
    return presentProvider(row, redirectUri());
  });

  registerEndpoint(app, api.updateSsoProvider, async ({ actor, body, params, req }) => {
    const current = await loadProvider(s.db, actor.districtId, params.providerId);
    if (!current) throw notFound('That sign-in provider');
    adminOnly(actor);
    const patch: Partial<typeof ssoProviders.$inferInsert> = { updatedAt: new Date() };
    if (body.label !== undefined) patch.label = body.label;
    if (body.clientId !== undefined) patch.clientId = body.clientId;
    if (body.clientSecret !== undefined) patch.clientSecret = body.clientSecret;
    if (body.allowedDomains !== undefined) patch.allowedDomains = body.allowedDomains;
    if (body.enabled !== undefined) patch.enabled = body.enabled;
    // Each kind keeps its own settings: a Google provider's issuer is Google's, an Entra one's its tenant's.
    if (body.googleDomain !== undefined && current.kind === 'google') patch.googleDomain = body.googleDomain;
    if (body.tenantId !== undefined && current.kind === 'microsoft') {
      patch.tenantId = body.tenantId;
      patch.issuer = microsoftIssuer(body.tenantId);
    }
    if (body.issuer !== undefined && current.kind === 'oidc') {
      checkIssuer(body.issuer);
      patch.issuer = body.issuer;
    }
    const row = await s.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(ssoProviders)
        .set(patch)
        .where(and(eq(ssoProviders.id, current.id), eq(ssoProviders.districtId, actor.districtId)))
        .returning();
      if (!updated) throw notFound('That sign-in provider');
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'sso.provider_updated',
        subject: { type: 'sso_provider', id: updated.id },
        // Whether the secret was replaced; never the secret.
        details: {
          kind: updated.kind,
          secretReplaced: body.clientSecret !== undefined,
          enabled: updated.enabled,
        },
        from: req,
      });
      return updated;
    });
    return presentProvider(row, redirectUri());
  });

  registerEndpoint(app, api.deleteSsoProvider, async ({ actor, params, req }) => {
    const current = await loadProvider(s.db, actor.districtId, params.providerId);
    if (!current) throw notFound('That sign-in provider');
    adminOnly(actor);
    await s.db.transaction(async (tx) => {
      await tx
        .delete(ssoProviders)
        .where(and(eq(ssoProviders.id, current.id), eq(ssoProviders.districtId, actor.districtId)));
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'sso.provider_deleted',
        subject: { type: 'sso_provider', id: current.id },
        details: { kind: current.kind },
        from: req,
      });
    });
    return { ok: true as const };
  });

  registerEndpoint(app, api.ssoDistrictOptions, async ({ params }) => {
    const options = await signInOptions(s.db, params.districtId);
    if (!options) throw notFound('Single sign-on for that district');
    return options;
  });

  registerEndpoint(
    app,
    api.ssoLookup,
    async ({ body }) => {
      const districtId = await districtOfEmailDomain(s.db, body.email);
      const options = districtId ? await signInOptions(s.db, districtId) : null;
      if (!options) throw notFound('Single sign-on for that address');
      return options;
    },
    { rateLimit: { max: 20, timeWindow: 60_000 } },
  );

  /** Ends a sign-in on the sign-in page, which says what happened and what to do (SSO-REFUSE-*). */
  async function refuse(
    req: FastifyRequest,
    reply: FastifyReply,
    reason: SsoRefusal,
    at: { districtId: string | null; providerId?: string; kind?: string; userId?: string },
  ) {
    await recordAudit(s.db, {
      districtId: at.districtId,
      actorId: null,
      action: 'auth.sso_refused',
      ...(at.userId ? { subject: { type: 'person', id: at.userId } } : {}),
      details: {
        reason,
        ...(at.kind ? { provider: at.kind } : {}),
        ...(at.providerId ? { providerId: at.providerId } : {}),
      },
      from: req,
    });
    const page = at.districtId ? `/sign-in/sso/${at.districtId}` : '/sign-in/sso';
    return reply.header('Cache-Control', 'no-store').redirect(`${page}?problem=${reason}`, 303);
  }

  // SSO-FLOW-1: the browser leaves for the provider with state, nonce and a PKCE challenge.
  app.get<{ Params: { providerId: string } }>('/sso/start/:providerId', BROWSER_ONLY, async (req, reply) => {
    const providerId = req.params.providerId;
    const provider = /^[0-9a-f-]{36}$/i.test(providerId)
      ? await loadEnabledProviderForSignIn(s.db, providerId)
      : undefined;
    if (!provider)
      return reply.header('Cache-Control', 'no-store').redirect('/sign-in/sso?problem=provider', 303);
    let flow;
    try {
      flow = await startFlow(await configurationOf(provider, oidcOptions()), provider, redirectUri());
    } catch (err) {
      req.log.warn(
        { provider: provider.id, err: err instanceof Error ? err.message : 'unknown' },
        'sso discovery failed',
      );
      return refuse(req, reply, 'provider', {
        districtId: provider.districtId,
        providerId: provider.id,
        kind: provider.kind,
      });
    }
    const existing = req.cookies[SSO_BROWSER_COOKIE];
    const browserSecret = existing && existing.length <= 100 ? existing : newSecret();
    await s.db.insert(ssoLogins).values({
      state: flow.state,
      districtId: provider.districtId,
      providerId: provider.id,
      browserHash: hashSecret(browserSecret),
      nonce: flow.nonce,
      codeVerifier: flow.codeVerifier,
      expiresAt: new Date(Date.now() + SSO_LOGIN_TTL_MS),
    });
    reply.setCookie(SSO_BROWSER_COOKIE, browserSecret, {
      path: '/sso',
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'lax',
      secure: app.sessionCookie.secure || req.protocol === 'https',
      maxAge: SSO_LOGIN_TTL_MS / 1000,
    });
    return reply.header('Cache-Control', 'no-store').redirect(flow.url.href, 303);
  });

  // SSO-FLOW-2..4: the provider sends the browser back with a code; everything is checked server-side.
  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    CALLBACK_PATH,
    BROWSER_ONLY,
    async (req, reply) => {
      const state =
        typeof req.query.state === 'string' && req.query.state.length <= 200 ? req.query.state : null;
      const login = state ? await takeLogin(s.db, state) : undefined;
      const browser = req.cookies[SSO_BROWSER_COOKIE];
      // SSO-REFUSE-3: unknown, used, or another browser's state.
      if (!login || !browser || hashSecret(browser) !== login.browserHash)
        return refuse(req, reply, 'state', { districtId: login?.districtId ?? null });
      const provider = await loadProvider(s.db, login.districtId, login.providerId);
      const at = {
        districtId: login.districtId,
        providerId: login.providerId,
        ...(provider ? { kind: provider.kind } : {}),
      };
      if (login.expiresAt.getTime() < Date.now()) return refuse(req, reply, 'expired', at);
      if (!provider || !provider.enabled) return refuse(req, reply, 'provider', at);
      let config;
      try {
        config = await configurationOf(provider, oidcOptions());
      } catch {
        return refuse(req, reply, 'provider', at);
      }
      const currentUrl = new URL(req.url, s.link('/'));
      const result = await finishFlow(config, currentUrl, {
        state: login.state,
        nonce: login.nonce,
        codeVerifier: login.codeVerifier,
      });
      if (!result.ok) return refuse(req, reply, result.reason, at);
      const wrongTenant = tenantRefusal(provider, result.claims);
      if (wrongTenant) return refuse(req, reply, wrongTenant, at);

      const outcome = await s.db.transaction(async (tx) => {
        const person = await resolvePerson(tx, provider, result.claims);
        if (!person.ok) return person;
        const session = await createSession(tx, person.user, req.headers['user-agent'], {
          persistent: false,
        });
        await recordAudit(tx, {
          districtId: person.user.districtId,
          actorId: person.user.id,
          action: 'auth.sign_in',
          subject: { type: 'person', id: person.user.id },
          details: {
            method: 'sso',
            provider: provider.kind,
            providerId: provider.id,
            accountCreated: person.created,
            identityLinked: person.linked,
          },
          from: req,
        });
        return { ...person, session };
      });
      if (!outcome.ok)
        return refuse(req, reply, outcome.reason, {
          ...at,
          ...(outcome.userId ? { userId: outcome.userId } : {}),
        });

      // Rotation: a sign-in always gets a fresh session; the one this browser came with ends.
      const previous = sessionSecretOf(req);
      if (previous) {
        const id = hashSecret(previous);
        await deleteSession(s.db, id);
        s.access.sessionEnded(id);
      }
      setSessionCookie(req, reply, outcome.session);
      reply.clearCookie(SSO_BROWSER_COOKIE, { path: '/sso' });
      return reply.header('Cache-Control', 'no-store').redirect('/', 303);
    },
  );
}
