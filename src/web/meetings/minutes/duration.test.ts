import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatActual, formatDuration } from '#core/meeting/index';
import type { MeetingsT } from '../i18n';
import { minutesStrings } from './strings.en';
import { formatActualWith, formatDurationWith } from './duration';

/** The English strings with i18next's {{placeholders}} filled in, as the page's `t` does. */
const t: MeetingsT = (key, options = {}) => {
  const path = key.split('.');
  let value: unknown = minutesStrings;
  for (const part of path) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
};

describe('durations on the minutes page', () => {
  it('DAY-TIMER-5: the page says every duration exactly as the Markdown minutes do', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 30 * 3_600_000 }), fc.boolean(), (ms, timed) => {
        expect(formatDurationWith(t, ms)).toBe(formatDuration(ms));
        expect(formatActualWith(t, { actualMs: Math.max(0, ms), timed })).toBe(
          formatActual(Math.max(0, ms), timed),
        );
      }),
    );
  });
});
