import type { Translated } from '../i18n/resources';
import type { pulseStrings as english } from './strings.en';

/** Spanish strings of the meeting pulse: the keys of strings.en.ts, in es-419 with tú (glossary in ADR 0044). */
export const pulseStrings: Translated<typeof english> = {
  card: {
    title_one: '¿Cómo estuvo esta reunión? {{count}} pregunta rápida y anónima',
    title_other: '¿Cómo estuvo esta reunión? {{count}} preguntas rápidas y anónimas',
    promise:
      'Tus respuestas se guardan sin ningún vínculo contigo. El equipo solo ve resultados agrupados de al menos {{threshold}} respuestas, sumando varias reuniones si hace falta.',
    closes: 'Abierto hasta el {{time}}.',
    submit: 'Enviar mis respuestas',
    thanksTitle: 'Gracias',
    thanks:
      'Tus respuestas se registraron, sin ningún vínculo contigo. Aparecerán en la página del equipo cuando se hayan reunido al menos {{threshold}} respuestas.',
    announce: 'Gracias: se registraron tus respuestas al pulso de la reunión.',
    answered: 'Ya respondiste el pulso de esta reunión. Gracias.',
  },
  trend: {
    title: 'Pulso de la reunión',
    intro:
      'A partir de las preguntas anónimas al final de cada reunión: la respuesta media, de 1 ({{low}}) a {{points}} ({{high}}). Las reuniones se agrupan para que cada número represente al menos {{threshold}} respuestas.',
    none: 'El pulso aparecerá aquí cuando se hayan reunido al menos {{threshold}} respuestas, agrupadas entre reuniones para que ninguna respuesta individual se distinga.',
    pending_one: '{{count}} reunión reciente sigue recibiendo respuestas.',
    pending_other: '{{count}} reuniones recientes siguen recibiendo respuestas.',
    questionText: 'Pregunta {{n}}: {{text}}',
    legend: 'Preguntas',
    chartTitle: 'Pulso de la reunión: la respuesta media por período',
    chartPeriod: '{{dates}}, {{answers}} respuestas: {{means}}.',
    chartMean: 'pregunta {{n}}: {{mean}}',
    tableCaption:
      'Pulso de la reunión por período, del más reciente al más antiguo: la media de cada pregunta y su intervalo del 95% (los datos del gráfico)',
    period: 'Reuniones',
    counts: '({{meetings}}, {{answers}})',
    meetingsCount_one: '{{count}} reunión',
    meetingsCount_other: '{{count}} reuniones',
    answersCount_one: '{{count}} respuesta',
    answersCount_other: '{{count}} respuestas',
    mean: 'Pregunta {{n}}',
    interval: '({{low}}–{{high}})',
  },
};
