/**
 * The words of every email the app sends (I18N-MAIL-*, ADR 0044), in English; `templates.es.ts` has the same
 * catalogue in Spanish, typed by `MailTemplates` so a missing message is a type error. Messages are rendered when
 * they are queued (in the caller's transaction), so a retry sends the very same bytes (ADR 0040). Names, titles
 * and links are placeholders; dates come in raw and each language formats them (`formatDay`, `formatDateTime`).
 */
import type { Language } from '#contracts/auth';
import type { Mail } from './mailer';
import { es } from './templates.es';

export interface MailText {
  subject: string;
  text: string;
}

export type DigestSection = 'overdue' | 'due-soon' | 'later' | 'no-date';

export interface MailTemplates {
  passwordReset(p: { name: string; link: string }): MailText;
  emailVerification(p: { name: string; link: string }): MailText;
  /** An invitation to a team (`groupName`) or to the district (`districtName`, null when unknown). */
  invitation(p: {
    inviter: string;
    groupName: string | null;
    districtName: string | null;
    days: number;
    link: string;
  }): MailText;
  /** The address already has an account in another organization. */
  invitationElsewhere(): MailText;
  joinCodeHasAccount(p: { groupName: string; signInLink: string }): MailText;
  joinCodeElsewhere(): MailText;
  joinCodeConfirm(p: { groupName: string; hours: number; link: string }): MailText;
  networkInvitation(p: { inviter: string; network: string; days: number; link: string }): MailText;
  /** PM-GUEST-5: invited to one Peer Modeling meeting; `at` in UTC, as the meeting page shows it. */
  meetingInvitation(p: {
    inviter: string;
    name: string;
    role: 'model' | 'observer';
    meetingTitle: string;
    groupName: string;
    at: Date | null;
    link: string;
  }): MailText;
  /** `closesOn` is `YYYY-MM-DD`. */
  surveyInvitation(p: {
    name: string;
    title: string;
    threshold: number;
    closesOn: string;
    link: string;
  }): MailText;
  surveyReminder(p: {
    name: string;
    title: string;
    threshold: number;
    closesOn: string;
    link: string;
  }): MailText;
  digest: {
    subject(open: number, overdue: number): string;
    hello(name: string): string;
    /** `today` is `YYYY-MM-DD`. */
    intro(today: string): string;
    section: Record<DigestSection, string>;
    /** What follows a step's text: its team, meeting and due day (`YYYY-MM-DD` or null). */
    context(p: { teamName: string; meetingTitle: string; due: string | null; html: boolean }): string;
    markDone: string;
    why: string;
    /** Before the unsubscribe address in the text part. */
    stopIt: string;
    /** The unsubscribe link's text in the HTML part. */
    unsubscribe: string;
  };
  /** DIGEST-UNSUB-1: the page the unsubscribe link opens (plain text; the route writes the markup). */
  unsubscribePage: {
    title: string;
    gone: { heading: string; body: string };
    already: { heading: string; body: string };
    confirm: { heading: string; body: string; button: string };
    done: { heading: string; body: string };
  };
}

const surveyPromise = (threshold: number, closesOn: string) =>
  `Your answers are stored with no link to you. Results are shown only for groups where at least ${threshold} people answered, and only after the survey closes on ${closesOn}.`;

export const en: MailTemplates = {
  passwordReset: ({ name, link }) => ({
    subject: 'Reset your Ensemble password',
    text: `Hello ${name},\n\nSomeone (hopefully you) asked to reset your Ensemble password. Open this link within an hour to choose a new one:\n\n${link}\n\nIf it was not you, you can ignore this email: your password stays as it is.\n`,
  }),
  emailVerification: ({ name, link }) => ({
    subject: 'Confirm your email for Ensemble',
    text: `Hello ${name},\n\nPlease confirm this is your email address by opening this link:\n\n${link}\n`,
  }),
  invitation: ({ inviter, groupName, districtName, days, link }) => {
    const what = groupName !== null ? `the team “${groupName}”` : (districtName ?? 'your district');
    return {
      subject: `${inviter} invited you to ${groupName ?? 'Ensemble'}`,
      text: `Hello,\n\n${inviter} invited you to join ${what} on Ensemble, where teams run short, structured routines that help them learn from each other.\n\nAccept the invitation (valid for ${days} days):\n\n${link}\n`,
    };
  },
  invitationElsewhere: () => ({
    subject: 'An invitation to Ensemble you cannot accept with this address',
    text: `Hello,\n\nSomeone invited this address to an organization on Ensemble. This address already has an Ensemble account with another organization, and an account belongs to one organization only, so the invitation cannot be accepted with it.\n\nIf you want to join, ask for an invitation to another address. If you did not expect this, you can ignore this email.\n`,
  }),
  joinCodeHasAccount: ({ groupName, signInLink }) => ({
    subject: `Joining ${groupName} on Ensemble`,
    text: `Hello,\n\nSomeone (probably you) used a join code for ${groupName} with this address. You already have an Ensemble account: sign in, then enter the code again to join.\n\n${signInLink}\n\nIf this was not you, you can ignore this email; nothing has changed.\n`,
  }),
  joinCodeElsewhere: () => ({
    subject: 'Your address is already in use on Ensemble',
    text: `Hello,\n\nSomeone (probably you) tried to sign up to Ensemble with a join code using this address. This address already has an Ensemble account with another organization, and an account belongs to one organization only, so it cannot join here. Use another address, or ask the team's facilitator.\n\nIf this was not you, you can ignore this email; nothing has changed.\n`,
  }),
  joinCodeConfirm: ({ groupName, hours, link }) => ({
    subject: `Confirm your email to join ${groupName}`,
    text: `Hello,\n\nConfirm your email address to create your Ensemble account and join ${groupName} (valid for ${hours} hours):\n\n${link}\n\nIf you did not ask for this, you can ignore this email; no account is created.\n`,
  }),
  networkInvitation: ({ inviter, network, days, link }) => ({
    subject: `${inviter} invited you to the network ${network}`,
    text: `Hello,\n\n${inviter} invited you to join ${network}, a network of principals on Ensemble.\n\nSign in to your own Ensemble account with this address, then accept (valid for ${days} days):\n\n${link}\n\nYour district keeps only that you belong to the network; what you write there stays in the network.\n`,
  }),
  meetingInvitation: ({ inviter, name, role, meetingTitle, groupName, at, link }) => {
    const when = at ? ` on ${at.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
    const as = role === 'model' ? 'to model a practice' : 'to observe';
    return {
      subject: `${inviter} invited you to a meeting of ${groupName}`,
      text: `Hello ${name},\n\n${inviter} invited you ${as} in “${meetingTitle}”, a Peer Modeling meeting of ${groupName}${when}. You are invited to this meeting only.\n\nThe meeting, its plan and your visit notes:\n\n${link}\n`,
    };
  },
  surveyInvitation: ({ name, title, threshold, closesOn, link }) => ({
    subject: `A short survey: ${title}`,
    text: `Hello ${name},\n\nYou are invited to answer "${title}", a short survey on how your team works together. It takes about 5 minutes.\n\n${surveyPromise(threshold, closesOn)}\n\nAnswer here: ${link}\n`,
  }),
  surveyReminder: ({ name, title, threshold, closesOn, link }) => ({
    subject: `Reminder: ${title}`,
    text: `Hello ${name},\n\nThe survey "${title}" is open until ${closesOn}. If you would like to take part, it takes about 5 minutes. Nobody is told who has answered: this reminder goes to everyone who has not.\n\n${surveyPromise(threshold, closesOn)}\n\nAnswer here: ${link}\n`,
  }),
  digest: {
    subject: (open, overdue) =>
      overdue > 0
        ? `Your next steps this week: ${open} open, ${overdue} overdue`
        : `Your next steps this week: ${open} open`,
    hello: (name) => `Hello ${name},`,
    intro: (today) => `Your open next steps on ${today}:`,
    section: {
      overdue: 'Overdue',
      'due-soon': 'Due in the next 7 days',
      later: 'Later',
      'no-date': 'No due date',
    },
    context: ({ teamName, meetingTitle, due, html }) =>
      `${teamName}, from ${html ? `“${meetingTitle}”` : `"${meetingTitle}"`}${due ? `, due ${due}` : ''}`,
    markDone: 'Mark them done, with what happened',
    why: 'You get this because you turned on the weekly digest.',
    stopIt: 'Stop it:',
    unsubscribe: 'Unsubscribe',
  },
  unsubscribePage: {
    title: 'Weekly digest · Ensemble',
    gone: {
      heading: 'This link no longer works',
      body: 'Turn the weekly digest off on the Next steps page after signing in.',
    },
    already: { heading: 'You are unsubscribed', body: 'You will not get the weekly digest.' },
    confirm: {
      heading: 'Stop the weekly digest?',
      body: 'You will no longer get the weekly email of your next steps.',
      button: 'Unsubscribe',
    },
    done: { heading: 'You are unsubscribed', body: 'You will not get the weekly digest any more.' },
  },
};

/** The catalogue of a language. */
export function mailTemplates(lang: Language): MailTemplates {
  return lang === 'es' ? es : en;
}

/** I18N-MAIL-1: a mail rendered in `language` from its catalogue, with its envelope (recipient, district, key…). */
export function localizedMail(
  language: Language,
  render: (t: MailTemplates) => MailText,
  envelope: Omit<Mail, 'subject' | 'text' | 'language'>,
): Mail {
  return { ...envelope, ...render(mailTemplates(language)), language };
}
