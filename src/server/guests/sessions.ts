/**
 * The meeting guest's cookie (ADR 0013): a separate cookie from the account session, so a guest is never an
 * account anywhere. HttpOnly, SameSite=Lax, a browser-session cookie (no Expires), `__Host-` and Secure on https
 * like the session cookie (TRUST-HTTP-4). Its secret is stored only as a sha256 (`meeting_guests.secret_hash`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const GUEST_COOKIE = 'ensemble_guest';
export const SECURE_GUEST_COOKIE = '__Host-ensemble_guest';
/** A guest's session never outlives its meeting, nor this. */
export const GUEST_MAX_MS = 6 * 60 * 60_000;
/** The socket room / session id of a guest: `g:` + the secret's hash, never the secret (TRUST-RT-6). */
export const guestSessionId = (secretHash: string) => `g:${secretHash}`;
export const isGuestSessionId = (sessionId: string) => sessionId.startsWith('g:');

function settings(server: { sessionCookie?: { name: string; secure: boolean } }) {
  const secure = server.sessionCookie?.secure ?? false;
  return { name: secure ? SECURE_GUEST_COOKIE : GUEST_COOKIE, secure };
}

export const guestCookieName = (server: { sessionCookie?: { name: string; secure: boolean } }) =>
  settings(server).name;

export function guestSecretOf(req: FastifyRequest): string | undefined {
  return req.cookies[settings(req.server).name];
}

export function setGuestCookie(req: FastifyRequest, reply: FastifyReply, secret: string) {
  const { name, secure } = settings(req.server);
  reply.setCookie(name, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure || req.protocol === 'https',
  });
}

export function clearGuestCookie(req: FastifyRequest, reply: FastifyReply) {
  const { name, secure } = settings(req.server);
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
