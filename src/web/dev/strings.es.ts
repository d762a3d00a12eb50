import type { Translated } from '../i18n/resources';
import type { outboxStrings as english } from './strings.en';

/** Spanish strings of the development outbox page: the keys of strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const outboxStrings: Translated<typeof english> = {
  outbox: {
    title: 'Bandeja de salida',
    intro:
      'Correos que Ensemble habría enviado. Se guardan aquí porque no hay un servidor de correo configurado. Solo esta computadora puede ver esta página.',
    empty: 'Todavía no hay correos.',
    to: 'Para: {{to}}',
    sent: 'Enviado: {{date}}',
    refresh: 'Actualizar',
    unavailable:
      'La bandeja de salida solo está disponible en la computadora donde se ejecuta Ensemble, cuando no hay un servidor de correo configurado.',
  },
};
