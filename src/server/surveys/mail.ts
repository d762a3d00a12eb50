/** Survey invitations and reminders (MEASURE-WAVE-3): plain words on what is kept and what is not. */
import type { Mail } from '../mail/mailer';
import type { WaveRow } from './queries';

const promise = (row: WaveRow) =>
  `Your answers are stored with no link to you. Results are shown only for groups where at least ${row.threshold} people answered, and only after the survey closes on ${row.closesOn}.`;

export function waveInvitationMail(
  row: WaveRow,
  person: { email: string; name: string },
  link: string,
): Mail {
  return {
    to: person.email,
    districtId: row.districtId,
    // MAIL-QUEUE-2: one invitation per wave and person, however often a round runs.
    key: `survey-invite:${row.id}:${person.email}`,
    subject: `A short survey: ${row.title}`,
    text: `Hello ${person.name},\n\nYou are invited to answer "${row.title}", a short survey on how your team works together. It takes about 5 minutes.\n\n${promise(row)}\n\nAnswer here: ${link}\n`,
  };
}

export function waveReminderMail(row: WaveRow, person: { email: string; name: string }, link: string): Mail {
  return {
    to: person.email,
    districtId: row.districtId,
    // MAIL-QUEUE-2: one reminder per claimed reminder round (reminded_at) and person.
    ...(row.remindedAt && { key: `survey-remind:${row.id}:${person.email}:${row.remindedAt.toISOString()}` }),
    subject: `Reminder: ${row.title}`,
    text: `Hello ${person.name},\n\nThe survey "${row.title}" is open until ${row.closesOn}. If you would like to take part, it takes about 5 minutes. Nobody is told who has answered: this reminder goes to everyone who has not.\n\n${promise(row)}\n\nAnswer here: ${link}\n`,
  };
}
