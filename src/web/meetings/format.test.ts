import { describe, expect, test } from 'vitest';
import { formatClock, formatDateTime, formatDueDate, readerTimeZone, wholeMinutesLeft } from './format';
import { formatMeetingCode, normalizeMeetingCode } from './format-code';

describe('meeting formats', () => {
  test('LIVE-UI-2 the clock rounds up to the second: a fresh step shows its full minutes, 0:00 only when time is up', () => {
    expect(formatClock(4 * 60_000)).toBe('4:00');
    expect(formatClock(4 * 60_000 - 1)).toBe('4:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(65 * 60_000)).toBe('65:00');
  });

  test('LIVE-UI-2 whole minutes left change at the minute marks, reaching 0 only when time is up', () => {
    expect(wholeMinutesLeft(4 * 60_000)).toBe(4);
    expect(wholeMinutesLeft(3 * 60_000 + 1)).toBe(4);
    expect(wholeMinutesLeft(3 * 60_000)).toBe(3);
    expect(wholeMinutesLeft(1)).toBe(1);
    expect(wholeMinutesLeft(0)).toBe(0);
  });

  test('SERIES-TZ-3 a meeting time reads in the team’s zone, named when it is not the reader’s', () => {
    const iso = '2027-03-10T20:30:00.000Z'; // 15:30 in New York (EST), 05:30 the next day in Tokyo
    expect(formatDateTime(iso, 'en-US', 'America/New_York')).toContain('3:30 PM');
    const tokyo = formatDateTime(iso, 'en-US', 'Asia/Tokyo');
    expect(tokyo).toContain('Thursday, March 11, 2027');
    expect(tokyo).toContain('5:30 AM');
    if (readerTimeZone() !== 'Asia/Tokyo') expect(tokyo).toMatch(/GMT\+9|JST/);
    // No zone given: the reader's own, unnamed.
    expect(formatDateTime(iso, 'en-US')).not.toMatch(/GMT|EST|JST/);
  });

  test('LIVE-UI-14 meeting codes are typed loosely and shown in two halves', () => {
    expect(normalizeMeetingCode(' k7m-q2p ')).toBe('K7MQ2P');
    expect(normalizeMeetingCode('K7M Q2P')).toBe('K7MQ2P');
    expect(formatMeetingCode('K7MQ2P')).toBe('K7M-Q2P');
    expect(formatMeetingCode('ABCDEFGH')).toBe('ABCDEFGH');
  });

  test('LIVE-UI-9 a due date is a calendar date, whatever the time zone', () => {
    expect(formatDueDate('2026-12-01', 'en-US')).toBe('Dec 1, 2026');
  });
});
