import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameGroupAt, type ScopeShape } from './same-group';

const district: ScopeShape = { kind: 'district', ids: [] };
const schoolA: ScopeShape = { kind: 'school', ids: ['a'] };
const schoolB: ScopeShape = { kind: 'school', ids: ['b'] };
const teams12: ScopeShape = { kind: 'teams', ids: ['t1', 't2'] };
const teams21: ScopeShape = { kind: 'teams', ids: ['t2', 't1'] };
const teams1: ScopeShape = { kind: 'teams', ids: ['t1'] };

describe('MEASURE-REPORT-8 the same group in two waves', () => {
  it('MEASURE-REPORT-8 the district compares only between waves of the same scope', () => {
    expect(sameGroupAt(district, district, 'district')).toBe(true);
    expect(sameGroupAt(schoolA, schoolA, 'district')).toBe(true);
    expect(sameGroupAt(teams12, teams21, 'district')).toBe(true);
    expect(sameGroupAt(district, schoolA, 'district')).toBe(false);
    expect(sameGroupAt(schoolA, schoolB, 'district')).toBe(false);
    expect(sameGroupAt(teams12, teams1, 'district')).toBe(false);
  });

  it('MEASURE-REPORT-8 a school compares where both waves asked the whole school', () => {
    expect(sameGroupAt(district, schoolA, 'school:a')).toBe(true);
    expect(sameGroupAt(schoolA, district, 'school:a')).toBe(true);
    expect(sameGroupAt(district, schoolB, 'school:a')).toBe(false);
    expect(sameGroupAt(district, teams12, 'school:a')).toBe(false);
    expect(sameGroupAt(teams12, teams21, 'school:a')).toBe(true);
  });

  it('MEASURE-REPORT-8 a team is its members in any scope', () => {
    expect(sameGroupAt(district, teams1, 'team:t1')).toBe(true);
    expect(sameGroupAt(schoolA, teams12, 'team:t2')).toBe(true);
  });

  it('MEASURE-REPORT-8 is symmetric', () => {
    const scope = fc.oneof(
      fc.constant(district),
      fc.constantFrom('a', 'b').map((id): ScopeShape => ({ kind: 'school', ids: [id] })),
      fc
        .uniqueArray(fc.constantFrom('t1', 't2', 't3'), { minLength: 1 })
        .map((ids): ScopeShape => ({ kind: 'teams', ids })),
    );
    const at = fc.constantFrom('district', 'school:a', 'school:b', 'team:t1');
    fc.assert(
      fc.property(scope, scope, at, (x, y, node) => sameGroupAt(x, y, node) === sameGroupAt(y, x, node)),
    );
  });
});
