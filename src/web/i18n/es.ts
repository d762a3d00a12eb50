import type { Translation } from './resources';

/**
 * Spanish strings (es-419, with tú): the keys of en.ts (glossary in ADR 0044). Voice as in English: calm, plain,
 * non-evaluative; say what happened and what to do next.
 */
export const es: Translation = {
  app: {
    name: 'Ensemble',
    documentTitle: '{{page}} · Ensemble',
    skipToContent: 'Saltar al contenido principal',
    mainNav: 'Principal',
    nav: {
      myTeams: 'Mis equipos',
      reflections: 'Mis reflexiones',
      shared: 'Compartido',
      surveys: 'Encuestas',
      admin: 'Administración',
      account: 'Cuenta',
      networks: 'Redes',
      networkHome: 'Inicio de la red',
      networkLibrary: 'Biblioteca de la red',
    },
    search: {
      label: 'Busca en la memoria de tus equipos',
      submit: 'Buscar',
    },
    signedInAs: 'Sesión iniciada como {{name}}',
    loading: 'Cargando…',
    notifications: 'Notificaciones',
  },
  common: {
    cancel: 'Cancelar',
    close: 'Cerrar',
    dismiss: 'Descartar',
    tryAgain: 'Intentar de nuevo',
    save: 'Guardar',
    saving: 'Guardando…',
    working: 'Procesando…',
    pendingButton: '{{label}}: procesando…',
    showPassword: 'Mostrar contraseña',
    optional: '(opcional)',
    goHome: 'Ir a Mis equipos',
    signIn: 'Iniciar sesión',
    yes: 'Sí',
    no: 'No',
  },
  errors: {
    network: 'No pudimos conectar con Ensemble. Revisa tu conexión e inténtalo de nuevo.',
    server: 'Algo falló de nuestro lado. Tu trabajo no se perdió; inténtalo de nuevo en un momento.',
    forbidden: 'Tu cuenta no tiene acceso a esto.',
    notFound: 'No encontramos lo que buscas. Puede que se haya eliminado o que el enlace esté incompleto.',
    conflict: 'Esto choca con algo que ya existe.',
    tooManyAttempts: 'Demasiados intentos en poco tiempo. Espera un minuto e inténtalo de nuevo.',
    validation: 'Algunas respuestas necesitan una segunda revisión.',
    unexpected: 'Ocurrió algo inesperado. Inténtalo de nuevo.',
    pageNotFoundTitle: 'Página no encontrada',
    pageNotFoundBody:
      'No hay ninguna página en esta dirección. Revisa el enlace o vuelve a empezar desde Mis equipos.',
    crashTitle: 'No se pudo mostrar esta página',
    crashBody: 'Ocurrió algo inesperado al mostrar esta página. Volver a cargarla suele resolverlo.',
    reload: 'Volver a cargar la página',
    noAccessTitle: 'No disponible',
    noAccessBody:
      'Esta sección es para quienes administran el distrito. Si necesitas algo de aquí, pídeselo a tu administrador(a) del distrito.',
  },
  fields: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    newPassword: 'Nueva contraseña',
    yourName: 'Tu nombre',
    name: 'Nombre',
    passwordHint: 'Al menos {{min}} caracteres. Una frase corta que puedas recordar funciona bien.',
    nameHint: 'Así te verán tus colegas.',
  },
  groupRole: {
    facilitator: 'Facilitador(a)',
    member: 'Integrante',
  },
  districtRole: {
    district_admin: 'Administrador(a) del distrito',
    member: 'Integrante',
  },
  schoolRole: {
    school_leader: 'Líder escolar',
    staff: 'Personal',
    none: 'Sin rol',
  },
};
