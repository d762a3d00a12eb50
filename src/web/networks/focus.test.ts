import { describe, expect, it } from 'vitest';
import { FocusArea } from '#contracts/focus';
import { focusAreaStrings } from '../i18n/focus-areas.en';
import { focusWords } from './focus';

const words = (area: FocusArea) => focusAreaStrings.focusArea[area];

describe('a cohort’s focus in words', () => {
  it('NET-WEB-5 every focus area of the list has its words; a custom focus shows its own text', () => {
    expect(Object.keys(focusAreaStrings.focusArea).sort()).toEqual([...FocusArea.options].sort());
    for (const area of FocusArea.options) expect(focusWords({ area }, words).length).toBeGreaterThan(3);
    expect(focusWords({ area: 'teacher_coaching' }, words)).toBe('Effective teacher coaching');
    expect(focusWords({ custom: 'Family partnerships' }, words)).toBe('Family partnerships');
  });
});
