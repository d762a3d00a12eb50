import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { api } from '#contracts/api';
import { recordAudit } from '../audit/record';
import { clearSessionCookie } from '../auth/sessions';
import { verifyPassword } from '../auth/passwords';
import { failureDelay, passwordFailureKey, recordFailure, SIGN_IN_DELAY } from '../auth/throttle';
import { districts, sessions, users } from '../db/schema';
import { badRequest, conflict, forbidden, tooManyRequests } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { streamDistrictExport } from './district-export';
import { eraseAccount, isLastAdmin, rowsOfPerson } from './erase';
import { personLanguage } from '../mail/language';
import { collectMyData, myDataZip } from './my-data';
import { loadRetention, saveRetention } from './retention';

/** RIGHTS-DELETE-2: without a password (an account that signs in otherwise), a session this young re-authenticates. */
export const FRESH_SESSION_MS = 10 * 60_000;

const today = () => new Date().toISOString().slice(0, 10);
const districtOf = (actor: Actor) => ({
  kind: 'district' as const,
  id: actor.districtId,
  districtId: actor.districtId,
});

/**
 * Data rights (ADR 0042): a person's own export and the deletion of their account (their district only: a member row
 * in a network is theirs through the account, and goes with it), the district's export and retention (admins).
 */
export function registerRightsRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.myDataExport, async ({ actor, req, reply }) => {
    const files = await collectMyData(s.db, { districtId: actor.districtId, userId: actor.userId });
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'export.my_data',
      subject: { type: 'person', id: actor.userId },
      from: req,
    });
    void reply.header('Content-Disposition', `attachment; filename="ensemble-my-data-${today()}.zip"`);
    // I18N-CONTENT-11: the readable copy in the person's language (their choice, else their tab's).
    return Buffer.from(myDataZip(files, await personLanguage(s.db, actor, req)));
  });

  registerEndpoint(app, api.deleteMyAccount, async ({ actor, body, req, reply }) => {
    const [me] = await s.db
      .select({ passwordHash: users.passwordHash, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.districtId, actor.districtId), eq(users.id, actor.userId)));
    if (!me) throw forbidden();
    if (me.passwordHash !== null) {
      if (!body.password)
        throw badRequest('Enter your password.', [{ path: 'password', message: 'Enter your password.' }]);
      // The sign-in's failure throttle (TRUST-LIMIT-2): the same growing wait for wrong passwords here.
      const throttleKey = passwordFailureKey(me.email.toLowerCase());
      const waitMs = await failureDelay(s.db, throttleKey, SIGN_IN_DELAY);
      if (waitMs > 0)
        throw tooManyRequests('Too many failed attempts. Wait a moment and try again.', waitMs / 1000);
      if (!(await verifyPassword(me.passwordHash, body.password))) {
        await recordFailure(s.db, throttleKey);
        throw forbidden('That password is not right.');
      }
    } else {
      const [session] = await s.db
        .select({ createdAt: sessions.createdAt })
        .from(sessions)
        .where(and(eq(sessions.districtId, actor.districtId), eq(sessions.id, actor.sessionId)));
      if (!session || Date.now() - session.createdAt.getTime() > FRESH_SESSION_MS)
        throw forbidden('Sign in again, then delete your account within 10 minutes.');
    }
    // RIGHTS-DELETE-5: the district is never left without an administrator.
    if (actor.districtRole === 'district_admin' && (await isLastAdmin(s.db, actor.districtId, actor.userId)))
      throw conflict('You are the only district admin. Make another person a district admin first.');
    const rows = await rowsOfPerson(s.db, { districtId: actor.districtId, userId: actor.userId });
    await s.db.transaction(async (tx) => {
      const counts = await eraseAccount(tx, {
        districtId: actor.districtId,
        userId: actor.userId,
        name: me.name,
        email: me.email.toLowerCase(),
        rows,
      });
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: null,
        action: 'person.account_deleted',
        subject: { type: 'person', id: actor.userId },
        details: {
          tables: Object.keys(counts).length,
          rows: Object.values(counts).reduce((a, b) => a + b, 0),
        },
        from: req,
      });
    });
    for (const row of rows) s.access.personChanged(row.tenantId, row.userId);
    clearSessionCookie(reply);
    return { deleted: true as const };
  });

  registerEndpoint(app, api.districtDataExport, async ({ actor, req, reply }) => {
    authorize(actor, 'manage-data', districtOf(actor));
    const [district] = await s.db.select().from(districts).where(eq(districts.id, actor.districtId));
    if (!district) throw forbidden();
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'export.district_data',
      subject: { type: 'district', id: actor.districtId },
      from: req,
    });
    void reply.header('Content-Disposition', `attachment; filename="ensemble-district-data-${today()}.zip"`);
    return streamDistrictExport(s.database, { id: district.id, name: district.name });
  });

  registerEndpoint(app, api.retentionSettings, async ({ actor }) => {
    authorize(actor, 'manage-data', districtOf(actor));
    return loadRetention(s.db, actor.districtId);
  });

  registerEndpoint(app, api.updateRetentionSettings, async ({ actor, body, req }) => {
    authorize(actor, 'manage-data', districtOf(actor));
    await s.db.transaction(async (tx) => {
      await saveRetention(tx, actor.districtId, body, actor.userId);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'retention.settings_changed',
        subject: { type: 'district', id: actor.districtId },
        details: { ...body },
        from: req,
      });
    });
    return loadRetention(s.db, actor.districtId);
  });
}
