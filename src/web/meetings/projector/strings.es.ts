import type { Translated } from '../../i18n/resources';
import type { projectorStrings as english } from './strings.en';

/** Spanish strings of the projector view: the keys of strings.en.ts, in es-419 with tú (glossary in ADR 0044). */
export const projectorStrings: Translated<typeof english> = {
  projector: {
    documentTitle: 'Proyector · {{meeting}}',
    joinTitle: 'Únete desde tu dispositivo',
    qrLabel: 'Código QR para unirse a esta reunión: {{url}}',
    orGoTo: 'O ve a',
    andTypeCode: 'y escribe el código.',
    codeLabel: 'Código de la reunión: {{code}}',
    currentPrompt: 'Preguntas guía',
    startingSoon: 'Empezamos pronto',
    thanks: 'Gracias a todo el equipo.',
    minutesReady: 'El acta ya está lista en Ensemble.',
    pause: 'Pausar',
    resume: 'Reanudar',
    teamWork: 'El trabajo del equipo',
    // "and N earlier" under a list of questions, next steps or sources: "más" fits every noun's gender.
    earlier_one: 'y {{count}} más',
    earlier_other: 'y {{count}} más',
  },
};
