import type { Translated } from '../i18n/resources';
import type { signInStrings as english } from './sign-in-strings.en';

/** Spanish strings of the sign-in page: the keys of sign-in-strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const signInStrings: Translated<typeof english> = {
  signIn: {
    title: 'Inicia sesión en Ensemble',
    intro:
      'Te damos la bienvenida. En Ensemble, los equipos docentes hacen reuniones breves y estructuradas sobre lo que funciona en clase. Inicia sesión con tu correo electrónico y tu contraseña de Ensemble.',
    submit: 'Iniciar sesión',
    forgot: '¿Olvidaste tu contraseña?',
    haveCode: '¿Tu equipo te dio un código para unirte?',
    joinLink: 'Unirse a un equipo',
    schoolAccount: 'Iniciar sesión con tu cuenta escolar',
    device: 'En este dispositivo',
    sharedDevice: 'Es un dispositivo compartido',
    sharedDeviceHint: 'Tu sesión se cierra al cerrar el navegador o después de un rato sin uso.',
    keepSignedIn: 'Mantener la sesión iniciada',
    keepSignedInHint:
      'Solo en un dispositivo que uses únicamente tú. Tu sesión sigue iniciada durante 30 días.',
  },
};
