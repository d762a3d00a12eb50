/** IANA time zone names (SERIES-TZ-1): what districts, schools and series are scheduled in. */
import { z } from './zod';

let zones: ReadonlySet<string> | null = null;
/** The IANA names this runtime knows (`Intl.supportedValuesOf('timeZone')`), plus `Etc/UTC`. */
export function knownTimeZones(): ReadonlySet<string> {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'Etc/UTC']);
  return zones;
}

/** SERIES-TZ-1: an IANA time zone name this runtime knows; anything else is a 400 naming the field. */
export const TimeZone = z.string().check(
  z.maxLength(64),
  z.refine((v) => knownTimeZones().has(v), 'Choose a time zone from the list'),
);
