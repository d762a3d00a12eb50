/**
 * MAIL-QUEUE-1..8 (docs/SPEC.md, ADR 0040): the mail queue against real PostgreSQL and a real SMTP server
 * (smtp-server on port 0); what arrives is parsed with mailparser and counted by Message-ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { connectDatabase, type Database } from '../db/client';
import { mailQueue } from '../db/schema';
import { purgeExpired, RETENTION } from '../maintenance/purge';
import { createMailer } from './mailer';
import { smtpServer } from './testing';
import {
  backoffMs,
  createMailWorker,
  enqueueMail,
  htmlFromText,
  smtpTransport,
  type MailTransport,
  type QueuePolicy,
} from './queue';

const FROM = 'Ensemble <noreply@ensemble.test>';
const quiet = { info: () => undefined, warn: () => undefined };

const fast: Partial<QueuePolicy> = {
  baseDelayMs: 40,
  maxDelayMs: 200,
  maxAttempts: 30,
  maxPermanentAttempts: 2,
  leaseMs: 600,
  pollMs: 50,
};

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let testDb: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDb = await createTestDatabase();
  database = connectDatabase(testDb.url, { max: 4 });
});
afterAll(async () => {
  await database.close();
  await testDb.drop();
});

async function clearQueue() {
  await database.db.delete(mailQueue);
}

describe('the mail queue', () => {
  it('MAIL-QUEUE-3: refusals for a while and a worker crash midway: every message arrives exactly once', async () => {
    await clearQueue();
    // Refusing from the start; the window closes 0.7 s after worker A starts.
    let refuseUntil = Number.POSITIVE_INFINITY;
    let slowId = '';
    let hungOnce = false;
    let dataBegunForSlow: () => void = () => undefined;
    const slowSeen = new Promise<void>((resolve) => (dataBegunForSlow = resolve));
    const server = await smtpServer({
      refuse: () => (Date.now() < refuseUntil ? (Math.random() < 0.5 ? 421 : 451) : null),
      hang: (id) => {
        if (id !== slowId || hungOnce) return false;
        hungOnce = true;
        dataBegunForSlow();
        return true;
      },
    });
    // Worker A: its own pool, as a node of its own.
    const nodeA = connectDatabase(testDb.url, { max: 2 });
    const mailer = createMailer({ db: database.db, smtpUrl: server.url, from: FROM, log: quiet, dev: false });
    try {
      const total = 12;
      // Half queued inside a transaction each (as the features do), half directly.
      for (let i = 0; i < total; i++) {
        const mail = {
          to: `p${i}@school.test`,
          subject: `Message ${i}`,
          text: `Hello ${i}`,
          key: `crash-test:${i}`,
        };
        if (i % 2) await database.db.transaction((tx) => mailer.send(mail, { tx }));
        else await mailer.send(mail);
      }
      const [slow] = await database.db
        .select({ messageId: mailQueue.messageId })
        .from(mailQueue)
        .where(eq(mailQueue.idempotencyKey, 'crash-test:5'));
      slowId = slow?.messageId ?? '';
      expect(slowId).toMatch(/^<[0-9a-f-]+@ensemble\.test>$/);

      const workerA = createMailWorker({
        db: nodeA.db,
        transport: await smtpTransport(server.url, FROM),
        log: quiet,
        policy: fast,
      });
      refuseUntil = Date.now() + 700;
      // A holds message 5 in flight (the server never answers its data): A dies there.
      await slowSeen;
      const crashedAt = Date.now();
      await nodeA.close();
      void workerA.stop().catch(() => undefined);
      const [held] = await database.db
        .select({ status: mailQueue.status })
        .from(mailQueue)
        .where(eq(mailQueue.messageId, slowId));
      expect(held?.status).toBe('sending');

      // The restart: a fresh worker on a fresh pool, with only the table to go by.
      const workerB = createMailWorker({
        db: database.db,
        transport: await smtpTransport(server.url, FROM),
        log: quiet,
        policy: fast,
      });
      try {
        await until(
          async () =>
            (
              await database.db
                .select({ n: sql<number>`count(*)::int` })
                .from(mailQueue)
                .where(eq(mailQueue.status, 'sent'))
            )[0]?.n === total,
          15_000,
          'every message sent',
        );
      } finally {
        await workerB.stop();
      }
      const rows = await database.db.select().from(mailQueue);
      const ids = rows.map((r) => r.messageId).sort();
      const arrived = server.accepted.map((m) => m.messageId).sort();
      expect(server.refusals.length).toBeGreaterThan(0);
      expect(arrived).toEqual(ids); // each exactly once: same multiset, no duplicates
      expect(new Set(arrived).size).toBe(total);
      const slowRow = rows.find((r) => r.messageId === slowId);
      // Re-claimed only after the lease ran out.
      expect(slowRow?.attempts).toBeGreaterThanOrEqual(2);
      expect(slowRow?.sentAt?.getTime() ?? 0).toBeGreaterThanOrEqual(crashedAt + (fast.leaseMs ?? 0) - 50);
      expect(rows.every((r) => r.lastError === null)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('MAIL-QUEUE-4: a temporary refusal backs off exponentially with jitter, by an injected clock', async () => {
    await clearQueue();
    let clock = new Date(Date.now() + 1000);
    let attempts = 0;
    const refusing: MailTransport = {
      send() {
        attempts++;
        return Promise.reject(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      },
    };
    const policy: Partial<QueuePolicy> = { baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 5 };
    const worker = createMailWorker({
      db: database.db,
      transport: refusing,
      log: quiet,
      policy,
      now: () => clock,
      random: () => 1,
      start: false,
    });
    await enqueueMail(
      database.db,
      { to: 'a@school.test', subject: 'S', text: 'body-marker-771' },
      { from: FROM },
    );
    const expected = [1000, 2000, 4000, 8000];
    for (const [i, delay] of expected.entries()) {
      await worker.drain();
      expect(attempts).toBe(i + 1);
      const [row] = await database.db.select().from(mailQueue);
      expect(row?.status).toBe('pending');
      expect(row?.lastError).toBe('SMTP 451');
      expect(row?.nextAttemptAt.getTime()).toBe(clock.getTime() + delay);
      // Not due a millisecond early.
      clock = new Date(clock.getTime() + delay - 1);
      await worker.drain();
      expect(attempts).toBe(i + 1);
      clock = new Date(clock.getTime() + 1);
    }
    await worker.drain();
    const [last] = await database.db.select().from(mailQueue);
    expect(last?.status).toBe('failed');
    expect(last?.attempts).toBe(5);
    expect(JSON.stringify(last?.lastError)).not.toContain('body-marker');
    // Jitter: between half and all of the capped doubling.
    const p = {
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      maxAttempts: 5,
      maxPermanentAttempts: 2,
      leaseMs: 1,
      pollMs: 1,
    };
    expect(backoffMs(3, p, () => 0)).toBe(2000);
    expect(backoffMs(3, p, () => 1)).toBe(4000);
    expect(backoffMs(20, p, () => 1)).toBe(8000);
    await worker.stop();
  });

  it('MAIL-QUEUE-5: a permanent 5xx rejection stops after fewer tries and is marked failed', async () => {
    await clearQueue();
    const server = await smtpServer({ refuse: (rcpt) => (rcpt.startsWith('nobody@') ? 550 : null) });
    const worker = createMailWorker({
      db: database.db,
      transport: await smtpTransport(server.url, FROM),
      log: quiet,
      policy: fast,
    });
    try {
      await enqueueMail(
        database.db,
        { to: 'nobody@school.test', subject: 'S', text: 'secret-body-5' },
        { from: FROM },
      );
      await enqueueMail(
        database.db,
        { to: 'somebody@school.test', subject: 'S', text: 'fine' },
        { from: FROM },
      );
      worker.kick();
      await until(
        async () =>
          (await database.db.select().from(mailQueue)).every(
            (r) => r.status === 'sent' || r.status === 'failed',
          ),
        10_000,
        'both settled',
      );
      const rows = await database.db.select().from(mailQueue);
      const bad = rows.find((r) => r.recipient === 'nobody@school.test');
      expect(bad).toMatchObject({ status: 'failed', attempts: 2, lastError: 'SMTP 550', sentAt: null });
      expect(rows.find((r) => r.recipient === 'somebody@school.test')?.status).toBe('sent');
      expect(server.refusals).toEqual([550, 550]);
      expect(server.accepted).toHaveLength(1);
    } finally {
      await worker.stop();
      await server.close();
    }
  });

  it('MAIL-QUEUE-1, -2: a rolled-back transaction queues nothing; the same key twice is one row', async () => {
    await clearQueue();
    const mailer = createMailer({
      db: database.db,
      smtpUrl: 'smtp://127.0.0.1:1',
      from: FROM,
      log: quiet,
      dev: false,
    });
    await expect(
      database.db.transaction(async (tx) => {
        await mailer.send({ to: 'a@school.test', subject: 'S', text: 'T', key: 'rolled' }, { tx });
        throw new Error('the command fails after queueing');
      }),
    ).rejects.toThrow('the command fails');
    expect(await database.db.select().from(mailQueue)).toEqual([]);
    const mail = { to: 'a@school.test', subject: 'S', text: 'T', key: 'twice' };
    expect(await enqueueMail(database.db, mail, { from: FROM })).toBe(true);
    expect(await enqueueMail(database.db, mail, { from: FROM })).toBe(false);
    await mailer.send(mail);
    expect(await database.db.select().from(mailQueue)).toHaveLength(1);
  });

  it('MAIL-QUEUE-7, DIGEST-UNSUB-1: every mail has text and escaped HTML parts; one-click headers travel', async () => {
    await clearQueue();
    const server = await smtpServer({});
    const worker = createMailWorker({
      db: database.db,
      transport: await smtpTransport(server.url, FROM),
      log: quiet,
      policy: fast,
    });
    try {
      await enqueueMail(
        database.db,
        {
          to: 'a@school.test',
          subject: 'Ünïcode & <tags>',
          text: 'Hello <script>alert(1)</script> & co,\n\nOpen http://ensemble.test/x?a=1&b=2 now.\nBye',
        },
        { from: FROM },
      );
      await enqueueMail(
        database.db,
        {
          to: 'b@school.test',
          subject: 'Digest',
          text: 'Your week',
          html: '<p>Your week</p>',
          headers: {
            'List-Unsubscribe': '<http://ensemble.test/api/digest/unsubscribe/abc>',
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        { from: FROM },
      );
      worker.kick();
      await until(() => Promise.resolve(server.accepted.length === 2), 10_000, 'two messages');
      const [plain, digest] = await Promise.all(
        ['a@school.test', 'b@school.test'].map(async (to) => {
          const got = server.accepted.find((m) => m.to === to);
          if (!got) throw new Error(`nothing for ${to}`);
          return simpleParser(got.raw);
        }),
      );
      expect(plain?.subject).toBe('Ünïcode & <tags>');
      expect(plain?.text).toContain('Hello <script>alert(1)</script> & co');
      expect(plain?.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
      expect(plain?.html).not.toContain('<script>');
      expect(plain?.html).toContain('<a href="http://ensemble.test/x?a=1&amp;b=2">');
      expect(plain?.html).toContain('<html lang="en">');
      const raw = server.accepted.find((m) => m.to === 'b@school.test')?.raw.toString('utf8') ?? '';
      expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/ensemble\.test\/api\/digest\/unsubscribe\/abc>\r?$/m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(digest?.html).toContain('<p>Your week</p>');
      expect(digest?.text).toContain('Your week');
    } finally {
      await worker.stop();
      await server.close();
    }
  });

  it('MAIL-QUEUE-7: the HTML alternative escapes everything and keeps paragraphs', () => {
    expect(htmlFromText('a & b\n\n"c"\nd')).toBe(
      '<!doctype html>\n<html lang="en"><body>\n<p>a &amp; b</p>\n<p>&quot;c&quot;<br>\nd</p>\n</body></html>\n',
    );
  });

  it('MAIL-QUEUE-8: without SMTP nothing is queued; TRUST-PURGE-1: sent mail is deleted after its retention', async () => {
    await clearQueue();
    const off = createMailer({ db: database.db, from: FROM, log: quiet, dev: false });
    await off.send({ to: 'a@school.test', subject: 'S', text: 'T' });
    expect(await database.db.select().from(mailQueue)).toEqual([]);

    await enqueueMail(
      database.db,
      { to: 'a@school.test', subject: 'S', text: 'T', key: 'old' },
      { from: FROM },
    );
    await enqueueMail(
      database.db,
      { to: 'a@school.test', subject: 'S', text: 'T', key: 'new' },
      { from: FROM },
    );
    await enqueueMail(
      database.db,
      { to: 'a@school.test', subject: 'S', text: 'T', key: 'waiting' },
      { from: FROM },
    );
    const now = new Date();
    const old = new Date(now.getTime() - RETENTION.mailSentMs - 60_000);
    await database.db
      .update(mailQueue)
      .set({ status: 'sent', sentAt: old })
      .where(eq(mailQueue.idempotencyKey, 'old'));
    await database.db
      .update(mailQueue)
      .set({ status: 'sent', sentAt: now })
      .where(eq(mailQueue.idempotencyKey, 'new'));
    const counts = await purgeExpired(database.db, now);
    expect(counts.mailQueue).toBe(1);
    const left = (await database.db.select().from(mailQueue)).map((r) => r.idempotencyKey).sort();
    expect(left).toEqual(['new', 'waiting']);
  });
});
