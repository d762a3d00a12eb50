import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  districtId?: string | null;
  /** DIGEST-MAIL-1: an HTML alternative of `text` (the dev outbox keeps the text only). */
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
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
  send(mail: Mail): Promise<void>;
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
 * SMTP when `SMTP_URL` is set; otherwise the dev outbox in the explicit development mode only (TRUST-MAIL-1);
 * otherwise `off`: nothing is stored or sent, and the log says so with metadata only.
 */
export function createMailer(opts: {
  db: Db;
  smtpUrl?: string | undefined;
  from: string;
  log: MailLog;
  dev: boolean;
}): Mailer {
  if (opts.smtpUrl) {
    const smtpUrl = opts.smtpUrl;
    // APP-START-1: nodemailer is loaded only where mail really leaves, beside the start rather than in its way.
    const transport = import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
    // A failure is reported by the first send, which awaits it.
    void transport.catch(() => undefined);
    return {
      mode: 'smtp',
      capturing: false,
      async send(mail) {
        const smtp = await transport;
        await smtp.sendMail({
          from: opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html !== undefined && { html: mail.html }),
          ...(mail.headers !== undefined && { headers: mail.headers }),
        });
      },
    };
  }
  if (opts.dev) {
    return {
      mode: 'dev-outbox',
      capturing: true,
      async send(mail) {
        await opts.db.insert(outbox).values({
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
