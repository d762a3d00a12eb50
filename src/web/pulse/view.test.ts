import { describe, expect, it } from 'vitest';
import type { MeetingPulse, PulseTrendWindow, TeamPulseTrend } from '#contracts/pulse';
import {
  fieldName,
  formatMean,
  periodLines,
  periodText,
  pulseAnswers,
  pulseCardState,
  TREND_WINDOWS_SHOWN,
  trendRows,
} from './view';

const items = [
  { id: 'pulse-belief', text: 'This meeting strengthened my belief that our team can help every student.' },
  { id: 'pulse-safe-to-share', text: 'I felt safe to share my thinking in this meeting.' },
];
/** A 6-point scale (its labels do not matter here). */
const scale = Array.from({ length: 6 }, (_, i) => `point ${i + 1}`);

const pulse = (open: boolean, answered: boolean): MeetingPulse => ({
  meetingId: 'm1',
  open,
  answered,
  closesAt: open ? '2027-03-04T15:00:00.000Z' : null,
  title: 'After this meeting',
  scale,
  items,
  threshold: 5,
});

const window = (day: number, n: number, means: [number, number]): PulseTrendWindow => ({
  from: `2027-03-${String(day).padStart(2, '0')}T15:00:00.000Z`,
  to: `2027-03-${String(day + 1).padStart(2, '0')}T15:00:00.000Z`,
  meetings: 2,
  n,
  items: items.map((item, i) => ({
    id: item.id,
    mean: means[i] ?? 0,
    ci95: [means[i]! - 0.5, means[i]! + 0.5],
  })),
});

describe('MEASURE-PULSE-5 the card on the minutes', () => {
  it('MEASURE-PULSE-5: the items while open and unanswered, one line once answered, the thanks right after answering, nothing when closed or not theirs', () => {
    expect(pulseCardState(pulse(true, false), false)).toBe('form');
    expect(pulseCardState(pulse(true, true), false)).toBe('answered');
    expect(pulseCardState(pulse(true, true), true)).toBe('thanks');
    expect(pulseCardState(pulse(false, false), false)).toBe('hidden');
    expect(pulseCardState(pulse(false, true), false)).toBe('hidden');
    // A 403 or 404 leaves no data: nothing is shown.
    expect(pulseCardState(undefined, false)).toBe('hidden');
  });

  it('MEASURE-PULSE-5: each radio group is named by its item’s path in the server’s 400; an unanswered item is left out for the server to point at', () => {
    expect(fieldName('pulse-belief')).toBe('answers.pulse-belief');
    expect(pulseAnswers(items, { 'answers.pulse-belief': '4', 'answers.pulse-safe-to-share': '6' })).toEqual({
      'pulse-belief': 4,
      'pulse-safe-to-share': 6,
    });
    expect(pulseAnswers(items, { 'answers.pulse-safe-to-share': '2', other: '3' })).toEqual({
      'pulse-safe-to-share': 2,
    });
  });
});

describe('MEASURE-PULSE-6 the trend on the team home', () => {
  const trend = (windows: PulseTrendWindow[]): TeamPulseTrend => ({
    threshold: 5,
    scale,
    items,
    windows,
    pendingMeetings: 1,
  });

  it('MEASURE-PULSE-6: at most the last six windows, newest first, each item’s mean in the instrument’s order', () => {
    const windows = Array.from({ length: 8 }, (_, i) => window(1 + 3 * i, 5 + i, [2 + i * 0.5, 3]));
    const rows = trendRows(trend(windows));
    expect(TREND_WINDOWS_SHOWN).toBe(6);
    expect(rows.map((r) => r.window.n)).toEqual([12, 11, 10, 9, 8, 7]);
    expect(rows[0]?.means.map((m) => m?.mean)).toEqual([5.5, 3]);
  });

  it('MEASURE-PULSE-6: an interval is kept within the scale, where the mean of its answers must lie; a missing item is null', () => {
    const edge: PulseTrendWindow = {
      ...window(1, 5, [5.8, 1.2]),
      items: [
        { id: 'pulse-belief', mean: 5.8, ci95: [5.2, 6.4] },
        // The second item has no mean (the server could not compute one): the row says so, not 0.
      ],
    };
    const [row] = trendRows(trend([edge]));
    expect(row?.means).toEqual([{ mean: 5.8, low: 5.2, high: 6 }, null]);
    const [low] = trendRows(trend([{ ...edge, items: [{ id: 'pulse-belief', mean: 1.2, ci95: [0.4, 2] }] }]));
    expect(low?.means[0]).toEqual({ mean: 1.2, low: 1, high: 2 });
  });

  it('MEASURE-PULSE-6: dates as a range (one day when the window is one), means with one decimal', () => {
    const w = { from: '2027-03-03T15:00:00.000Z', to: '2027-03-10T15:00:00.000Z' };
    expect(periodText(w, 'en')).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).formatRange(new Date(w.from), new Date(w.to)),
    );
    const short = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
    expect(periodLines(w, 'en')).toEqual([
      short.format(new Date(w.from)),
      `– ${short.format(new Date(w.to))}`,
    ]);
    expect(periodLines({ from: w.from, to: w.from }, 'en')).toEqual([short.format(new Date(w.from))]);
    expect(formatMean(4, 'en')).toBe('4.0');
    expect(formatMean(4.56, 'en')).toBe('4.6');
    expect(formatMean(4.56, 'de')).toBe('4,6');
  });
});
