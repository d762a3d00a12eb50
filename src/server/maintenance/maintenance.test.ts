/** TRUST-PURGE-1: the retention job purges what has expired, keeps the rest, one node at a time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createAccount } from '../auth/accounts';
import { hashSecret } from '../auth/tokens';
import { connectDatabase, type Database } from '../db/client';
import {
  authThrottle,
  groups,
  oneTimeTokens,
  outbox,
  pendingSignups,
  sessions,
  socketIoAttachments,
} from '../db/schema';
import { createDistrictWithAdmin, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/api-harness';
import { MAINTENANCE_LOCK_KEY, startMaintenance } from './job';

let t: TestApp;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);
const quietLog = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function keys() {
  const db = t.database.db;
  return {
    tokens: (await db.select().from(oneTimeTokens)).map((r) => r.tokenHash).sort(),
    signups: (await db.select().from(pendingSignups)).map((r) => r.tokenHash).sort(),
    sessions: (await db.select().from(sessions)).map((r) => r.id).sort(),
    throttle: (await db.select().from(authThrottle)).map((r) => r.key).sort(),
    outbox: (await db.select().from(outbox)).map((r) => r.subject).sort(),
    attachments: (await db.select().from(socketIoAttachments)).map((r) => r.payload).sort(),
  };
}

describe('maintenance', () => {
  it('TRUST-PURGE-1: expired tokens, sign-ups, sessions, old throttle rows, outbox mail and socket attachments go; live ones stay', async () => {
    const db = t.database.db;
    const { district } = await createDistrictWithAdmin(t, 'Purge', 'admin@purge.test');
    const user = await createAccount(db, {
      districtId: district.id,
      email: 'p@purge.test',
      name: 'P',
      password: TEST_PASSWORD,
      districtRole: 'member',
      emailVerified: true,
    });
    const [group] = await db
      .insert(groups)
      .values({ districtId: district.id, kind: 'teacher_team', focus: 'plc', name: 'G' })
      .returning();
    const base = { districtId: district.id, userId: user.id };
    await db.delete(sessions);
    await db.insert(oneTimeTokens).values([
      { ...base, tokenHash: 'tok-expired', purpose: 'password_reset', expiresAt: ago(1000) },
      { ...base, tokenHash: 'tok-used', purpose: 'password_reset', expiresAt: ahead(HOUR), usedAt: ago(10) },
      { ...base, tokenHash: 'tok-live', purpose: 'email_verification', expiresAt: ahead(HOUR) },
    ]);
    const signup = { districtId: district.id, groupId: group!.id, name: 'N', passwordHash: 'x' };
    await db.insert(pendingSignups).values([
      { ...signup, tokenHash: 'signup-expired', email: 'a@x.test', expiresAt: ago(1000) },
      { ...signup, tokenHash: 'signup-live', email: 'b@x.test', expiresAt: ahead(HOUR) },
    ]);
    await db.insert(sessions).values([
      { ...base, id: 'session-expired', expiresAt: ago(1000), persistent: true },
      { ...base, id: 'session-idle', expiresAt: ahead(HOUR), lastSeenAt: ago(3 * HOUR), persistent: false },
      {
        ...base,
        id: 'session-kept-signed-in',
        expiresAt: ahead(HOUR),
        lastSeenAt: ago(3 * HOUR),
        persistent: true,
      },
      { ...base, id: 'session-live', expiresAt: ahead(HOUR), persistent: false },
    ]);
    await db.insert(authThrottle).values([
      { key: 'throttle-old', windowStart: ago(25 * HOUR), count: 3 },
      { key: 'throttle-recent', windowStart: ago(HOUR), count: 3 },
    ]);
    await db.insert(outbox).values([
      { to: 'a@x.test', subject: 'mail-old', text: 'link', createdAt: ago(25 * HOUR) },
      { to: 'a@x.test', subject: 'mail-recent', text: 'link', createdAt: ago(HOUR) },
    ]);
    await db.insert(socketIoAttachments).values([
      { payload: 'attachment-old', createdAt: ago(2 * HOUR) },
      { payload: 'attachment-recent', createdAt: ago(60_000) },
    ]);

    const job = startMaintenance({ database: t.database, log: quietLog, intervalMs: 3_600_000 });
    try {
      const counts = await job.runOnce();
      expect(counts).toEqual({
        oneTimeTokens: 2,
        pendingSignups: 1,
        sessions: 2,
        throttle: 1,
        outbox: 1,
        socketAttachments: 1,
        mailQueue: 0,
        ssoLogins: 0,
      });
    } finally {
      await job.stop();
    }
    expect(await keys()).toEqual({
      tokens: ['tok-live'],
      signups: ['signup-live'],
      sessions: ['session-kept-signed-in', 'session-live'],
      throttle: ['throttle-recent'],
      outbox: ['mail-recent'],
      attachments: ['attachment-recent'],
    });
    expect(hashSecret('x')).not.toBe('tok-live');
  });

  it('TRUST-PURGE-2: while another node holds the lock, a round does nothing', async () => {
    const db = t.database.db;
    const other: Database = connectDatabase(t.testDb.url, { max: 1 });
    const holder = await other.pool.connect();
    const job = startMaintenance({ database: t.database, log: quietLog, intervalMs: 3_600_000 });
    try {
      // Let the round at start finish; then another node takes the lock and old mail arrives.
      await job.runOnce();
      await holder.query('SELECT pg_advisory_lock($1)', [MAINTENANCE_LOCK_KEY]);
      await db
        .insert(outbox)
        .values({ to: 'a@x.test', subject: `old-${randomUUID()}`, text: 'x', createdAt: ago(48 * HOUR) });
      expect(await job.runOnce()).toBeNull();
      expect((await db.select().from(outbox)).some((m) => m.subject.startsWith('old-'))).toBe(true);
      await holder.query('SELECT pg_advisory_unlock($1)', [MAINTENANCE_LOCK_KEY]);
      expect((await job.runOnce())?.outbox).toBe(1);
    } finally {
      await job.stop();
      holder.release();
      await other.close();
    }
  });
});
