import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '#contracts/auth';
import type { MeetingEvent } from '#contracts/meeting';
import type { MeetingAgendaItem } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import { routineStructure, sameContent, structureDifferences } from '#core/content/translation';
import { formatFileIssue } from '#core/routines/index';
import { parseRoutine } from '#core/routines/parse';
import { deepFreeze } from '../system/deep-freeze';

export class RoutineFileError extends Error {}

/** `protocols/` beside the application files, found from this module (bundled or not), not the working dir. */
export function protocolsFolder(): string {
  for (const candidate of ['../../protocols', '../../../protocols', '../protocols']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new RoutineFileError('Cannot find the protocols folder next to the application files.');
}

let shipped: ReadonlyMap<string, Routine> | undefined;

/**
 * Loads and validates every `*.yaml` routine; a bad file stops the start with its file and line. The shipped folder
 * is read once a process (APP-START-1: the app and the demo seed each asked for it at every start) and its routines
 * are frozen, since every caller shares them; another folder is read on each call.
 */
export function loadShippedRoutines(folder?: string): ReadonlyMap<string, Routine> {
  if (folder !== undefined) return readRoutines(folder);
  shipped ??= deepFreeze(readRoutines(protocolsFolder()));
  return shipped;
}

function readRoutines(folder: string, label = 'protocols'): ReadonlyMap<string, Routine> {
  const routines = new Map<string, Routine>();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const result = parseRoutine(readFileSync(join(folder, file), 'utf8'), `${label}/${file}`);
    if (!result.ok) throw new RoutineFileError(result.errors.map(formatFileIssue).join('\n'));
    if (routines.has(result.routine.id))
      throw new RoutineFileError(`${label}/${file}: routine id "${result.routine.id}" is used twice`);
    routines.set(result.routine.id, result.routine);
  }
  // ROUTINE-LIB-LEAD-1: a wording for other groups runs the same steps, kinds and minutes as the routine it words.
  const plan = (r: Routine) =>
    JSON.stringify(r.steps.map((s) => [s.id, s.kind, s.minutes, s.variable ?? false]));
  for (const r of routines.values()) {
    if (r.variantOf === undefined) continue;
    const base = routines.get(r.variantOf);
    if (!base || plan(base) !== plan(r))
      throw new RoutineFileError(
        `${label}: routine "${r.id}" words "${r.variantOf}" differently, so it needs that routine with the same steps, kinds and minutes`,
      );
  }
  return routines;
}

/** The languages Ensemble's routines are translated into, each a folder of `protocols/` (`protocols/es/`). */
const TRANSLATED: readonly Exclude<Language, 'en'>[] = ['es'];

export type RoutineTranslations = ReadonlyMap<Exclude<Language, 'en'>, ReadonlyMap<string, Routine>>;

let translations: RoutineTranslations | undefined;

/**
 * I18N-CONTENT-1: the shipped routines in other languages, `protocols/<language>/<same file>.yaml`. Each is the
 * routine of the same id in `english` with other words only (same version, steps, kinds, minutes, roles, sources,
 * prompt counts); a file that differs otherwise, or names a routine Ensemble does not ship, stops the start with
 * every difference. A routine with no translation is shown in English.
 */
export function loadRoutineTranslations(
  folder?: string,
  english: ReadonlyMap<string, Routine> = loadShippedRoutines(folder),
): RoutineTranslations {
  if (folder !== undefined) return readTranslations(folder, english);
  if (translations === undefined) {
    translations = readTranslations(protocolsFolder(), english);
    for (const inLanguage of translations.values()) deepFreeze(inLanguage);
  }
  return translations;
}

function readTranslations(folder: string, english: ReadonlyMap<string, Routine>): RoutineTranslations {
  const out = new Map<Exclude<Language, 'en'>, ReadonlyMap<string, Routine>>();
  for (const language of TRANSLATED) {
    const path = join(folder, language);
    if (!existsSync(path)) continue;
    const routines = readRoutines(path, `protocols/${language}`);
    for (const r of routines.values()) {
      const base = english.get(r.id);
      if (!base)
        throw new RoutineFileError(
          `protocols/${language}: routine "${r.id}" translates no routine of protocols/ (use the English file's id)`,
        );
      const differences = structureDifferences(routineStructure(base), routineStructure(r));
      if (differences.length > 0)
        throw new RoutineFileError(
          `protocols/${language}: routine "${r.id}" must have the same structure as its English file; only the words may differ:\n  ${differences.join('\n  ')}`,
        );
    }
    out.set(language, routines);
  }
  return out;
}

/**
 * I18N-CONTENT-3: `routine` as `language` reads it. Only Ensemble's own routine, exactly as shipped, has another
 * wording (a team's adapted copy or its own routine stays in the words the team wrote); the translation carries
 * the same ids and steps, so a meeting, its commands and its records are the same in every language.
 */
export function routineIn(
  routine: Routine,
  language: Language,
  english: ReadonlyMap<string, Routine> = loadShippedRoutines(),
  translated: RoutineTranslations = loadRoutineTranslations(),
): Routine {
  if (language === 'en' || routine.basedOn !== undefined) return routine;
  const shipped = english.get(routine.id);
  if (!shipped || (shipped !== routine && !sameContent(shipped, routine))) return routine;
  return translated.get(language)?.get(routine.id) ?? routine;
}

/**
 * I18N-CONTENT-6: a meeting's event as a device reading `language` receives it. Only `meeting.created` carries
 * routine text (the snapshot of the agenda's routines); Ensemble's own routines in it are shown in that language,
 * so each device of one meeting reads the steps in its own. The log keeps the snapshot as it was written.
 */
export function meetingEventIn(event: MeetingEvent, language: Language): MeetingEvent {
  if (language === 'en' || event.type !== 'meeting.created') return event;
  const { routine, followedBy } = event.payload;
  return {
    ...event,
    payload: {
      ...event.payload,
      routine: routineIn(routine, language),
      ...(followedBy === undefined ? {} : { followedBy: followedBy.map((r) => routineIn(r, language)) }),
    },
  };
}

/** What a stored row kept of a routine it names: its id, version and the name it had then. */
export interface StoredRoutineName {
  routineId: string;
  routineVersion: number;
  routineName: string;
}

/**
 * I18N-CONTENT-8: the name a stored row kept of a routine, as `language` reads it. Only Ensemble's own routine, at
 * the shipped version and with the shipped English name, has another name; a team's own routine, an adapted copy
 * (another id) or a row of an older version keeps the name it was written with. The one helper every listing
 * built from stored rows uses (meeting lists, series changes, guests, invitations, Peer Modeling parts).
 */
export function routineNameIn(stored: StoredRoutineName, language: Language): string {
  if (language === 'en') return stored.routineName;
  const shipped = loadShippedRoutines().get(stored.routineId);
  const words = loadRoutineTranslations().get(language)?.get(stored.routineId);
  return shipped && words && shipped.version === stored.routineVersion && shipped.name === stored.routineName
    ? words.name
    : stored.routineName;
}

/**
 * I18N-CONTENT-6: a meeting row's agenda (what listings and the plan show) with Ensemble's routines named in
 * `language`, when the row kept the shipped English name of that routine and version.
 */
export function agendaIn(agenda: readonly MeetingAgendaItem[], language: Language): MeetingAgendaItem[] {
  if (language === 'en') return [...agenda];
  return agenda.map((item) => {
    const routineName = routineNameIn(item, language);
    return routineName === item.routineName ? item : { ...item, routineName };
  });
}

/** Moved to `./queries` (the routines feature's tenant-scoped queries); kept here for existing imports. */
export { resolveRoutine } from './queries';
