import type { FastifyRequest } from 'fastify';
import { forbidden } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth beside SameSite=Lax cookies (TRUST-HTTP-5): a state-changing request that carries an
 * Origin (every browser sends one on POST/PATCH/PUT/DELETE) must come from PUBLIC_URL's origin (or this
 * server on localhost when PUBLIC_URL is unset). Never compared with the request's own Host, which the
 * client chooses. Requests without Origin and without cookies (curl, scripts) are not browsers' and pass.
 */
export function checkOrigin(req: FastifyRequest, allowedOrigins: ReadonlySet<string>): void {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) {
    if (req.headers.cookie && req.headers['sec-fetch-site'] === 'cross-site')
      throw forbidden('Cross-site request refused.');
    return;
  }
  if (allowedOrigins.has(origin)) return;
  throw forbidden(
    'Cross-site request refused. (If this is your own server, set PUBLIC_URL to the address you open it at.)',
  );
}
