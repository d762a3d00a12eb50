import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrozenCell } from '../../contracts/surveys';
import { cellStats } from './cell-stats';
import { compareCells } from './compare';
import { describeChange } from './stats';

const instrument = {
  scale: { points: 6, labels: ['1', '2', '3', '4', '5', '6'] },
  items: [
    { id: 'a', text: 'A', construct: 'collective' as const, reverse: false },
    { id: 'b', text: 'B', construct: 'collective' as const, reverse: true },
  ],
};
const node = { kind: 'team' as const, id: null, name: 'Team', parentId: null };

function shown(rows: number[][]): FrozenCell {
  const stats = cellStats(instrument, rows, { showDistribution: false });
  return {
    status: 'shown',
    node,
    role: 'all',
    n: stats.n,
    constructs: stats.constructs,
    items: stats.items,
    freeText: [],
  };
}
/** Each respondent's scale score as cellStats computes it (item b reverse-keyed). */
const scores = (rows: number[][]) => rows.map(([a = 1, b = 1]) => (a + (7 - b)) / 2);

const answers = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })), {
  minLength: 5,
  maxLength: 40,
});

describe('MEASURE-REPORT-5: comparing two waves from what each froze', () => {
  it("MEASURE-REPORT-5: g from each wave's mean, SD and n equals g from the respondents' scale scores", () => {
    fc.assert(
      fc.property(answers, answers, (before, after) => {
        const [row] = compareCells(shown(before), shown(after));
        const direct = describeChange(scores(before), scores(after));
        if (!direct.ok) {
          expect(row?.change ?? null).toBeNull();
          return;
        }
        expect(row?.change?.g).toBeCloseTo(direct.g, 9);
        expect(row?.change?.ci95[0]).toBeCloseTo(direct.ci95[0], 9);
        expect(row?.change?.words).toBe(direct.words);
      }),
      { numRuns: 200 },
    );
  });

  it('MEASURE-REPORT-5: a group hidden in either wave gets no change, and no number from the hidden wave', () => {
    const hidden: FrozenCell = { status: 'suppressed', node, role: 'all' };
    const rows = compareCells(
      hidden,
      shown([
        [6, 1],
        [5, 2],
        [6, 1],
        [4, 3],
        [5, 1],
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ construct: 'collective', before: null, change: null });
    expect(rows[0]?.after?.n).toBe(5);
  });
});
