/**
 * Reads a survey instrument from YAML (MEASURE-INST): Ensemble's own in instruments/, or one an admin uploads.
 * Pure (the caller reads the file), but it imports the `yaml` package, so only the server and tests import it,
 * never the web app (DAY-PERF-2); the browser checks an instrument with the contract's `Instrument` alone.
 */
import { Instrument } from '../../contracts/instrument';
import { pathIssuesOf, type LocatedIssue } from '../yaml/issues';
import { parseLocatedYaml } from '../yaml/located';

/** An instrument is a few kilobytes (60 items of 300 characters at most); far larger text is refused unread. */
export const INSTRUMENT_TEXT_MAX = 100_000;
/** An instrument nests four levels deep (items, an item, its fields); the same bound as routine files. */
export const INSTRUMENT_NESTING_MAX = 24;

export type ParseInstrumentResult =
  { ok: true; instrument: Instrument } | { ok: false; errors: LocatedIssue[] };

/**
 * Parses one instrument file's text. It never throws: every problem comes back with the file and the 1-based
 * line and column of the fault (MEASURE-INST-8): YAML syntax errors where the parser stopped, shape errors and
 * the rules across fields at the field they concern (for a missing field, the object that lacks it).
 */
export function parseInstrument(yamlText: string, fileName: string): ParseInstrumentResult {
  const yaml = parseLocatedYaml(yamlText, fileName, {
    maxChars: INSTRUMENT_TEXT_MAX,
    maxDepth: INSTRUMENT_NESTING_MAX,
    fileKind: 'an instrument file',
  });
  if (!yaml.ok) return yaml;
  const parsed = Instrument.safeParse(yaml.value);
  if (parsed.success) return { ok: true, instrument: parsed.data };
  return { ok: false, errors: pathIssuesOf(parsed.error.issues).map(yaml.locate) };
}
