import type { Translated } from '../i18n/resources';
import type { joinStrings as english } from './strings.en';

/** Spanish strings of the join-by-code pages: the keys of strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const joinStrings: Translated<typeof english> = {
  join: {
    title: 'Unirse a un equipo',
    intro: 'Escribe el código para unirte que te dio quien coordina tu equipo.',
    code: 'Código para unirse',
    codeHint: '8 letras y dígitos, por ejemplo ABCD-2345. El guion y las mayúsculas son opcionales.',
    lookUp: 'Continuar',
    previewTitle: 'Únete a {{group}}',
    preview: '{{group}} en {{school}}, {{district}}',
    previewNoSchool: '{{group}}, {{district}}',
    joinAsMe: 'Unirme a {{group}}',
    signedInAs: 'Te unirás como {{name}} ({{email}}).',
    newAccount: 'Crea tu cuenta para unirte',
    haveAccount: '¿Ya tienes una cuenta?',
    signInFirst: 'Iniciar sesión primero',
    submitNew: 'Crear cuenta y unirme',
    otherCode: 'Usar otro código',
    invalid:
      'Este código no funciona. Puede haber vencido o estar desactivado. Verifica el código con quien coordina tu equipo.',
    joined: '¡Te damos la bienvenida! Te uniste a {{name}}.',
    requested:
      'El personal directivo y de administración no se une a un equipo por su cuenta. Se envió tu solicitud para unirte a {{name}} a quienes lo facilitan.',
    checkEmailTitle: 'Revisa tu correo',
    checkEmail:
      'Enviamos un mensaje a {{email}}. Abre el enlace que contiene en un plazo de 24 horas para crear tu cuenta y unirte a {{name}}. Si ya tienes una cuenta, el mensaje te dice qué hacer.',
    emailOff:
      'El correo electrónico no está configurado en este servidor, así que no se puede crear una cuenta nueva con un código. Pide un enlace de invitación a quien facilita tu equipo.',
    confirmTitle: 'Crea tu cuenta',
    confirmIntro:
      'Confirma que esta dirección de correo electrónico es tuya para crear tu cuenta y unirte al equipo.',
    confirmSubmit: 'Confirmar y unirme',
    confirmMissing:
      'Esta página necesita el enlace de tu correo de confirmación. Abre el enlace desde el correo.',
    confirmInvalid:
      'Este enlace de confirmación no funciona. Puede estar incompleto, ya usado o tener más de 24 horas. Vuelve a escribir el código para unirte y recibirás uno nuevo.',
  },
};
