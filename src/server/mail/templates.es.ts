/** The emails in Spanish (es-419, tú; I18N-MAIL-*): the same catalogue as `templates.ts`, dates through Intl. */
import type { MailTemplates } from './templates';

const LOCALE = 'es-419';

/** `YYYY-MM-DD` as a Spanish date ("15 de diciembre de 2026"); anything else stays as it is. */
function day(ymd: string): string {
  const at = new Date(`${ymd}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || Number.isNaN(at.getTime())) return ymd;
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** A moment in UTC, as the English mail gives it ("lunes, 5 de enero de 2026, 14:00 UTC"). */
function dateTimeUtc(at: Date): string {
  const text = new Intl.DateTimeFormat(LOCALE, {
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(at);
  return `${text} UTC`;
}

const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

const surveyPromise = (threshold: number, closesOn: string) =>
  `Tus respuestas se guardan sin ningún vínculo contigo. Los resultados solo se muestran para grupos en los que respondieron al menos ${threshold} personas, y solo después de que la encuesta cierre el ${day(closesOn)}.`;

export const es: MailTemplates = {
  passwordReset: ({ name, link }) => ({
    subject: 'Restablece tu contraseña de Ensemble',
    text: `Hola, ${name}:\n\nAlguien (esperamos que tú) pidió restablecer tu contraseña de Ensemble. Abre este enlace en la próxima hora para elegir una nueva:\n\n${link}\n\nSi no fuiste tú, puedes ignorar este correo: tu contraseña sigue igual.\n`,
  }),
  emailVerification: ({ name, link }) => ({
    subject: 'Confirma tu correo electrónico para Ensemble',
    text: `Hola, ${name}:\n\nConfirma que esta es tu dirección de correo electrónico abriendo este enlace:\n\n${link}\n`,
  }),
  invitation: ({ inviter, groupName, districtName, days, link }) => {
    const what = groupName !== null ? `al equipo “${groupName}”` : `a ${districtName ?? 'tu distrito'}`;
    return {
      subject: `${inviter} te invitó a ${groupName ?? 'Ensemble'}`,
      text: `Hola:\n\n${inviter} te invitó a unirte ${what} en Ensemble, donde los equipos siguen rutinas breves y estructuradas que les ayudan a aprender entre colegas.\n\nAcepta la invitación (válida por ${days} días):\n\n${link}\n`,
    };
  },
  invitationElsewhere: () => ({
    subject: 'Una invitación a Ensemble que no puedes aceptar con esta dirección',
    text: `Hola:\n\nAlguien invitó a esta dirección a una organización en Ensemble. Esta dirección ya tiene una cuenta de Ensemble en otra organización, y cada cuenta pertenece a una sola organización, así que no se puede aceptar la invitación con ella.\n\nSi quieres unirte, pide una invitación a otra dirección. Si no esperabas este correo, puedes ignorarlo.\n`,
  }),
  joinCodeHasAccount: ({ groupName, signInLink }) => ({
    subject: `Unirte a ${groupName} en Ensemble`,
    text: `Hola:\n\nAlguien (probablemente tú) usó con esta dirección un código para unirse a ${groupName}. Ya tienes una cuenta de Ensemble: inicia sesión y vuelve a escribir el código para unirte.\n\n${signInLink}\n\nSi no fuiste tú, puedes ignorar este correo; nada ha cambiado.\n`,
  }),
  joinCodeElsewhere: () => ({
    subject: 'Tu dirección ya está en uso en Ensemble',
    text: `Hola:\n\nAlguien (probablemente tú) intentó registrarse en Ensemble con un código para unirse y esta dirección. Esta dirección ya tiene una cuenta de Ensemble en otra organización, y cada cuenta pertenece a una sola organización, así que no puede unirse aquí. Usa otra dirección o pregunta a quien facilita el equipo.\n\nSi no fuiste tú, puedes ignorar este correo; nada ha cambiado.\n`,
  }),
  joinCodeConfirm: ({ groupName, hours, link }) => ({
    subject: `Confirma tu correo electrónico para unirte a ${groupName}`,
    text: `Hola:\n\nConfirma tu dirección de correo electrónico para crear tu cuenta de Ensemble y unirte a ${groupName} (el enlace vale por ${hours} horas):\n\n${link}\n\nSi no lo pediste, puedes ignorar este correo; no se crea ninguna cuenta.\n`,
  }),
  networkInvitation: ({ inviter, network, days, link }) => ({
    subject: `${inviter} te invitó a la red ${network}`,
    text: `Hola:\n\n${inviter} te invitó a unirte a ${network}, una red de directores(as) en Ensemble.\n\nInicia sesión en tu propia cuenta de Ensemble con esta dirección y luego acepta la invitación (válida por ${days} días):\n\n${link}\n\nTu distrito solo guarda que perteneces a la red; lo que escribas allí se queda en la red.\n`,
  }),
  meetingInvitation: ({ inviter, name, role, meetingTitle, groupName, at, link }) => {
    const when = at ? ` el ${dateTimeUtc(at)}` : '';
    const as = role === 'model' ? 'a modelar una práctica' : 'a observar';
    return {
      subject: `${inviter} te invitó a una reunión de ${groupName}`,
      text: `Hola, ${name}:\n\n${inviter} te invitó ${as} en “${meetingTitle}”, una reunión de modelado entre pares de ${groupName}${when}. La invitación es solo para esta reunión.\n\nLa reunión, su plan y tus notas de la visita:\n\n${link}\n`,
    };
  },
  surveyInvitation: ({ name, title, threshold, closesOn, link }) => ({
    subject: `Una encuesta breve: ${title}`,
    text: `Hola, ${name}:\n\nTe invitamos a responder “${title}”, una encuesta breve sobre cómo trabaja tu equipo en conjunto. Toma unos 5 minutos.\n\n${surveyPromise(threshold, closesOn)}\n\nResponde aquí: ${link}\n`,
  }),
  surveyReminder: ({ name, title, threshold, closesOn, link }) => ({
    subject: `Recordatorio: ${title}`,
    text: `Hola, ${name}:\n\nLa encuesta “${title}” está abierta hasta el ${day(closesOn)}. Si quieres participar, toma unos 5 minutos. Nadie sabe quién ha respondido: este recordatorio llega a todas las personas que aún no lo han hecho.\n\n${surveyPromise(threshold, closesOn)}\n\nResponde aquí: ${link}\n`,
  }),
  digest: {
    subject: (open, overdue) =>
      overdue > 0
        ? `Tus próximos pasos esta semana: ${count(open, 'pendiente', 'pendientes')}, ${count(overdue, 'vencido', 'vencidos')}`
        : `Tus próximos pasos esta semana: ${count(open, 'pendiente', 'pendientes')}`,
    hello: (name) => `Hola, ${name}:`,
    intro: (today) => `Tus próximos pasos pendientes al ${day(today)}:`,
    section: {
      overdue: 'Vencidos',
      'due-soon': 'Vencen en los próximos 7 días',
      later: 'Más adelante',
      'no-date': 'Sin fecha límite',
    },
    context: ({ teamName, meetingTitle, due }) =>
      `${teamName}, de “${meetingTitle}”${due ? `, vence el ${day(due)}` : ''}`,
    markDone: 'Márcalos como hechos, con lo que pasó',
    why: 'Recibes este correo porque activaste el resumen semanal.',
    stopIt: 'Para dejar de recibirlo:',
    unsubscribe: 'Cancelar la suscripción',
  },
  unsubscribePage: {
    title: 'Resumen semanal · Ensemble',
    gone: {
      heading: 'Este enlace ya no funciona',
      body: 'Desactiva el resumen semanal en la página Próximos pasos después de iniciar sesión.',
    },
    already: { heading: 'Cancelaste la suscripción', body: 'No recibirás el resumen semanal.' },
    confirm: {
      heading: '¿Dejar de recibir el resumen semanal?',
      body: 'Ya no recibirás el correo semanal con tus próximos pasos.',
      button: 'Cancelar la suscripción',
    },
    done: { heading: 'Cancelaste la suscripción', body: 'Ya no recibirás el resumen semanal.' },
  },
};
