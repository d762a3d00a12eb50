import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '#contracts/auth';
import type { Instrument } from '#contracts/instrument';
import { instrumentStructure, sameContent, structureDifferences } from '#core/content/translation';
import { parseInstrument } from '#core/measure/instrument';
import { deepFreeze } from '../system/deep-freeze';

export class InstrumentFileError extends Error {}

/** `instruments/` beside the application files, found from this module (bundled or not), not the working dir. */
export function instrumentsFolder(): string {
  for (const candidate of ['../../instruments', '../../../instruments', '../instruments']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new InstrumentFileError('Cannot find the instruments folder next to the application files.');
}

export type InstrumentTranslations = ReadonlyMap<Exclude<Language, 'en'>, ReadonlyMap<string, Instrument>>;

interface ShippedInstruments {
  english: ReadonlyMap<string, Instrument>;
  translations: InstrumentTranslations;
}

let shipped: ShippedInstruments | undefined;

/**
 * MEASURE-INST-*: Ensemble's own instruments from `instruments/*.yaml`, validated at start; a bad file stops the
 * start with its file, line and column. Keyed by the instrument's id. The shipped folder is read once a process
 * (APP-START-1) and its instruments are frozen, since every caller shares them; another folder is read on each call.
 */
export function loadShippedInstruments(folder?: string): ReadonlyMap<string, Instrument> {
  return readShipped(folder).english;
}

/**
 * I18N-CONTENT-2: the shipped instruments in other languages (`<id>.es.yaml` beside `<id>.en.yaml`), keyed by
 * language and id. Each has the structure of its English file (id, version, kind, scale points, items with their
 * ids, constructs and keying in order, free text) in other words, or the start stops with every difference; so
 * answers given in either language are the same numbers for the same items, and statistics pool them.
 */
export function loadInstrumentTranslations(folder?: string): InstrumentTranslations {
  return readShipped(folder).translations;
}

function readShipped(folder?: string): ShippedInstruments {
  if (folder !== undefined) return readInstruments(folder);
  if (shipped === undefined) {
    const read = readInstruments(instrumentsFolder());
    deepFreeze(read.english);
    for (const inLanguage of read.translations.values()) deepFreeze(inLanguage);
    shipped = read;
  }
  return shipped;
}

/**
 * I18N-CONTENT-4: `instrument` as `language` reads it: Ensemble's own instrument, exactly as shipped (a wave's
 * frozen copy included), in that language's words; any other instrument (a district's upload) as it is.
 */
export function instrumentIn(
  instrument: Instrument,
  language: Language,
  { english, translations }: ShippedInstruments = readShipped(),
): Instrument {
  if (language === 'en' || instrument.language !== 'en') return instrument;
  const own = english.get(instrument.id);
  if (!own || (own !== instrument && !sameContent(own, instrument))) return instrument;
  return translations.get(language)?.get(instrument.id) ?? instrument;
}

function readInstruments(folder: string): ShippedInstruments {
  const english = new Map<string, Instrument>();
  const others: { file: string; instrument: Instrument & { language: Exclude<Language, 'en'> } }[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const result = parseInstrument(readFileSync(join(folder, file), 'utf8'), `instruments/${file}`);
    if (!result.ok)
      throw new InstrumentFileError(
        result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'),
      );
    const instrument = result.instrument;
    if (!file.endsWith(`.${instrument.language}.yaml`))
      throw new InstrumentFileError(
        `instruments/${file}: an instrument in "${instrument.language}" is named <id>.${instrument.language}.yaml`,
      );
    if (instrument.language !== 'en') {
      others.push({ file, instrument: { ...instrument, language: instrument.language } });
      continue;
    }
    if (english.has(instrument.id))
      throw new InstrumentFileError(`instruments/${file}: instrument id "${instrument.id}" is used twice`);
    english.set(instrument.id, instrument);
  }
  const translations = new Map<Exclude<Language, 'en'>, Map<string, Instrument>>();
  for (const { file, instrument } of others) {
    const base = english.get(instrument.id);
    if (!base)
      throw new InstrumentFileError(
        `instruments/${file}: "${instrument.id}" translates no English instrument (add ${instrument.id}.en.yaml)`,
      );
    const differences = structureDifferences(instrumentStructure(base), instrumentStructure(instrument));
    if (differences.length > 0)
      throw new InstrumentFileError(
        `instruments/${file}: must have the same structure as ${instrument.id}.en.yaml; only the words may differ:\n  ${differences.join('\n  ')}`,
      );
    const inLanguage = translations.get(instrument.language) ?? new Map<string, Instrument>();
    if (inLanguage.has(instrument.id))
      throw new InstrumentFileError(`instruments/${file}: instrument id "${instrument.id}" is used twice`);
    translations.set(instrument.language, inLanguage.set(instrument.id, instrument));
  }
  return { english, translations };
}
