/**
 * The fixed words of the readable copy of a person's data (`my-data.md`, RIGHTS-EXPORT-2) in each language
 * (I18N-CONTENT-11, ADR 0044). The JSON file is the versioned machine format and keeps its English keys and notes.
 */
import type { Language } from '#contracts/auth';
import type { MyDataSection } from '#contracts/my-data';

export interface MyDataWords {
  readonly title: string;
  readonly exported: (when: string, format: string, version: number) => string;
  readonly notIncludedTitle: string;
  readonly notIncluded: readonly [string, string, string];
  readonly nothing: string;
  readonly sections: Readonly<Record<MyDataSection, string>>;
}

const en: MyDataWords = {
  title: 'Your data in Ensemble',
  exported: (when, format, version) =>
    `Exported ${when} UTC. The same data, machine-readable: my-data.json (format ${format}, version ${version}).`,
  notIncludedTitle: 'Not included',
  notIncluded: [
    'Survey and meeting pulse answers: they are anonymous by design and linked to nobody, so no one (you included) can find yours.',
    "Other people's private reflections, private notes and visit notes: they belong to their authors.",
    'Secrets such as passwords and the links in emails or calendar subscriptions.',
  ],
  nothing: 'Nothing.',
  sections: {
    memberships: 'Teams and cohorts',
    schoolRoles: 'Schools',
    networkMemberships: 'Networks',
    meetingContributions: 'What you wrote in meetings',
    nextStepsOwned: 'Next steps you own',
    meetingsScheduled: 'Meetings you scheduled',
    memoryRecords: 'Team memory you authored',
    sharedCopies: 'Copies you shared beyond your team',
    shareCards: 'Share cards you made',
    helpedMarks: '"This helped me" marks',
    visitNotes: 'Visit notes',
    bookReflections: 'Book study reflections',
    colleagueProfile: 'Colleague exchange profile',
    colleagueNotes: 'Colleague exchange notes',
    routines: 'Routines you wrote or shared',
    joinRequests: 'Requests to join teams',
    digestSubscription: 'Weekly digest',
    calendarFeeds: 'Calendar links',
    sessions: 'Signed-in devices',
    auditEvents: 'Audit log entries about you',
  },
};

const es: MyDataWords = {
  title: 'Tus datos en Ensemble',
  exported: (when, format, version) =>
    `Exportado el ${when} UTC. Los mismos datos, legibles por una máquina: my-data.json (formato ${format}, versión ${version}).`,
  notIncludedTitle: 'Lo que no se incluye',
  notIncluded: [
    'Las respuestas a encuestas y a los pulsos de las reuniones: son anónimas por diseño y no están vinculadas a nadie, así que nadie (ni tú) puede encontrar las tuyas.',
    'Las reflexiones privadas, las notas privadas y las notas de visita de otras personas: pertenecen a quienes las escribieron.',
    'Los secretos, como las contraseñas y los enlaces de los correos o de las suscripciones de calendario.',
  ],
  nothing: 'Nada.',
  sections: {
    memberships: 'Equipos y cohortes',
    schoolRoles: 'Escuelas',
    networkMemberships: 'Redes',
    meetingContributions: 'Lo que escribiste en las reuniones',
    nextStepsOwned: 'Próximos pasos a tu cargo',
    meetingsScheduled: 'Reuniones que programaste',
    memoryRecords: 'Memoria del equipo que escribiste',
    sharedCopies: 'Copias que compartiste fuera de tu equipo',
    shareCards: 'Tarjetas para compartir que hiciste',
    helpedMarks: 'Marcas de “Esto me ayudó”',
    visitNotes: 'Notas de visita',
    bookReflections: 'Reflexiones de círculos de lectura',
    colleagueProfile: 'Perfil para el intercambio entre colegas',
    colleagueNotes: 'Notas del intercambio entre colegas',
    routines: 'Rutinas que escribiste o compartiste',
    joinRequests: 'Solicitudes para unirte a equipos',
    digestSubscription: 'Resumen semanal',
    calendarFeeds: 'Enlaces de calendario',
    sessions: 'Dispositivos con sesión iniciada',
    auditEvents: 'Entradas del registro de auditoría sobre ti',
  },
};

export const MY_DATA_WORDS: Readonly<Record<Language, MyDataWords>> = { en, es };
