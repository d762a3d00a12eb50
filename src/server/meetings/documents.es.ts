/**
 * The Markdown minutes' own words in Spanish (I18N-CONTENT-10; glossary of ADR 0044). People's words, names and
 * dates stay as they are; Ensemble's routines and steps arrive already in Spanish (I18N-CONTENT-6).
 */
import { EFFICACY_SOURCE_WORDS_ES } from '#contracts/efficacy-sources.es';
import { EfficacySource } from '#contracts/routine';
import { durationParts } from '#core/meeting/index';
import type { MinutesWords } from './documents';

/** DAY-TIMER-5's rule in Spanish: "0 min", "menos de 1 min", "4 min", "1 h", "1 h 5 min". */
function duracion(ms: number): string {
  const d = durationParts(ms);
  if (d.kind === 'zero') return '0 min';
  if (d.kind === 'under-minute') return 'menos de 1 min';
  if (d.hours === 0) return `${d.minutes} min`;
  return d.minutes === 0 ? `${d.hours} h` : `${d.hours} h ${d.minutes} min`;
}

function sourceName(source: string): string {
  const parsed = EfficacySource.safeParse(source);
  return parsed.success ? EFFICACY_SOURCE_WORDS_ES[parsed.data].name : source;
}

export const minutesWordsEs: MinutesWords = {
  formerMember: 'Una persona que ya no está en el equipo',
  routine: 'Rutina',
  started: (at) => `Comenzó: ${at}`,
  facilitator: 'Facilitador(a)',
  guests: 'Invitados(as)',
  presenter: 'Presentador(a)',
  invited: ' (invitado(a) a esta reunión)',
  plan: 'Plan',
  curiosity: 'Área de curiosidad',
  practice: 'Práctica',
  model: 'Modelo',
  observationMode: 'Modo de observación',
  modes: {
    'classroom-visit': 'Visita al aula',
    'classroom-video': 'Video de una clase',
    'in-meeting-demonstration': 'Demostración en la reunión',
  },
  when: 'Cuándo',
  video: 'Video',
  fromSuccess: 'A partir del logro',
  presentation: 'Presentación',
  sharedObservations: 'Observaciones compartidas',
  steps: 'Pasos',
  table: { step: 'Paso', planned: 'Previsto', actual: 'Real' },
  outcome: { done: '', skipped: ' (omitido)', pending: ' (no alcanzado)' },
  duration: duracion,
  notTimed: 'sin medir',
  questions: 'Preguntas',
  questionKind: { clarifying: 'aclaratoria', probing: 'de profundización' },
  flagged: 'marcada: ofrece una solución',
  sources: 'Fuentes de eficacia que notamos',
  sourceName,
  noneTagged: 'Ninguna señalada.',
  sharedReflections: 'Reflexiones compartidas',
  sharedAfter: ' (compartida después de la reunión)',
  nextSteps: 'Próximos pasos',
  due: (due) => `para el ${due}`,
  doneOn: (date) => `hecho el ${date}`,
  whatHappened: 'qué pasó',
  noneRecorded: 'Ninguno registrado.',
  followUps: 'Seguimiento de los próximos pasos de la vez anterior',
  followUp: { done: 'hecho', 'carry-on': 'continúa', drop: 'descartado', none: 'no se habló' },
};
