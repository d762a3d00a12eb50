import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import { IDLE_TIMEOUT_MS } from '../auth/sessions';
import { pruneThrottle } from '../auth/throttle';
import type { Db } from '../db/client';
import {
  mailQueue,
  oneTimeTokens,
  outbox,
  pendingSignups,
  sessions,
  socketIoAttachments,
  ssoLogins,
} from '../db/schema';

/** How long what is kept only for a while is kept (TRUST-PURGE-1). */
export const RETENTION = {
  /** Dev-outbox mail: long enough to open a link sent today, no longer. */
  outboxMs: 24 * 60 * 60_000,
  /** Socket.IO's transit rows for large broadcasts: read within seconds by the other nodes. */
  socketAttachmentsMs: 60 * 60_000,
  /** MAIL-QUEUE-8: sent mail, kept a week for "did it go?" questions; failed mail, a month for the operator. */
  mailSentMs: 7 * 24 * 60 * 60_000,
  mailFailedMs: 30 * 24 * 60 * 60_000,
} as const;

export interface PurgeCounts {
  oneTimeTokens: number;
  pendingSignups: number;
  sessions: number;
  throttle: number;
  outbox: number;
  socketAttachments: number;
  mailQueue: number;
  /** SSO-FLOW-2: single sign-ins started and never finished. */
  ssoLogins: number;
}

/**
 * Deletes what has expired: one-time links (expired or used), join-code sign-ups never confirmed, sessions
 * past their end or their idle timeout, throttle rows older than a day, dev-outbox mail older than a day,
 * Socket.IO attachments older than an hour, sent mail after a week and failed mail after a month (MAIL-QUEUE-8),
 * single sign-ins never finished. Each a single DELETE, safe to run on any node at any time.
 */
export async function purgeExpired(db: Db, now: Date = new Date()): Promise<PurgeCounts> {
  const count = (rows: unknown[]) => rows.length;
  const tokens = await db
    .delete(oneTimeTokens)
    .where(or(lt(oneTimeTokens.expiresAt, now), isNotNull(oneTimeTokens.usedAt)))
    .returning({ k: oneTimeTokens.tokenHash });
  const signups = await db
    .delete(pendingSignups)
    .where(lt(pendingSignups.expiresAt, now))
    .returning({ k: pendingSignups.tokenHash });
  const ended = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now),
        and(
          eq(sessions.persistent, false),
          lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
        ),
      ),
    )
    .returning({ k: sessions.id });
  const throttle = await pruneThrottle(db);
  const mail = await db
    .delete(outbox)
    .where(lt(outbox.createdAt, new Date(now.getTime() - RETENTION.outboxMs)))
    .returning({ k: outbox.id });
  const attachments = await db
    .delete(socketIoAttachments)
    .where(
      or(
        lt(socketIoAttachments.createdAt, new Date(now.getTime() - RETENTION.socketAttachmentsMs)),
        sql`${socketIoAttachments.createdAt} IS NULL`,
      ),
    )
    .returning({ k: socketIoAttachments.id });
  // MAIL-QUEUE-8: pending and in-flight rows are never purged.
  const queued = await db
    .delete(mailQueue)
    .where(
      or(
        and(
          eq(mailQueue.status, 'sent'),
          lt(mailQueue.sentAt, new Date(now.getTime() - RETENTION.mailSentMs)),
        ),
        and(
          eq(mailQueue.status, 'failed'),
          lt(mailQueue.createdAt, new Date(now.getTime() - RETENTION.mailFailedMs)),
        ),
      ),
    )
    .returning({ k: mailQueue.id });
  const sso = await db
    .delete(ssoLogins)
    .where(lt(ssoLogins.expiresAt, now))
    .returning({ k: ssoLogins.state });
  return {
    oneTimeTokens: count(tokens),
    pendingSignups: count(signups),
    sessions: count(ended),
    throttle,
    outbox: count(mail),
    socketAttachments: count(attachments),
    mailQueue: count(queued),
    ssoLogins: count(sso),
  };
}
