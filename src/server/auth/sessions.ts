import type {} from '@fastify/cookie';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { z } from '#contracts/zod';
import { GroupRole, SchoolRole } from '#contracts/org';
import type { Db, DbOrTx } from '../db/client';
import { groupMembers, schoolRoles, sessions, users } from '../db/schema';
import type { Actor } from '../policy/actor';
import { preparedPerDatabase } from '../db/prepared';
import { AccessCache, type Shelf } from './access-cache';
import { hashSecret, newSecret } from './tokens';

/** The cookie on plain http (a LAN install, tests). */
export const SESSION_COOKIE = 'ensemble_session';
/** TRUST-HTTP-4: on https the `__Host-` prefix makes browsers refuse it unless Secure, Path=/ and no Domain. */
export const SECURE_SESSION_COOKIE = '__Host-ensemble_session';

export const sessionCookieName = (secure: boolean) => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

declare module 'fastify' {
  interface FastifyInstance {
    /** CAP-API-3 (ADR 0045): the app's feed of access changes (null when built without the cache). */
    accessFeed: AccessCache | null;
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
export const TOUCH_AFTER_MS = { persistent: 5 * 60_000, shared: 60_000 };

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

/** What a session resolved to: the person and their roles, with the session's own times. */
interface ResolvedSession {
  actor: Actor;
  lastSeenAt: number;
  expiresAt: number;
  persistent: boolean;
}

const RoleRows = z.array(z.tuple([z.string(), z.string()]));

/**
 * CAP-API-2: the session, its person and both kinds of roles in one statement (it was three), for the cache to
 * keep. Null for an unknown, expired or deactivated one.
 */
const sessionQuery = preparedPerDatabase((db: Db) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      persistent: sessions.persistent,
      userId: users.id,
      districtId: users.districtId,
      districtRole: users.districtRole,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      deactivatedAt: users.deactivatedAt,
      schoolRoles: sql<unknown>`(SELECT coalesce(json_agg(json_build_array(${schoolRoles.schoolId}, ${schoolRoles.role})), '[]'::json) FROM ${schoolRoles} WHERE ${schoolRoles.districtId} = ${users.districtId} AND ${schoolRoles.userId} = ${users.id})`,
      groupRoles: sql<unknown>`(SELECT coalesce(json_agg(json_build_array(${groupMembers.groupId}, ${groupMembers.role})), '[]'::json) FROM ${groupMembers} WHERE ${groupMembers.districtId} = ${users.districtId} AND ${groupMembers.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.districtId, sessions.districtId)))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('session'),
);

async function readSession(db: Db, id: string): Promise<ResolvedSession | null> {
  const [row] = await sessionQuery(db).execute({ id, now: new Date() });
  if (!row || row.deactivatedAt) return null;
  return {
    actor: {
      ...actorOfPerson(row, id, {
        schoolRoles: new Map(
          RoleRows.parse(row.schoolRoles).map(([school, role]) => [school, SchoolRole.parse(role)]),
        ),
        groupRoles: new Map(
          RoleRows.parse(row.groupRoles).map(([group, role]) => [group, GroupRole.parse(role)]),
        ),
      }),
      // PWA-OFFLINE-2: a "keep me signed in" session, on its person's own device.
      ...(row.persistent ? { personalDevice: true } : {}),
    },
    lastSeenAt: row.lastSeenAt.getTime(),
    expiresAt: row.expiresAt.getTime(),
    persistent: row.persistent,
  };
}

/** The cache of resolved sessions (ADR 0045), a shelf of the app's access feed. */
export interface SessionCache {
  feed: AccessCache;
  shelf: Shelf<ResolvedSession>;
}

/** The app's feed of access changes (one LISTEN connection per app), to put caches on. */
export function createAccessFeed(pool: pg.Pool, onProblem: (what: string) => void): AccessCache {
  return new AccessCache(pool.options, onProblem);
}

export function sessionCacheOn(feed: AccessCache): SessionCache {
  return { feed, shelf: feed.shelf<ResolvedSession>() };
}

/**
 * Resolves the cookie to an active person and their roles, or null. Expired sessions are deleted. With a cache
 * (CAP-API-3), a session is read from memory only behind its fence: as strict as reading it each time.
 */
export async function resolveSession(
  db: Db,
  secret: string | undefined,
  cache?: SessionCache,
  /** The request's fence (CAP-API-3), when the caller took it already; else it is taken here. */
  fenced?: number | null,
): Promise<Actor | null> {
  if (!secret || secret.length > 100) return null;
  const id = hashSecret(secret);
  const generation = cache ? (fenced === undefined ? await cache.feed.fence() : fenced) : null;
  const shelf = cache?.shelf;
  let session = generation !== null ? shelf?.get(id) : undefined;
  if (!session) {
    session = (await readSession(db, id)) ?? undefined;
    if (!session) return null;
    if (generation !== null)
      shelf?.put(id, [`u:${session.actor.districtId}:${session.actor.userId}`], session, generation);
  }
  const now = Date.now();
  if (session.expiresAt <= now) return null;
  const idleMs = now - session.lastSeenAt;
  if (!session.persistent && idleMs > IDLE_TIMEOUT_MS) {
    // TRUST-DEVICE-2: a shared-device session left idle is over.
    await db.delete(sessions).where(eq(sessions.id, id));
    shelf?.forget(id);
    return null;
  }
  if (idleMs > (session.persistent ? TOUCH_AFTER_MS.persistent : TOUCH_AFTER_MS.shared)) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
    shelf?.update(id, { ...session, lastSeenAt: now });
  }
  return session.actor;
}

/** A person's school and group roles, read on every request (a session's or an API token's, ADR 0041). */
/** The person behind a session or an API token, as the policy sees them. */
export function actorOfPerson(
  person: {
    userId: string;
    districtId: string;
    districtRole: Actor['districtRole'];
    name: string;
    email: string;
    emailVerifiedAt: Date | null;
  },
  sessionId: string,
  roles: Pick<Actor, 'schoolRoles' | 'groupRoles'>,
): Actor {
  return {
    userId: person.userId,
    districtId: person.districtId,
    districtRole: person.districtRole,
    name: person.name,
    email: person.email,
    emailVerified: person.emailVerifiedAt !== null,
    sessionId,
    ...roles,
  };
}

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
