import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from './dates';

describe('dateTimeFormat', () => {
  it('keeps one formatter per language and style, and formats as Intl does', () => {
    const medium = dateTimeFormat('en', { dateStyle: 'medium' });
    expect(dateTimeFormat('en', { dateStyle: 'medium' })).toBe(medium);
    expect(dateTimeFormat('en', { dateStyle: 'long' })).not.toBe(medium);
    expect(dateTimeFormat('es', { dateStyle: 'medium' })).not.toBe(medium);
    const day = new Date(Date.UTC(2026, 11, 2, 12));
    expect(medium.format(day)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(day));
  });
});
