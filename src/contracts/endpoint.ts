/**
 * What a catalogue entry is, and the helpers the catalogue's modules share (`api-core.ts` and one
 * `api-<feature>.ts` per later feature, merged in `api.ts`). Small on purpose: the web imports `pathFor`
 * from here without pulling any endpoint's schemas (ADR 0026).
 */
import { z } from './zod';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Endpoint {
  method: Method;
  path: string;
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** 'public' needs no session; 'session' needs a signed-in, active user. */
  auth: 'public' | 'session';
  /**
   * ADR 0032: where the endpoint may be called. `district` (the default): the caller's own district, no network
   * named; `network`: only with a network named (`x-ensemble-network`), acting as the caller's member row there.
   * A request that names a network reaches only endpoints that list `network`: everything else is a 404.
   */
  spaces?: readonly ('district' | 'network')[];
  /**
   * Set for endpoints that answer a document rather than JSON (Markdown minutes, iCalendar); `image/*`: an image,
   * whose handler sets its exact type; `application/zip`: an archive (bytes, no charset).
   */
  produces?:
    | 'text/markdown'
    | 'text/calendar'
    | 'text/csv'
    | 'application/yaml'
    | 'text/html'
    | 'image/*'
    | 'application/zip';
  summary: string;
  /**
   * API-DOC-2: more than the summary says, for integrators (the OpenAPI operation's description begins with it;
   * the server adds who may call it and how).
   */
  description?: string;
  /**
   * API-DOC-3: examples for the OpenAPI document, which must validate against `body` and `response` (tested).
   * Without them the document carries an example built from the schema itself.
   */
  examples?: { body?: unknown; response?: unknown };
  /**
   * API-TOKEN-4: `false` for endpoints a personal API token may never call (sessions, sign-out, the tokens
   * themselves): a session cookie only. Every other `session` endpoint also takes a bearer token.
   */
  bearer?: false;
  tag: string;
}

/** ADR 0032: an endpoint called in the caller's district and, naming one, in a network they belong to. */
export const anySpace = ['district', 'network'] as const;

/** An entry, its literal types kept. */
export const e = <const T extends Endpoint>(x: T) => x;
/** A `{ items: [...] }` answer. */
export const items = <T extends z.ZodMiniType>(t: T) => z.object({ items: z.array(t) });

/** Fills `:params` in a catalogue path. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
