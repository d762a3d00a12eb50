import type {} from '@fastify/cookie';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, DbOrTx } from '../db/client';
import { groupMembers, schoolRoles, sessions, users } from '../db/schema';
import type { Actor } from '../policy/actor';
import { hashSecret, newSecret } from './tokens';

export const SESSION_COOKIE = 'ensemble_session';
const SESSION_DAYS = 30;
/** Only touch `last_seen_at` this often, so reads stay reads. */
const TOUCH_AFTER_MS = 5 * 60_000;

export async function createSession(
  db: DbOrTx,
  user: { id: string; districtId: string },
  userAgent: string | undefined,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({
    id: hashSecret(secret),
    districtId: user.districtId,
    userId: user.id,
    userAgent: userAgent?.slice(0, 300),
    expiresAt,
  });
  return { secret, expiresAt };
}

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  s: { secret: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, s.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    expires: s.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves the cookie to an active person and their roles, or null. Expired sessions are deleted. */
export async function resolveSession(db: Db, secret: string | undefined): Promise<Actor | null> {
  if (!secret || secret.length > 100) return null;
  const id = hashSecret(secret);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
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
  const [schoolRows, groupRows] = await Promise.all([
    db
      .select({ schoolId: schoolRoles.schoolId, role: schoolRoles.role })
      .from(schoolRoles)
      .where(and(eq(schoolRoles.districtId, row.districtId), eq(schoolRoles.userId, row.userId))),
    db
      .select({ groupId: groupMembers.groupId, role: groupMembers.role })
      .from(groupMembers)
      .where(and(eq(groupMembers.districtId, row.districtId), eq(groupMembers.userId, row.userId))),
  ]);
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
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
