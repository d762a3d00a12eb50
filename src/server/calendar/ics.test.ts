/**
 * CAL-ICS: the feed parsed back with a real iCalendar library (ical.js), in a host zone far from the series'
 * (run it with TZ=Pacific/Auckland too: the result must not change). TRUST-HTTP-10: text stays text and lines
 * fold by octets, never inside a character.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { plainText, renderCalendar, vtimezoneOf, type CalendarMeeting, type CalendarSeries } from './ics';
import { expandSeries, wallTime as wall } from './testing';

const series: CalendarSeries = {
  id: 's1',
  title: 'Grade 3 weekly',
  teamName: 'Grade 3',
  agendaName: 'Share Successes',
  totalMinutes: 30,
  weekday: 2,
  localTime: '15:30',
  intervalWeeks: 1,
  firstDate: '2027-03-01',
  lastDate: '2027-11-16',
  skipDates: ['2027-03-23'],
  timeZone: 'America/Chicago',
  sequence: 1,
  updatedAt: new Date('2027-01-04T12:00:00Z'),
  url: 'http://ensemble.test/teams/t1',
};

function occurrence(date: string, utc: string, change: Partial<CalendarMeeting> = {}): CalendarMeeting {
  return {
    id: `m-${date}`,
    title: series.title,
    teamName: 'Grade 3',
    agendaName: series.agendaName,
    totalMinutes: 30,
    scheduledFor: new Date(utc),
    status: 'scheduled',
    sequence: 0,
    updatedAt: new Date('2027-01-04T12:00:00Z'),
    url: `http://ensemble.test/meetings/m-${date}`,
    timeZone: 'America/Chicago',
    series: { id: 's1', occurrenceDate: date },
    ...change,
  };
}

const meetings: CalendarMeeting[] = [
  occurrence('2027-03-09', '2027-03-09T21:30:00Z'),
  occurrence('2027-03-16', '2027-03-16T20:30:00Z'),
  // Cancelled.
  occurrence('2027-03-30', '2027-03-30T20:30:00Z', {
    status: 'cancelled',
    sequence: 1,
    updatedAt: new Date('2027-02-01T09:00:00Z'),
  }),
  // Moved to Wednesday 16:00.
  occurrence('2027-04-06', '2027-04-07T21:00:00Z', { sequence: 1 }),
  // A one-off meeting of the same team.
  {
    ...occurrence('x', '2027-05-05T14:00:00Z', { title: 'Planning day', series: null }),
    id: 'one-off',
  },
];

const parse = (text: string) => ICAL.Component.fromString(text);

const expand = (text: string) => expandSeries(text);

describe('iCalendar feed (CAL-ICS)', () => {
  const text = renderCalendar({
    name: 'Grade 3 meetings',
    timeZone: 'America/Chicago',
    series: [series],
    meetings,
  });

  it('CAL-ICS-1: a weekly series keeps its local time across the March and November changes, in Chicago and in UTC', () => {
    const { out } = expand(text);
    const byDate = new Map(out.map((o) => [o.start.slice(0, 10), o]));
    expect(byDate.get('2027-03-09')).toMatchObject({
      start: '2027-03-09 15:30',
      utc: '2027-03-09T21:30:00.000Z',
    });
    expect(byDate.get('2027-03-16')).toMatchObject({
      start: '2027-03-16 15:30',
      utc: '2027-03-16T20:30:00.000Z',
    });
    expect(byDate.get('2027-11-02')).toMatchObject({
      start: '2027-11-02 15:30',
      utc: '2027-11-02T20:30:00.000Z',
    });
    expect(byDate.get('2027-11-09')).toMatchObject({
      start: '2027-11-09 15:30',
      utc: '2027-11-09T21:30:00.000Z',
    });
    expect(out.at(-1)?.start).toBe('2027-11-16 15:30');
    // 38 Tuesdays from 2 March to 16 November, one skipped.
    expect(out).toHaveLength(37);
  });

  it('CAL-ICS-2: a skipped date is an EXDATE, and the series carries RRULE with INTERVAL, BYDAY and a UTC UNTIL, with the VTIMEZONE', () => {
    const { cal, out } = expand(text);
    expect(out.some((o) => o.start.startsWith('2027-03-23'))).toBe(false);
    expect(text).toContain('EXDATE;TZID=America/Chicago:20270323T153000');
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=20271116T213000Z;BYDAY=TU/);
    expect(text).toContain('DTSTART;TZID=America/Chicago:20270302T153000');
    const tz = cal.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('America/Chicago');
  });

  it('CAL-ICS-3: a cancelled occurrence reads as cancelled and a moved one at its new time, each with RECURRENCE-ID and a higher SEQUENCE', () => {
    const { out, vevents } = expand(text);
    const cancelled = out.find((o) => o.start.startsWith('2027-03-30'));
    expect(cancelled?.status).toBe('CANCELLED');
    expect(out.find((o) => o.start.startsWith('2027-04-06'))).toBeUndefined();
    expect(out.find((o) => o.start.startsWith('2027-04-07'))?.start).toBe('2027-04-07 16:00');
    const overrides = vevents.filter((v) => v.hasProperty('recurrence-id'));
    expect(overrides).toHaveLength(2);
    for (const o of overrides) expect(Number(o.getFirstPropertyValue('sequence'))).toBeGreaterThan(1);
    // Occurrences that follow the rule are not repeated.
    expect(vevents).toHaveLength(1 + 2 + 1);
    expect(text).toMatch(/UID:series-s1@ensemble/);
  });

  it('CAL-ICS-4: DTSTAMP is UTC, STATUS and SEQUENCE are set on every event, and a one-off meeting is a plain VEVENT in the team zone', () => {
    const { vevents } = expand(text);
    const stamps = text.match(/^DTSTAMP:.*$/gm) ?? [];
    expect(stamps).toHaveLength(vevents.length);
    for (const stamp of stamps) expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    for (const v of vevents) {
      expect(v.hasProperty('sequence')).toBe(true);
      expect(v.hasProperty('status')).toBe(true);
    }
    const oneOff = vevents.find((v) => v.getFirstPropertyValue('uid') === 'meeting-one-off@ensemble');
    const start = oneOff?.getFirstPropertyValue('dtstart');
    expect(start instanceof ICAL.Time && wall(start)).toBe('2027-05-05 09:00');
  });

  it('CAL-ICS-1: a zone whose runtime name is a link gets the canonical TZID of its VTIMEZONE', () => {
    expect(vtimezoneOf('Asia/Calcutta')?.tzid).toBe('Asia/Kolkata');
    const out = renderCalendar({
      name: 'X',
      timeZone: 'Asia/Calcutta',
      series: [{ ...series, timeZone: 'Asia/Calcutta', skipDates: [] }],
      meetings: [],
    });
    const { out: occ } = expand(out);
    expect(occ[0]).toMatchObject({ start: '2027-03-02 15:30', utc: '2027-03-02T10:00:00.000Z' });
  });
});

describe('iCalendar text (TRUST-HTTP-10)', () => {
  it('TRUST-HTTP-10: control characters are dropped, a lone CR does not break the line, nothing can be injected', () => {
    expect(plainText('x\u0000\u0001\u0007\u001b[31m\u007f\u0085y')).toBe('x[31my');
    expect(plainText('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    const calendar = renderCalendar({
      name: 'Team\rX-INJECTED:1',
      timeZone: null,
      series: [],
      meetings: [
        {
          ...occurrence('x', '2026-12-01T15:00:00Z', { series: null }),
          title: 'Weekly\r\nBEGIN:VEVENT\rSUMMARY:evil;a,b\\c',
        },
      ],
    });
    const lines = calendar.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-INJECTED') || l.startsWith('SUMMARY:evil'))).toBe(false);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f]/);
    const event = parse(calendar).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Weekly\nBEGIN:VEVENT\nSUMMARY:evil;a,b\\c');
  });

  it('TRUST-HTTP-10: lines fold at 75 octets, never inside a character, and parse back to the same text (emoji and CJK on every offset)', () => {
    const check = (title: string) => {
      const calendar = renderCalendar({
        name: 'Fold',
        timeZone: null,
        series: [],
        meetings: [{ ...occurrence('x', '2026-12-01T15:00:00Z', { series: null }), title }],
      });
      for (const line of calendar.split('\r\n')) {
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        // A split character would not survive a UTF-8 round trip.
        expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
        expect(line).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
      }
      const summary = parse(calendar).getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary');
      expect(summary).toBe(plainText(title));
      // No replacement character appears that the text did not hold (fast-check may generate U+FFFD itself).
      if (!plainText(title).includes('\ufffd')) expect(String(summary)).not.toContain('\ufffd');
    };
    // "SUMMARY:" is 8 octets: padding of 0..80 ASCII characters puts the emoji and the CJK character on every
    // position around the 75-octet boundary.
    for (let pad = 0; pad <= 80; pad++) check(`${'a'.repeat(pad)}😀中👩🏽‍🏫ñ中😀`);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (text) => {
        if (plainText(text).trim() === '') return;
        check(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('I18N-CAL-1: the feed’s own words in its language', () => {
  it('I18N-CAL-1 Spanish descriptions, due steps and book-study days; titles and prompts as written', () => {
    const text = renderCalendar({
      name: 'Mis reuniones de Ensemble',
      timeZone: 'America/Chicago',
      language: 'es',
      series: [series],
      meetings: [],
      dueSteps: [
        {
          meetingId: 'm1',
          itemId: 'i1',
          text: 'Probar boletos de salida',
          due: '2027-03-12',
          teamName: 'Grade 3',
          meetingTitle: 'Grade 3 weekly',
          url: 'http://ensemble.test/meetings/m1',
          updatedAt: new Date('2027-01-04T12:00:00Z'),
        },
      ],
      bookStudies: [
        {
          title: 'Mindset',
          authors: ['Carol Dweck'],
          groupName: 'Grade 3',
          timeZone: 'America/Chicago',
          sequence: 0,
          updatedAt: new Date('2027-01-04T12:00:00Z'),
          url: 'http://ensemble.test/book-studies/b1',
          sections: [
            {
              id: 'sec1',
              title: 'Chapter 1',
              pages: 'pp. 1-30',
              readBy: '2027-03-10',
              sessionAt: null,
              routine: null,
              prompts: ['What surprised you?'],
              hasMeeting: false,
            },
          ],
        },
      ],
    });
    const cal = ICAL.Component.fromString(text);
    expect(String(cal.getFirstPropertyValue('prodid'))).toMatch(/\/\/ES$/);
    const byUid = new Map(
      cal.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]),
    );
    const s = byUid.get('series-s1@ensemble');
    expect(s?.getFirstPropertyValue('summary')).toBe('Grade 3 weekly');
    expect(s?.getFirstPropertyValue('description')).toBe(
      'Grade 3 · Share Successes (30 min)\nAbrir: http://ensemble.test/teams/t1',
    );
    const due = byUid.get('next-step-m1-i1@ensemble');
    expect(due?.getFirstPropertyValue('summary')).toBe('Vence: Probar boletos de salida');
    const read = byUid.get('book-read-by-sec1@ensemble');
    expect(read?.getFirstPropertyValue('summary')).toBe('Leer para hoy: Chapter 1');
    expect(read?.getFirstPropertyValue('description')).toBe(
      'Mindset (Carol Dweck) · Grade 3\npp. 1-30\n\nPreguntas para la conversación:\n- What surprised you?\n\nAbrir: http://ensemble.test/book-studies/b1',
    );
    // Without a language, English as before.
    const english = renderCalendar({ name: 'x', timeZone: null, series: [series], meetings: [] });
    const englishSeries = ICAL.Component.fromString(english).getFirstSubcomponent('vevent');
    expect(englishSeries?.getFirstPropertyValue('description')).toBe(
      'Grade 3 · Share Successes (30 min)\nOpen: http://ensemble.test/teams/t1',
    );
  });
});
