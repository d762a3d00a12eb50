import type { Translated } from '../i18n/resources';
import type { setupStrings as english } from './strings.en';

/**
 * Spanish strings of the setup and first-steps pages: the keys of strings.en.ts, in es-419 with tú (docs: glossary
 * in ADR 0044). The routine "Share Successes" is described ("una reunión para compartir logros"), not named, since
 * routine names come from the protocols and are not translated yet.
 */
export const setupStrings: Translated<typeof english> = {
  setup: {
    title: 'Configura tu distrito',
    intro:
      'Te damos la bienvenida a Ensemble. Crea tu distrito y tu propia cuenta de administración. Después puedes agregar escuelas, equipos y colegas.',
    districtName: 'Nombre del distrito',
    districtHint: 'Por ejemplo, Distrito Escolar Unificado Riverside.',
    aboutYou: 'Tu cuenta de administración',
    submit: 'Crear distrito',
    done: 'Tu distrito está listo. Ahora, tu primer equipo y tu primera reunión.',
  },
  firstSteps: {
    title: 'Tu primera reunión',
    intro:
      'Ponle nombre a tu escuela y a tu equipo, e inicia ahora una reunión para compartir logros (16 minutos). Tus colegas se unen desde su teléfono con el código de la siguiente pantalla; las invitaciones pueden esperar.',
    schoolName: 'Nombre de la escuela',
    schoolHint: 'Por ejemplo, Escuela Primaria Lincoln.',
    teamName: 'Nombre del equipo',
    teamHint: 'Por ejemplo, Equipo de 3.er grado. Tú lo facilitas.',
    submit: 'Iniciar ahora la reunión para compartir logros',
    skip: 'Ahora no: ir a Administración',
  },
};
