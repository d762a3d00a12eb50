/** The calendar feeds' own words in Spanish (es-419; I18N-CAL-*): the same keys as `words.ts`. */
import type { CalendarWords } from './words';

export const calendarEs: CalendarWords = {
  prodIdLanguage: 'ES',
  teamFeed: (team) => `Reuniones de ${team}`,
  myFeed: 'Mis reuniones de Ensemble',
  meetingLine: ({ team, agenda, minutes }) => `${team} · ${agenda} (${minutes} min)`,
  open: (url) => `Abrir: ${url}`,
  due: (text) => `Vence: ${text}`,
  agreedIn: ({ team, meeting }) => `${team} · acordado en ${meeting}`,
  readBy: (title) => `Leer para hoy: ${title}`,
  discussionPrompts: 'Preguntas para la conversación:',
};
