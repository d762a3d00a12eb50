/**
 * I18N-SRV-3, I18N-SRV-4: every sentence the server writes for people has its Spanish, found by reading the code
 * with the TypeScript compiler API (`testing/message-scan.ts`), so a new `conflict('…')` without Spanish fails here.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { scanMessages } from '../testing/message-scan';
import { MESSAGES_ES, WORDS_ES } from './messages.es';
import { spanishOf, translate } from './translate';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** Where the sentences people read are written: the server, the meeting core, the schedules, the contracts. */
const SCANNED = [
  'src/server',
  'src/core/meeting',
  'src/core/schedule',
  'src/core/book-study',
  'src/contracts',
];
const scan = scanMessages(root, SCANNED);
const normal = (key: string) => key.replace(/\{\{\d+\}\}/g, '{{}}');
const keys = new Set(Object.keys(MESSAGES_ES).map(normal));

/**
 * Messages computed where they are thrown, each with where its sentences are written (and so scanned or not).
 * A new computed message fails the test until it is placed here.
 */
const DYNAMIC: Record<string, string> = {
  'src/server/http/errors.ts message': 'the helpers themselves: their callers are scanned',
  'src/server/next-steps/routes.ts message': "the meeting core's rejection (src/core/meeting, scanned)",
  'src/server/reflections/routes.ts message': "the meeting core's rejection (src/core/meeting, scanned)",
  'src/server/demo/routes.ts opened.error.message': "the meeting core's rejection (scanned)",
  'src/server/guests/routes.ts result.error.message': "the meeting core's rejection (scanned)",
  'src/server/meetings/routes.ts result.error.message': "the meeting core's rejection (scanned)",
  'src/server/peer-modeling/routes.ts result.error.message': "the meeting core's rejection (scanned)",
  'src/server/setup/first-team.ts result.error.message': "the meeting core's rejection (scanned)",
  'src/core/meeting/decide.ts phaseMessage(state)': 'three literals in decide.ts, in the catalogue',
  'src/core/meeting/decide.ts phaseMessage(s)': 'three literals in decide.ts, in the catalogue',
  'src/core/meeting/decide.ts roleMessage(rule.who)': "'Only {{0}} can do that' and its role words",
  'src/server/realtime/socket-server.ts issueText(command.error)':
    "a path and Zod's message, parsed in the socket's language",
  'src/server/schedule/queries.ts i.message': 'src/core/schedule (scanned)',
  'src/server/roster/routes.ts message': 'roster/files.ts problems (scanned) after their file name',
  "src/server/roster/routes.ts outcome.problems.map(formatProblem).join('\\n')":
    'file:line: problems of src/core/roster (scanned), one a line',
  'src/server/routines/routes.ts e.message':
    'src/core/routines (scanned) and Zod (its English messages are in the catalogue)',
  'src/server/routines/routes.ts formatFileIssue(e)':
    'file:line: path: the rules of src/core/routines, src/core/yaml, the contracts (scanned), Zod (catalogue)',
  // `refuse(req, reply, reason, …)` of sso/routes.ts is a redirect with a reason code, not a sentence.
  'src/server/sso/routes.ts reply': 'not a message: the SSO refusal redirects with a reason code',
};

describe('I18N-SRV-4: every sentence the server writes has its Spanish', () => {
  it('I18N-SRV-4: the scan finds the messages (it reads the code, it does not come back empty)', () => {
    expect(scan.found.length).toBeGreaterThan(400);
    expect(scan.found.map((f) => f.text)).toContain('Choose a routine this team can run.');
    expect(scan.found.filter((f) => f.kind === 'noun').map((f) => f.text)).toContain('That group');
    expect(scan.found.map((f) => f.text)).toContain('Enter a valid email address');
  });

  it('I18N-SRV-4: every literal message given to the HttpError helpers, the socket or the meeting core is in the catalogue', () => {
    const missing = scan.found
      .filter((f) => (f.kind === 'noun' ? !(f.text in WORDS_ES) : !keys.has(f.text)))
      .map((f) => `${f.where}: ${f.kind} "${f.text}"`);
    expect(missing).toEqual([]);
  });

  it('I18N-SRV-4: every message computed at run time is a known one, with where its sentences come from', () => {
    const places = [...new Set(scan.dynamic.map((d) => d.replace(/:\d+ /, ' ')))].sort();
    expect(places).toEqual(Object.keys(DYNAMIC).sort());
  });

  it('I18N-SRV-3: every Spanish keeps the placeholders of its English, and says something else', () => {
    const same = new Set(['{{0}}: {{1}}', '{{0}}: {{1}}: {{2}}', '{{0}}:{{1}}:{{2}}: {{3}}']);
    // `missing column${'s' or ''} …`: the English plural ending has no place in the Spanish.
    const drops: Record<string, string[]> = { 'missing column{{0}} {{1}}': ['0'] };
    for (const [english, spanish] of Object.entries(MESSAGES_ES)) {
      const holes = (text: string) => [...text.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1]).sort();
      const dropped = drops[english] ?? [];
      expect(holes(spanish), english).toEqual(holes(english).filter((h) => !dropped.includes(h ?? '')));
      if (!same.has(english)) expect(spanish, english).not.toBe(english);
      expect(spanish.trim(), english).toBe(spanish);
    }
  });
});

describe('I18N-SRV-3: a sentence is translated once, where the answer leaves', () => {
  it('I18N-SRV-3: exact sentences, notFound nouns and template parts come out in Spanish; English is untouched', () => {
    expect(translate('Choose a routine this team can run.', 'es')).toBe(
      'Elige una rutina que este equipo pueda usar.',
    );
    expect(translate('Choose a routine this team can run.', 'en')).toBe(
      'Choose a routine this team can run.',
    );
    expect(translate('That survey was not found.', 'es')).toBe('No se encontró esa encuesta.');
    expect(translate('That was not found.', 'es')).toBe('No se encontró lo que buscas.');
    expect(translate('A meeting has at most 40 people', 'es')).toBe(
      'Una reunión tiene como máximo 40 personas',
    );
    expect(translate('Only the facilitator or the timekeeper can do that', 'es')).toBe(
      'Solo quien facilita o quien cronometra puede hacer eso',
    );
    expect(translate('Only members can do that', 'es')).toBe('Solo los miembros pueden hacer eso');
    expect(translate('This suggestion was already accepted', 'es')).toBe('Esta sugerencia ya fue aceptada');
    expect(translate('Malformed join request (meetingId: This field is required)', 'es')).toBe(
      'Solicitud para unirse mal formada (meetingId: Este campo es obligatorio)',
    );
    expect(translate('users.csv: is encrypted: zip the files without a password', 'es')).toBe(
      'users.csv: está cifrado: comprime los archivos sin contraseña',
    );
    expect(translate('Choose at least 1 focus areas', 'es')).toBe('Elige al menos 1 áreas de enfoque');
    expect(translate('Nothing was imported: 3 files have problems to fix.', 'es')).toBe(
      'No se importó nada: 3 archivos tienen problemas que corregir.',
    );
  });

  it("I18N-SRV-3: the file:line problems of a routine or instrument upload, Zod's English wording in them included", () => {
    expect(translate('share-successes.yaml:3:1: Unknown field "colour"', 'es')).toBe(
      'share-successes.yaml:3:1: Campo desconocido “colour”',
    );
    expect(
      translate('my.yaml:4:3: steps[0].title: Invalid input: expected string, received number', 'es'),
    ).toBe('my.yaml:4:3: steps[0].title: Entrada no válida: se esperaba texto, se recibió número');
    expect(
      translate('my.yaml:1:1: YAML anchors and aliases (& and *) are not allowed in a routine file', 'es'),
    ).toBe('my.yaml:1:1: Los anclajes y alias de YAML (& y *) no están permitidos en un archivo de rutina');
    expect(translate('pulse.yaml:9:3: items[5]: A pulse has at most 5 items; found 6', 'es')).toBe(
      'pulse.yaml:9:3: items[5]: Un pulso tiene como máximo 5 ítems; se encontraron 6',
    );
  });

  it('I18N-SRV-3: OneRoster problems, warnings and their row counts', () => {
    expect(
      translate(
        'users.csv:4: warning: role "Teacher" read as "teacher" (wrong case) (3 rows; this is the first)\nmanifest.csv: names no oneroster.version (1.1 or 1.2)',
        'es',
      ),
    ).toBe(
      'users.csv:4: advertencia: role “Teacher” se leyó como “teacher” (mayúsculas y minúsculas incorrectas) (3 filas; esta es la primera)\nmanifest.csv: no indica oneroster.version (1.1 o 1.2)',
    );
    expect(translate('users.csv:1: missing columns "email", "role"', 'es')).toBe(
      'users.csv:1: faltan las columnas "email", "role"',
    );
  });

  it('I18N-SRV-3: each line of a list of problems is translated; what is not ours stays as it is', () => {
    expect(translate('Enter a name\nUse at most 80 characters', 'es')).toBe(
      'Escribe un nombre\nUsa como máximo 80 caracteres',
    );
    expect(spanishOf('Something nobody wrote')).toBeUndefined();
    expect(translate('Something nobody wrote', 'es')).toBe('Something nobody wrote');
  });
});
