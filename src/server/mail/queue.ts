/**
 * The mail queue (MAIL-QUEUE-1..8, ADR 0040). Mail is a row of `mail_queue` first, written in the caller's
 * transaction; a worker on every node claims due rows one at a time (`FOR UPDATE SKIP LOCKED`), sends each
 * through SMTP with its stable Message-ID, and records the outcome. State lives only in the table, so a restart
 * loses nothing; a row claimed by a node that died is claimable again once its lease has passed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Language } from '#contracts/auth';
import type { Db, DbOrTx } from '../db/client';
import { mailQueue } from '../db/schema';

export interface QueuedMail {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  headers?: Record<string, string> | undefined;
  districtId?: string | null | undefined;
  /** One logical message: enqueueing the same key again stores nothing (MAIL-QUEUE-2). Default: a fresh key. */
  key?: string | undefined;
  /** I18N-MAIL-1: the message's language (default English): `Content-Language` and the HTML part's `lang`. */
  language?: Language | undefined;
}

/** What the transport is handed for one attempt. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

/** Sends one message; rejects with nodemailer's error shape (`responseCode` for an SMTP reply) on failure. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export interface QueuePolicy {
  /** First retry delay; each further attempt doubles it, up to `maxDelayMs`, with jitter (MAIL-QUEUE-4). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a temporarily refused message (4xx, connection error) is given up as failed. */
  maxAttempts: number;
  /** Attempts before a permanently rejected message (5xx) is given up: fewer (MAIL-QUEUE-5). */
  maxPermanentAttempts: number;
  /** How long a claim holds; longer than the transport's own timeouts, so a live sender never loses its row. */
  leaseMs: number;
  /** How often an idle worker looks for due rows (an enqueue on this node wakes it sooner). */
  pollMs: number;
}

export const DEFAULT_POLICY: QueuePolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 10,
  maxPermanentAttempts: 2,
  leaseMs: 5 * 60_000,
  pollMs: 5_000,
};

/** The SMTP transport's timeouts, all well inside DEFAULT_POLICY.leaseMs (MAIL-QUEUE-6). */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
} as const;

export interface QueueLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The domain for Message-IDs: the sender address's domain, else `ensemble.local`. */
export function messageDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)/.exec(from);
  return m?.[1] ?? 'ensemble.local';
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * MAIL-QUEUE-7: the HTML alternative of a text-only mail: every character escaped, paragraphs at blank lines,
 * line breaks kept, and http(s) links made links whose text is the address itself (so a screen reader reads
 * where it goes). Small on purpose: no styles, no images, the document's language set.
 */
export function htmlFromText(text: string, lang = 'en'): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const lines = p.split('\n').map((line) =>
        line
          .split(/(https?:\/\/[^\s<>"']+)/)
          .map((part, i) =>
            i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
          )
          .join(''),
      );
      return `<p>${lines.join('<br>\n')}</p>`;
    });
  return `<!doctype html>\n<html lang="${escapeHtml(lang)}"><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}

/**
 * MAIL-QUEUE-1, -2: stores one message in the queue, in `db` (the caller's transaction when it has one, so a
 * rolled-back command sends nothing). Returns false when a message with this key is already queued or sent.
 */
export async function enqueueMail(db: DbOrTx, mail: QueuedMail, opts: { from: string }): Promise<boolean> {
  const rows = await db
    .insert(mailQueue)
    .values({
      districtId: mail.districtId ?? null,
      idempotencyKey: mail.key ?? `once:${randomUUID()}`,
      messageId: `<${randomUUID()}@${messageDomain(opts.from)}>`,
      recipient: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? htmlFromText(mail.text, mail.language ?? 'en'),
      headers: { ...mail.headers, 'Content-Language': mail.language ?? 'en' },
    })
    .onConflictDoNothing({ target: mailQueue.idempotencyKey })
    .returning({ id: mailQueue.id });
  return rows.length === 1;
}

/** Exponential backoff with jitter: base·2^(attempt-1), capped, then a random half to whole of it (MAIL-QUEUE-4). */
export function backoffMs(attempt: number, policy: QueuePolicy, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** An SMTP reply code from a nodemailer error, if the server answered at all. */
function responseCode(err: unknown): number | null {
  if (typeof err === 'object' && err !== null && 'responseCode' in err) {
    const code = err.responseCode;
    if (typeof code === 'number') return code;
  }
  return null;
}

/** What `last_error` and the log keep: the reply code or error code and a short reason, never the body. */
function errorSummary(err: unknown): string {
  const code = responseCode(err);
  if (code !== null) return `SMTP ${code}`;
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return `connection: ${err.code}`;
  return 'error';
}

interface Claimed {
  id: string;
  attempts: number;
  mail: OutgoingMail;
  districtId: string | null;
}

export interface MailWorker {
  /** Claims and sends due messages until none is due; resolves with how many were sent. */
  drain(): Promise<number>;
  /** Wakes the loop (an enqueue on this node). */
  kick(): void;
  /** Stops after the message in flight, if any. */
  stop(): Promise<void>;
}

/**
 * MAIL-QUEUE-3..6: the worker. `now` is injectable so tests drive backoff without waiting; `start: false`
 * gives a worker that runs only when `drain()` is called.
 */
export function createMailWorker(opts: {
  db: Db;
  transport: MailTransport;
  log: QueueLog;
  policy?: Partial<QueuePolicy>;
  now?: () => Date;
  random?: () => number;
  start?: boolean;
}): MailWorker {
  const policy: QueuePolicy = { ...DEFAULT_POLICY, ...opts.policy };
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const db = opts.db;
  const state = { stopped: false };
  /** Read through a call: `stop()` flips it while a loop awaits. */
  const stopped = () => state.stopped;
  let wake: (() => void) | null = null;

  async function claim(): Promise<Claimed | null> {
    const at = now();
    const leaseUntil = new Date(at.getTime() + policy.leaseMs);
    const result = await db.execute<{
      id: string;
      attempts: number;
      recipient: string;
      subject: string;
      text: string;
      html: string;
      headers: Record<string, string>;
      message_id: string;
      district_id: string | null;
    }>(sql`
      UPDATE mail_queue SET status = 'sending', attempts = attempts + 1, lease_until = ${leaseUntil}
      WHERE id = (
        SELECT id FROM mail_queue
        WHERE (status = 'pending' AND next_attempt_at <= ${at})
           OR (status = 'sending' AND lease_until <= ${at})
        ORDER BY next_attempt_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, attempts, recipient, subject, text, html, headers, message_id, district_id`);
    const row = result.rows[0];
    if (!row) return null;
    return {
      id: row.id,
      attempts: row.attempts,
      districtId: row.district_id,
      mail: {
        to: row.recipient,
        subject: row.subject,
        text: row.text,
        html: row.html,
        headers: row.headers,
        messageId: row.message_id,
      },
    };
  }

  /** Only the claim that is still ours may record an outcome (a fencing check on `attempts`). */
  const ours = (c: Claimed) =>
    and(eq(mailQueue.id, c.id), eq(mailQueue.status, 'sending'), eq(mailQueue.attempts, c.attempts));

  async function sendOne(): Promise<boolean> {
    const c = await claim();
    if (!c) return false;
    const meta = { id: c.id, attempt: c.attempts, messageId: c.mail.messageId, subject: c.mail.subject };
    try {
      await opts.transport.send(c.mail);
    } catch (err) {
      const code = responseCode(err);
      const permanent = code !== null && code >= 500;
      const limit = permanent ? policy.maxPermanentAttempts : policy.maxAttempts;
      const summary = errorSummary(err);
      if (c.attempts >= limit) {
        await db
          .update(mailQueue)
          .set({ status: 'failed', lastError: summary, leaseUntil: null })
          .where(ours(c));
        opts.log.warn({ ...meta, error: summary }, 'mail failed for good');
      } else {
        const delay = backoffMs(c.attempts, policy, random);
        await db
          .update(mailQueue)
          .set({
            status: 'pending',
            lastError: summary,
            leaseUntil: null,
            nextAttemptAt: new Date(now().getTime() + delay),
          })
          .where(ours(c));
        opts.log.info({ ...meta, error: summary, retryInMs: delay }, 'mail refused; will retry');
      }
      return true;
    }
    // The window of ADR 0040: the server has answered 250; until this commit, a crash would send it again.
    await db
      .update(mailQueue)
      .set({ status: 'sent', sentAt: now(), leaseUntil: null, lastError: null })
      .where(ours(c));
    opts.log.info(meta, 'mail sent');
    return true;
  }

  async function drain(): Promise<number> {
    let sent = 0;
    while (!stopped() && (await sendOne())) sent++;
    return sent;
  }

  async function loop(): Promise<void> {
    while (!stopped()) {
      try {
        await drain();
      } catch (err) {
        opts.log.warn({ error: errorSummary(err) }, 'mail queue: could not claim or record; will look again');
      }
      if (stopped()) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, policy.pollMs + Math.round(random() * policy.pollMs * 0.2));
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    }
  }

  const running = opts.start === false ? Promise.resolve() : loop();
  return {
    drain,
    kick: () => wake?.(),
    async stop() {
      state.stopped = true;
      wake?.();
      await running;
      opts.transport.close?.();
    },
  };
}

/**
 * The production transport: nodemailer over `SMTP_URL`, each attempt carrying the row's Message-ID. Its timeouts
 * stay within a third of the lease (MAIL-QUEUE-6), so a live sender gives up long before its claim runs out.
 */
export async function smtpTransport(
  smtpUrl: string,
  from: string,
  leaseMs: number = DEFAULT_POLICY.leaseMs,
): Promise<MailTransport> {
  const nodemailer = (await import('nodemailer')).default;
  const within = Math.floor(leaseMs / 3);
  const smtp = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: Math.min(SMTP_TIMEOUTS.connectionTimeout, within),
    greetingTimeout: Math.min(SMTP_TIMEOUTS.greetingTimeout, within),
    socketTimeout: Math.min(SMTP_TIMEOUTS.socketTimeout, within),
  });
  return {
    async send(mail) {
      await smtp.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
      });
    },
    close: () => smtp.close(),
  };
}

/** A short random token, for idempotency keys of messages that have no natural identity. */
export function onceKey(prefix: string): string {
  return `${prefix}:${randomBytes(12).toString('base64url')}`;
}
