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
      capturing: false,
      async send(mail) {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  return {
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
