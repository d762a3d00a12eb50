import type { Language } from '#contracts/auth';
import type { Db, DbOrTx } from '../db/client';
import { outbox } from '../db/schema';
import { enqueueMail } from './queue';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  districtId?: string | null;
  /** DIGEST-MAIL-1: an HTML alternative of `text` (the dev outbox keeps the text only). */
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
  /**
   * MAIL-QUEUE-2: the logical message's identity (e.g. `digest:<person>:<day>`): enqueueing it twice stores one
   * row. Without one, each call is its own message.
   */
  key?: string;
  /**
   * I18N-MAIL-1: the language the subject and parts are written in (default English): sent as
   * `Content-Language` and as the HTML part's `lang`.
   */
  language?: Language;
}

export interface SendOptions {
  /** MAIL-QUEUE-1: the caller's transaction; the mail is queued in it, so a rollback sends nothing. */
  tx?: DbOrTx;
}

export interface Mailer {
  /**
   * How mail leaves: `smtp` really sends; `dev-outbox` keeps it in a table readable at /dev/outbox, only in
   * the explicit development mode; `off` (no SMTP, normal mode) sends nothing, so the app shows links to the
   * person who needs them instead (a copyable invitation link, an admin-issued reset link).
   */
  readonly mode: 'smtp' | 'dev-outbox' | 'off';
  /** True when mail is captured in the dev outbox instead of being sent. */
  readonly capturing: boolean;
  /** Queues the mail (`smtp`), stores it (`dev-outbox`) or logs that it was not sent (`off`). */
  send(mail: Mail, opts?: SendOptions): Promise<void>;
}

export interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** What a log line may say about a mail (TRUST-LOG-2): the recipient's domain and the subject, never the body. */
export function mailMetadata(mail: Mail): { toDomain: string; subject: string } {
  const at = mail.to.lastIndexOf('@');
  return { toDomain: at >= 0 ? mail.to.slice(at + 1) : '?', subject: mail.subject };
}

/**
 * SMTP when `SMTP_URL` is set: the mail is queued (MAIL-QUEUE-1) and the worker (queue.ts) sends it; otherwise
 * the dev outbox in the explicit development mode only (TRUST-MAIL-1); otherwise `off`: nothing is stored,
 * queued or sent (MAIL-QUEUE-8), and the log says so with metadata only.
 */
export function createMailer(opts: {
  db: Db;
  smtpUrl?: string | undefined;
  from: string;
  log: MailLog;
  dev: boolean;
  /** Called after each enqueue, to wake this node's queue worker. */
  onQueued?: () => void;
}): Mailer {
  if (opts.smtpUrl) {
    return {
      mode: 'smtp',
      capturing: false,
      async send(mail, send) {
        await enqueueMail(send?.tx ?? opts.db, mail, { from: opts.from });
        // The worker on this node looks at once; a row still inside an open transaction waits for its poll.
        opts.onQueued?.();
      },
    };
  }
  if (opts.dev) {
    return {
      mode: 'dev-outbox',
      capturing: true,
      async send(mail, send) {
        await (send?.tx ?? opts.db).insert(outbox).values({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          districtId: mail.districtId ?? null,
        });
        opts.log.info(mailMetadata(mail), 'email captured in the dev outbox (read it at /dev/outbox)');
      },
    };
  }
  return {
    mode: 'off',
    capturing: false,
    send(mail) {
      opts.log.warn(mailMetadata(mail), 'email not sent: no SMTP configured');
      return Promise.resolve();
    },
  };
}
