/**
 * The attacker oracle (test support for MEASURE-ANON-11) checked on its own: hand cases, and against a second,
 * independently written exact rank computation (fractions of bigints) on random 0/1 matrices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowSpace, smallDerivableGroup } from './oracle';

// ---- an independent reference: rank by Gaussian elimination over fractions ------------------------------------

interface Fraction {
  num: bigint;
  den: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function frac(num: bigint, den = 1n): Fraction {
  const g = gcd(num, den) || 1n;
  const sign = den < 0n ? -1n : 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}
const sub = (a: Fraction, b: Fraction) => frac(a.num * b.den - b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction) => frac(a.num * b.num, a.den * b.den);
const div = (a: Fraction, b: Fraction) => frac(a.num * b.den, a.den * b.num);

function referenceRank(rows: readonly (readonly number[])[], columns: number): number {
  const m = rows.map((support) => {
    const dense = Array.from({ length: columns }, () => frac(0n));
    for (const c of support) dense[c] = frac(1n);
    return dense;
  });
  let rank = 0;
  for (let col = 0; col < columns && rank < m.length; col += 1) {
    const pivotRow = m.findIndex((r, i) => i >= rank && r[col]!.num !== 0n);
    if (pivotRow < 0) continue;
    [m[rank], m[pivotRow]] = [m[pivotRow]!, m[rank]!];
    const p = m[rank]!;
    for (let i = 0; i < m.length; i += 1) {
      if (i === rank || m[i]![col]!.num === 0n) continue;
      const k = div(m[i]![col]!, p[col]!);
      m[i] = m[i]!.map((x, j) => sub(x, mul(k, p[j]!)));
    }
    rank += 1;
  }
  return rank;
}

const supportArb = (columns: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: columns - 1 }), { maxLength: columns });

describe('the exact attacker (oracle for MEASURE-ANON-11)', () => {
  it('MEASURE-ANON-11 finds what subtraction exposes and nothing else (hand cases)', () => {
    const space = new RowSpace(3);
    space.add([0, 1, 2]); // a parent
    space.add([0, 1]); // its shown children
    expect(space.contains([2])).toBe(true); // parent minus children
    expect(space.contains([0])).toBe(false);
    expect(space.contains([1])).toBe(false);
    expect(space.contains([0, 1])).toBe(true);
    expect(space.rank).toBe(2);
    expect(space.add([2])).toBe(false);

    // Rational, not integer, combinations count: (a+b) + (b+c) + (a+c) = 2(a+b+c).
    const triangle = new RowSpace(3);
    for (const row of [
      [0, 1],
      [1, 2],
      [0, 2],
    ])
      triangle.add(row);
    expect(triangle.contains([0])).toBe(true);
  });

  it('MEASURE-ANON-11 agrees with an independent rational rank test on random 0/1 matrices', () => {
    const columns = 7;
    fc.assert(
      fc.property(fc.array(supportArb(columns), { maxLength: 8 }), supportArb(columns), (rows, group) => {
        const space = new RowSpace(columns);
        for (const row of rows) space.add(row);
        const rank = referenceRank(rows, columns);
        expect(space.rank).toBe(rank);
        const inSpan = group.length === 0 || referenceRank([...rows, group], columns) === rank;
        expect(space.contains(group)).toBe(inSpan);
      }),
      { numRuns: 400 },
    );
  });

  it('MEASURE-ANON-11 tries every group below the threshold', () => {
    const space = new RowSpace(4);
    space.add([0, 1, 2, 3]);
    space.add([0, 1, 2]);
    // Column 3 alone is determined; it is found when it is small, and not when it is not.
    expect(smallDerivableGroup(space, [2, 2, 2, 2], 5)).toEqual([3]);
    expect(smallDerivableGroup(space, [2, 2, 2, 5], 5)).toBeUndefined();
    expect(smallDerivableGroup(space, [1, 1, 1, 5], 5)).toEqual([0, 1, 2]);
    // A group of several small atoms is found too: columns 0..2 total 3 (with column 3 large).
    const other = new RowSpace(4);
    other.add([0, 1, 2, 3]);
    other.add([3]);
    expect(smallDerivableGroup(other, [1, 1, 1, 6], 5)).toEqual([0, 1, 2]);
    expect(smallDerivableGroup(other, [2, 2, 1, 6], 5)).toBeUndefined();
    expect(() => smallDerivableGroup(other, [0, 1, 1, 6], 5)).toThrow(RangeError);
  });
});
