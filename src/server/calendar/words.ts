/**
 * The words calendar feeds carry besides the team's own (I18N-CAL-*, ADR 0044): feed names, descriptions,
 * due next steps, book-study days. English here, Spanish in `words.es.ts`, typed by `CalendarWords` so a missing
 * word is a type error. Titles, names and prompts are people's own words and are never translated.
 */
import type { Language } from '#contracts/auth';
import { calendarEs } from './words.es';

export interface CalendarWords {
  /** PRODID's language (RFC 5545 §3.7.3 names it; ical-generator writes it upper case). */
  prodIdLanguage: string;
  teamFeed(team: string): string;
  myFeed: string;
  /** An event's first description line. */
  meetingLine(p: { team: string; agenda: string; minutes: number }): string;
  open(url: string): string;
  due(text: string): string;
  agreedIn(p: { team: string; meeting: string }): string;
  readBy(title: string): string;
  discussionPrompts: string;
}

export const calendarEn: CalendarWords = {
  prodIdLanguage: 'EN',
  teamFeed: (team) => `${team} meetings`,
  myFeed: 'My Ensemble meetings',
  meetingLine: ({ team, agenda, minutes }) => `${team} · ${agenda} (${minutes} min)`,
  open: (url) => `Open: ${url}`,
  due: (text) => `Due: ${text}`,
  agreedIn: ({ team, meeting }) => `${team} · agreed in ${meeting}`,
  readBy: (title) => `Read by today: ${title}`,
  discussionPrompts: 'Discussion prompts:',
};

export function calendarWords(language: Language | undefined): CalendarWords {
  return language === 'es' ? calendarEs : calendarEn;
}
