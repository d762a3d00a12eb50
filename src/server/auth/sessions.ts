import type {} from '@fastify/cookie';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, DbOrTx } from '../db/client';
import { groupMembers, schoolRoles, sessions, users } from '../db/schema';
import type { Actor } from '../policy/actor';
import { hashSecret, newSecret } from './tokens';

/** The cookie on plain http (a LAN install, tests). */
export const SESSION_COOKIE = 'ensemble_session';
/** TRUST-HTTP-4: on https the `__Host-` prefix makes browsers refuse it unless Secure, Path=/ and no Domain. */
export const SECURE_SESSION_COOKIE = '__Host-ensemble_session';

export const sessionCookieName = (secure: boolean) => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by `buildApp` from PUBLIC_URL: https → `__Host-ensemble_session`, Secure. */
    sessionCookie: { name: string; secure: boolean };
  }
}

/** "Keep me signed in" (TRUST-DEVICE-1): a dated cookie, 30 days. */
const PERSISTENT_DAYS = 30;
/** A shared-device session (the default): a browser-session cookie, ended after this long without a request. */
export const IDLE_TIMEOUT_MS = 60 * 60_000;
/** …and never longer than a school day and a half, however active. */
const SHARED_DEVICE_MAX_MS = 12 * 60 * 60_000;
/** Only touch `last_seen_at` this often, so reads stay reads (often enough for the idle timeout). */
const TOUCH_AFTER_MS = { persistent: 5 * 60_000, shared: 60_000 };

export interface NewSession {
  secret: string;
  expiresAt: Date;
  persistent: boolean;
}

export async function createSession(
  db: DbOrTx,
  user: { id: string; districtId: string },
  userAgent: string | undefined,
  opts: { persistent?: boolean } = {},
): Promise<NewSession> {
  const secret = newSecret();
  const persistent = opts.persistent === true;
  const expiresAt = new Date(Date.now() + (persistent ? PERSISTENT_DAYS * 86_400_000 : SHARED_DEVICE_MAX_MS));
  await db.insert(sessions).values({
    id: hashSecret(secret),
    districtId: user.districtId,
    userId: user.id,
    userAgent: userAgent?.slice(0, 300),
    expiresAt,
    persistent,
  });
  return { secret, expiresAt, persistent };
}

function cookieSettings(server: { sessionCookie?: { name: string; secure: boolean } }) {
  return server.sessionCookie ?? { name: SESSION_COOKIE, secure: false };
}

/** The session secret the request carries, under the cookie name this server uses. */
export function sessionSecretOf(req: FastifyRequest): string | undefined {
  return req.cookies[cookieSettings(req.server).name];
}

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  s: { secret: string; expiresAt: Date; persistent?: boolean },
) {
  const { name, secure } = cookieSettings(req.server);
  reply.setCookie(name, s.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure || req.protocol === 'https',
    // Without Expires the browser forgets the cookie when it closes (shared devices).
    ...(s.persistent === false ? {} : { expires: s.expiresAt }),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  const { name, secure } = cookieSettings(reply.server);
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Resolves the cookie to an active person and their roles, or null. Expired sessions are deleted. */
export async function resolveSession(db: Db, secret: string | undefined): Promise<Actor | null> {
  if (!secret || secret.length > 100) return null;
  const id = hashSecret(secret);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      persistent: sessions.persistent,
      userId: users.id,
      districtId: users.districtId,
      districtRole: users.districtRole,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.districtId, sessions.districtId)))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row || row.deactivatedAt) return null;
  const idleMs = Date.now() - row.lastSeenAt.getTime();
  if (!row.persistent && idleMs > IDLE_TIMEOUT_MS) {
    // TRUST-DEVICE-2: a shared-device session left idle is over.
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const roles = await rolesOf(db, row.districtId, row.userId);
  if (idleMs > (row.persistent ? TOUCH_AFTER_MS.persistent : TOUCH_AFTER_MS.shared)) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  return {
    userId: row.userId,
    districtId: row.districtId,
    districtRole: row.districtRole,
    name: row.name,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    sessionId: id,
    ...roles,
    // PWA-OFFLINE-2: a "keep me signed in" session, on its person's own device.
    ...(row.persistent ? { personalDevice: true } : {}),
  };
}

/** A person's school and group roles, read on every request (a session's or an API token's, ADR 0041). */
export async function rolesOf(
  db: Db,
  districtId: string,
  userId: string,
): Promise<Pick<Actor, 'schoolRoles' | 'groupRoles'>> {
  const [schoolRows, groupRows] = await Promise.all([
    db
      .select({ schoolId: schoolRoles.schoolId, role: schoolRoles.role })
      .from(schoolRoles)
      .where(and(eq(schoolRoles.districtId, districtId), eq(schoolRoles.userId, userId))),
    db
      .select({ groupId: groupMembers.groupId, role: groupMembers.role })
      .from(groupMembers)
      .where(and(eq(groupMembers.districtId, districtId), eq(groupMembers.userId, userId))),
  ]);
  return {
    schoolRoles: new Map(schoolRows.map((r) => [r.schoolId, r.role])),
    groupRoles: new Map(groupRows.map((r) => [r.groupId, r.role])),
  };
}

export async function deleteSession(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteAllSessions(db: DbOrTx, user: { id: string; districtId: string }) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.districtId, user.districtId), eq(sessions.userId, user.id)));
}
