import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuditRoutes } from './audit/routes';
import { limitJoinCodeAttempts } from './auth/join-code-limits';
import { registerAuthRoutes } from './auth/routes';
import {
  createAccessFeed,
  resolveSession,
  sessionCacheOn,
  sessionCookieName,
  sessionSecretOf,
} from './auth/sessions';
import { isHttps, type Config } from './config';
import type { Database } from './db/client';
import { registerGroupRoutes } from './groups/routes';
import { handleError, HttpError, notFound } from './http/errors';
import { completeOperations, ASYNCAPI_PATH, openApiInfo, securitySchemes } from './http/openapi';
import { asyncApiDocument } from './realtime/asyncapi';
import { registerApiTokenRoutes } from './api-tokens/routes';
import { bearerOf, resolveApiToken } from './api-tokens/resolve';
import { spacesOf } from './http/route';
import { actInNetwork, namedNetwork } from './networks/context';
import {
  allowedOriginsOf,
  checkNoNul,
  checkPath,
  helmetOptions,
  hostChecker,
  isApiRequest,
  pathOf,
} from './http/edges';
import { isOfflineReadPath, OFFLINE_ALLOWED, OFFLINE_HEADER } from '#contracts/offline';
import { registerCompression, registerNoWebApp, registerWebApp } from './http/static';
import { checkOrigin } from './http/origin-check';
import { registerInvitationRoutes } from './invitations/routes';
import { createMailer, type Mailer } from './mail/mailer';
import { createMailWorker, smtpTransport, type MailWorker, type QueuePolicy } from './mail/queue';
import { registerOrgRoutes } from './org/routes';
import { registerReflectionRoutes } from './reflections/routes';
import { registerRightsRoutes } from './rights/routes';
import type { Services } from './services';
import { registerMeetingRoutes } from './meetings/routes';
import { registerScheduleRoutes } from './schedule/routes';
import { registerCalendarRoutes } from './calendar/routes';
import { registerRosterRoutes } from './roster/routes';
import { registerRoutineRoutes } from './routines/routes';
import { registerGuestRoutes } from './guests/routes';
import { registerPeerModelingRoutes } from './peer-modeling/routes';
import { registerTeamHomeRoutes } from './team-home/routes';
import { registerMemoryRoutes } from './memory/routes';
import { registerNextStepsRoutes } from './next-steps/routes';
import { registerNetworkRoutes } from './networks/routes';
import { registerCohortRoutes } from './cohorts/routes';
import { startDigestJob } from './next-steps/digest';
import { registerDemoRoutes } from './demo/routes';
import { registerSharingRoutes } from './sharing/routes';
import { registerShareCardRoutes } from './share-cards/routes';
import { cardPageHtml } from './share-cards/page';
import { DemoSimulator, type SimulatorPace } from './demo/simulate';
import { CommittedEvents } from './meetings/committed';
import { MeetingRuntime } from './meetings/runtime';
import { attachRealtime, type Realtime } from './realtime/socket-server';
import { loadShippedRoutines } from './routines/catalog';
import { loadShippedInstruments } from './surveys/catalog';
import { loadShippedDirectory } from './organizations/catalog';
import { registerOrganizationRoutes } from './organizations/routes';
import { registerColleagueRoutes } from './colleague/routes';
import { registerBookStudyRoutes } from './book-study/routes';
import { startColleagueMatching } from './colleague/matching';
import { registerSurveyRoutes } from './surveys/routes';
import { registerPulseRoutes } from './pulse/routes';
import { startSurveyJob } from './surveys/job';
import type { Routine } from '#contracts/routine';
import { registerSetupRoutes } from './setup/routes';
import { registerSearchRoutes } from './search/routes';
import { registerSsoRoutes } from './sso/routes';
import { outboxServed, registerSystemRoutes } from './system/routes';
import { VERSION } from './system/version';

export interface BuildOptions {
  config: Config;
  database: Database;
  mailer?: Mailer;
  logger?: FastifyBaseLogger;
  /** Where the built web app is; omitted in API-only tests. */
  webRoot?: string | null;
  /** Observes every route as it is registered (the authorization matrix checks its coverage with this). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
  /** Routines to offer; default: protocols/*.yaml. */
  routines?: ReadonlyMap<string, Routine>;
  /** PostgreSQL for Socket.IO's cross-node adapter (serve passes the app's database). */
  adapterConnectionString?: string;
  /** Requests per minute per client address over all routes (TRUST-LIMIT-1); default the configuration's. */
  globalRateLimit?: number;
  /** How fast the demo's simulated colleagues act (tests speed them up); default a human pace. */
  demoPace?: SimulatorPace;
  /**
   * DIGEST-JOB-1, MEASURE-WAVE-3: the weekly digest's job (first round after an hour) and the survey job (a round at
   * start, then every 10 minutes); default on; tests call them directly.
   */
  digestJob?: boolean;
  /** CAP-API-3: false reads every session from the database (the cache's own tests compare both). */
  sessionCache?: boolean;
  /** MAIL-QUEUE-3: the queue worker's retry policy (tests shorten its delays); it runs when SMTP_URL is set. */
  mailQueue?: Partial<QueuePolicy>;
}

/** 64 KiB is far above any legitimate JSON body of this API. */
const BODY_LIMIT = 64 * 1024;

export function defaultWebRoot(): string | null {
  for (const candidate of ['../web', '../../dist/web', '../../../dist/web']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${path}/index.html`)) return path;
  }
  return null;
}

/** A hop count as proxy-addr applies it (trust the nearest `hops` peers), typed as Fastify accepts it. */
function fastifyTrustProxy(
  trust: Config['trustProxy'],
): false | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_addr, hop) => hop < trust;
  return trust;
}

/** Builds the HTTP app without listening (tests use `inject`; `serve` listens). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    // A hop count or the proxies' addresses, never `true` (config.ts refuses it): X-Forwarded-For from any
    // other peer is ignored, so a client cannot choose its address (TRUST-LIMIT-3).
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Zod validates and serializes every route: its compilers are set on this root instance below, before any
    // plugin or route, and every context inherits them. Without these factories Fastify would load its defaults,
    // Ajv and fast-json-stringify, at every start for nothing (APP-START-1); they are never called.
    schemaController: {
      compilersFactory: {
        buildValidator: () => {
          throw new Error('Zod validates every route; Fastify asked for its default validator');
        },
        buildSerializer: () => {
          throw new Error('Zod serializes every route; Fastify asked for its default serializer');
        },
      },
    },
  });
  app.decorate('sessionCookie', { name: sessionCookieName(isHttps(config)), secure: isHttps(config) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  if (opts.onRoute) {
    const observe = opts.onRoute;
    app.addHook('onRoute', (route) => observe({ method: route.method, url: route.url }));
  }

  // MAIL-QUEUE-3: with SMTP, every node runs a queue worker; its transport loads beside the start (APP-START-1).
  let mailWorker: MailWorker | null = null;
  const smtpUrl = opts.mailer ? undefined : config.smtpUrl;
  const mailer =
    opts.mailer ??
    createMailer({
      db: database.db,
      smtpUrl,
      from: config.mailFrom,
      log: app.log,
      dev: config.dev,
      onQueued: () => mailWorker?.kick(),
    });
  const mailPolicy = { ...config.mailQueue, ...opts.mailQueue };
  const mailWorkerStarting = smtpUrl
    ? smtpTransport(smtpUrl, config.mailFrom, mailPolicy.leaseMs)
        .then((transport) => {
          mailWorker = createMailWorker({ db: database.db, transport, log: app.log, policy: mailPolicy });
        })
        .catch((err: unknown) => app.log.error({ err }, 'mail queue worker did not start'))
    : Promise.resolve();
  let realtime: Realtime | null = null;
  let colleagueJob: ReturnType<typeof startColleagueMatching> | null = null;
  const committed = new CommittedEvents(app.log);
  const meetingRuntime = new MeetingRuntime(
    database,
    (meetingId, events, districtId, ended) => {
      realtime?.publish(meetingId, events, districtId);
      committed.emit({ meetingId, events, districtId, ended });
    },
    // CAP-LIVE-14: without the cross-node adapter this node is the only writer of its meetings' logs.
    { soleWriter: opts.adapterConnectionString === undefined },
  );
  // CAP-API-3 (ADR 0045): reads kept in memory behind a fence on PostgreSQL's notification queue.
  const accessFeed =
    opts.sessionCache === false
      ? null
      : createAccessFeed(database.pool, (what) => {
          app.log.warn(what);
        });
  await accessFeed?.start();
  app.decorate('accessFeed', accessFeed);
  const services: Services = {
    accessFeed,
    config,
    database,
    db: database.db,
    mailer,
    routines: opts.routines ?? loadShippedRoutines(),
    instruments: loadShippedInstruments(),
    directory: loadShippedDirectory(),
    colleagueMatching: { kick: () => colleagueJob?.kick() },
    meetings: meetingRuntime,
    committed,
    access: {
      sessionEnded: (sessionId) => realtime?.sessionEnded(sessionId),
      personChanged: (districtId, userId) => realtime?.personChanged(districtId, userId),
    },
    link(path) {
      const base = config.publicUrl ?? `http://localhost:${config.port}`;
      return `${base}${path}`;
    },
  };
  // DAY-DEMO-5: simulated colleagues exist only on a demo server; elsewhere there is nothing to start.
  const demoSimulator = config.demo
    ? new DemoSimulator({
        runtime: meetingRuntime,
        presenceChanged: (meetingId) => realtime?.refreshPresence(meetingId),
        ...(opts.demoPace ? { pace: opts.demoPace } : {}),
        onError: (err, what) => app.log.warn({ errName: err instanceof Error ? err.name : typeof err }, what),
      })
    : null;

  // Helmet's hook first, so that even the refusals below carry the security headers.
  // CAP-API-8: the headers are built once (@fastify/helmet rebuilt helmet's middleware, parsing every directive,
  // on each request: 13% of the app's CPU on `GET /api/auth/me` in bench:api's profile).
  const securityHeaders = helmet(helmetOptions(config));
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => {
      done(err instanceof Error ? err : undefined);
    });
  });
  // DAY-PERF-3: before any route, so every route's reply can be compressed.
  await registerCompression(app);
  // Edges next: a malformed or percent-disguised path and a foreign Host are refused before anything else.
  const checkHost = hostChecker(config);
  app.addHook('onRequest', (req, _reply, done) => {
    checkPath(req);
    checkHost(req);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    // TRUST-LIMIT-1: generous, per client address (`req.ip`, which honours only TRUST_PROXY), over the API only:
    // health is exempt, and so are the app's files (immutable, cached, cheap), which a whole school behind one
    // NAT address fetches at once when a meeting starts.
    max: opts.globalRateLimit ?? config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (req) => !isApiRequest(req) || pathOf(req) === '/api/health',
  });
  // API-DOC-1: servers, both security schemes, an operationId, description and examples on every operation.
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  await app.register(swagger, {
    openapi: {
      ...openApiInfo(publicUrl),
      components: { securitySchemes: securitySchemes(sessionCookieName(isHttps(config))) },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      completeOperations(documentObject.openapiObject);
      return documentObject.openapiObject;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // API-DOC-4: the live meeting protocol, from the same Zod schemas (AsyncAPI 3.0).
  const asyncApi = asyncApiDocument({ publicUrl, version: VERSION });
  app.get(ASYNCAPI_PATH, { schema: { hide: true } }, () => asyncApi);

  const allowedOrigins = allowedOriginsOf(config);
  // CAP-API-3: resolved sessions are one shelf of the feed.
  const sessionCache = accessFeed ? sessionCacheOn(accessFeed) : undefined;
  app.decorateRequest('actor', null);
  app.decorateRequest('apiToken', null);
  app.decorateRequest('fenced', null);
  app.addHook('onRequest', (req, _reply, done) => {
    if (isApiRequest(req)) {
      // API-TOKEN-8: a script's bearer request without any cookie cannot be a forged browser request (CSRF rides
      // on cookies); the Origin check protects cookie sessions.
      if (!(req.headers.cookie === undefined && bearerOf(req))) checkOrigin(req, allowedOrigins);
      // ADR 0032: a request that names a network reaches only the endpoints made for one; anything else is a
      // 404 before its body is even read.
      const network = namedNetwork(req.headers);
      if (network !== undefined && (network === null || !spacesOf(req).includes('network')))
        throw notFound('That network');
    }
    done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    checkNoNul(req);
    done();
  });
  // Who asks, before the input is validated: a request naming a network its caller is not in is a 404 whatever
  // its body (NET-TENANT-2), so a 400 about the body says nothing about a network to an outsider.
  app.addHook('preValidation', async (req) => {
    if (!isApiRequest(req)) return;
    const secret = sessionSecretOf(req);
    // CAP-API-3: the fence first: what is read from memory for this request is as new as the database now.
    req.fenced = secret && accessFeed ? await accessFeed.fence() : null;
    req.actor = secret ? await resolveSession(database.db, secret, sessionCache, req.fenced) : null;
    // ADR 0041: without a session cookie, a personal API token (API-TOKEN-2, -5); a bad one is refused outright.
    const bearer = secret ? undefined : bearerOf(req);
    if (bearer) {
      const resolved = await resolveApiToken(database.db, bearer, req);
      if (!resolved)
        throw new HttpError(
          401,
          'unauthenticated',
          'That API token is not valid: unknown, expired or revoked.',
        );
      req.actor = resolved.actor;
      req.apiToken = resolved.token;
    }
    // ADR 0032: naming a network (checked on request), the caller acts as their member row there; not naming
    // one, they reach only the district's endpoints. Anything else is a 404 (without a session, the route's 401).
    const network = namedNetwork(req.headers);
    if (network) {
      if (req.actor) {
        req.actor = await actInNetwork(database.db, req.actor, network);
        if (!req.actor) throw notFound('That network');
      }
    } else if (req.actor && !spacesOf(req).includes('district')) throw notFound('That network');
  });
  app.addHook('preHandler', async (req) => {
    if (!isApiRequest(req)) return;
    await limitJoinCodeAttempts(database.db, req);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    // TRUST-HTTP-3: API answers hold people's data: never kept by a browser or a proxy.
    // SHARE-CARD-8: a public card's image is the one exception; it sets its own (revalidated) Cache-Control.
    if (isApiRequest(req) && !(req.routeOptions.config.publicCache && reply.statusCode < 400))
      void reply.header('Cache-Control', 'no-store');
    // PWA-OFFLINE-2: the service worker keeps only answers marked so, and only a personal device's own reads
    // in its district (a network tab's answers, under the same address, are never kept).
    if (
      req.method === 'GET' &&
      reply.statusCode === 200 &&
      req.actor?.personalDevice === true &&
      req.actor.network === undefined &&
      isOfflineReadPath(pathOf(req) ?? '')
    )
      void reply.header(OFFLINE_HEADER, OFFLINE_ALLOWED);
    done(null, payload);
  });

  await app.register((api, _opts, done) => {
    registerSystemRoutes(api, services);
    registerSetupRoutes(api, services);
    registerAuthRoutes(api, services);
    registerOrgRoutes(api, services);
    registerAuditRoutes(api, services);
    registerGroupRoutes(api, services);
    registerInvitationRoutes(api, services);
    registerRoutineRoutes(api, services);
    registerMeetingRoutes(api, services);
    registerScheduleRoutes(api, services);
    registerCalendarRoutes(api, services);
    registerGuestRoutes(api, services);
    registerPeerModelingRoutes(api, services);
    registerReflectionRoutes(api, services);
    registerTeamHomeRoutes(api, services);
    registerDemoRoutes(api, services, demoSimulator);
    registerMemoryRoutes(api, services);
    registerSurveyRoutes(api, services);
    registerPulseRoutes(api, services);
    registerSearchRoutes(api, services);
    registerSharingRoutes(api, services);
    registerShareCardRoutes(api, services);
    registerNextStepsRoutes(api, services);
    registerNetworkRoutes(api, services);
    registerCohortRoutes(api, services);
    registerOrganizationRoutes(api, services);
    registerSsoRoutes(api, services);
    registerColleagueRoutes(api, services);
    registerBookStudyRoutes(api, services);
    registerApiTokenRoutes(api, services);
    registerRosterRoutes(api, services);
    registerRightsRoutes(api, services);
    done();
  });

  realtime = attachRealtime({
    app,
    db: database.db,
    ...(sessionCache ? { sessionCache } : {}),
    runtime: () => meetingRuntime,
    log: app.log,
    allowedOrigins,
    ...(opts.adapterConnectionString
      ? {
          crossNode: {
            connectionString: opts.adapterConnectionString,
            // APP-START-1: loaded only by a node of several.
            createAdapter: (await import('./realtime/cross-node')).createNotifyAdapter,
          },
        }
      : {}),
    ...(demoSimulator ? { extraPresence: (meetingId: string) => demoSimulator.presentIn(meetingId) } : {}),
  });
  meetingRuntime.startTicking();
  const digestJob =
    opts.digestJob === false
      ? null
      : startDigestJob({ database, mailer, link: (path) => services.link(path), log: app.log });
  // MATCH-SPACE-2: the colleague exchange's matching (runs only where someone opted in).
  colleagueJob = opts.digestJob === false ? null : startColleagueMatching({ database, log: app.log });
  // MEASURE-WAVE-3, -7: beside the digest (tests that start the app without jobs turn both off).
  const surveyJob =
    opts.digestJob === false
      ? null
      : startSurveyJob({ database, mailer, link: (path) => services.link(path), log: app.log });
  app.addHook('preClose', async () => {
    await mailWorkerStarting;
    await mailWorker?.stop();
    await digestJob?.stop();
    await surveyJob?.stop();
    await colleagueJob?.stop();
    demoSimulator?.stopAll();
    meetingRuntime.stop();
    await realtime.close();
    await accessFeed?.close();
  });

  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot) {
    // The outbox page exists only in development mode (TRUST-MAIL-1).
    await registerWebApp(
      app,
      webRoot,
      (path) => !path.startsWith('/dev/') || outboxServed(services),
      // SHARE-CARD-10: a published card's page carries its Open Graph tags.
      (path, indexHtml) => cardPageHtml(database.db, path, indexHtml, (p) => services.link(p)),
    );
  } else {
    registerNoWebApp(app);
  }
  return app;
}
