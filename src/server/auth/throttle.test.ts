/**
 * TRUST-LIMIT-2 (sign-in failures with a growing wait, no lockout), TRUST-LIMIT-4 (join codes), TRUST-LIMIT-5
 * (pruning), TRUST-AUDIT-AUTH-1..2 (sign-in audit, same answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { auditEvents, authThrottle, groups, joinCodes, schools } from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';
import { delayAfter, JOIN_CODE_LIMITS, pruneThrottle, SIGN_IN_DELAY } from './throttle';

let t: TestApp;
let districtId = '';
let groupId = '';
const CODE = 'KNWNCDE2';

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDistrictWithAdmin(t, 'Limit District', 'victim@limits.test');
  districtId = d.district.id;
  const [school] = await t.database.db.insert(schools).values({ districtId, name: 'S' }).returning();
  const [g] = await t.database.db
    .insert(groups)
    .values({ districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Coded' })
    .returning();
  groupId = g!.id;
  await t.database.db.insert(joinCodes).values({
    districtId,
    groupId,
    code: CODE,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: d.admin.id,
  });
});
afterAll(async () => t.close());

/** Moves the last failure of a streak back in time, as if that long had passed. */
async function age(keyLike: string, ms: number) {
  const rows = await t.database.db.select().from(authThrottle).where(like(authThrottle.key, keyLike));
  for (const row of rows)
    await t.database.db
      .update(authThrottle)
      .set({ windowStart: new Date(row.windowStart.getTime() - ms) })
      .where(and(eq(authThrottle.key, row.key), eq(authThrottle.windowStart, row.windowStart)));
}

const signIn = (email: string, password: string, client = new Client(t.app)) =>
  client.post<{ error?: { code: string } }>('/api/auth/sign-in', { email, password });

describe('sign-in failures', () => {
  it('TRUST-LIMIT-2: the wait is 0 for 5 failures, then 1 s, 2 s, 4 s… capped at 5 minutes', () => {
    expect([0, 4].map((n) => delayAfter(n, SIGN_IN_DELAY))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(n, SIGN_IN_DELAY))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(20, SIGN_IN_DELAY)).toBe(300_000);
    expect(delayAfter(10_000, SIGN_IN_DELAY)).toBe(300_000);
  });

  it('TRUST-LIMIT-2: after 5 failures the next attempt waits (429, Retry-After) without judging the password; once the wait has passed the right password works', async () => {
    const email = 'victim@limits.test';
    for (let i = 0; i < 5; i++) expect((await signIn(email, `wrong guess ${i}`)).status).toBe(400);
    const waiting = await signIn(email, TEST_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The attacker keeps going after each wait: the wait doubles, it never becomes a lockout.
    for (let i = 0; i < 10; i++) {
      await age('sign-in-failures:victim@limits.test', 10 * 60_000);
      expect((await signIn(email, `more guesses ${i}`)).status).toBe(400);
    }
    const capped = await signIn(email, TEST_PASSWORD);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(300);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(60);
    // The victim, once the (capped) wait has passed: signed in, and the streak is gone.
    await age('sign-in-failures:victim@limits.test', 5 * 60_000 + 1000);
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(200);
    expect(
      await t.database.db
        .select()
        .from(authThrottle)
        .where(eq(authThrottle.key, 'sign-in-failures:victim@limits.test')),
    ).toHaveLength(0);
  });

  it('TRUST-LIMIT-2: successes do not count: many right passwords in a row are never throttled', async () => {
    for (let i = 0; i < 12; i++) expect((await signIn('victim@limits.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('TRUST-AUDIT-AUTH-2: unknown and known addresses get the same answers, including the wait', async () => {
    const unknown = await signIn('ghost@limits.test', 'some password');
    const wrong = await signIn('victim@limits.test', 'some password');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(wrong.body);
    for (let i = 0; i < 5; i++) await signIn('ghost@limits.test', `guess ${i}`);
    expect((await signIn('ghost@limits.test', 'again')).status).toBe(429);
    const resetUnknown = await new Client(t.app).post('/api/auth/password-reset', {
      email: 'ghost@limits.test',
    });
    const resetKnown = await new Client(t.app).post('/api/auth/password-reset', {
      email: 'victim@limits.test',
    });
    expect(resetUnknown.status).toBe(200);
    expect(resetKnown.body).toEqual(resetUnknown.body);
  });

  it('TRUST-AUDIT-AUTH-1: sign-ins and failures are audited; an unknown address has no district and is not stored', async () => {
    const c = new Client(t.app);
    await signIn('nobody-here@limits.test', 'x password', c);
    const failures = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.sign_in_failed'));
    const anonymous = failures.filter((f) => f.districtId === null);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(JSON.stringify(failures)).not.toContain('nobody-here');
    expect(JSON.stringify(failures)).not.toContain('ghost@');
    expect(anonymous.some((f) => f.ip === c.remoteAddress)).toBe(true);
    const known = failures.filter((f) => f.districtId === districtId);
    expect(known.length).toBeGreaterThan(0);
    const signIns = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.districtId, districtId)));
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns[0]?.details).toMatchObject({ keepSignedIn: false });

    const session = new Client(t.app);
    await signIn('victim@limits.test', TEST_PASSWORD, session);
    expect((await session.post('/api/auth/sign-out-everywhere')).status).toBe(200);
    const everywhere = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.sign_out_everywhere'));
    expect(everywhere).toHaveLength(1);
    expect(everywhere[0]).toMatchObject({ districtId, ip: session.remoteAddress });
  });
});

describe('join codes', () => {
  it('TRUST-LIMIT-4: 20 unknown codes from one address in an hour, then even a real code is refused', async () => {
    const c = new Client(t.app);
    for (let i = 0; i < JOIN_CODE_LIMITS.unknownPerIp; i++) {
      const res = await c.get(`/api/join/NOPE${String(i).padStart(4, '0')}`);
      expect(res.status).toBe(404);
    }
    const blocked = await c.get(`/api/join/${CODE}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address still can.
    expect((await new Client(t.app).get(`/api/join/${CODE}`)).status).toBe(200);
  });

  it('TRUST-LIMIT-4: a team’s known code takes 60 join attempts an hour, from however many addresses', async () => {
    for (let i = 0; i < JOIN_CODE_LIMITS.attemptsPerTeam; i++) {
      const res = await new Client(t.app).post('/api/join', { code: CODE.toLowerCase() });
      expect(res.status, `attempt ${i}`).not.toBe(429);
    }
    const over = await new Client(t.app).post('/api/join', { code: `${CODE.slice(0, 4)}-${CODE.slice(4)}` });
    expect(over.status).toBe(429);
    // Looking at the code is not joining: the preview still answers.
    expect((await new Client(t.app).get(`/api/join/${CODE}`)).status).toBe(200);
  });
});

describe('pruning', () => {
  it('TRUST-LIMIT-5: rows over a day old are pruned, recent windows and streaks stay, whatever is asked', async () => {
    const old = new Date(Date.now() - 25 * 3600_000);
    const recent = new Date(Date.now() - 2 * 3600_000);
    const key = `prune-test-${randomUUID()}`;
    await t.database.db.insert(authThrottle).values([
      { key: `${key}:old`, windowStart: old, count: 3 },
      { key: `${key}:recent`, windowStart: recent, count: 7 },
    ]);
    // Asked for one hour: streaks must survive a day, so the recent one stays.
    expect(await pruneThrottle(t.database.db, 3600_000)).toBeGreaterThanOrEqual(1);
    const left = await t.database.db
      .select()
      .from(authThrottle)
      .where(like(authThrottle.key, `${key}%`));
    expect(left.map((r) => r.key)).toEqual([`${key}:recent`]);
  });
});
