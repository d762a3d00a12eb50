import type { Translated } from '../i18n/resources';
import type { invitationStrings as english } from './strings.en';

/** Spanish strings of the invitation page: the keys of strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const invitationStrings: Translated<typeof english> = {
  invitation: {
    title: 'Recibiste una invitación',
    titleFor: 'Únete a {{group}}',
    summaryGroup: '{{inviter}} te invitó a unirte a {{group}} en {{district}}.',
    summaryDistrict: '{{inviter}} te invitó a unirte a {{district}} en Ensemble.',
    forEmail: 'Esta invitación es para {{email}}.',
    newAccount: 'Crea tu cuenta',
    newAccountIntro: 'Elige el nombre que verán tus colegas y una contraseña.',
    accept: 'Aceptar invitación',
    acceptAndCreate: 'Crear cuenta y unirme',
    existingAccount: 'Ya tienes una cuenta de Ensemble. Inicia sesión para aceptar.',
    signInAndAccept: 'Iniciar sesión y aceptar',
    forgot: '¿Olvidaste tu contraseña?',
    signedInAs: 'Iniciaste sesión como {{email}}.',
    wrongAccount:
      'Iniciaste sesión como {{signedIn}}, pero esta invitación es para {{invited}}. Cierra sesión y vuelve a abrir el enlace.',
    signOut: 'Cerrar sesión',
    accepted: '¡Te damos la bienvenida! Te uniste a {{name}}.',
    acceptedDistrict: 'Te damos la bienvenida a {{district}}.',
    invalid:
      'Este enlace de invitación ya no funciona. Puede haber vencido, haberse usado o haberse retirado. Pide a la persona que te invitó que te envíe uno nuevo.',
  },
};
