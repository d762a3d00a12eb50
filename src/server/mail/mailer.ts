import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  districtId?: string | null;
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
}

/** SMTP when `SMTP_URL` is set; otherwise a dev outbox table, shown at /dev/outbox and logged. */
export function createMailer(opts: {
  db: Db;
  smtpUrl?: string | undefined;
  from: string;
  log: MailLog;
}): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      mode: 'smtp',
      capturing: false,
      async send(mail) {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
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
      opts.log.info(
        { to: mail.to, subject: mail.subject, text: mail.text },
        'email captured in the dev outbox',
      );
    },
  };
}
