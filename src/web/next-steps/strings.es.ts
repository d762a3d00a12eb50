import type { Translated } from '../i18n/resources';
import type { nextStepsStrings as english } from './strings.en';

/** Spanish strings of Next steps: the keys of strings.en.ts, in es-419 with tú (glossary in ADR 0044). */
export const nextStepsStrings: Translated<typeof english> = {
  title: 'Próximos pasos',
  intro:
    'Lo que tus equipos decidieron probar, reunión tras reunión. Marca uno como hecho con una línea sobre lo que pasó.',
  loading: 'Cargando los próximos pasos…',
  scope: {
    label: 'Mostrar',
    mine: 'Míos',
    teams: 'Mis equipos',
  },
  // Each is both a card's badge (one next step) and a group's heading (several): forms that read well as both.
  classes: {
    overdue: 'Fecha vencida',
    'due-soon': 'Vence en los próximos 7 días',
    later: 'Más adelante',
    'no-date': 'Sin fecha límite',
  },
  empty: {
    title: 'No hay próximos pasos abiertos',
    body: 'Los próximos pasos elegidos en las reuniones de tus equipos aparecen aquí hasta que se completan.',
  },
  item: {
    from: 'De “{{meeting}}”, {{team}}',
    owner: 'Responsable: {{name}}',
    ownerGone: 'Responsable: alguien que ya no es integrante',
    due: 'Para el {{date}}',
    noDue: 'Sin fecha límite',
    followUps: 'Seguimiento',
    followUp: '{{meeting}}: {{status}}',
    status: { done: 'hecho', 'carry-on': 'continúa', drop: 'descartado' },
  },
  done: {
    button: 'Marcar como hecho',
    buttonLabel: 'Marcar como hecho: {{text}}',
    outcome: '¿Qué pasó? (opcional)',
    outcomeHint: 'Una o dos líneas que el equipo leerá en el acta.',
    save: 'Guardar como hecho',
    cancel: 'Cancelar',
    saved: '“{{text}}” quedó marcado como hecho.',
  },
  download: 'Descargar en CSV',
  banner: {
    text_one: 'Tienes {{count}} próximo paso vencido o que vence esta semana.',
    text_other: 'Tienes {{count}} próximos pasos vencidos o que vencen esta semana.',
    link: 'Ver tus próximos pasos',
  },
  digest: {
    label: 'Resumen semanal de mis próximos pasos por correo electrónico',
    hint: 'Una vez por semana, un correo con tus próximos pasos abiertos, vencidos y por vencer. Cada correo trae un enlace para darte de baja con un clic.',
    on: 'El resumen semanal está activado.',
    off: 'El resumen semanal está desactivado.',
  },
  team: {
    title: 'Próximos pasos abiertos',
    none: 'No hay próximos pasos abiertos.',
    all: 'Todos los próximos pasos',
  },
  followUp: {
    title: 'Seguimiento de los próximos pasos de la vez anterior',
    intro: '¿Lo probamos? ¿Qué pasó?',
    owner: '{{name}}',
    ownerGone: 'alguien que ya no es integrante',
    note: '¿Qué pasó? (opcional)',
    done: 'Hecho',
    carryOn: 'Continuar',
    drop: 'Descartar',
    answer: { done: 'Hecho', 'carry-on': 'Continúa', drop: 'Descartado' },
    notYet: 'Aún no se ha conversado',
    minutesTitle: 'Seguimiento de los próximos pasos de la vez anterior',
  },
  outcome: 'Lo que pasó: {{text}}',
};
