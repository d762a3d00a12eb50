/** A survey report's and comparison's notes in Spanish (I18N-CONTENT-9; glossary of ADR 0044: ronda, encuesta). */
import type { ReportNotes } from './presenter';

export const reportNotesEs: ReportNotes = {
  threshold: (threshold) =>
    `Los resultados de un grupo se muestran solo cuando respondieron al menos ${threshold} personas de ese grupo, y solo cuando mostrarlos no permite deducir, por resta, los de un grupo más pequeño.`,
  noCause:
    'Los números describen cómo respondieron las personas; no dicen por qué, y un cambio entre rondas no demuestra que una sola cosa lo haya causado.',
  network:
    'Los resultados de una red son de toda la red y sus cohortes, nunca separados por rol: la red no sabe quién dirige qué en cada distrito.',
  compare: [
    'Un cambio se calcula solo donde ambas rondas muestran el grupo (al menos el mínimo de respuestas en cada una).',
    'Las rondas son anónimas, así que se comparan como grupos independientes; la g de Hedges es la diferencia de medias dividida entre su dispersión combinada.',
    'Una diferencia entre rondas no muestra qué la causó.',
  ],
};
