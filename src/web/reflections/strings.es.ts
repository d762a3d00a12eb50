import type { Translated } from '../i18n/resources';
import type { reflectionsStrings as english } from './strings.en';

/** Spanish strings of My reflections: the keys of strings.en.ts, in es-419 with tú (glossary in ADR 0044). */
export const reflectionsStrings: Translated<typeof english> = {
  title: 'Mis reflexiones',
  intro:
    'Las reflexiones privadas que escribiste en las reuniones, para releerlas cuando las necesites. Solo tú puedes verlas; no se comparte nada a menos que tú lo decidas.',
  loading: 'Cargando tus reflexiones…',
  empty: {
    title: 'Aún no hay reflexiones',
    body: 'En una reunión, escribe en el recuadro “Mi reflexión privada”. Lo que escribas se guarda aquí, solo para ti.',
  },
  emptyTeam: 'No tienes reflexiones de reuniones de este equipo.',
  filter: {
    label: 'Equipo',
    all: 'Todos los equipos',
  },
  download: {
    title: 'Descargar',
    markdown: 'Descargar en Markdown',
    csv: 'Descargar en CSV',
    hint: 'Para tus propios registros. Los archivos contienen lo que escribiste en privado: guárdalos en un lugar privado.',
  },
  count_one: '{{count}} reflexión',
  count_other: '{{count}} reflexiones',
  meeting: {
    heading: '{{title}}',
    meta: '{{team}} · {{date}}',
    metaNoDate: '{{team}}',
    minutes: 'Acta',
    minutesLabel: 'Acta de {{title}}',
    live: 'Esta reunión sigue en curso.',
  },
  item: {
    step: '{{step}} · {{routine}}',
    written: 'Escrita el {{when}}',
    private: 'Privada: solo tú puedes verla',
    shared: 'Compartida con el equipo el {{date}}',
    sharedAfter: 'Compartida con el equipo el {{date}}, después de la reunión',
    changedSinceShared: 'La cambiaste después de compartirla; el equipo ve la versión anterior.',
    share: 'Compartir con el equipo',
    shareLabel: 'Compartir con el equipo: tu reflexión de {{step}}',
    shareTitle: '¿Compartir esta reflexión con el equipo?',
    shareBody:
      'Todas las personas de {{team}} podrán leerla en el acta de “{{meeting}}”, con tu nombre. Después no podrás retirarla.',
    shareConfirm: 'Compartir con el equipo',
    sharedDone: 'Compartida. Ya está en el acta.',
    cannotShare: 'Solo quienes integran el equipo de esta reunión pueden compartir en su acta.',
  },
  pages: {
    label: 'Páginas',
    previous: 'Más recientes',
    next: 'Más antiguas',
    status: 'Página {{page}} de {{pages}}',
  },
};
