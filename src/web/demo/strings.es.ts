import type { Translated } from '../i18n/resources';
import type { demoStrings as english } from './strings.en';

/**
 * Spanish strings of the demo sign-in panel and practice meeting offer: the keys of strings.en.ts, in es-419 with tú
 * (docs: glossary in ADR 0044). Team names ("Grade 3 Team", "Literacy PLC") are the demo's data and stay as they are.
 */
export const demoStrings: Translated<typeof english> = {
  demo: {
    title: 'Esto es una demostración',
    banner: 'Esto es una demostración: las personas, los equipos y las reuniones son ficticios.',
    bannerLink: 'Inicia sesión como una persona de la demostración con un clic',
    intro:
      '{{district}} es ficticio: sus personas, equipos y reuniones se inventaron para probar Ensemble. Elige quién quieres ser; con un clic inicias sesión.',
    people: 'Personas de la demostración',
    signInAs: 'Iniciar sesión como {{name}}',
    role: {
      district_admin: 'Administrador(a) del distrito',
      school_leader: 'Director(a)',
      coach: 'Coach pedagógico(a)',
      teacher: 'Docente',
    },
    roleAt: '{{role}}, {{school}}',
    facilitates: 'Facilita {{teams}}',
    memberOf: 'Integrante de {{teams}}',
    tryLabel: 'Prueba',
    try: {
      coach:
        'Abre Grade 3 Team: la reunión de hoy está lista para empezar, o haz una reunión con colegas simulados.',
      teacher:
        'Únete a una reunión que inició el coach (en una segunda ventana), haz preguntas y escribe reflexiones privadas.',
      facilitator: 'Lee el acta de la semana pasada de Literacy PLC y marca como hechos sus próximos pasos.',
      principal: 'Mira los equipos de tu escuela y pide unirte a uno.',
      admin: 'Administra escuelas, personas y roles, y lee el registro de auditoría.',
    },
    others_one:
      '{{count}} persona más de la demostración inicia sesión con su correo terminado en @demo.ensemble.test y la contraseña compartida que se muestra donde se inició la demostración.',
    others_other:
      '{{count}} personas más de la demostración inician sesión con su correo terminado en @demo.ensemble.test y la contraseña compartida que se muestra donde se inició la demostración.',
    practice: {
      title: 'Practica con colegas simulados',
      body: 'Solo en la demostración: abre una reunión para compartir logros que tú facilitas, donde colegas ficticios se conectan, cuentan una historia, hacen preguntas y sugieren notas con pocos segundos de diferencia.',
      start: 'Hacer una reunión con colegas simulados',
    },
  },
};
