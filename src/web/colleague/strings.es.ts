import type { Translated } from '../i18n/resources';
import type { colleagueStrings as english } from './strings.en';

/**
 * Spanish strings of the colleague exchange: the keys of strings.en.ts, in es-419 with tú (glossary in ADR 0044).
 * A pair of colleagues is "la colaboración" (not "pareja"); days are lower case, as Spanish writes them, since they
 * are only read inside `slot` ("lunes antes de clases").
 */
export const colleagueStrings: Translated<typeof english> = {
  title: 'Colega de confianza',
  intro:
    'Conversa sobre problemas de la práctica con una directora o un director de otro distrito. Ensemble te sugiere a alguien cuyas fortalezas responden a aquello en lo que quieres ayuda; deciden entre los dos. Nunca es alguien de tu propio distrito.',
  loading: 'Cargando…',
  notForYou:
    'Los colegas de confianza son para directoras, directores y líderes de distrito. Si diriges una escuela, pide a tu administrador(a) del distrito que te asigne el rol de líder escolar.',
  privacy:
    'Tu distrito no ve que lo pediste. Tu colega ve lo que elijas mostrar abajo y las respuestas de tu perfil, nunca tu correo electrónico.',
  profile: {
    heading: 'Sobre ti y tu escuela',
    editHeading: 'Tu perfil',
    edit: 'Cambiar mi perfil',
    shownName: 'Tu nombre tal como lo verá tu colega',
    shownSchool: 'Tu escuela (opcional)',
    shownDistrict: 'Tu distrito (opcional)',
    schoolLevel: 'Nivel escolar',
    schoolSize: 'Cantidad de estudiantes',
    setting: 'Entorno',
    yearsInRole: 'Años como director(a)',
    focusAreas: 'En qué estás trabajando ahora (de 1 a 4)',
    wantsHelpWith: 'En qué te gustaría recibir ayuda (de 1 a 3)',
    canOffer: 'Qué podrías ofrecer a otra directora u otro director (de 1 a 3)',
    availability: 'Cuándo podrías reunirte (en tu zona horaria)',
    timeZone: 'Tu zona horaria',
    region: 'Tu estado o región',
    regionHint: 'Por ejemplo, OR o Puget Sound.',
    avoidLegend: 'Colegas de tu región',
    avoidSameRegion: 'Sugerir solo colegas que además sean de fuera de mi región',
    save: 'Buscar colega',
    saveChanges: 'Guardar mi perfil',
    saved: 'Guardado. Te sugeriremos colega en cuanto haya una buena coincidencia.',
  },
  schoolLevel: {
    elementary: 'Escuela primaria',
    middle: 'Escuela intermedia',
    high: 'Escuela secundaria',
    k8: 'K-8',
    k12: 'K-12',
    other: 'Otro',
  },
  schoolSize: {
    'under-300': 'Menos de 300',
    '300-599': '300 a 599',
    '600-999': '600 a 999',
    '1000-plus': '1000 o más',
  },
  setting: { urban: 'Urbano', suburban: 'Suburbano', town: 'Ciudad pequeña', rural: 'Rural' },
  yearsInRole: {
    '0-2': '0 a 2 años',
    '3-5': '3 a 5 años',
    '6-10': '6 a 10 años',
    '11-plus': '11 años o más',
  },
  day: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes' },
  part: { before: 'antes de clases', during: 'durante la jornada', after: 'después de clases' },
  slot: '{{day}} {{part}}',
  waiting: {
    heading: 'Buscando colega',
    body: 'Te sugeriremos a alguien aquí cuando haya una buena coincidencia. Las sugerencias se hacen varias veces por hora.',
  },
  stop: {
    button: 'Dejar de buscar',
    title: '¿Dejar de buscar colega?',
    body: 'No recibirás más sugerencias. Si ahora tienes colega, la colaboración termina, sin culpa de nadie; sus notas dejan de estar disponibles.',
    confirm: 'Dejar de buscar',
    done: 'Ya no estás buscando colega.',
  },
  card: {
    meta: '{{level}} · {{size}} estudiantes · {{setting}} · {{years}} como director(a)',
    offers: 'Puede ofrecer',
    wants: 'Le gustaría recibir ayuda con',
    timeZone: 'Zona horaria: {{zone}}',
  },
  proposal: {
    heading: 'Una sugerencia de colega',
    why: 'Por qué te sugerimos a {{name}}',
    fit: 'Coincidencia: {{fit}} de 100',
    accept: 'Aceptar',
    decline: 'Esta vez no',
    declineTitle: '¿Rechazar esta sugerencia?',
    declineBody:
      'No hace falta dar una razón y no le diremos a {{name}} por qué. No volveremos a sugerir esta conexión y buscaremos a otra persona.',
    declined: 'Rechazada. Buscaremos a otra persona.',
    accepted: 'Aceptaste. El espacio compartido se abrirá cuando {{name}} también acepte.',
  },
  reason: {
    'they-offer-what-you-want': 'Puede ayudarte con lo que pediste: {{areas}}',
    'you-offer-what-they-want': 'Tú puedes ayudar con lo que pidió: {{areas}}',
    'shared-focus': 'Los dos trabajan en {{areas}}',
    'school-level': 'Nivel escolar similar',
    'school-size': 'Tamaño de escuela similar',
    setting: 'Entorno similar',
    'years-in-role': 'Años similares como director(a)',
    'time-zone': 'Zonas horarias cercanas',
    availability: 'Horarios en que los dos podrían reunirse: {{slots}}',
  },
  pair: {
    heading: 'Tu colega',
    since: 'Colegas desde el {{date}}',
    open: 'Abrir el espacio compartido',
    end: 'Terminar y buscar a otra persona',
    endTitle: '¿Terminar esta colaboración?',
    endBody:
      'Terminar no implica culpa: nadie recibe una explicación. Buscaremos a otra persona para cada quien y no volveremos a proponer esta conexión. Las notas de este espacio dejarán de estar disponibles.',
    endConfirm: 'Terminar la colaboración',
    ended: 'Tu colaboración terminó. Buscaremos a otra persona.',
  },
  space: {
    title: 'Tú y {{name}}',
    documentTitle: 'Espacio de colegas',
    confidentialTitle: 'Solo ustedes dos',
    confidential:
      'Solo ustedes dos pueden leer este espacio. Nadie más en Ensemble puede hacerlo: ni quienes administran tu distrito ni quienes coordinan redes. Las notas privadas son solo tuyas.',
    back: 'Volver a tu colega',
    checkIn: {
      heading: 'Encuentros',
      every: 'Cada cuánto',
      notSet: 'Sin definir',
      weeks_one: 'Cada semana',
      weeks_other: 'Cada {{count}} semanas',
      next: 'Próximo encuentro',
      save: 'Guardar',
      saved: 'Se guardó el calendario de encuentros.',
    },
    guide: {
      heading: 'Una guía para la conversación',
      steps: {
        one: 'Empiecen con un logro desde la última vez que hablaron, y qué hizo que funcionara.',
        two: 'Nombra un problema de la práctica en pocas oraciones: qué ves, qué has intentado.',
        three:
          'Quien escucha hace preguntas antes de ofrecer cualquier idea, hasta que el problema quede claro para los dos.',
        four: 'Ofrece ideas como posibilidades, no como consejos: “¿Y si…?”, “En mi escuela probamos…”.',
        five: 'Acuerden un pequeño próximo paso cada quien, y cuándo volverán a encontrarse.',
      },
    },
    shared: {
      heading: 'Notas compartidas',
      empty: 'Todavía no hay notas compartidas.',
      label: 'Una nota para los dos',
      add: 'Agregar a las notas compartidas',
    },
    private: {
      heading: 'Mis notas privadas',
      hint: 'Solo tú puedes verlas.',
      empty: 'Todavía no hay notas privadas.',
      label: 'Una nota privada',
      add: 'Agregar una nota privada',
    },
    noteMeta: '{{author}} · {{date}}',
    added: 'Nota agregada.',
  },
};
