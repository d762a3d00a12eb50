/**
 * The server's sentences in Spanish (I18N-SRV-3; ADR 0044, "server messages"): each English sentence, exactly as
 * the code writes it, is the key of its Spanish (gettext style), so the call sites stay in English and the
 * sentence is translated once, where the answer leaves (`http/errors.ts`, the socket adapter).
 * `{{0}}`, `{{1}}`… stand for the parts of a template literal, in order; what fills them is translated through
 * `WORDS_ES` when it is a word we wrote (a noun, a kind), and kept as it is otherwise (numbers, ids, names).
 * Voice and glossary: /work/tmp/prompts/glossary-es.md (neutral Latin American Spanish, tú).
 * `catalogue.test.ts` fails when a sentence the code writes has no entry here.
 */
export const MESSAGES_ES: Readonly<Record<string, string>> = {
  // --- The error handler's own sentences (http/errors.ts) ---------------------------------------------------------
  'Sign in to continue.': 'Inicia sesión para continuar.',
  'You do not have permission to do that.': 'No tienes permiso para hacer eso.',
  '{{0}} was not found.': 'No se encontró {{0}}.',
  'That was not found.': 'No se encontró lo que buscas.',
  'Too many attempts. Wait a few minutes and try again.':
    'Demasiados intentos. Espera unos minutos e inténtalo de nuevo.',
  'Some fields need attention.': 'Revisa algunos campos.',
  'This field is required': 'Este campo es obligatorio',
  'This field is not allowed': 'Este campo no está permitido',
  'Invalid value': 'Valor no válido',
  'Something went wrong on our side.': 'Algo salió mal de nuestro lado.',
  'The request is too large.': 'La solicitud es demasiado grande.',
  'Send JSON (Content-Type: application/json).': 'Envía JSON (Content-Type: application/json).',
  'The request body is empty.': 'El cuerpo de la solicitud está vacío.',
  'The request could not be read.': 'No se pudo leer la solicitud.',
  'That already exists (perhaps it was just created).': 'Eso ya existe (quizás se acaba de crear).',
  'Something this refers to no longer exists.': 'Algo a lo que esto se refiere ya no existe.',
  'Some text contains characters that cannot be stored.':
    'Algún texto contiene caracteres que no se pueden guardar.',
  'A date or time is not valid.': 'Una fecha u hora no es válida.',
  'A date or time is out of range.': 'Una fecha u hora está fuera del rango permitido.',
  'A number is out of range.': 'Un número está fuera del rango permitido.',
  'A value is too long.': 'Un valor es demasiado largo.',
  'A value is not valid.': 'Un valor no es válido.',

  // --- Compositions: only their parts are words ------------------------------------------------------------------
  '{{0}}: {{1}}': '{{0}}: {{1}}',
  '{{0}}: {{1}}: {{2}}': '{{0}}: {{1}}: {{2}}',
  '{{0}}:{{1}}:{{2}}: {{3}}': '{{0}}:{{1}}:{{2}}: {{3}}',
  '{{0}} is invalid': '{{0}} no es válido',

  // --- Sign-in, accounts, invitations, join codes -----------------------------------------------------------------
  'An account with this email already exists': 'Ya existe una cuenta con este correo electrónico',
  'An account with this email already exists. Sign in instead.':
    'Ya existe una cuenta con este correo electrónico. Inicia sesión.',
  'Choose a different password.': 'Elige otra contraseña.',
  'Email is not set up on this server, so a new account cannot be confirmed. Ask your facilitator for an invitation link.':
    'El correo electrónico no está configurado en este servidor, así que no se puede confirmar una cuenta nueva. Pide a quien facilita un enlace de invitación.',
  'Email is set up on this server: ask them to use “Forgot your password?” on the sign-in page.':
    'El correo electrónico está configurado en este servidor: pídele a esa persona que use “¿Olvidaste tu contraseña?” en la página de inicio de sesión.',
  'Ensemble is already set up. Sign in instead.': 'Ensemble ya está configurado. Inicia sesión.',
  'Enter the password of this account': 'Escribe la contraseña de esta cuenta',
  'Enter your password.': 'Escribe tu contraseña.',
  'Enter your password': 'Escribe tu contraseña',
  'Invalid or expired link': 'El enlace no es válido o venció',
  'Sign in again, then delete your account within 10 minutes.':
    'Vuelve a iniciar sesión y elimina tu cuenta en los 10 minutos siguientes.',
  'Sign in as the invited person to accept.': 'Inicia sesión como la persona invitada para aceptar.',
  'That API token is not valid: unknown, expired or revoked.':
    'Ese token de API no es válido: es desconocido, venció o se revocó.',
  'That address is not valid.': 'Esa dirección no es válida.',
  'That code belongs to another organization.': 'Ese código pertenece a otra organización.',
  'That code is not valid any more. Ask your facilitator for a new one.':
    'Ese código ya no es válido. Pide uno nuevo a quien facilita.',
  'That email and password do not match an active account.':
    'Ese correo electrónico y esa contraseña no corresponden a una cuenta activa.',
  'That password is not right.': 'Esa contraseña no es correcta.',
  'This API token can only read (its scope is read).':
    'Este token de API solo puede leer (su alcance es de lectura).',
  'Personal API tokens cannot call this endpoint.': 'Los tokens de API personales no pueden usar esta ruta.',
  'This confirmation link is invalid, used or expired. Use the join code again.':
    'Este enlace de confirmación no es válido, ya se usó o venció. Usa otra vez el código para unirse.',
  'This invitation link is invalid, used, revoked or expired. Ask for a new one.':
    'Este enlace de invitación no es válido, ya se usó, se revocó o venció. Pide uno nuevo.',
  'This invitation link is invalid, used, revoked or expired. Ask the convener for a new one.':
    'Este enlace de invitación no es válido, ya se usó, se revocó o venció. Pide uno nuevo a quien convoca.',
  'This invitation was sent to another address. Ask the convener to invite yours.':
    'Esta invitación se envió a otra dirección. Pide a quien convoca que invite la tuya.',
  'This is your own address': 'Esta es tu propia dirección',
  'This reset link is invalid, used or expired. Ask for a new one.':
    'Este enlace para restablecer la contraseña no es válido, ya se usó o venció. Pide uno nuevo.',
  'This verification link is invalid, used or expired.':
    'Este enlace de verificación no es válido, ya se usó o venció.',
  'This team’s code has been used too often in the last hour. Try again later.':
    'El código de este equipo se usó demasiadas veces en la última hora. Inténtalo más tarde.',
  'Too many codes that did not work. Try again later.':
    'Demasiados códigos que no funcionaron. Inténtalo más tarde.',
  'Too many failed attempts. Wait a moment and try again.':
    'Demasiados intentos fallidos. Espera un momento e inténtalo de nuevo.',
  'Unknown or expired code': 'Código desconocido o vencido',
  'Use at least 10 characters': 'Usa al menos 10 caracteres',
  'This password is too common. Choose a less predictable one.':
    'Esta contraseña es demasiado común. Elige una menos predecible.',
  'Do not build your password from your email address.':
    'No armes tu contraseña a partir de tu correo electrónico.',
  'A password of one repeated character is too easy to guess.':
    'Una contraseña de un solo carácter repetido es demasiado fácil de adivinar.',
  'Choose a password': 'Elige una contraseña',
  'Enter your email': 'Escribe tu correo electrónico',
  'Code of another organization': 'Código de otra organización',
  'To join this team yourself, ask to join it from the team page.':
    'Para unirte tú a este equipo, pide unirte desde la página del equipo.',
  'Cross-site request refused.': 'Se rechazó una solicitud de otro sitio.',
  'Cross-site request refused. (If this is your own server, set PUBLIC_URL to the address you open it at.)':
    'Se rechazó una solicitud de otro sitio. (Si este es tu propio servidor, define PUBLIC_URL con la dirección desde la que lo abres).',
  'This server does not answer to that host name.': 'Este servidor no responde a ese nombre de host.',
  'The issuer must be an https address': 'El emisor debe ser una dirección https',
  'The issuer must be an https address.': 'El emisor debe ser una dirección https.',
  'Could not make a unique code. Try again.': 'No se pudo crear un código único. Inténtalo de nuevo.',
  'Could not make a unique meeting code. Try again.':
    'No se pudo crear un código de reunión único. Inténtalo de nuevo.',

  // --- District, schools, people, teams ---------------------------------------------------------------------------
  'A district needs at least one active admin. Make someone else an admin first.':
    'Un distrito necesita al menos un(a) administrador(a) activo(a). Primero haz administradora a otra persona.',
  'You are the only district admin. Make another person a district admin first.':
    'Eres la única persona que administra el distrito. Primero haz administradora del distrito a otra persona.',
  'A group needs at least one facilitator. Make someone else facilitator first.':
    'Un grupo necesita al menos un(a) facilitador(a). Primero haz facilitadora a otra persona.',
  'You are its only convener: make another member a convener first.':
    'Eres la única persona que convoca: primero haz que otro miembro convoque.',
  'Already a member': 'Ya es miembro',
  'Already a member of this team: change their role in the member list.':
    'Ya es miembro de este equipo: cambia su rol en la lista de miembros.',
  'Already on the roster': 'Ya está en el padrón',
  'On the team': 'En el equipo',
  'Not on the team nor invited': 'No está en el equipo ni invitado(a)',
  Deactivated: 'Desactivado(a)',
  'Choose a person of your district.': 'Elige a una persona de tu distrito.',
  'Choose an active person of your district.': 'Elige a una persona activa de tu distrito.',
  'Choose a school of your district.': 'Elige una escuela de tu distrito.',
  'Choose teams of your district': 'Elige equipos de tu distrito',
  'That person is deactivated and cannot join.': 'Esa persona está desactivada y no puede unirse.',
  'That person is deactivated.': 'Esa persona está desactivada.',
  'That person is on the team already.': 'Esa persona ya está en el equipo.',
  'This person is deactivated. Reactivate them before creating a reset link.':
    'Esta persona está desactivada. Reactívala antes de crear un enlace para restablecer la contraseña.',
  'That request to join has expired. They can ask again.':
    'Esa solicitud para unirse venció. La persona puede pedirlo de nuevo.',
  'That school is archived.': 'Esa escuela está archivada.',
  'The school is archived': 'La escuela está archivada',
  'That school is not in your district': 'Esa escuela no es de tu distrito',
  'This team has no school': 'Este equipo no tiene escuela',
  'This team belongs to no school: share it with the district.':
    'Este equipo no pertenece a ninguna escuela: compártelo con el distrito.',
  'Unknown cohort': 'Cohorte desconocida',
  'Unknown person': 'Persona desconocida',
  'Unknown school': 'Escuela desconocida',
  'Unknown team': 'Equipo desconocido',
  'Choose cohorts of this network': 'Elige cohortes de esta red',
  'Choose the whole network or cohorts': 'Elige toda la red o algunas cohortes',
  'A network has no schools: choose the whole network or some of its cohorts':
    'Una red no tiene escuelas: elige toda la red o algunas de sus cohortes',
  'Expected district (the whole network)': 'Se esperaba district (toda la red)',
  'This pair has already ended.': 'Esta pareja ya terminó.',
  'Nobody belongs to that scope yet': 'Todavía no hay nadie en ese ámbito',
  'Choose a scope with people in it': 'Elige un ámbito con personas',
  'Use district, school:<id> or team:<id>': 'Usa district, school:<id> o team:<id>',

  // --- Meetings, series, schedules, guests ------------------------------------------------------------------------
  'A meeting of a series needs a date and time.': 'Una reunión de una serie necesita fecha y hora.',
  'A meeting that has been held stays in its series.': 'Una reunión que ya se realizó se queda en su serie.',
  'Check the dates of the series.': 'Revisa las fechas de la serie.',
  'The last date comes before the first meeting of the series':
    'La última fecha es anterior a la primera reunión de la serie',
  'A series has at most {{0}} dates: choose an earlier last date':
    'Una serie tiene como máximo {{0}} fechas: elige una última fecha anterior',
  "{{0}} is not one of the series' dates": '{{0}} no es una de las fechas de la serie',
  'Choose a date and time': 'Elige una fecha y una hora',
  'Choose today or a later date': 'Elige hoy o una fecha posterior',
  'Choose a routine this team can run.': 'Elige una rutina que este equipo pueda usar.',
  'Choose a team member or a person invited to this meeting.':
    'Elige a un miembro del equipo o a una persona invitada a esta reunión.',
  'Join the meeting first.': 'Primero únete a la reunión.',
  'Join the meeting to share your note.': 'Únete a la reunión para compartir tu nota.',
  'Many people are already waiting to join this meeting. Ask the facilitator.':
    'Ya hay muchas personas esperando para unirse a esta reunión. Pregunta a quien facilita.',
  'Not in that meeting.': 'No estás en esa reunión.',
  'Not possible right now. Try again.': 'No es posible en este momento. Inténtalo de nuevo.',
  'Only the facilitator lets guests in': 'Solo quien facilita deja entrar a las personas invitadas',
  'Only the facilitator lets guests in.': 'Solo quien facilita deja entrar a las personas invitadas.',
  'Only the team takes part in its meetings.': 'Solo el equipo participa en sus reuniones.',
  'Only those who may see the team hear about its meetings.':
    'Solo quienes pueden ver el equipo reciben avisos de sus reuniones.',
  'That guest is already taking part.': 'Esa persona invitada ya está participando.',
  'That guest was turned away. They can ask again.':
    'No se dejó entrar a esa persona invitada. Puede pedirlo de nuevo.',
  'That meeting was not found.': 'No se encontró esa reunión.',
  'That team was not found.': 'No se encontró ese equipo.',
  'The meeting has ended.': 'La reunión terminó.',
  'The meeting has opened: its plan is the one it opened with.':
    'La reunión ya se abrió: su plan es el que tenía al abrirse.',
  'The meeting was cancelled.': 'La reunión se canceló.',
  'This meeting was cancelled.': 'Esta reunión se canceló.',
  'This meeting has already been opened; only a scheduled meeting can be changed.':
    'Esta reunión ya se abrió; solo se puede cambiar una reunión programada.',
  'This meeting was opened meanwhile. Reload and try again.':
    'Mientras tanto, alguien abrió esta reunión. Vuelve a cargar e inténtalo de nuevo.',
  'This meeting was opened or cancelled meanwhile. Reload and try again.':
    'Mientras tanto, esta reunión se abrió o se canceló. Vuelve a cargar e inténtalo de nuevo.',
  'This page is out of date. Reload it to continue.':
    'Esta página está desactualizada. Vuelve a cargarla para continuar.',
  'This series was cancelled; schedule a new one instead.': 'Esta serie se canceló; programa una nueva.',
  'Too many messages. Slow down.': 'Demasiados mensajes. Ve más despacio.',
  'Unknown message': 'Mensaje desconocido',
  'Malformed message': 'Mensaje mal formado',
  'Malformed command ({{0}})': 'Comando mal formado ({{0}})',
  'Malformed join request ({{0}})': 'Solicitud para unirse mal formada ({{0}})',
  'Malformed leave request ({{0}})': 'Solicitud para salir mal formada ({{0}})',
  'Malformed ping ({{0}})': 'Ping mal formado ({{0}})',
  'Malformed watch request ({{0}})': 'Solicitud de seguimiento mal formada ({{0}})',
  'You are signed in. Join the meeting with your account, or sign out to join as a guest.':
    'Ya iniciaste sesión. Únete a la reunión con tu cuenta o cierra sesión para unirte como persona invitada.',
  'This team has no demo colleagues to simulate.':
    'Este equipo no tiene colegas de demostración para simular.',
  'This team has no Share Successes routine to practise with.':
    'Este equipo no tiene una rutina para compartir logros con la cual practicar.',
  'The Share Successes routine is not installed.': 'La rutina para compartir logros no está instalada.',
  'This text cannot be saved.': 'Este texto no se puede guardar.',
  'The meeting is very busy. Try again.': 'La reunión está muy ocupada. Inténtalo de nuevo.',
  'Give the section a session time and a routine first.':
    'Primero dale a la sección una hora de sesión y una rutina.',
  "This section's session is already scheduled.": 'La sesión de esta sección ya está programada.',
  "The section's routine no longer exists: choose another.":
    'La rutina de la sección ya no existe: elige otra.',
  'Not set for this section': 'No está definido para esta sección',
  'The routine "{{0}}" of this meeting no longer exists.': 'La rutina “{{0}}” de esta reunión ya no existe.',

  // --- The meeting itself (src/core/meeting) ----------------------------------------------------------------------
  'This meeting does not exist yet': 'Esta reunión todavía no existe',
  'Only members of this meeting can take part': 'Solo los miembros de esta reunión pueden participar',
  'The meeting has not started yet': 'La reunión todavía no empezó',
  'The meeting has ended': 'La reunión terminó',
  'Not possible while the meeting is running': 'No es posible mientras la reunión está en curso',
  'Only {{0}} can do that': 'Solo {{0}} puede hacer eso',
  'Only members can do that': 'Solo los miembros pueden hacer eso',
  'A guest cannot facilitate': 'Una persona invitada no puede facilitar',
  'A meeting has at most {{0}} people': 'Una reunión tiene como máximo {{0}} personas',
  'A meeting has 1 to {{0}} members': 'Una reunión tiene de 1 a {{0}} miembros',
  'The facilitator must be a member': 'Quien facilita debe ser miembro',
  'Invited people must be on the roster': 'Las personas invitadas deben estar en la lista',
  'A person invited to one meeting cannot facilitate it':
    'Una persona invitada a una sola reunión no puede facilitarla',
  'A person invited to this meeting only cannot facilitate':
    'Una persona invitada solo a esta reunión no puede facilitar',
  'A step can be extended by at most {{0}} minutes': 'Un paso se puede extender como máximo {{0}} minutos',
  'A visit note has at most {{0}} characters': 'Una nota de visita tiene como máximo {{0}} caracteres',
  'A visit note is shared while the meeting runs': 'Una nota de visita se comparte durante la reunión',
  'A visit note is shared while the meeting runs.': 'Una nota de visita se comparte durante la reunión.',
  'An action item belongs to a member of this meeting': 'Una tarea pertenece a un miembro de esta reunión',
  'An agenda has 1 to {{0}} routines': 'Una agenda tiene de 1 a {{0}} rutinas',
  'An agenda needs a routine': 'Una agenda necesita una rutina',
  'Facilitation goes to a member of this meeting': 'La facilitación se asigna a un miembro de esta reunión',
  'Name at least one role to assign': 'Indica al menos un rol para asignar',
  'No step "{{0}}"': 'No existe el paso “{{0}}”',
  'No such action item': 'No existe esa tarea',
  'No such next step to follow up in this meeting':
    'No existe ese próximo paso para darle seguimiento en esta reunión',
  'No such question card': 'No existe esa tarjeta de pregunta',
  'No such reflection of yours': 'No existe esa reflexión tuya',
  'No such source tag': 'No existe esa etiqueta de fuente',
  'No such suggestion': 'No existe esa sugerencia',
  'Not a Peer Modeling part': 'No es una parte de modelado entre pares',
  'Only a variable-length step can be resized; extend it instead':
    'Solo se puede cambiar la duración de un paso de duración variable; extiéndelo',
  'Only an observed practice has an observation mode':
    'Solo una práctica observada tiene un modo de observación',
  'Only its owner, the person who added it or the facilitator can mark it done.':
    'Solo la persona responsable, quien lo agregó o quien facilita puede marcarlo como hecho.',
  'Only probing questions are flagged for offering a solution':
    'Solo las preguntas de indagación se marcan por ofrecer una solución',
  'Only the owner of the next step or the facilitator can follow it up':
    'Solo la persona responsable del próximo paso o quien facilita puede darle seguimiento',
  'Only the owner, the person who added it or the facilitator can complete an action item':
    'Solo la persona responsable, quien la agregó o quien facilita puede completar una tarea',
  'Only the person who tagged it or the facilitator can remove a tag':
    'Solo quien la etiquetó o quien facilita puede quitar una etiqueta',
  'Only the presenter is chosen per part of the agenda':
    'Solo se elige presentador(a) para cada parte de la agenda',
  'Part {{0}} has two plans': 'La parte {{0}} tiene dos planes',
  'Part {{0}} of the agenda is not a Peer Modeling routine':
    'La parte {{0}} de la agenda no es una rutina de modelado entre pares',
  'Roles go to members of this meeting': 'Los roles se asignan a miembros de esta reunión',
  'Sources of efficacy are tagged in the final discussion':
    'Las fuentes de eficacia se etiquetan en la conversación final',
  'That part of the agenda is not a Peer Modeling routine.':
    'Esa parte de la agenda no es una rutina de modelado entre pares.',
  'The agenda has no part {{0}}': 'La agenda no tiene una parte {{0}}',
  'The meeting has already moved to another step': 'La reunión ya pasó a otro paso',
  'The note would grow past its length limit': 'La nota superaría su longitud máxima',
  'The presenter answers questions rather than asking them':
    'Quien presenta responde preguntas en lugar de hacerlas',
  'The timer has not started; start it': 'El temporizador no ha empezado; inícialo',
  'The timer is already running': 'El temporizador ya está en marcha',
  'The timer is not running': 'El temporizador no está en marcha',
  'The timer is paused; resume it': 'El temporizador está en pausa; reanúdalo',
  'The visit note is empty': 'La nota de visita está vacía',
  'This action item is already complete': 'Esta tarea ya está completa',
  'This is the first step': 'Este es el primer paso',
  'This is the last step; end the meeting instead': 'Este es el último paso; mejor termina la reunión',
  'This meeting has no Peer Modeling part': 'Esta reunión no tiene una parte de modelado entre pares',
  'This meeting has reached its limit of action items': 'Esta reunión llegó a su límite de tareas',
  'This meeting has reached its limit of note suggestions':
    'Esta reunión llegó a su límite de sugerencias de notas',
  'This meeting has reached its limit of question cards':
    'Esta reunión llegó a su límite de tarjetas de preguntas',
  'This meeting has reached its limit of source tags':
    'Esta reunión llegó a su límite de etiquetas de fuente',
  'This suggestion was already {{0}}': 'Esta sugerencia ya fue {{0}}',
  'You already facilitate this meeting': 'Ya facilitas esta reunión',
  'You have asked {{0}} questions in this meeting, the most one person can':
    'Hiciste {{0}} preguntas en esta reunión, el máximo para una persona',
  'You have made {{0}} note suggestions in this meeting, the most one person can':
    'Hiciste {{0}} sugerencias de notas en esta reunión, el máximo para una persona',
  'You have reached the limit of reflections in this meeting':
    'Llegaste al límite de reflexiones en esta reunión',
  'Write your visit note before sharing it.': 'Escribe tu nota de visita antes de compartirla.',
  Empty: 'Vacío',
  '{{0}}: step id "{{1}}" is too long to run in an agenda':
    '{{0}}: el id de paso “{{1}}” es demasiado largo para usarse en una agenda',

  // --- Memory, sharing, cards, next steps -------------------------------------------------------------------------
  'Choose one of the team’s observations.': 'Elige una de las observaciones del equipo.',
  'Choose one of the team’s recorded successes.': 'Elige uno de los logros registrados del equipo.',
  'Confirm that you agree to make this card public.': 'Confirma que aceptas hacer pública esta tarjeta.',
  'Confirm that you agree to share this copy.': 'Confirma que aceptas compartir esta copia.',
  'Give the day it happened.': 'Indica el día en que ocurrió.',
  'In a network, a copy is shared with the whole network.':
    'En una red, una copia se comparte con toda la red.',
  'Not a text of a {{0}}': 'No es un texto de {{0}}',
  'Expected {{0}}': 'Se esperaba {{0}}',
  'Not an observation of this team': 'No es una observación de este equipo',
  'Nothing is proposed for sharing.': 'No hay nada propuesto para compartir.',
  'Nothing is shared or proposed for this record.': 'No hay nada compartido ni propuesto para este registro.',
  'Only a member of the team that held the meeting can share to it.':
    'Solo un miembro del equipo que realizó la reunión puede compartir en ella.',
  'Only a problem of practice is marked resolved.': 'Solo un problema de la práctica se marca como resuelto.',
  'Only a shared success can become a share card.': 'Solo un logro compartido puede convertirse en tarjeta.',
  'Only a success has evidence of student growth': 'Solo un logro tiene evidencia del progreso estudiantil',
  'Only a success is linked to the observation that inspired it.':
    'Solo un logro se vincula con la observación que lo inspiró.',
  'Only a success or a resolved dilemma can be shared beyond the team.':
    'Solo un logro o un dilema resuelto se puede compartir más allá del equipo.',
  'Only its author contributed to this record: the team’s consent is not needed.':
    'Solo su autor(a) contribuyó a este registro: no se necesita el consentimiento del equipo.',
  'Only the author consents for themselves': 'Solo el (la) autor(a) da su propio consentimiento',
  'Only the author gives the author’s consent; they will be asked.':
    'Solo el (la) autor(a) da su consentimiento; se le preguntará.',
  'Only the author of this success makes its cards.':
    'Solo el (la) autor(a) de este logro crea sus tarjetas.',
  'Only the card’s author changes it.': 'Solo el (la) autor(a) de la tarjeta puede cambiarla.',
  'That text does not belong to this kind of record.': 'Ese texto no corresponde a este tipo de registro.',
  'The author has consented already.': 'El (la) autor(a) ya dio su consentimiento.',
  'The copy must be of the same kind as the record.': 'La copia debe ser del mismo tipo que el registro.',
  'The team has consented already.': 'El equipo ya dio su consentimiento.',
  'This problem of practice is resolved already.': 'Este problema de la práctica ya está resuelto.',
  'This proposal is no longer open.': 'Esta propuesta ya no está abierta.',
  'This proposal was shared or withdrawn meanwhile.':
    'Mientras tanto, esta propuesta se compartió o se retiró.',
  'This record is already shared.': 'Este registro ya está compartido.',
  'This record is already shared: withdraw it before sharing a new copy.':
    'Este registro ya está compartido: retíralo antes de compartir una copia nueva.',
  'This record is not a success': 'Este registro no es un logro',
  'This shared copy can no longer be read.': 'Esta copia compartida ya no se puede leer.',
  'Unknown success': 'Logro desconocido',
  'Your consent is needed to publish': 'Se necesita tu consentimiento para publicar',
  'Your consent is needed to share': 'Se necesita tu consentimiento para compartir',
  'Not a PNG, JPEG or WebP image': 'No es una imagen PNG, JPEG ni WebP',
  'The image is larger than 1 MB.': 'La imagen pesa más de 1 MB.',
  'The image must be a PNG, JPEG or WebP file.': 'La imagen debe ser un archivo PNG, JPEG o WebP.',
  'The image must be at most 1 MB': 'La imagen debe pesar como máximo 1 MB',
  'Not base64': 'No está en base64',
  'Contains a NUL character': 'Contiene un carácter NUL',
  'Text cannot contain NUL characters.': 'El texto no puede contener caracteres NUL.',

  // --- Routines, instruments, surveys, pulse ----------------------------------------------------------------------
  '"{{0}}" is the id of one of Ensemble\'s own instruments; give yours another id.':
    '“{{0}}” es el id de uno de los instrumentos propios de Ensemble; dale otro id al tuyo.',
  'A routine from the library is copied, not changed in place':
    'Una rutina de la biblioteca se copia; no se cambia directamente',
  "A team's version of an Ensemble routine is shared as a copy with its own name":
    'La versión de un equipo de una rutina de Ensemble se comparte como una copia con nombre propio',
  'Another team already shares a routine with this id. Copy it under a new name.':
    'Otro equipo ya comparte una rutina con este id. Cópiala con un nombre nuevo.',
  'Choose another id': 'Elige otro id',
  'Copy this routine under a new name to adapt it.': 'Copia esta rutina con un nombre nuevo para adaptarla.',
  'Copy this routine under a new name to share it.':
    'Copia esta rutina con un nombre nuevo para compartirla.',
  'Raise the version': 'Aumenta la versión',
  'Say what the new routine starts from.': 'Indica de qué parte la rutina nueva.',
  'Someone saved a newer version of this routine at the same time. Reload and try again.':
    'Alguien guardó al mismo tiempo una versión más nueva de esta rutina. Vuelve a cargar e inténtalo de nuevo.',
  'The changed routine is not valid.': 'La rutina modificada no es válida.',
  'The routine is not valid.': 'La rutina no es válida.',
  'Unknown routine': 'Rutina desconocida',
  'Unknown routine or version': 'Rutina o versión desconocida',
  'Unknown instrument': 'Instrumento desconocido',
  'Use kind: survey': 'Usa kind: survey',
  'Version {{0}} of "{{1}}" is already uploaded; raise its version.':
    'La versión {{0}} de “{{1}}” ya está cargada; aumenta su versión.',
  'Nothing was uploaded: the file has problems to fix.':
    'No se cargó nada: el archivo tiene problemas que corregir.',
  "Only survey instruments can be uploaded; the meeting pulse is Ensemble's own.":
    'Solo se pueden cargar instrumentos de encuesta; el pulso de la reunión es propio de Ensemble.',
  'A wave answered through a link has nobody to remind by email':
    'Una ronda que se responde con un enlace no tiene a quién recordarle por correo electrónico',
  'A wave opens today or later': 'Una ronda se abre hoy o más adelante',
  "A network's results are not split by role": 'Los resultados de una red no se separan por rol',
  'Choose a wave with the same questions': 'Elige una ronda con las mismas preguntas',
  'Choose another wave': 'Elige otra ronda',
  'Choose one of the survey instruments': 'Elige uno de los instrumentos de encuesta',
  'Choose two different waves': 'Elige dos rondas distintas',
  'Choose two waves that asked the same questions': 'Elige dos rondas que hicieron las mismas preguntas',
  'Incomplete request': 'Solicitud incompleta',
  'Only an open wave sends reminders': 'Solo una ronda abierta envía recordatorios',
  Required: 'Obligatorio',
  'Results are shown once the wave has closed, so nobody can watch them change':
    'Los resultados se muestran cuando la ronda se cierra, para que nadie los vea cambiar',
  'Some answers need another look': 'Revisa algunas respuestas',
  'The pulse is open for a day after the meeting ends':
    'El pulso está abierto durante un día después de que termina la reunión',
  'The two waves asked different groups, so this group is not the same people in both: compare a school or team that both asked whole':
    'Las dos rondas preguntaron a grupos distintos, así que este grupo no reúne a las mismas personas en ambas: compara una escuela o un equipo al que las dos preguntaron completo',
  'The wave could not be saved': 'No se pudo guardar la ronda',
  'These two waves did not ask the same people there':
    'Estas dos rondas no preguntaron a las mismas personas ahí',
  'This browser could not be told apart': 'No se pudo distinguir este navegador',
  'This browser has already answered this survey': 'Este navegador ya respondió esta encuesta',
  'This survey asks for no comments.': 'Esta encuesta no pide comentarios.',
  'This survey cannot be read; ask the person who started it':
    'Esta encuesta no se puede leer; pregunta a la persona que la inició',
  'This survey is not open': 'Esta encuesta no está abierta',
  'This wave invites people by email': 'Esta ronda invita a las personas por correo electrónico',
  'This wave is already closed': 'Esta ronda ya está cerrada',
  'This wave is closed': 'Esta ronda está cerrada',
  'Too few people in that group answered for what they wrote to be shown.':
    'Muy pocas personas de ese grupo respondieron como para mostrar lo que escribieron.',
  'Use all': 'Usa all',
  'You have already answered this pulse': 'Ya respondiste este pulso',
  'You have already answered this survey': 'Ya respondiste esta encuesta',
  'Name a setting to change': 'Indica una configuración para cambiar',

  // --- Book study, colleagues, peer modeling ----------------------------------------------------------------------
  'An ISBN has 10 digits (the last may be X) or 13 digits starting 978 or 979':
    'Un ISBN tiene 10 dígitos (el último puede ser X) o 13 dígitos que empiezan por 978 o 979',
  'Check the ISBN.': 'Revisa el ISBN.',
  'Check the sections of the study.': 'Revisa las secciones del círculo de lectura.',
  'The check digit does not match: a digit may be mistyped':
    'El dígito de control no coincide: puede haber un dígito mal escrito',
  'Not a date': 'No es una fecha',
  "Read-by day is before the previous section's ({{0}})":
    'El día para terminar la lectura es anterior al de la sección previa ({{0}})',
  'Give the section a session time for its routine': 'Dale a la sección una hora de sesión para su rutina',
  'Choose a routine this group can run': 'Elige una rutina que este grupo pueda usar',
  'Not a section of this study': 'No es una sección de este círculo de lectura',
  'This section is listed twice': 'Esta sección aparece dos veces',
  '"{{0}}" has reflections: keep it (with its id)': '“{{0}}” tiene reflexiones: consérvala (con su id)',
  '"{{0}}" has a scheduled session: keep it (with its id)':
    '“{{0}}” tiene una sesión programada: consérvala (con su id)',
  'Answer this question': 'Responde esta pregunta',
  'Choose one of the {{0}} answers': 'Elige una de las {{0}} respuestas',
  'This pulse has no such question': 'Este pulso no tiene esa pregunta',
  'The meeting of {{0}} has already been held': 'La reunión del {{0}} ya se realizó',

  // --- Routine and instrument files: the file:line problems of an upload (src/core/routines, src/core/yaml,
  // src/contracts/instrument.ts), and Zod's own English messages inside them (the global locale is English) -------
  'Position {{0}} is past the last step': 'La posición {{0}} está después del último paso',
  'Another file of this import has the same name': 'Otro archivo de esta importación tiene el mismo nombre',
  'File is larger than {{0}} characters': 'El archivo tiene más de {{0}} caracteres',
  'Step id "{{0}}" is already used by step {{1}}': 'El id de paso “{{0}}” ya lo usa el paso {{1}}',
  'The final step must be the last step': 'El paso final debe ser el último',
  'A final step needs finalPrompts (learned, nextSteps, sources)':
    'Un paso final necesita finalPrompts (learned, nextSteps, sources)',
  'Only the final step has finalPrompts': 'Solo el paso final tiene finalPrompts',
  'A questions step needs questionKind (clarifying or probing)':
    'Un paso de preguntas necesita questionKind (clarifying o probing)',
  'Only a questions step has questionKind': 'Solo un paso de preguntas tiene questionKind',
  'An observe step needs modes (how the team watches the model)':
    'Un paso de observación necesita modes (cómo observa el equipo el modelo)',
  'Only an observe step has modes': 'Solo un paso de observación tiene modes',
  'Only an observe step can have a variable length':
    'Solo un paso de observación puede tener duración variable',
  'Each source of efficacy may be listed once': 'Cada fuente de eficacia se puede indicar una sola vez',
  'Each mode may be listed once': 'Cada modo se puede indicar una sola vez',
  'A routine ends with exactly one final step (kind: final); none found':
    'Una rutina termina con exactamente un paso final (kind: final); no se encontró ninguno',
  'A routine has exactly one final step; found {{0}}':
    'Una rutina tiene exactamente un paso final; se encontraron {{0}}',
  'The steps add up to {{0}} minutes; the limit is {{1}}':
    'Los pasos suman {{0}} minutos; el límite es {{1}}',
  'Unknown field "{{0}}"': 'Campo desconocido “{{0}}”',
  'Nested more than {{0}} levels deep': 'Tiene más de {{0}} niveles de anidación',
  'YAML anchors and aliases (& and *) are not allowed in {{0}}':
    'Los anclajes y alias de YAML (& y *) no están permitidos en {{0}}',
  'A {{0}}-point scale needs {{1}} labels, lowest to highest; found {{2}}':
    'Una escala de {{0}} puntos necesita {{1}} etiquetas, de la más baja a la más alta; se encontraron {{2}}',
  'The label "{{0}}" is already used by point {{1}}': 'La etiqueta “{{0}}” ya la usa el punto {{1}}',
  'Item id "{{0}}" is already used by item {{1}}': 'El id de ítem “{{0}}” ya lo usa el ítem {{1}}',
  'Item {{0}} already has this wording': 'El ítem {{0}} ya tiene esta redacción',
  'A survey needs at least {{0}} items for "{{1}}" (found {{2}}), so its reliability can be computed':
    'Una encuesta necesita al menos {{0}} ítems para “{{1}}” (se encontraron {{2}}), para poder calcular su confiabilidad',
  'A pulse has at most {{0}} items; found {{1}}':
    'Un pulso tiene como máximo {{0}} ítems; se encontraron {{1}}',
  'A pulse has no free text': 'Un pulso no tiene texto libre',
  'Free text that is allowed needs a prompt': 'El texto libre permitido necesita una indicación',
  'Write the routine': 'Escribe la rutina',
  'Choose the routine to copy': 'Elige la rutina que quieres copiar',
  'Name the copy': 'Ponle nombre a la copia',
  // Zod's English messages (zod/v4/locales/en.js), for the texts that carry them already worded in English.
  'Invalid input: expected {{0}}, received {{1}}': 'Entrada no válida: se esperaba {{0}}, se recibió {{1}}',
  'Invalid input: expected {{0}}': 'Entrada no válida: se esperaba {{0}}',
  'Invalid option: expected one of {{0}}': 'Opción no válida: se esperaba una de {{0}}',
  'Too big: expected {{0}} to have {{1}} {{2}}':
    'Demasiado grande: se esperaba que {{0}} tuviera {{1}} {{2}}',
  'Too big: expected {{0}} to be {{1}}': 'Demasiado grande: se esperaba que {{0}} fuera {{1}}',
  'Too small: expected {{0}} to have {{1}} {{2}}':
    'Demasiado pequeño: se esperaba que {{0}} tuviera {{1}} {{2}}',
  'Too small: expected {{0}} to be {{1}}': 'Demasiado pequeño: se esperaba que {{0}} fuera {{1}}',
  'Invalid string: must start with "{{0}}"': 'Texto no válido: debe empezar con “{{0}}”',
  'Invalid string: must end with "{{0}}"': 'Texto no válido: debe terminar en “{{0}}”',
  'Invalid string: must include "{{0}}"': 'Texto no válido: debe incluir “{{0}}”',
  'Invalid string: must match pattern {{0}}': 'Texto no válido: debe coincidir con el patrón {{0}}',
  'Invalid number: must be a multiple of {{0}}': 'Número no válido: debe ser múltiplo de {{0}}',
  'Unrecognized key: {{0}}': 'Campo desconocido: {{0}}',
  'Unrecognized keys: {{0}}': 'Campos desconocidos: {{0}}',
  'Invalid key in {{0}}': 'Clave no válida en {{0}}',
  'Invalid discriminator value. Expected {{0}}': 'Valor discriminador no válido. Se esperaba {{0}}',
  'Invalid input: more than one option matched': 'Entrada no válida: coincide más de una opción',
  'Invalid input': 'Entrada no válida',
  'Invalid value in {{0}}': 'Valor no válido en {{0}}',
  'Invalid {{0}}': 'Valor no válido ({{0}})',
  '(document)': '(documento)',

  // --- OneRoster files (roster/files.ts; the file's name comes first) ---------------------------------------------
  'The upload is not a zip file.': 'El archivo cargado no es un zip.',
  'The roster or the district changed since the preview: preview the import again.':
    'El padrón o el distrito cambió desde la vista previa: vuelve a generar la vista previa de la importación.',
  'Nothing was imported: {{0}} problems to fix.': 'No se importó nada: hay problemas que corregir ({{0}}).',
  'Nothing was imported: a file has problems to fix.':
    'No se importó nada: un archivo tiene problemas que corregir.',
  'Nothing was imported: {{0}} files have problems to fix.':
    'No se importó nada: {{0}} archivos tienen problemas que corregir.',
  'appears twice in the folder (names differing only in case)':
    'aparece dos veces en la carpeta (nombres que solo difieren en mayúsculas y minúsculas)',
  'appears twice in the zip': 'aparece dos veces en el zip',
  'cannot be read safely: {{0}}': 'no se puede leer de forma segura: {{0}}',
  'has more than {{0}} entries': 'tiene más de {{0}} entradas',
  'holds more than {{0}} of roster files': 'contiene más de {{0}} de archivos del padrón',
  'is a symbolic link: a roster folder holds plain files only':
    'es un enlace simbólico: una carpeta del padrón solo contiene archivos normales',
  'is a symbolic link: a roster zip holds plain files only':
    'es un enlace simbólico: un zip del padrón solo contiene archivos normales',
  'is encrypted: zip the files without a password': 'está cifrado: comprime los archivos sin contraseña',
  'is larger than {{0}}, the most a roster file may be':
    'pesa más de {{0}}, el máximo para un archivo del padrón',
  'is not a zip file ({{0}})': 'no es un archivo zip ({{0}})',

  // --- OneRoster CSV problems (src/core/roster; after "file:line: ", a warning with "warning: ") ----------------
  'warning: {{0}}': 'advertencia: {{0}}',
  '{{0}} ({{1}} rows; this is the first)': '{{0}} ({{1}} filas; esta es la primera)',
  'is not UTF-8 (an invalid byte): save the file as UTF-8 and export again':
    'no está en UTF-8 (tiene un byte no válido): guarda el archivo como UTF-8 y vuelve a exportarlo',
  'is not well-formed CSV ({{0}})': 'no es un CSV bien formado ({{0}})',
  'is empty: a header line is needed': 'está vacío: se necesita una línea de encabezado',
  'has {{0}} fields where the header has {{1}}': 'tiene {{0}} campos donde el encabezado tiene {{1}}',
  'column "{{0}}" read as "{{1}}" (wrong case)':
    'la columna “{{0}}” se leyó como “{{1}}” (mayúsculas y minúsculas incorrectas)',
  'column "{{0}}" appears twice': 'la columna “{{0}}” aparece dos veces',
  'missing column{{0}} {{1}}': 'faltan columnas: {{1}}',
  'missing column {{0}}': 'falta la columna {{0}}',
  'missing columns {{0}}': 'faltan las columnas {{0}}',
  '{{0}} "{{1}}" read as "{{2}}" (wrong case)':
    '{{0}} “{{1}}” se leyó como “{{2}}” (mayúsculas y minúsculas incorrectas)',
  'dateLastModified "{{0}}" has no time: read as that day':
    'dateLastModified “{{0}}” no tiene hora: se leyó como ese día',
  'dateLastModified "{{0}}" is not a date (use 2026-08-15T00:00:00Z)':
    'dateLastModified “{{0}}” no es una fecha (usa 2026-08-15T00:00:00Z)',
  'status "{{0}}" is not active or tobedeleted': 'status “{{0}}” no es active ni tobedeleted',
  'sourcedId is empty': 'sourcedId está vacío',
  'sourcedId "{{0}}" repeats line {{1}}': 'sourcedId “{{0}}” repite la línea {{1}}',
  'is missing: a OneRoster set starts with its manifest':
    'falta: un conjunto de OneRoster empieza con su manifiesto',
  'oneroster.version "{{0}}" is not 1.1 or 1.2': 'oneroster.version “{{0}}” no es 1.1 ni 1.2',
  '{{0}} is "{{1}}": use absent, bulk or delta': '{{0}} es “{{1}}”: usa absent, bulk o delta',
  'names no oneroster.version (1.1 or 1.2)': 'no indica oneroster.version (1.1 o 1.2)',
  'marks {{0}} absent: a roster needs {{1}}': 'marca {{0}} como ausente: un padrón necesita {{1}}',
  'is marked absent in manifest.csv: not read': 'está marcado como ausente en manifest.csv: no se leyó',
  'is missing, but manifest.csv lists it as {{0}}': 'falta, pero manifest.csv lo indica como {{0}}',
  'marks files as delta: Ensemble imports bulk sets only (a delta cannot say who left); export a bulk set':
    'marca archivos como delta: Ensemble solo importa conjuntos bulk (un delta no puede indicar quién se fue); exporta un conjunto bulk',
  'type "{{0}}" is not one of {{1}}': 'type “{{0}}” no es uno de {{1}}',
  'name is empty': 'name está vacío',
  'name is longer than 120 characters': 'name tiene más de 120 caracteres',
  'role "{{0}}" is not a OneRoster role': 'role “{{0}}” no es un rol de OneRoster',
  'role "{{0}}" read as "{{1}}" (wrong case)':
    'role “{{0}}” se leyó como “{{1}}” (mayúsculas y minúsculas incorrectas)',
  '{{0}} "{{1}}" is not in orgs.csv': '{{0}} “{{1}}” no está en orgs.csv',
  'userSourcedId "{{0}}" is not in users.csv': 'userSourcedId “{{0}}” no está en users.csv',
  'userSourcedId "{{0}}" is not in users.csv: enrollment ignored':
    'userSourcedId “{{0}}” no está en users.csv: se ignoró la inscripción',
  'classSourcedId "{{0}}" is not in classes.csv: its school is taken from schoolSourcedId':
    'classSourcedId “{{0}}” no está en classes.csv: su escuela se toma de schoolSourcedId',
  'user "{{0}}" has no role in roles.csv: not imported':
    'el usuario “{{0}}” no tiene rol en roles.csv: no se importó',
  'givenName and familyName are empty': 'givenName y familyName están vacíos',
  'the name is longer than 120 characters': 'el nombre tiene más de 120 caracteres',
  'email "{{0}}" repeats line {{1}}': 'el correo electrónico “{{0}}” repite la línea {{1}}',
  'email "{{0}}" belongs to an account in another district or network':
    'el correo electrónico “{{0}}” pertenece a una cuenta de otro distrito o red',
  'email "{{0}}" is already the address of rostered user "{{1}}"':
    'el correo electrónico “{{0}}” ya es la dirección del usuario del padrón “{{1}}”',
  'email "{{0}}" is an existing account: it is taken into the roster':
    'el correo electrónico “{{0}}” es de una cuenta existente: se incorpora al padrón',
  'email "{{0}}" is already another account\'s address':
    'el correo electrónico “{{0}}” ya es la dirección de otra cuenta',
  'rostered user "{{0}}" is missing but is a district admin: not deactivated':
    'falta el usuario del padrón “{{0}}”, pero administra el distrito: no se desactivó',

  // --- The contracts' own messages (src/contracts: form fields and API answers) -----------------------------------
  'A cohort belongs to a network: start it there': 'Una cohorte pertenece a una red: créala ahí',
  'A district leadership team belongs to no school':
    'Un equipo directivo del distrito no pertenece a ninguna escuela',
  'A file has at most {{0}} characters': 'Un archivo tiene como máximo {{0}} caracteres',
  'A file name without slashes or control characters':
    'Un nombre de archivo sin barras ni caracteres de control',
  'A join code has 8 letters and digits': 'Un código para unirse tiene 8 letras y dígitos',
  'A video link goes with the classroom video mode': 'Un enlace de video va con el modo de video de la clase',
  'A wave stays open at most {{0}} days': 'Una ronda se mantiene abierta como máximo {{0}} días',
  'An agenda has at most {{0}} routines': 'Una agenda tiene como máximo {{0}} rutinas',
  'At most {{0}} authors': 'Como máximo {{0}} autores',
  'At most {{0}} discussion prompts a section': 'Como máximo {{0}} preguntas de conversación por sección',
  'At most {{0}} sections': 'Como máximo {{0}} secciones',
  'At most {{0}} skipped dates': 'Como máximo {{0}} fechas omitidas',
  'Choose a time zone from the list': 'Elige una zona horaria de la lista',
  'Choose an image': 'Elige una imagen',
  'Choose at least one file': 'Elige al menos un archivo',
  'Choose at least one routine': 'Elige al menos una rutina',
  'Choose at least one team': 'Elige al menos un equipo',
  'Choose at least one time you could meet': 'Elige al menos un horario en que podrías reunirte',
  'Choose at least {{0}} {{1}}': 'Elige al menos {{0}}: {{1}}',
  'Choose at most {{0}} {{1}}': 'Elige como máximo {{0}}: {{1}}',
  'Choose at least {{0}} focus areas': 'Elige al menos {{0}} áreas de enfoque',
  'Choose at most {{0}} focus areas': 'Elige como máximo {{0}} áreas de enfoque',
  'Choose at least {{0}} areas to get help with': 'Elige al menos {{0}} áreas en las que quieres apoyo',
  'Choose at most {{0}} areas to get help with': 'Elige como máximo {{0}} áreas en las que quieres apoyo',
  'Choose at least {{0}} areas to offer': 'Elige al menos {{0}} áreas en las que puedes apoyar',
  'Choose at most {{0}} areas to offer': 'Elige como máximo {{0}} áreas en las que puedes apoyar',
  'Choose each focus area once': 'Elige cada área de enfoque una sola vez',
  'Choose each time once': 'Elige cada horario una sola vez',
  'Choose the school this group belongs to': 'Elige la escuela a la que pertenece este grupo',
  'Describe the focus': 'Describe el enfoque',
  'Describe the image for people who cannot see it':
    'Describe la imagen para las personas que no pueden verla',
  'Enter a date between 1970 and 9999': 'Escribe una fecha entre 1970 y 9999',
  'Enter a domain such as school.org': 'Escribe un dominio, como school.org',
  'Enter a name': 'Escribe un nombre',
  'Enter a valid email address': 'Escribe un correo electrónico válido',
  'Enter a web address starting with https://': 'Escribe una dirección web que empiece por https://',
  'Enter the client ID': 'Escribe el ID de cliente',
  'Enter the client secret': 'Escribe el secreto de cliente',
  'Enter the district name': 'Escribe el nombre del distrito',
  'Enter the issuer URL, such as https://login.example.org':
    'Escribe la URL del emisor, como https://login.example.org',
  'Enter the meeting code': 'Escribe el código de la reunión',
  'Enter the school name': 'Escribe el nombre de la escuela',
  'Enter the team name': 'Escribe el nombre del equipo',
  'Enter the tenant ID (a GUID)': 'Escribe el ID del inquilino (un GUID)',
  'Enter the words on the button': 'Escribe las palabras del botón',
  'Enter your name': 'Escribe tu nombre',
  'Enter your state or region': 'Escribe tu estado o región',
  'Enter {{0}}': 'Escribe {{0}}',
  'Enter a title for the section': 'Escribe un título para la sección',
  'Enter the prompt': 'Escribe la pregunta de conversación',
  'Enter the book title': 'Escribe el título del libro',
  'Enter your reflection': 'Escribe tu reflexión',
  'Give either an agenda of routines or one routineId': 'Indica una agenda de rutinas o un solo routineId',
  'Give the card a title': 'Ponle un título a la tarjeta',
  'Give the evidence of student growth': 'Indica la evidencia del progreso estudiantil',
  'Give the meeting a title': 'Ponle un título a la reunión',
  'Give the shared copy a title': 'Ponle un título a la copia compartida',
  'Give the success a title': 'Ponle un título al logro',
  'Give the wave a title': 'Ponle un título a la ronda',
  'Import at most {{0}} files at once': 'Importa como máximo {{0}} archivos a la vez',
  'Keep it under 2,000 characters': 'Usa menos de 2000 caracteres',
  'Name at least one author': 'Indica al menos un(a) autor(a)',
  'Name the file': 'Ponle nombre al archivo',
  'Name the state of a state association': 'Indica el estado de una asociación estatal',
  'Not a real date': 'No es una fecha real',
  'Not an image': 'No es una imagen',
  'Say what members get': 'Indica qué reciben los miembros',
  'Split the book into at least one section': 'Divide el libro en al menos una sección',
  'Tell what happened': 'Cuenta qué pasó',
  'Text may not contain NUL characters': 'El texto no puede contener caracteres NUL',
  'The close date is on or after the open date': 'La fecha de cierre es igual o posterior a la de apertura',
  'The cycle ends after it starts': 'El ciclo termina después de empezar',
  'The threshold is at least {{0}}: it can be raised, never lowered':
    'El umbral es de al menos {{0}}: se puede subir, nunca bajar',
  'Two capital letters, e.g. CA': 'Dos letras mayúsculas, por ejemplo CA',
  'Type DELETE to confirm.': 'Escribe DELETE para confirmar.',
  'Type at least 2 characters': 'Escribe al menos 2 caracteres',
  'Use a date and time like 2027-01-31T16:00': 'Usa una fecha y hora como 2027-01-31T16:00',
  'Use a date between the years 1000 and 9999': 'Usa una fecha entre los años 1000 y 9999',
  'Use a date like 2027-01-31': 'Usa una fecha como 2027-01-31',
  'Use a link that starts with https://': 'Usa un enlace que empiece por https://',
  'Use a time like 15:30 (24-hour)': 'Usa una hora como 15:30 (formato de 24 horas)',
  'Use a-z, 0-9 and hyphens (at most 40)': 'Usa a-z, 0-9 y guiones (como máximo 40)',
  'Use at least {{0}} characters': 'Usa al menos {{0}} caracteres',
  'Use at most 1,000 characters': 'Usa como máximo 1000 caracteres',
  'Use at most 200 characters': 'Usa como máximo 200 caracteres',
  'Use at most 80 characters': 'Usa como máximo 80 caracteres',
  'Use at most {{0}} characters': 'Usa como máximo {{0}} caracteres',
  'Use lower-case letters, digits and single hyphens': 'Usa letras minúsculas, dígitos y guiones sueltos',
  'Use the 10 or 13 digits of the ISBN (hyphens are fine)':
    'Usa los 10 o 13 dígitos del ISBN (puedes incluir guiones)',
  'Write a short text': 'Escribe un texto breve',
  'Write something first': 'Primero escribe algo',
  'Write the goal': 'Escribe el objetivo',
  'Write the {{0}}': 'Escribe {{0}}',
  'Write the area of curiosity': 'Escribe el área de curiosidad',
  'Write the practice': 'Escribe la práctica',
  'routineVersion goes with routineId': 'routineVersion va con routineId',
};

/**
 * Nouns and words that fill a template (`notFound('That team')`, `{{0}}` of `Not a text of a {{0}}`): each with
 * its article, so the Spanish sentence around it needs no gender ('No se encontró {{0}}.' → 'No se encontró esa
 * reunión.').
 */
export const WORDS_ES: Readonly<Record<string, string>> = {
  'A meeting with that code': 'una reunión con ese código',
  'An open meeting with that code': 'una reunión abierta con ese código',
  'Single sign-on for that address': 'el inicio de sesión único para esa dirección',
  'Single sign-on for that district': 'el inicio de sesión único para ese distrito',
  'That API token': 'ese token de API',
  'That book study': 'ese círculo de lectura',
  'That calendar': 'ese calendario',
  'That card': 'esa tarjeta',
  'That cohort': 'esa cohorte',
  'That demo person': 'esa persona de demostración',
  'That district': 'ese distrito',
  'That group': 'ese grupo',
  'That guest': 'esa persona invitada',
  'That image': 'esa imagen',
  'That invitation': 'esa invitación',
  'That join code': 'ese código para unirse',
  'That meeting': 'esa reunión',
  'That member': 'ese miembro',
  'That network': 'esa red',
  'That next step': 'ese próximo paso',
  'That organization': 'esa organización',
  'That page': 'esa página',
  'That pair': 'esa pareja',
  'That person': 'esa persona',
  'That record': 'ese registro',
  'That reflection': 'esa reflexión',
  'That request': 'esa solicitud',
  'That routine in the library': 'esa rutina en la biblioteca',
  'That routine': 'esa rutina',
  'That school': 'esa escuela',
  'That section': 'esa sección',
  'That series': 'esa serie',
  'That shared copy': 'esa copia compartida',
  'That sign-in provider': 'ese proveedor de inicio de sesión',
  'That survey': 'esa encuesta',
  'That unsubscribe link': 'ese enlace para cancelar la suscripción',
  'The meeting pulse': 'el pulso de la reunión',
  'The outbox': 'la bandeja de salida',
  // Roles named by the meeting core's "Only {{0}} can do that".
  'the facilitator': 'quien facilita',
  'the facilitator or the timekeeper': 'quien facilita o quien cronometra',
  'the note-taker': 'el (la) relator(a)',
  'the presenter, the facilitator or the note-taker': 'quien presenta, quien facilita o el (la) relator(a)',
  members: 'los miembros',
  // Kinds of team memory records and states of a suggestion.
  success: 'un logro',
  dilemma: 'un dilema',
  observation: 'una observación',
  accepted: 'aceptada',
  dismissed: 'descartada',
  // What a colleague profile's lists hold (`Choose at least {{0}} {{1}}`).
  'focus areas': 'áreas de enfoque',
  'areas to get help with': 'áreas en las que quieres apoyo',
  'areas to offer': 'áreas en las que puedes apoyar',
  'area of curiosity': 'el área de curiosidad',
  practice: 'la práctica',
  'a title for the section': 'un título para la sección',
  'the prompt': 'la pregunta de conversación',
  'the book title': 'el título del libro',
  'your reflection': 'tu reflexión',
  message: 'mensaje',
  // A OneRoster problem that does not stop the import (`users.csv:4: warning: …`).
  warning: 'advertencia',
  // What a YAML file is called in its problems.
  'a routine file': 'un archivo de rutina',
  'an instrument file': 'un archivo de instrumento',
  'a directory file': 'un archivo del directorio',
  // Zod's English names of types, sizes and formats (`Invalid input: expected {{0}}, received {{1}}`).
  string: 'texto',
  number: 'número',
  boolean: 'booleano',
  array: 'arreglo',
  object: 'objeto',
  undefined: 'indefinido',
  null: 'nulo',
  date: 'fecha',
  nan: 'NaN',
  value: 'valor',
  characters: 'caracteres',
  items: 'elementos',
  bytes: 'bytes',
  'email address': 'correo electrónico',
  'ISO datetime': 'fecha y hora ISO',
  'ISO date': 'fecha ISO',
  'ISO time': 'hora ISO',
  'ISO duration': 'duración ISO',
  input: 'entrada',
};
