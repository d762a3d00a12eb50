import { describe, expect, it } from 'vitest';
import type { RoutineSummary } from '#contracts/meetings-api';
import { routinesStrings } from './strings.en';
import type { RoutinesT } from './i18n';
import { summaryVersionLine } from './labels';

/** A `t` over the English strings with {{name}} interpolation (no i18next needed for these keys). */
const t: RoutinesT = (key, options = {}) => {
  const [group, leaf] = key.split('.') as [keyof typeof routinesStrings, string];
  const text = (routinesStrings[group] as Record<string, string>)[leaf] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
};

const base: RoutineSummary = {
  id: 'x',
  version: 1,
  name: 'X',
  summary: 's',
  focus: 'success',
  totalMinutes: 10,
  stepCount: 2,
  custom: false,
  basedOn: null,
  origin: 'shipped',
  adaptsShipped: false,
  for: null,
  library: null,
};

describe('version lines of the routines list', () => {
  it('ROUTINE-LIB-WEB-1: Ensemble’s, adapted, copied, the team’s own (also once edited) and the library’s read differently', () => {
    const all = [
      { id: 'share-successes', name: 'Share Successes' },
      { id: 'x', name: 'X' },
    ];
    expect(summaryVersionLine(t, base, all)).toBe('Ensemble’s routine, version 1');
    expect(
      summaryVersionLine(
        t,
        {
          ...base,
          id: 'share-successes',
          version: 2,
          origin: 'team',
          adaptsShipped: true,
          basedOn: { id: 'share-successes', version: 1 },
        },
        all,
      ),
    ).toBe('Your team’s version 2, based on Ensemble’s version 1');
    expect(
      summaryVersionLine(
        t,
        { ...base, id: 'ours', origin: 'team', basedOn: { id: 'share-successes', version: 1 } },
        all,
      ),
    ).toBe('Your team’s version 1, based on version 1 of “Share Successes”');
    expect(
      summaryVersionLine(t, { ...base, origin: 'team', version: 3, basedOn: { id: 'x', version: 1 } }, all),
    ).toBe('Your team’s routine, version 3');
    expect(
      summaryVersionLine(
        t,
        {
          ...base,
          origin: 'library',
          version: 2,
          library: {
            version: 2,
            scope: 'school',
            schoolName: 'North Elementary',
            authorName: 'Lena Ortiz',
            sharedAt: '2026-12-02T09:00:00.000Z',
            canWithdraw: false,
          },
        },
        all,
      ),
    ).toBe('Version 2, shared by Lena Ortiz with North Elementary');
  });
});
