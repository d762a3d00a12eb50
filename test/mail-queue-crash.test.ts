/**
 * MAIL-QUEUE-3 (docs/SPEC.md, ADR 0040), the mail queue test with a real app process: the built app (`serve`, on a
 * test database, SMTP_URL pointing at a real SMTP server started here) sends a queue of messages while the server
 * refuses with 421/451 for a while; the app is killed with SIGKILL while it holds a message mid-delivery, and
 * started again. Every message arrives exactly once, counted by Message-ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { enqueueMail } from '../src/server/mail/queue';
import { smtpServer } from '../src/server/mail/testing';
import * as schema from '../src/server/db/schema';
import { freePort, startApp, waitForHealth, type RunningApp } from './app-process';
import { createTestDatabase, type TestDatabase } from './db';
import { buildServer, stopApp } from './meeting-harness';

const TOTAL = 20;
const LEASE_MS = 1500;
const FROM = 'Ensemble <noreply@district.test>';

let testDb: TestDatabase;
const apps: RunningApp[] = [];

beforeAll(async () => {
  buildServer();
  testDb = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  for (const app of apps) await stopApp(app);
  await testDb.drop();
});

describe('the mail queue survives a kill -9 of the app', () => {
  it('MAIL-QUEUE-3: refusals (421/451), then SIGKILL while a message is held mid-delivery, then a restart: every message arrives exactly once', async () => {
    const db = drizzle(testDb.pool, { schema });
    let refuseUntil = Number.POSITIVE_INFINITY;
    let held = '';
    let heldOnce = false;
    let onHeld: () => void = () => undefined;
    const heldSeen = new Promise<void>((resolve) => (onHeld = resolve));
    const server = await smtpServer({
      refuse: () => (Date.now() < refuseUntil ? (Math.random() < 0.5 ? 421 : 451) : null),
      hang: (id) => {
        // The eighth message to reach DATA is held unanswered the first time: the kill comes while it is.
        if (heldOnce || server.accepted.length < 7) return false;
        heldOnce = true;
        held = id;
        onHeld();
        return true;
      },
    });
    try {
      for (let i = 0; i < TOTAL; i++)
        await enqueueMail(
          db,
          {
            to: `person${i}@district.test`,
            subject: `Message ${i}`,
            text: `Hello ${i}`,
            key: `app-crash:${i}`,
          },
          { from: FROM },
        );
      const env = async () => ({
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DATABASE_URL: testDb.url,
        SMTP_URL: server.url,
        MAIL_FROM: FROM,
        MAIL_RETRY_BASE_MS: '100',
        MAIL_LEASE_MS: String(LEASE_MS),
      });
      // Refused for the first second of the app's life.
      const first = startApp(await env());
      apps.push(first);
      await waitForHealth(first, 60_000);
      refuseUntil = Date.now() + 1000;
      await heldSeen;
      first.child.kill('SIGKILL');
      const killedAt = Date.now();
      await first.exited;
      const [row] = (
        await db.execute<{ status: string }>(sql`SELECT status FROM mail_queue WHERE message_id = ${held}`)
      ).rows;
      expect(row?.status).toBe('sending');

      const second = startApp(await env());
      apps.push(second);
      await waitForHealth(second, 60_000);
      const started = Date.now();
      for (;;) {
        const [n] = (
          await db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM mail_queue WHERE status = 'sent'`,
          )
        ).rows;
        if (n?.n === TOTAL) break;
        if (Date.now() - started > 20_000) throw new Error(`not all sent:\n${second.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await stopApp(second);
      const ids = (await db.execute<{ message_id: string }>(sql`SELECT message_id FROM mail_queue`)).rows
        .map((r) => r.message_id)
        .sort();
      const arrived = server.accepted.map((m) => m.messageId).sort();
      expect(server.refusals.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(TOTAL);
      expect(arrived).toEqual(ids);
      const [again] = (
        await db.execute<{ attempts: number; sent_at: Date }>(
          sql`SELECT attempts, sent_at FROM mail_queue WHERE message_id = ${held}`,
        )
      ).rows;
      // The held message went again only after its lease ran out.
      expect(again?.attempts).toBeGreaterThanOrEqual(2);
      expect(new Date(again?.sent_at ?? 0).getTime()).toBeGreaterThanOrEqual(killedAt + LEASE_MS - 1000);
    } finally {
      await server.close();
    }
  }, 90_000);
});
