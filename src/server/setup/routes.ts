import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { createAccount } from '../auth/accounts';
import { presentMe } from '../auth/presenter';
import { createSession, setSessionCookie } from '../auth/sessions';
import type { DbOrTx } from '../db/client';
import { districts } from '../db/schema';
import { conflict } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { createFirstTeam, openFirstMeeting } from './first-team';

/** Serializes concurrent first-run setups so exactly one district is created. */
const SETUP_LOCK_KEY = 72_410_338;

export async function needsSetup(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(districts);
  return (row?.n ?? 0) === 0;
}

export function registerSetupRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.setupStatus, async () => ({ needsSetup: await needsSetup(s.db) }));

  registerEndpoint(
    app,
    api.setup,
    async ({ body, req, reply }) => {
      const { user, session } = await s.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
        if (!(await needsSetup(tx))) throw conflict('Ensemble is already set up. Sign in instead.');
        const [district] = await tx
          .insert(districts)
          .values({ name: body.districtName, ...(body.timeZone ? { timeZone: body.timeZone } : {}) })
          .returning();
        if (!district) throw new Error('insert returned no row');
        const user = await createAccount(tx, {
          districtId: district.id,
          email: body.email,
          name: body.name,
          password: body.password,
          districtRole: 'district_admin',
          emailVerified: false,
        });
        return { user, session: await createSession(tx, user, req.headers['user-agent']) };
      });
      setSessionCookie(req, reply, session);
      return presentMe(s.db, user);
    },
    { rateLimit: { max: 10, timeWindow: 60_000 } },
  );

  // DAY-FIRST-1: after setup, one action makes the school, the admin's own first team and a Share Successes
  // meeting opened now, so the next screen is the lobby with the code colleagues join by.
  registerEndpoint(app, api.firstTeam, async ({ actor, body, req }) => {
    authorize(actor, 'create', { kind: 'school', id: '', districtId: actor.districtId });
    const made = await createFirstTeam(s, actor, body, req);
    await openFirstMeeting(s, actor, made);
    return { schoolId: made.schoolId, groupId: made.groupId, meetingId: made.meetingId };
  });
}
