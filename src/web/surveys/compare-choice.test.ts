/** MEASURE-WEB-7: which waves the comparison page offers and which two it shows. */
import { describe, expect, it } from 'vitest';
import type { WaveSummary } from '#contracts/surveys';
import { chosenPair, compareHref, comparableWaves, defaultPair } from './compare-choice';

function wave(id: string, opensOn: string, over: Partial<WaveSummary> = {}): WaveSummary {
  return {
    id,
    title: `Wave ${id}`,
    space: 'district',
    scope: { kind: 'district', label: 'Riverbend', ids: [] },
    instrument: { slug: 'ensemble-efficacy', version: 1, title: 'Ensemble' },
    opensOn,
    closesOn: opensOn.replace(/-01$/, '-15'),
    status: 'closed',
    invite: 'email',
    threshold: 5,
    invited: 10,
    responses: 8,
    responseRate: 0.8,
    remindedAt: null,
    abilities: { manage: false, report: true },
    ...over,
  };
}

const a = wave('a', '2026-01-01');
const b = wave('b', '2026-03-01');
const c = wave('c', '2026-05-01');
const open = wave('open', '2026-07-01', { status: 'open' });
const unreadable = wave('hidden', '2026-02-01', { abilities: { manage: false, report: false } });
const other = wave('other', '2026-04-01', {
  instrument: { slug: 'licensed-scale', version: 1, title: 'A licensed scale' },
});
const v2 = wave('v2', '2026-04-02', {
  instrument: { slug: 'ensemble-efficacy', version: 2, title: 'Ensemble' },
});
const all = [c, open, a, other, unreadable, b, v2];

describe('comparing two waves (MEASURE-WEB-7)', () => {
  it('MEASURE-WEB-7, MEASURE-REPORT-8 a school wave compares with district waves at that school, not at the district', () => {
    const school = wave('s', '2026-06-01', { scope: { kind: 'school', label: 'East', ids: ['east'] } });
    const waves = [a, b, school];
    expect(comparableWaves(waves, school).map((w) => w.id)).toEqual(['s']);
    expect(defaultPair(waves, 's')).toBeNull();
    expect(comparableWaves(waves, school, 'school:east').map((w) => w.id)).toEqual(['a', 'b', 's']);
    expect(defaultPair(waves, 's', 'school:east')).toMatchObject({ before: { id: 'b' }, after: { id: 's' } });
    expect(chosenPair(waves, 'a', 's', 'school:west')?.after.id).toBe('b');
  });

  it('MEASURE-WEB-7 offers only closed waves the reader may read that asked the same questions, oldest first', () => {
    expect(comparableWaves(all, c).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(comparableWaves(all, other).map((w) => w.id)).toEqual(['other']);
  });

  it('MEASURE-WEB-7 a results page pairs its wave with the latest earlier one, or the next one when it is the first', () => {
    expect(defaultPair(all, 'c')).toMatchObject({ before: { id: 'b' }, after: { id: 'c' } });
    expect(defaultPair(all, 'a')).toMatchObject({ before: { id: 'a' }, after: { id: 'b' } });
    // Nothing else asked its questions, or it cannot be read, or it is still open: nothing to offer.
    expect(defaultPair(all, 'other')).toBeNull();
    expect(defaultPair(all, 'v2')).toBeNull();
    expect(defaultPair(all, 'hidden')).toBeNull();
    expect(defaultPair(all, 'open')).toBeNull();
  });

  it('MEASURE-WEB-7 the page shows the pair asked for in time order, and falls back to a pair it may show', () => {
    expect(chosenPair(all, 'a', 'c')).toMatchObject({ before: { id: 'a' }, after: { id: 'c' } });
    expect(chosenPair(all, 'c', 'a')).toMatchObject({ before: { id: 'a' }, after: { id: 'c' } });
    // Other questions, the same wave twice, or an unknown one: the readable one's default pair.
    expect(chosenPair(all, 'other', 'c')).toMatchObject({ before: { id: 'b' }, after: { id: 'c' } });
    expect(chosenPair(all, 'c', 'c')).toMatchObject({ before: { id: 'b' }, after: { id: 'c' } });
    expect(chosenPair(all, 'a', 'nope')).toMatchObject({ before: { id: 'a' }, after: { id: 'b' } });
    // Nothing asked for: the newest wave that has a partner.
    expect(chosenPair(all, null, null)).toMatchObject({ before: { id: 'b' }, after: { id: 'c' } });
    expect(chosenPair([other, v2, open], null, null)).toBeNull();
  });

  it('MEASURE-WEB-7 its address leaves out the default group and role', () => {
    expect(compareHref({ before: 'a', after: 'b' }, 'district', 'all')).toBe(
      '/surveys/compare?before=a&after=b',
    );
    expect(compareHref({ before: 'a', after: 'b' }, 'school:x', 'staff')).toBe(
      '/surveys/compare?before=a&after=b&at=school%3Ax&role=staff',
    );
  });
});
