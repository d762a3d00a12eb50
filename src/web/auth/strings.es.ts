import type { Translated } from '../i18n/resources';
import type { passwordStrings as english } from './strings.en';

/** Spanish strings of the password and email pages: the keys of strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const passwordStrings: Translated<typeof english> = {
  forgotPassword: {
    title: 'Restablece tu contraseña',
    intro:
      'Escribe el correo electrónico que usas en Ensemble. Te enviaremos un enlace para elegir una contraseña nueva.',
    submit: 'Enviar enlace de restablecimiento',
    sentTitle: 'Revisa tu correo',
    sent: 'Si hay una cuenta con {{email}}, le enviamos un enlace de restablecimiento. El enlace funciona una sola vez.',
    backToSignIn: 'Volver a iniciar sesión',
  },
  resetPassword: {
    title: 'Elige una contraseña nueva',
    intro:
      'Elige una contraseña nueva para tu cuenta. Por tu seguridad, esto cierra tu sesión en todos los dispositivos.',
    submit: 'Guardar contraseña nueva',
    done: 'Se guardó tu contraseña. Inicia sesión con tu contraseña nueva.',
    missingToken:
      'Esta página necesita el enlace de tu correo de restablecimiento. Abre el enlace desde el correo o pide uno nuevo.',
    askAgain: 'Pedir un enlace de restablecimiento nuevo',
    invalidLink:
      'Este enlace de restablecimiento no funciona. Puede estar incompleto, ya usado o vencido. Pide uno nuevo aquí abajo.',
  },
  verifyEmail: {
    title: 'Confirma tu correo electrónico',
    intro: 'Confirma que esta dirección de correo electrónico es tuya.',
    submit: 'Confirmar mi correo',
    done: 'Gracias. Se confirmó tu correo electrónico.',
    missingToken:
      'Esta página necesita el enlace de tu correo de verificación. Puedes enviar uno nuevo desde la página de tu cuenta.',
    continue: 'Continuar a Ensemble',
    invalidLink:
      'Este enlace de verificación no funciona. Puede estar incompleto, ya usado o vencido. Puedes enviar uno nuevo desde la página de tu cuenta.',
  },
};
