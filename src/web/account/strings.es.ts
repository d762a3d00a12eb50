import type { Translated } from '../i18n/resources';
import type { accountStrings as english } from './strings.en';

/** Spanish strings of the account page: the keys of strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const accountStrings: Translated<typeof english> = {
  account: {
    title: 'Cuenta',
    profile: 'Perfil',
    language: {
      title: 'Idioma',
      label: 'Idioma de Ensemble',
      hint: 'Para estas páginas, los correos que Ensemble te envía y las rutinas y encuestas propias de Ensemble. Lo que escriben tus equipos queda como lo escribieron.',
      followBrowser: 'El mismo de este navegador ({{language}})',
      save: 'Guardar idioma',
      saved: 'Idioma guardado.',
    },
    inNetwork:
      'En esta pestaña participas en la red {{network}} como {{name}}. Tu distrito guarda tu cuenta, tu nombre y tu contraseña: vuelve a tu distrito para cambiarlos.',
    networkEmail: 'Sesión iniciada como',
    backToDistrict: 'Volver a tu distrito',
    nameSaved: 'Se guardó tu nombre.',
    email: 'Correo electrónico',
    verified: 'Verificado',
    notVerified: 'Aún sin verificar',
    verifyHint:
      'Si confirmas tu correo electrónico, podremos enviarte ayuda para iniciar sesión cuando la necesites.',
    sendVerification: 'Enviar correo de verificación',
    verificationSent: 'Se envió un correo de verificación a {{email}}.',
    district: 'Distrito',
    districtRole: 'Rol en el distrito',
    schools: 'Escuelas',
    noSchools: 'Sin roles en escuelas',
    sessions: 'Cerrar sesión',
    sessionsIntro:
      'Cierra sesión aquí o en todos los dispositivos donde la tengas iniciada (por ejemplo, una computadora compartida del salón).',
    signOut: 'Cerrar sesión',
    signOutEverywhere: 'Cerrar sesión en todos los dispositivos',
    signOutEverywhereTitle: '¿Cerrar sesión en todos los dispositivos?',
    signOutEverywhereBody:
      'Se cerrará la sesión en todos los dispositivos que usan tu cuenta, incluido este.',
    signedOut: 'Cerraste sesión.',
    /** "Authorization: Bearer" is an HTTP header: it stays in English. */
    apiTokens: {
      title: 'Tokens de API',
      intro:
        'Un token de API personal permite que un script use Ensemble en tu nombre, con tus permisos, a través de la API descrita en /api/docs. Envíalo como "Authorization: Bearer" seguido del token. Revoca los tokens que ya no uses.',
      name: 'Nombre del token',
      nameHint: 'Lo que hace el script, para que lo reconozcas más adelante.',
      scopeLabel: 'Acceso',
      scope: {
        read: 'Solo lectura',
        write: 'Lectura y cambios',
      },
      lifetime: 'Vence después de',
      days_one: '{{count}} día',
      days_other: '{{count}} días',
      untilRevoked: 'Nunca (hasta que lo revoques)',
      create: 'Crear token',
      createdTitle: 'Se creó el token "{{name}}"',
      shownOnce: 'Cópialo ahora: es la única vez que se muestra. Guárdalo en secreto, como una contraseña.',
      secretLabel: 'Tu token nuevo',
      copy: 'Copiar token',
      copied: 'Se copió el token.',
      copyFailed: 'No se pudo copiar. Selecciona el token y cópialo a mano.',
      done: 'Listo',
      yours: 'Tus tokens',
      none: 'No tienes tokens de API.',
      created: 'creado el {{date}}',
      lastUsed: 'último uso el {{date}}',
      neverUsed: 'nunca usado',
      expires: 'vence el {{date}}',
      noExpiry: 'sin vencimiento',
      expired: 'Vencido',
      revoke: 'Revocar',
      revokeFor: 'Revocar {{name}}',
      revokeTitle: '¿Revocar "{{name}}"?',
      revokeBody:
        'Los scripts que usan este token dejan de funcionar de inmediato. Esto no se puede deshacer.',
      revoked: 'Se revocó el token "{{name}}".',
    },
    /** `confirm` names the word DELETE: the server accepts exactly that word (contracts/rights.ts). */
    data: {
      title: 'Tus datos',
      intro:
        'Descarga todo lo que escribiste en Ensemble o que trata sobre ti: tu perfil, tus equipos, lo que escribiste en reuniones, tus reflexiones privadas, notas, notas de visitas, reflexiones del círculo de lectura, copias y tarjetas compartidas, tu configuración y las entradas de auditoría sobre tu cuenta, en tu distrito y en tus redes.',
      formats:
        'Un archivo zip con my-data.json (para otros programas) y my-data.md (para leer). No incluye las respuestas a encuestas: son anónimas y no están vinculadas a nadie, ni siquiera a ti.',
      download: 'Descargar mis datos',
      deleteTitle: 'Eliminar tu cuenta',
      deleteIntro: 'Eliminar tu cuenta no se puede deshacer. Esto es lo que pasa:',
      deleteShared:
        'Lo que compartiste con otras personas se queda para ellas, con la autoría “Exintegrante”: notas, preguntas y reflexiones compartidas en reuniones, memoria del equipo, copias compartidas, el círculo de lectura compartido y las notas sobre colegas.',
      deletePrivate:
        'Se elimina lo que es privado para ti: tus reflexiones privadas, notas de visitas, notas privadas del círculo de lectura y notas sobre colegas, y tus tarjetas para compartir públicas.',
      deleteAccess:
        'Sales de todos los equipos, roles en escuelas y redes; se cierra tu sesión en todos los dispositivos; los enlaces de calendario, los resúmenes, las invitaciones y las solicitudes pendientes dejan de funcionar.',
      deleteName: 'Tu nombre y tu correo electrónico se eliminan de Ensemble.',
      deleteDownloadFirst: 'Quizás quieras descargar tus datos antes.',
      password: 'Tu contraseña',
      passwordHint: 'Para confirmar que eres tú.',
      confirm: 'Escribe DELETE para confirmar',
      confirmHint: 'En mayúsculas, en inglés.',
      deleteButton: 'Eliminar mi cuenta',
      deleted: 'Se eliminó tu cuenta.',
    },
  },
};
