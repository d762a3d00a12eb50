import type { FastifyRequest } from 'fastify';
import { forbidden } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth beside SameSite=Lax cookies: a state-changing request that carries an Origin
 * (every browser sends one on POST/PATCH/PUT/DELETE) must come from this server's own origin.
 * Requests without Origin and without cookies (curl, scripts with tokens) are not browsers' and pass.
 */
export function checkOrigin(req: FastifyRequest, allowedOrigins: ReadonlySet<string>): void {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin) {
    if (req.headers.cookie && req.headers['sec-fetch-site'] === 'cross-site')
      throw forbidden('Cross-site request refused.');
    return;
  }
  if (allowedOrigins.has(origin)) return;
  try {
    const url = new URL(origin);
    if (host && url.host === host) return;
  } catch {
    // An unparsable Origin is treated like a foreign one.
  }
  throw forbidden('Cross-site request refused.');
}
