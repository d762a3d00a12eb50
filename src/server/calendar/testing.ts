/**
 * Test support: a feed read back the way a calendar app reads it, with ical.js. ical.js relates every VEVENT
 * with a RECURRENCE-ID in the calendar to any series it expands, whatever its UID; calendar apps group them by
 * UID, so this does too.
 */
import ICAL from 'ical.js';

export interface ExpandedOccurrence {
  /** Local wall time in the event's zone, `YYYY-MM-DD HH:MM`. */
  start: string;
  utc: string;
  status: string;
  summary: string;
}

export const wallTime = (t: ICAL.Time) =>
  `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** Every occurrence of the series whose SUMMARY is `summary` (its overrides applied, EXDATEs left out). */
export function expandSeries(text: string, summary?: string) {
  const cal = ICAL.Component.fromString(text);
  const vevents = cal.getAllSubcomponents('vevent');
  const master = vevents.find(
    (v) =>
      v.hasProperty('rrule') && (summary === undefined || v.getFirstPropertyValue('summary') === summary),
  );
  if (!master) throw new Error(`no series ${summary ?? ''}`);
  const uid = master.getFirstPropertyValue('uid');
  const event = new ICAL.Event(master, {
    exceptions: vevents.filter(
      (v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === uid,
    ),
  });
  const it = event.iterator();
  // ical.js types `next()` as a Time; it answers undefined after the last occurrence.
  const nextOf = (): ICAL.Time | undefined => it.next();
  const out: ExpandedOccurrence[] = [];
  for (let next = nextOf(); next; next = nextOf()) {
    const details = event.getOccurrenceDetails(next);
    out.push({
      start: wallTime(details.startDate),
      utc: details.startDate.toJSDate().toISOString(),
      status: String(details.item.component.getFirstPropertyValue('status') ?? ''),
      summary: details.item.summary,
    });
  }
  return { cal, vevents, out };
}
