/**
 * The typed API client: every request goes through the endpoint catalogue (`src/contracts/api-*.ts`, merged
 * in `api.ts`), so the method, path, body and response shape can never drift from what the server registers.
 * A later feature's entries load with its first call (`./catalogue.ts`, ADR 0026); the types are the merge's.
 *
 *   const school = await call('createSchool', { body: { name } });
 *   const group = await call('getGroup', { params: { groupId } });
 */
import type { z } from '#contracts/zod';
import type { Api, BodyOf, Endpoint, EndpointName, ResponseOf } from '#contracts/api';
import { ApiError } from '#contracts/common';
import { pathFor } from '#contracts/endpoint';
import { endpointAtHand, loadEndpoint } from './catalogue';
import { currentNetwork, spaceHeaders } from './space';
import { OFFLINE_SAVED_AT_HEADER } from '#contracts/offline';
import { wantedLanguage } from '../i18n/kits';

/**
 * The tab's space (ADR 0032, `./space.ts`), imported from here by the rest of the web so that it shares this
 * module's chunk rather than being a chunk of its own on every page (DAY-PERF-1).
 */
export { currentNetwork, enterNetwork, leaveNetworkSpace, networkIdOf, subscribeToSpace } from './space';

export interface FieldProblem {
  /** Dotted path of the input at fault, e.g. "email" or "schoolId"; it matches the form field's `name`. */
  path: string;
  message: string;
}

/**
 * Every failed call rejects with this. `status` is the HTTP status, or 0 when the server could not be
 * reached. A body that fails the contract's own schema is reported as a 400 before any request is sent,
 * so forms handle "checked here" and "checked by the server" the same way.
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly endpoint: EndpointName,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The caller is not signed in (or the session ended) on an endpoint that needs a session. */
  get isSessionMissing(): boolean {
    // The endpoint's entry is at hand: the call that failed loaded it.
    return this.status === 401 && endpointAtHand(this.endpoint)?.auth === 'session';
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

type HasBody<N extends EndpointName> = Api[N] extends { body: z.ZodMiniType } ? true : false;

export type CallOptions<N extends EndpointName> = {
  /** Values for the `:name` segments of the catalogue path. */
  params?: Record<string, string>;
  /** The query string; undefined and empty values are left out. */
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
} & (HasBody<N> extends true ? { body: BodyOf<N> } : { body?: never });

type CallArgs<N extends EndpointName> =
  HasBody<N> extends true ? [options: CallOptions<N>] : [options?: CallOptions<N>];

function issuesToFields(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `path?a=1&b=2`, leaving out undefined and empty values. */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined> | undefined,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * PWA-OFFLINE-4: what the last answer said about the connection: the server was not reached, or the answer was a
 * copy the service worker kept (saved at `savedAt`). Read by the offline note (shell/offline.tsx), which sets
 * `changed`. `navigator.onLine` alone misses a school network that is up while the server is not.
 */
export const connection: { offline: boolean; savedAt: string | null; changed?: () => void } = {
  offline: false,
  savedAt: null,
};
function noteConnection(offline: boolean, savedAt: string | null): void {
  if (offline === connection.offline && savedAt === connection.savedAt) return;
  connection.offline = offline;
  connection.savedAt = savedAt;
  connection.changed?.();
}

export async function call<N extends EndpointName>(
  name: N,
  ...[options]: CallArgs<N>
): Promise<ResponseOf<N>> {
  // A core endpoint is at hand without waiting; a later feature's loads its module once (./catalogue.ts).
  const endpoint: Endpoint = endpointAtHand(name) ?? (await loadEndpoint(name));
  const url = withQuery(pathFor(endpoint.path, options?.params), options?.query);
  // NET-WEB-1: in a tab that entered a network, every call that needs a session acts in it (ADR 0032).
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // I18N-WEB-3: the server answers (its messages, a shipped routine's words) in the tab's language.
    'Accept-Language': wantedLanguage(),
    ...spaceHeaders(endpoint.auth, currentNetwork()),
  };
  let body: string | undefined;

  if (endpoint.body) {
    const checked = endpoint.body.safeParse(options?.body ?? {});
    if (checked.success) body = JSON.stringify(checked.data);
    // I18N-WEB-6: our contracts' messages are English; in another language the server checks the same schema and
    // names the fields in the tab's language (I18N-SRV-2), one round trip later.
    else if (wantedLanguage() !== 'en') body = JSON.stringify(options?.body ?? {});
    else
      throw new ApiRequestError(
        name,
        400,
        'validation',
        'Invalid input',
        issuesToFields(checked.error.issues),
      );
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      credentials: 'same-origin',
      headers,
      body: body ?? null,
      signal: options?.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    noteConnection(true, connection.savedAt);
    throw new ApiRequestError(name, 0, 'network', 'Network error');
  }
  const savedAt = response.headers.get(OFFLINE_SAVED_AT_HEADER);
  noteConnection(savedAt !== null, savedAt);

  const json = await readJson(response);
  if (!response.ok) {
    const parsed = ApiError.safeParse(json);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiRequestError(name, response.status, code, message, fields ?? []);
    }
    throw new ApiRequestError(name, response.status, 'http_' + String(response.status), response.statusText);
  }

  const result = endpoint.response.safeParse(json);
  if (!result.success) {
    // The server broke its own contract: report it loudly for developers, calmly for people.
    console.error(`[api] ${name}: response does not match the contract`, result.error.issues);
    throw new ApiRequestError(name, response.status, 'invalid_response', 'Unexpected response');
  }
  return result.data as ResponseOf<N>;
}
