/** Survey invitations and reminders (MEASURE-WAVE-3): plain words on what is kept and what is not. */
import type { Language } from '#contracts/auth';
import { mailLanguage, type LanguageRequest } from '../mail/language';
import type { Mail } from '../mail/mailer';
import { localizedMail } from '../mail/templates';
import type { WaveRow } from './queries';

/** A participant; `language` is their own choice (null: none), for I18N-MAIL-1. */
export interface SurveyRecipient {
  email: string;
  name: string;
  language: Language | null;
}

/** What a survey mail reads of its wave. */
export type SurveyMailWave = Pick<
  WaveRow,
  'id' | 'districtId' | 'title' | 'threshold' | 'closesOn' | 'remindedAt'
>;

/** `req`: the request that caused the mail (an admin opening the wave), whose language a person without a choice gets. */
export function waveInvitationMail(
  row: SurveyMailWave,
  person: SurveyRecipient,
  link: string,
  req?: LanguageRequest,
): Mail {
  return localizedMail(
    mailLanguage(person.language, req),
    (t) =>
      t.surveyInvitation({
        name: person.name,
        title: row.title,
        threshold: row.threshold,
        closesOn: row.closesOn,
        link,
      }),
    {
      to: person.email,
      districtId: row.districtId,
      // MAIL-QUEUE-2: one invitation per wave and person, however often a round runs.
      key: `survey-invite:${row.id}:${person.email}`,
    },
  );
}

export function waveReminderMail(
  row: SurveyMailWave,
  person: SurveyRecipient,
  link: string,
  req?: LanguageRequest,
): Mail {
  return localizedMail(
    mailLanguage(person.language, req),
    (t) =>
      t.surveyReminder({
        name: person.name,
        title: row.title,
        threshold: row.threshold,
        closesOn: row.closesOn,
        link,
      }),
    {
      to: person.email,
      districtId: row.districtId,
      // MAIL-QUEUE-2: one reminder per claimed reminder round (reminded_at) and person.
      ...(row.remindedAt && {
        key: `survey-remind:${row.id}:${person.email}:${row.remindedAt.toISOString()}`,
      }),
    },
  );
}
