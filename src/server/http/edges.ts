/**
 * TRUST-HTTP: checks at the edge of every request, before any route runs.
 */
import type { FastifyRequest } from 'fastify';
import { isHttps, type Config } from '../config';
import { badRequest, HttpError } from './errors';

/** A percent-encoded unreserved character (`%61` for `a`): never needed, and a way round path checks. */
const ENCODED_UNRESERVED = /%(3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|2d|2e|5f|7e)/i;

/** The request's path, decoded; null when it cannot be decoded. */
function decodedPath(url: string): string | null {
  const raw = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const decoded = new WeakMap<object, string | null>();

/**
 * The request's path, decoded, worked out once per request: the edge checks, the rate limit, the
 * `/api` hooks and the not-found handler all ask.
 */
export function pathOf(req: FastifyRequest): string | null {
  const known = decoded.get(req.raw);
  if (known !== undefined) return known;
  const path = decodedPath(req.raw.url ?? req.url);
  decoded.set(req.raw, path);
  return path;
}

/**
 * TRUST-HTTP-6: the `/api` hooks (Origin check, session, no-store) decide on the DECODED path, and a path
 * that spells a plain character in percent form (`/%61pi/…`) or cannot be decoded is refused outright.
 */
export function checkPath(req: FastifyRequest): void {
  const raw = (req.raw.url ?? req.url).split(/[?#]/, 1)[0] ?? '';
  if (ENCODED_UNRESERVED.test(raw) || pathOf(req) === null || raw.includes('%00')) {
    throw new HttpError(400, 'invalid_input', 'That address is not valid.');
  }
}

export function isApiRequest(req: FastifyRequest): boolean {
  const path = pathOf(req) ?? '';
  return path === '/api' || path.startsWith('/api/');
}

/** TRUST-HTTP-5: the Origins a state-changing request may come from: PUBLIC_URL's, else this server on localhost. */
export function allowedOriginsOf(config: Pick<Config, 'publicUrl' | 'port'>): Set<string> {
  if (config.publicUrl) return new Set([new URL(config.publicUrl).origin]);
  return new Set(
    ['localhost', '127.0.0.1', '[::1]'].map(
      (host) => `http://${host}${config.port === 80 ? '' : `:${config.port}`}`,
    ),
  );
}

/**
 * TRUST-HTTP-5: with PUBLIC_URL set, the Host header must name it (400 otherwise), so links and redirects
 * built from the request cannot be steered by a forged Host. The health check is exempt (load balancers
 * probe by address).
 */
export function hostChecker(config: Pick<Config, 'publicUrl'>): (req: FastifyRequest) => void {
  if (!config.publicUrl) return () => undefined;
  const expected = new URL(config.publicUrl).host.toLowerCase();
  return (req) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host === expected) return;
    if (pathOf(req) === '/api/health') return;
    throw new HttpError(400, 'invalid_host', 'This server does not answer to that host name.');
  };
}

/** Strict CSP (no inline script or style) for the built app and /api/docs; HSTS only on https. */
export function helmetOptions(config: Pick<Config, 'publicUrl'>) {
  const https = isHttps(config);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The web app injects no <style> element (ADR 0015: native controls, no React Aria).
        styleSrc: [
          "'self'",
          // The <style> inside swagger-ui's logo SVG on /api/docs (changes only with @fastify/swagger-ui).
          "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
        ],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        // Only over https: on a plain-http LAN install browsers would rewrite every asset to https.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'same-origin' as const },
    frameguard: { action: 'deny' as const },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * TRUST-HTTP-7: NUL cannot be stored by PostgreSQL and has no place in text: any JSON string (or key),
 * path parameter or query value containing one answers 400 naming the field.
 */
export function checkNoNul(req: FastifyRequest): void {
  const found =
    findNul(req.body, '', 0) ??
    prefixed('params', findNul(req.params, '', 0)) ??
    prefixed('querystring', findNul(req.query, '', 0));
  if (found !== null) {
    throw badRequest('Text cannot contain NUL characters.', [
      { path: found, message: 'Contains a NUL character' },
    ]);
  }
}

const prefixed = (where: string, path: string | null) =>
  path === null ? null : path ? `${where}.${path}` : where;

function findNul(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 32) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const hit = findNul(child, childPath, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}
