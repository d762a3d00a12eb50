import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { users } from '../db/schema';
import { recordAudit } from '../audit/record';
import { chosenLanguageOf, mailLanguage } from '../mail/language';
import { localizedMail } from '../mail/templates';
import { badRequest, tooManyRequests } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Services } from '../services';
import { consumeOneTimeLink, issueOneTimeLink } from './one-time-links';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import { presentMe } from './presenter';
import type { Me } from '#contracts/auth';
import type { Actor } from '../policy/actor';
import {
  clearSessionCookie,
  createSession,
  deleteAllSessions,
  deleteSession,
  setSessionCookie,
} from './sessions';
import {
  clearFailures,
  failureDelay,
  passwordFailureKey,
  recordFailure,
  SIGN_IN_DELAY,
  takeAttempt,
} from './throttle';

const MINUTE = 60_000;
/** Per IP, per node (ADR 0005); per-account limits below are shared through the database. */
const SIGN_IN_PER_IP = { max: 20, timeWindow: MINUTE };
const RESET_PER_IP = { max: 5, timeWindow: MINUTE };
const RESET_PER_ACCOUNT = { limit: 3, windowMs: 60 * MINUTE };

/** Deliberately identical for unknown email, wrong password and deactivated account. */
const SIGN_IN_FAILED = 'That email and password do not match an active account.';

export function registerAuthRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(
    app,
    api.signIn,
    async ({ body, req, reply }) => {
      // TRUST-LIMIT-2: only failures count, with a growing wait; same for known and unknown addresses.
      const throttleKey = passwordFailureKey(body.email);
      const waitMs = await failureDelay(s.db, throttleKey, SIGN_IN_DELAY);
      if (waitMs > 0) {
        throw tooManyRequests('Too many failed attempts. Wait a moment and try again.', waitMs / 1000);
      }
      // ADR 0032: only an account signs in; a network member row never does.
      const [user] = await s.db
        .select()
        .from(users)
        .where(and(eq(users.email, body.email), eq(users.kind, 'account')))
        .limit(1);
      const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
      if (!user || !ok || user.deactivatedAt) {
        await recordFailure(s.db, throttleKey);
        // An unknown address is recorded without its district (none) and without the address itself.
        await recordAudit(s.db, {
          districtId: user?.districtId ?? null,
          actorId: null,
          action: 'auth.sign_in_failed',
          ...(user ? { subject: { type: 'person', id: user.id } } : {}),
          from: req,
        });
        throw badRequest(SIGN_IN_FAILED, [{ path: 'password', message: SIGN_IN_FAILED }]);
      }
      await clearFailures(s.db, throttleKey);
      // Rotation: a sign-in always gets a fresh session, and the one it came with is dropped.
      if (req.actor) {
        await deleteSession(s.db, req.actor.sessionId);
        s.access.sessionEnded(req.actor.sessionId); // the previous person's sockets on a shared device
      }
      const session = await createSession(s.db, user, req.headers['user-agent'], {
        persistent: body.keepSignedIn,
      });
      await recordAudit(s.db, {
        districtId: user.districtId,
        actorId: user.id,
        action: 'auth.sign_in',
        subject: { type: 'person', id: user.id },
        details: { keepSignedIn: body.keepSignedIn },
        from: req,
      });
      setSessionCookie(req, reply, session);
      return presentMe(s.db, user);
    },
    { rateLimit: SIGN_IN_PER_IP },
  );

  registerEndpoint(app, api.signOut, async ({ req, reply }) => {
    if (req.actor) await deleteSession(s.db, req.actor.sessionId);
    if (req.actor) s.access.sessionEnded(req.actor.sessionId); // TRUST-REVOKE-1
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  registerEndpoint(app, api.signOutEverywhere, async ({ actor, req, reply }) => {
    await s.db.transaction(async (tx) => {
      await deleteAllSessions(tx, { id: actor.userId, districtId: actor.districtId });
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'auth.sign_out_everywhere',
        subject: { type: 'person', id: actor.userId },
        from: req,
      });
    });
    s.access.personChanged(actor.districtId, actor.userId); // TRUST-REVOKE-2
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  /**
   * CAP-API-7 (ADR 0045): the person as `me` shows them, kept behind the request's fence and dropped by the
   * database's notifications for the person (their roles, name, address, language) or a renamed district or school.
   */
  const mes = s.accessFeed?.shelf<Me>();
  async function meOf(actor: Actor, fenced: number | null): Promise<Me> {
    const key = `${actor.districtId}:${actor.userId}`;
    const kept = fenced !== null ? mes?.get(key) : undefined;
    if (kept) return kept;
    const me = await presentMe(s.db, { id: actor.userId, districtId: actor.districtId });
    if (fenced !== null) mes?.put(key, [`u:${key}`], me, fenced);
    return me;
  }

  registerEndpoint(
    app,
    api.me,
    async ({ actor, req }) => {
      const me = await meOf(actor, req.fenced);
      // In a network the actor is a member row, whose address is a placeholder under `.invalid` (ADR 0032): the
      // person's own address is their account's.
      if (!actor.network) return me;
      const [account] = await s.db
        .select({ language: users.language })
        .from(users)
        .where(
          and(eq(users.id, actor.network.homeUserId), eq(users.districtId, actor.network.homeDistrictId)),
        );
      return {
        ...me,
        email: actor.email,
        emailVerified: actor.emailVerified,
        language: account?.language ?? null,
      };
    },
    { trustedResponse: true },
  );

  registerEndpoint(app, api.changeName, async ({ actor, body }) => {
    await s.db
      .update(users)
      .set({ name: body.name })
      .where(and(eq(users.id, actor.userId), eq(users.districtId, actor.districtId)));
    return presentMe(s.db, { id: actor.userId, districtId: actor.districtId });
  });

  // I18N-PICK-1: the choice belongs to the account, also when the tab acts in a network (its member row has none).
  registerEndpoint(app, api.setLanguage, async ({ actor, body }) => {
    const account = actor.network
      ? { id: actor.network.homeUserId, districtId: actor.network.homeDistrictId }
      : { id: actor.userId, districtId: actor.districtId };
    await s.db
      .update(users)
      .set({ language: body.language })
      .where(and(eq(users.id, account.id), eq(users.districtId, account.districtId)));
    const me = await presentMe(s.db, { id: actor.userId, districtId: actor.districtId });
    return actor.network
      ? { ...me, email: actor.email, emailVerified: actor.emailVerified, language: body.language }
      : me;
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
        .where(and(eq(users.email, body.email), eq(users.kind, 'account'), isNull(users.deactivatedAt)))
        .limit(1);
      if (allowed && user) {
        const secret = await issueOneTimeLink(s.db, user, 'password_reset');
        // Not awaited: an SMTP round trip only for existing addresses would tell them apart by timing.
        void s.mailer
          .send(
            localizedMail(
              mailLanguage(user.language, req),
              (t) =>
                t.passwordReset({ name: user.name, link: s.link(`/reset-password?token=${secret}`, req) }),
              { to: user.email, districtId: user.districtId },
            ),
          )
          .catch((err: unknown) => req.log.warn({ err }, 'password reset email failed'));
      }
      return { ok: true as const };
    },
    { rateLimit: RESET_PER_IP },
  );

  registerEndpoint(
    app,
    api.completePasswordReset,
    async ({ body, req }) => {
      const reset = await s.db.transaction(async (tx) => {
        const owner = await consumeOneTimeLink(tx, body.token, ['password_reset', 'admin_password_reset']);
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
          // Following an emailed link also proves the address; a link an admin handed over does not.
          .set({
            passwordHash: await hashPassword(body.password),
            emailVerifiedAt: user.emailVerifiedAt ?? (owner.purpose === 'password_reset' ? new Date() : null),
          })
          .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        await deleteAllSessions(tx, user);
        await recordAudit(tx, {
          districtId: user.districtId,
          actorId: user.id,
          action: 'auth.password_reset',
          subject: { type: 'person', id: user.id },
          from: req,
        });
        return user;
      });
      s.access.personChanged(reset.districtId, reset.id); // TRUST-REVOKE-3
      return { ok: true as const };
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
    const language = mailLanguage(await chosenLanguageOf(s.db, actor.districtId, actor.userId), req);
    await s.mailer.send(
      localizedMail(
        language,
        (t) => t.emailVerification({ name: actor.name, link: s.link(`/verify-email?token=${secret}`, req) }),
        { to: actor.email, districtId: actor.districtId },
      ),
    );
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
