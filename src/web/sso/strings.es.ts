import type { Translated } from '../i18n/resources';
import type { ssoStrings as english } from './strings.en';

/** Spanish strings of single sign-on: the keys of strings.en.ts, in es-419 with tú (docs: glossary in ADR 0044). */
export const ssoStrings: Translated<typeof english> = {
  signIn: {
    title: 'Inicia sesión con tu cuenta escolar',
    intro:
      'Usa la cuenta que te dio tu escuela o distrito (Google, Microsoft o el inicio de sesión propio de tu distrito).',
    districtTitle: 'Inicia sesión en {{district}}',
    districtIntro: 'Elige cómo iniciar sesión en tu distrito. Al terminar, volverás aquí.',
    findTitle: 'Busca tu distrito',
    findIntro:
      'Escribe tu correo electrónico escolar para ver los botones de inicio de sesión de tu distrito.',
    email: 'Correo electrónico escolar',
    find: 'Continuar',
    notFound:
      'No encontramos un distrito que inicie sesión con esa dirección. Pide a tu distrito su enlace de inicio de sesión de Ensemble, o inicia sesión con tu contraseña de Ensemble.',
    providers: 'Opciones de inicio de sesión',
    passwordInstead: 'Iniciar sesión con una contraseña de Ensemble',
    unknownDistrict:
      'Este enlace de inicio de sesión no lleva a un distrito con inicio de sesión con cuenta escolar. Pide a tu distrito el enlace vigente.',
  },
  problem: {
    title: 'No iniciaste sesión',
    tryAgain:
      'Intenta de nuevo aquí abajo. Si vuelve a pasar, consulta a quien administra Ensemble en tu distrito.',
    reasons: {
      state:
        'Este inicio de sesión ya se usó, se empezó en otro navegador o su página se abrió dos veces. Vuelve a empezar desde el botón de inicio de sesión.',
      expired:
        'El inicio de sesión tardó más de 10 minutos, así que se detuvo para proteger tu cuenta. Vuelve a empezar.',
      code: 'No se pudo confirmar el inicio de sesión de tu cuenta escolar: su código de un solo uso ya se había usado o había vencido. Vuelve a empezar.',
      nonce:
        'La respuesta de tu cuenta escolar no correspondía a este inicio de sesión, así que se rechazó. Vuelve a empezar.',
      domain:
        'Esa cuenta no pertenece al Google Workspace de tu distrito. Inicia sesión con tu cuenta escolar de Google, no con una personal.',
      tenant:
        'Esa cuenta de Microsoft no pertenece a la organización de tu distrito. Inicia sesión con tu cuenta escolar de Microsoft.',
      unknown_person:
        'No hay una cuenta de Ensemble para esa cuenta escolar, y este distrito solo deja entrar a personas invitadas o registradas. Pide a quien administra Ensemble en tu distrito que te invite.',
      deactivated:
        'Tu cuenta de Ensemble está desactivada. Pide a quien administra Ensemble en tu distrito que la vuelva a activar.',
      unverified_email:
        'Tu cuenta escolar no confirmó tu correo electrónico, así que no se pudo vincular con una cuenta de Ensemble. Consulta a quien administra Ensemble en tu distrito.',
      other_district:
        'Esa dirección pertenece a una cuenta de otro distrito. Inicia sesión a través de ese distrito o consulta a quien administra Ensemble en tu distrito.',
      provider:
        'No se pudo conectar con el servicio de inicio de sesión de tu distrito, o todavía no está configurado. Intenta de nuevo más tarde o inicia sesión con tu contraseña de Ensemble.',
      cancelled: 'Se canceló el inicio de sesión. Puedes volver a empezar cuando quieras.',
    },
  },
  admin: {
    title: 'Inicio de sesión con cuentas escolares',
    intro:
      'Permite que las personas inicien sesión con las cuentas que tu distrito ya administra. Su enlace de inicio de sesión muestra los botones de tu distrito.',
    signInLink: 'Enlace de inicio de sesión de tu distrito',
    copyLink: 'Copiar enlace de inicio de sesión',
    copied: 'Se copió el enlace de inicio de sesión.',
    redirectUri: 'URI de redirección que debes registrar en el proveedor',
    empty: 'Todavía no hay proveedores de inicio de sesión.',
    add: 'Agregar un proveedor',
    kind: 'Proveedor',
    kinds: {
      google: 'Google Workspace',
      microsoft: 'Microsoft Entra ID',
      oidc: 'Otro proveedor de OpenID Connect',
    },
    label: 'Texto del botón',
    labelDefault: {
      google: 'Iniciar sesión con Google',
      microsoft: 'Iniciar sesión con Microsoft',
      oidc: 'Iniciar sesión con tu distrito',
    },
    googleDomain: 'Dominio de Google Workspace',
    googleDomainHint:
      'Solo pueden iniciar sesión las cuentas de este Workspace (el “hd” de su token de ID), por ejemplo escuela.org.',
    tenantId: 'ID de inquilino (tenant) de Entra',
    tenantIdHint:
      'Solo pueden iniciar sesión las cuentas de este inquilino. Es un GUID, del centro de administración de Entra.',
    issuer: 'URL del emisor',
    issuerHint: 'La dirección del proveedor, donde está su /.well-known/openid-configuration.',
    clientId: 'ID de cliente',
    clientSecret: 'Secreto de cliente',
    clientSecretHint: 'Se guarda en el servidor y no se vuelve a mostrar.',
    clientSecretSet: 'Configurado (oculto)',
    newSecret: 'Nuevo secreto de cliente',
    newSecretHint: 'Déjalo vacío para conservar el secreto actual.',
    allowedDomains: 'Dominios de correo que reciben cuenta al iniciar sesión por primera vez',
    allowedDomainsHint:
      'Separados por comas. Las personas invitadas y las que ya están en Ensemble siempre pueden iniciar sesión; cualquier otra persona, solo con uno de estos dominios.',
    enabled: 'Mostrar este botón en la página de inicio de sesión',
    submit: 'Agregar proveedor',
    added: 'Se agregó {{label}}.',
    edit: 'Cambiar',
    editFor: 'Cambiar {{label}}',
    editTitle: 'Cambiar {{label}}',
    saved: 'Se guardó {{label}}.',
    remove: 'Quitar',
    removeFor: 'Quitar {{label}}',
    removeTitle: '¿Quitar {{label}}?',
    removeBody:
      'Las personas que iniciaron sesión con este proveedor conservan sus cuentas, pero ya no pueden iniciar sesión de esta forma.',
    removed: 'Se quitó {{label}}.',
    on: 'Activado',
    off: 'Desactivado',
    secret: 'Secreto de cliente',
    domains: 'Dominios permitidos',
    none: 'Ninguno',
  },
};
