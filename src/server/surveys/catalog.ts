import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instrument } from '#contracts/instrument';
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

let shipped: ReadonlyMap<string, Instrument> | undefined;

/**
 * MEASURE-INST-*: Ensemble's own instruments from `instruments/*.yaml`, validated at start; a bad file stops the
 * start with its file, line and column. Keyed by the instrument's id. The shipped folder is read once a process
 * (APP-START-1) and its instruments are frozen, since every caller shares them; another folder is read on each call.
 */
export function loadShippedInstruments(folder?: string): ReadonlyMap<string, Instrument> {
  if (folder !== undefined) return readInstruments(folder);
  shipped ??= deepFreeze(readInstruments(instrumentsFolder()));
  return shipped;
}

function readInstruments(folder: string): ReadonlyMap<string, Instrument> {
  const instruments = new Map<string, Instrument>();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const result = parseInstrument(readFileSync(join(folder, file), 'utf8'), `instruments/${file}`);
    if (!result.ok)
      throw new InstrumentFileError(
        result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'),
      );
    if (instruments.has(result.instrument.id))
      throw new InstrumentFileError(
        `instruments/${file}: instrument id "${result.instrument.id}" is used twice`,
      );
    instruments.set(result.instrument.id, result.instrument);
  }
  return instruments;
}
