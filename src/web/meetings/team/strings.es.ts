import type { Translated } from '../../i18n/resources';
import type { teamMeetingsStrings as english } from './strings.en';

/** Spanish strings of the team page's meetings section: the keys of strings.en.ts, in es-419 with tú (ADR 0044). */
export const teamMeetingsStrings: Translated<typeof english> = {
  team: {
    title: 'Reuniones',
    none: 'Aún no hay reuniones.',
    scheduleTitle: 'Programar una reunión',
    meetingTitle: 'Título',
    meetingTitleHint: 'Por ejemplo, “Reunión semanal de 3.er grado”.',
    when: 'Fecha y hora',
    routine: 'Rutina',
    routineOption: '{{name}} · {{minutes}} min',
    thenTitle: 'Después, en la misma reunión (opcional)',
    thenHint:
      'Realiza varias rutinas seguidas, cada una con su presentador(a): para una sesión más larga o una reunión de todo el personal.',
    thenRoutine: 'Rutina {{n}}',
    removeRoutine: 'Quitar la rutina {{n}}',
    remove: 'Quitar',
    addRoutine: 'Agregar una rutina',
    agendaTotal_one: '{{count}} rutina, {{minutes}} minutos en total',
    agendaTotal_other: '{{count}} rutinas, {{minutes}} minutos en total',
    schedule: 'Programar reunión',
    plan: 'Planificar',
    planLabel: 'Planificar {{title}}: plan de modelado entre pares, invitaciones y notas de la visita',
    scheduled: 'Reunión programada.',
    noDate: 'Sin fecha',
    join: 'Unirse',
    joinLabel: 'Unirse: {{title}}',
    projector: 'Proyector',
    projectorLabel: 'Proyector: {{title}} (se abre en una ventana nueva)',
    minutes: 'Acta',
    minutesLabel: 'Acta: {{title}}',
    openLive: 'Abrir en vivo',
    openLiveLabel: 'Abrir en vivo: {{title}}',
    calendar: 'Archivo de calendario (.ics)',
    calendarHint: 'Agrega las reuniones de este equipo a tu calendario.',
    joinWithCode: 'Unirse a una reunión en vivo con su código',
    joinWithCodeHint: 'el código de la reunión en el proyector, no el código para unirse al equipo',
    routineMinutes: '{{name}} · {{minutes}} min',
  },
};
