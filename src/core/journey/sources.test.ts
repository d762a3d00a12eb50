import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EFFICACY_SOURCES, type EfficacySource } from '../../contracts/routine';
import { T0 } from '../meeting/testing';
import { nextStepsDoneSince } from './next-steps';
import { monthOf, nextMonth, sourcesOverTime } from './sources';
import { DAY, meetingLog } from './testing';

/** An end `days` after T0 (2027-01-15T08:00:00Z). */
const at = (days: number) => days * DAY;

describe('sourcesOverTime (SOURCES-1..3)', () => {
  it('SOURCES-1: per month, the tags of ended meetings, minus those taken back', () => {
    const logs = [
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: at(0),
        tags: [
          { source: 'mastery', why: 'We did it ourselves' },
          { source: 'vicarious', why: 'Saw Ana do it' },
          { source: 'mastery', why: 'Taken back', untagged: true },
        ],
      }),
      meetingLog({
        parts: [{ focus: 'dilemma' }],
        endedAfter: at(3),
        tags: [{ source: 'mastery', why: 'Again' }],
      }),
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: at(40),
        tags: [{ source: 'affective_state', why: 'It felt safe' }],
      }),
      // Never ended: its tags do not count.
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: null,
        tags: [{ source: 'mastery', why: 'x' }],
      }),
    ];
    const s = sourcesOverTime(logs, 'UTC');
    expect(s.months).toEqual([
      { month: '2027-01', counts: { mastery: 2, vicarious: 1, social_persuasion: 0, affective_state: 0 } },
      { month: '2027-02', counts: { mastery: 0, vicarious: 0, social_persuasion: 0, affective_state: 1 } },
    ]);
    expect(s.total).toEqual({ mastery: 2, vicarious: 1, social_persuasion: 0, affective_state: 1 });
  });

  it('SOURCES-1: months without a meeting show as zeros, and only the last months are kept', () => {
    const logs = [
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: at(0),
        tags: [{ source: 'mastery', why: 'a' }],
      }),
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: at(95),
        tags: [{ source: 'vicarious', why: 'b' }],
      }),
    ];
    expect(sourcesOverTime(logs, 'UTC').months.map((m) => m.month)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
    ]);
    const last2 = sourcesOverTime(logs, 'UTC', 2);
    expect(last2.months.map((m) => m.month)).toEqual(['2027-03', '2027-04']);
    expect(last2.total.mastery).toBe(0);
    expect(last2.words.find((w) => w.source === 'mastery')?.items).toEqual([]);
  });

  it("SOURCES-1: a meeting counts in the month it ended in the team's time zone", () => {
    // 2027-01-31T23:30 UTC is already February in Berlin, still January in Los Angeles.
    const end = Date.UTC(2027, 0, 31, 23, 30) - T0;
    const logs = [
      meetingLog({ parts: [{ focus: 'success' }], endedAfter: end, tags: [{ source: 'mastery', why: 'w' }] }),
    ];
    expect(sourcesOverTime(logs, 'Europe/Berlin').months[0]?.month).toBe('2027-02');
    expect(sourcesOverTime(logs, 'America/Los_Angeles').months[0]?.month).toBe('2027-01');
    expect(sourcesOverTime(logs, 'Not/AZone').months[0]?.month).toBe('2027-01');
  });

  it('SOURCES-2: what the team wrote about each source, newest first, in the four sources’ order', () => {
    const logs = [
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: at(1),
        tags: [{ source: 'social_persuasion', why: 'Older' }],
      }),
      meetingLog({
        parts: [{ focus: 'success' }],
        endedAfter: at(9),
        tags: [{ source: 'social_persuasion', why: 'Newer' }],
      }),
    ];
    const s = sourcesOverTime(logs, 'UTC');
    expect(s.words.map((w) => w.source)).toEqual([...EFFICACY_SOURCES]);
    expect(s.words.find((w) => w.source === 'social_persuasion')?.items.map((i) => i.why)).toEqual([
      'Newer',
      'Older',
    ]);
    expect(s.words.find((w) => w.source === 'social_persuasion')?.items[0]?.meetingId).toBe(
      logs[1]?.meetingId,
    );
  });

  it('SOURCES-3: no ended meeting, no months', () => {
    expect(sourcesOverTime([], 'UTC')).toEqual({
      months: [],
      total: { mastery: 0, vicarious: 0, social_persuasion: 0, affective_state: 0 },
      words: EFFICACY_SOURCES.map((source) => ({ source, items: [] })),
    });
  });

  it('SOURCES-1: the monthly counts add up to the tags still standing, and the months have no gap', () => {
    const tag = fc.record({
      source: fc.constantFrom<EfficacySource>(...EFFICACY_SOURCES),
      why: fc.constant('w'),
      untagged: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ days: fc.integer({ min: 0, max: 300 }), tags: fc.array(tag, { maxLength: 5 }) }),
          {
            maxLength: 8,
          },
        ),
        (specs) => {
          const logs = specs.map((x) =>
            meetingLog({ parts: [{ focus: 'success' }], endedAfter: at(x.days), tags: x.tags }),
          );
          const s = sourcesOverTime(logs, 'UTC', 1_000);
          const standing = specs.flatMap((x) => x.tags).filter((t) => !t.untagged);
          const sum = s.months.reduce(
            (n, m) => n + EFFICACY_SOURCES.reduce((k, src) => k + m.counts[src], 0),
            0,
          );
          expect(sum).toBe(standing.length);
          for (let i = 1; i < s.months.length; i++)
            expect(s.months[i]?.month).toBe(nextMonth(s.months[i - 1]?.month ?? ''));
        },
      ),
    );
  });

  it('monthOf and nextMonth', () => {
    expect(monthOf(Date.UTC(2026, 11, 31, 12), 'UTC')).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2027-09')).toBe('2027-10');
  });
});

describe('nextStepsDoneSince (HOME-4)', () => {
  it('HOME-4: next steps completed after the moment, with their text, newest first', () => {
    const log = meetingLog({
      parts: [{ focus: 'dilemma' }],
      endedAfter: at(1),
      steps: [
        { itemId: 'a', text: 'Try exit tickets', completedAfter: at(2) },
        { itemId: 'b', text: 'Call families', completedAfter: at(5) },
        { itemId: 'c', text: 'Not done yet' },
      ],
    });
    expect(nextStepsDoneSince([log], T0 + at(3)).map((s) => s.text)).toEqual(['Call families']);
    expect(nextStepsDoneSince([log], 0).map((s) => s.text)).toEqual(['Call families', 'Try exit tickets']);
  });
});
