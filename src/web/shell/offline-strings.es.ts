import type { Translated } from '../i18n/resources';
import type { offlineStrings as english } from './offline-strings.en';

/** Spanish strings of the offline note: the keys of offline-strings.en.ts, in es-419 (glossary in ADR 0044). */
export const offlineStrings: Translated<typeof english> = {
  offline: {
    unreachable:
      'No se puede conectar con Ensemble. Las páginas guardadas en este dispositivo se siguen abriendo; lo demás vuelve cuando te reconectes.',
    savedAt: 'No se puede conectar con Ensemble. Estás viendo lo que este dispositivo guardó el {{time}}.',
  },
};
