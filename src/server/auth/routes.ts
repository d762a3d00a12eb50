import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { users } from '../db/schema';
import { badRequest, tooManyRequests } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Services } from '../services';
import { consumeOneTimeLink, issueOneTimeLink } from './one-time-links';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import { presentMe } from './presenter';
import {
  clearSessionCookie,
  createSession,
  deleteAllSessions,
  deleteSession,
  setSessionCookie,
} from './sessions';
import { takeAttempt } from './throttle';

const MINUTE = 60_000;
/** Per IP, per node (ADR 0005); per-account limits below are shared through the database. */
const SIGN_IN_PER_IP = { max: 20, timeWindow: MINUTE };
const RESET_PER_IP = { max: 5, timeWindow: MINUTE };
const SIGN_IN_PER_ACCOUNT = { limit: 10, windowMs: 15 * MINUTE };
const RESET_PER_ACCOUNT = { limit: 3, windowMs: 60 * MINUTE };

/** Deliberately identical for unknown email, wrong password and deactivated account. */
const SIGN_IN_FAILED = 'That email and password do not match an active account.';

export function registerAuthRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(
    app,
    api.signIn,
    async ({ body, req, reply }) => {
      if (
        !(await takeAttempt(
          s.db,
          `sign-in:${body.email}`,
          SIGN_IN_PER_ACCOUNT.limit,
          SIGN_IN_PER_ACCOUNT.windowMs,
        ))
      ) {
        throw tooManyRequests();
      }
      const [user] = await s.db.select().from(users).where(eq(users.email, body.email)).limit(1);
      const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
      if (!user || !ok || user.deactivatedAt) {
        throw badRequest(SIGN_IN_FAILED, [{ path: 'password', message: SIGN_IN_FAILED }]);
      }
      // Rotation: a sign-in always gets a fresh session, and the one it came with is dropped.
      if (req.actor) await deleteSession(s.db, req.actor.sessionId);
      const session = await createSession(s.db, user, req.headers['user-agent']);
      setSessionCookie(req, reply, session);
      return presentMe(s.db, user);
    },
    { rateLimit: SIGN_IN_PER_IP },
  );

  registerEndpoint(app, api.signOut, async ({ req, reply }) => {
    if (req.actor) await deleteSession(s.db, req.actor.sessionId);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  registerEndpoint(app, api.signOutEverywhere, async ({ actor, reply }) => {
    await deleteAllSessions(s.db, { id: actor.userId, districtId: actor.districtId });
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  registerEndpoint(app, api.me, async ({ actor }) =>
    presentMe(s.db, { id: actor.userId, districtId: actor.districtId }),
  );

  registerEndpoint(app, api.changeName, async ({ actor, body }) => {
    await s.db
      .update(users)
      .set({ name: body.name })
      .where(and(eq(users.id, actor.userId), eq(users.districtId, actor.districtId)));
    return presentMe(s.db, { id: actor.userId, districtId: actor.districtId });
  });

  registerEndpoint(
    app,
    api.requestPasswordReset,
    async ({ body, req }) => {
      // The answer never says whether the address has an account.
      const allowed = await takeAttempt(
        s.db,
        `reset:${body.email}`,
        RESET_PER_ACCOUNT.limit,
        RESET_PER_ACCOUNT.windowMs,
      );
      const [user] = await s.db
        .select()
        .from(users)
        .where(and(eq(users.email, body.email), isNull(users.deactivatedAt)))
        .limit(1);
      if (allowed && user) {
        const secret = await issueOneTimeLink(s.db, user, 'password_reset');
        await s.mailer.send({
          to: user.email,
          districtId: user.districtId,
          subject: 'Reset your Ensemble password',
          text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset your Ensemble password. Open this link within an hour to choose a new one:\n\n${s.link(`/reset-password?token=${secret}`, req)}\n\nIf it was not you, you can ignore this email: your password stays as it is.\n`,
        });
      }
      return { ok: true as const };
    },
    { rateLimit: RESET_PER_IP },
  );

  registerEndpoint(
    app,
    api.completePasswordReset,
    async ({ body }) => {
      return s.db.transaction(async (tx) => {
        const owner = await consumeOneTimeLink(tx, body.token, 'password_reset');
        if (!owner)
          throw badRequest('This reset link is invalid, used or expired. Ask for a new one.', [
            { path: 'token', message: 'Invalid or expired link' },
          ]);
        const [user] = await tx
          .select()
          .from(users)
          .where(and(eq(users.id, owner.userId), eq(users.districtId, owner.districtId)));
        if (!user || user.deactivatedAt)
          throw badRequest('This reset link is invalid, used or expired. Ask for a new one.', [
            { path: 'token', message: 'Invalid or expired link' },
          ]);
        const problems = passwordProblems(body.password, user);
        if (problems.length) throw badRequest('Choose a different password.', problems);
        await tx
          .update(users)
          // Following an emailed link also proves the address.
          .set({
            passwordHash: await hashPassword(body.password),
            emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
          })
          .where(eq(users.id, user.id));
        await deleteAllSessions(tx, user);
        return { ok: true as const };
      });
    },
    { rateLimit: RESET_PER_IP },
  );

  registerEndpoint(app, api.requestEmailVerification, async ({ actor, req }) => {
    if (actor.emailVerified) return { ok: true as const };
    if (!(await takeAttempt(s.db, `verify:${actor.userId}`, 5, 60 * MINUTE))) throw tooManyRequests();
    const secret = await issueOneTimeLink(
      s.db,
      { id: actor.userId, districtId: actor.districtId },
      'email_verification',
    );
    await s.mailer.send({
      to: actor.email,
      districtId: actor.districtId,
      subject: 'Confirm your email for Ensemble',
      text: `Hello ${actor.name},\n\nPlease confirm this is your email address by opening this link:\n\n${s.link(`/verify-email?token=${secret}`, req)}\n`,
    });
    return { ok: true as const };
  });

  registerEndpoint(app, api.completeEmailVerification, async ({ body }) => {
    const owner = await consumeOneTimeLink(s.db, body.token, 'email_verification');
    if (!owner)
      throw badRequest('This verification link is invalid, used or expired.', [
        { path: 'token', message: 'Invalid or expired link' },
      ]);
    await s.db
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, owner.userId), eq(users.districtId, owner.districtId)));
    return { ok: true as const };
  });
}
