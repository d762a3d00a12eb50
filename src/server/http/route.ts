import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from '#contracts/zod';
import type { Endpoint } from '#contracts/api';
import { ApiError } from '#contracts/common';
import type { Actor } from '../policy/actor';
import { forbidden, unauthorized } from './errors';
import { bearerAllowed, descriptionOf, operationIdOf, scopeNeeded, securityOf } from './openapi';
import { spacesOfEndpoint } from './spaces';

/** `/a/:x/b/:y` → `{ x: string; y: string }` */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

type BodyOf<E extends Endpoint> = E extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
type QueryOf<E extends Endpoint> = E extends { query: infer Q extends z.ZodMiniType }
  ? z.output<Q>
  : undefined;

export interface RouteContext<E extends Endpoint> {
  body: BodyOf<E>;
  params: PathParams<E['path']>;
  /** The query string, validated by the catalogue's `query` schema (undefined when it has none). */
  query: QueryOf<E>;
  actor: E['auth'] extends 'session' ? Actor : Actor | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** Path parameters named `...Id` are UUIDs; anything else is a short opaque string (tokens, codes). */
function paramsSchema(path: string): z.ZodMiniType | undefined {
  const names = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  if (!names.length) return undefined;
  return z.strictObject(
    Object.fromEntries(
      names.map((n) => [
        n,
        n.endsWith('Id')
          ? z.uuid({ message: 'Not a valid id' })
          : z.string().check(z.minLength(1), z.maxLength(200)),
      ]),
    ),
  );
}

const errorResponses = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  429: ApiError,
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** ADR 0041: set when the actor came from a personal API token (`Authorization: Bearer`), not a cookie. */
    apiToken: { id: string; scope: 'read' | 'write' } | null;
    /**
     * CAP-API-3 (ADR 0045): the generation of this request's fence on the access feed: cached reads may serve it
     * (and reads made for it may be kept) only with this; null: read the database.
     */
    fenced: number | null;
  }
  interface FastifyContextConfig {
    /** ADR 0032: where a catalogue endpoint may be called (its `spaces`); absent: the caller's district only. */
    spaces?: readonly ('district' | 'network')[];
    /** SHARE-CARD-8: a public answer a browser may keep (its handler sets Cache-Control); else `no-store`. */
    publicCache?: boolean;
  }
}

/** Where a route may be called (ADR 0032); a route that does not say is for the caller's district only. */
export function spacesOf(req: FastifyRequest): readonly ('district' | 'network')[] {
  return req.routeOptions.config.spaces ?? ['district'];
}

/**
 * Registers one catalogue endpoint. The handler is the thin part (authorize, command, present): input is
 * already validated against the catalogue's schema, and a session is required unless the endpoint is public.
 */
export function registerEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Promise<z.input<E['response']>>,
  options: {
    rateLimit?: { max: number; timeWindow: number };
    bodyLimit?: number;
    /**
     * MEASURE-DB-2: `error` keeps a route's requests out of the log (no request line with its address and time),
     * errors only: answering a survey or a pulse leaves no trace that could be matched with an answer's day.
     */
    logLevel?: 'error';
    /** SHARE-CARD-8: a public, cacheable answer (the handler sets its own Cache-Control instead of `no-store`). */
    publicCache?: boolean;
    /**
     * CAP-API-9 (ADR 0050): the answer is written as the handler built it, not parsed again by its contract first.
     * Only for the hottest reads, whose presenters build exactly the contract (no transforms, no extra fields;
     * a test parses their answers and compares). The contract still types the handler and documents the route.
     */
    trustedResponse?: boolean;
  } = {},
): void {
  const params = paramsSchema(endpoint.path);
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: {
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      spaces: spacesOfEndpoint(endpoint),
      ...(options.publicCache ? { publicCache: true } : {}),
    },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.trustedResponse ? { serializerCompiler: () => (data: unknown) => JSON.stringify(data) } : {}),
    schema: {
      operationId: operationIdOf(endpoint),
      summary: endpoint.summary,
      description: descriptionOf(endpoint),
      tags: [endpoint.tag],
      security: securityOf(endpoint),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      ...(params ? { params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.produces
        ? { produces: [endpoint.produces], response: errorResponses }
        : { response: { 200: endpoint.response, ...errorResponses } }),
    },
    handler: async (req, reply) => {
      if (endpoint.auth === 'session' && !req.actor) throw unauthorized();
      // API-TOKEN-3, -4: a personal API token calls only what its scope allows, and never the session's own routes.
      const token = req.apiToken;
      // A public endpoint called with a token is called by nobody in particular: the token adds nothing there.
      if (token && endpoint.auth === 'public') req.actor = null;
      else if (token && req.actor) {
        if (!bearerAllowed(endpoint)) throw forbidden('Personal API tokens cannot call this endpoint.');
        if (scopeNeeded(endpoint) === 'write' && token.scope !== 'write')
          throw forbidden('This API token can only read (its scope is read).');
      }
      // An image's handler sets its exact type; an archive is bytes; a document is text.
      if (endpoint.produces === 'application/zip') void reply.type('application/zip');
      else if (endpoint.produces && endpoint.produces !== 'image/*')
        void reply.type(`${endpoint.produces}; charset=utf-8`);
      const ctx = {
        body: req.body,
        params: req.params,
        query: endpoint.query ? req.query : undefined,
        actor: req.actor,
        req,
        reply,
      } as RouteContext<E>;
      return handler(ctx);
    },
  });
}
