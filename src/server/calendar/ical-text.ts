/** Text and zones for iCalendar output, shared by the meeting feeds (ics.ts) and the book-study calendar. */
import { tzlib_get_ical_block } from 'timezones-ical-library';

const vtimezoneCache = new Map<string, { tzid: string; block: string } | null>();
/**
 * The VTIMEZONE of an IANA zone and the TZID it carries: timezones-ical-library knows current rules (the npm
 * alternative still has DST in Mexico City), and names a link (`Asia/Calcutta`) by its canonical zone.
 */
export function vtimezoneOf(zone: string): { tzid: string; block: string } | null {
  if (!vtimezoneCache.has(zone)) {
    const [block] = tzlib_get_ical_block(zone);
    const tzid = block ? /^TZID:(.+)$/m.exec(block)?.[1]?.trim() : undefined;
    vtimezoneCache.set(zone, block && tzid ? { tzid, block } : null);
  }
  return vtimezoneCache.get(zone) ?? null;
}

/**
 * TRUST-HTTP-10: people's text in a calendar is text: control characters other than line breaks are dropped (a
 * lone CR would end the line for some parsers) and a lone surrogate becomes U+FFFD; ical-generator then escapes
 * backslash, semicolon, comma and line breaks, and folds by octets.
 */
export function plainText(s: string): string {
  return (
    s
      .replace(/\r\n|\r/g, '\n')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}
