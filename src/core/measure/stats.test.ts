import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import {
  NotComputableError,
  Z_975,
  cronbachAlpha,
  describeChange,
  fQuantile,
  feldtInterval,
  hedgesG,
  hedgesGFromSummaries,
  itemMeans,
  keyAnswers,
  meanCI,
  respondentMeans,
  responseRate,
  reverseKey,
  scaleMean,
  sizeOf,
  tQuantile,
  tryCronbachAlpha,
  tryHedgesG,
  tryMeanCI,
  type Computed,
  type NotComputableReason,
} from './stats';

/**
 * Reference values: every expected number below names where it comes from, and none was produced by this code.
 * - "scipy": scipy 1.17.1 (`scipy.stats.t.ppf`, `f.ppf`, `norm.ppf`, `t.interval`), run on this machine.
 * - "notes": docs of the team's package check, /work/shared/notes/upcoming-facts.md section 2 (scipy 1.17,
 *   confirmed at 40 digits with mpmath).
 * - "fractions": Python 3 with exact rational arithmetic (`fractions.Fraction`) for means, variances,
 *   covariances and alpha, then floats and scipy's quantiles for intervals; written apart from this module:
 *     def cov(xs, ys): mx, my = mean(xs), mean(ys); return sum((x-mx)*(y-my) for x, y in zip(xs, ys)) / (len(xs)-1)
 *     C[i][j] = cov over the rows where items i and j are both answered; n = min over (i, j) of that row count
 *     alpha = Fraction(k, k-1) * (1 - trace(C) / sum(C));  Feldt: 1 - (1-alpha) * f.ppf(0.975 | 0.025, n-1, (n-1)(k-1))
 *     g: sp = sqrt(((n1-1)v1 + (n2-1)v2)/(n1+n2-2)); d = (m2-m1)/sp; J = 1 - 3/(4(n1+n2)-9);
 *        vd = (n1+n2)/(n1 n2) + d²/(2(n1+n2)); se = sqrt(J² vd); ci = g ± norm.ppf(0.975)·se
 * - "pingouin": the documented output of pingouin's `cronbach_alpha` (src/pingouin/reliability.py docstring,
 *   raphaelvallat/pingouin @ 14994d6, 2026-03), which pingouin says matches R's psych::alpha, on pingouin's own
 *   datasets `cronbach_alpha.csv` and `cronbach_wide_missing.csv` (copied below).
 * - "Borenstein": Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4 worked
 *   example, as reproduced in H. Zhang's lecture notes "Effect Sizes Means" (scribd document 788557251), read
 *   for this test: means 103 / 100, SDs 5.5 / 4.5, n 50 / 50 give S_within 5.0249, d 0.5970, V_d 0.0418,
 *   J 0.9923, g 0.5924, V_g 0.0411.
 */

/** The result, asserted computable. */
function ok<T>(result: Computed<T>): { ok: true } & T {
  if (!result.ok) throw new Error(`not computable: ${result.reason} (${result.detail})`);
  return result;
}

const closeRel = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

/** pingouin's cronbach_alpha.csv (long format Subj, Items, Scores), as 15 respondents x 10 items. */
const PINGOUIN_15X10 = [
  [3, 2, 4, 1, 4, 5, 1, 4, 3, 2],
  [5, 4, 6, 3, 5, 1, 2, 5, 5, 5],
  [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
  [2, 4, 3, 3, 2, 2, 2, 6, 6, 3],
  [6, 5, 6, 5, 4, 4, 4, 6, 7, 5],
  [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
  [4, 3, 5, 3, 5, 2, 1, 2, 4, 3],
  [2, 4, 4, 3, 7, 2, 2, 4, 6, 5],
  [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
  [5, 4, 6, 4, 3, 5, 3, 1, 7, 2],
  [4, 3, 5, 2, 5, 3, 2, 3, 4, 1],
  [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
  [5, 5, 6, 2, 3, 3, 2, 4, 4, 5],
  [6, 5, 5, 4, 2, 2, 1, 4, 6, 5],
  [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
];

/** pingouin's cronbach_wide_missing.csv: 12 respondents x 11 binary items, 4 answers missing. */
const _ = null;
const PINGOUIN_WIDE_MISSING = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0],
  [_, 0, 1, 1, _, 1, 1, 1, 1, 0, 0],
  [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0],
  [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
  [0, 1, _, 0, 1, 1, 1, 1, 0, 0, 0],
  [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
  [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
  [1, 0, 0, 1, 0, 1, 0, 0, _, 0, 0],
  [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
];

describe('quantiles (MEASURE-STATS-9)', () => {
  it('MEASURE-STATS-9: the t and F quantiles match scipy to 1e-10 (relative)', () => {
    // notes (scipy 1.17 + mpmath): t.ppf(0.975, 10), F.ppf(0.975, 14, 126), F.ppf(0.025, 14, 126)
    closeRel(tQuantile(0.975, 10), 2.228138851986275, 1e-10);
    closeRel(fQuantile(0.975, 14, 126), 1.971873074658071, 1e-10);
    closeRel(fQuantile(0.025, 14, 126), 0.392325692290808, 1e-10);
    // scipy 1.17.1 here
    closeRel(tQuantile(0.975, 1), 12.706204736174694, 1e-10);
    closeRel(tQuantile(0.975, 29), 2.045229642132703, 1e-10);
    closeRel(fQuantile(0.975, 9, 90), 2.2587655563683398, 1e-10);
    closeRel(fQuantile(0.025, 9, 90), 0.2931587662708537, 1e-10);
    // scipy: norm.ppf(0.975)
    closeRel(Z_975, 1.959963984540054, 1e-15);
  });
});

describe('cronbachAlpha (MEASURE-STATS-1, MEASURE-STATS-2)', () => {
  it("MEASURE-STATS-1: pingouin's 15 x 10 example gives alpha 0.591719 (pingouin, psych; fractions: 12190/20601)", () => {
    const r = cronbachAlpha(PINGOUIN_15X10);
    closeRel(r.alpha, 0.5917188485995826, 1e-12); // pingouin docstring (also 12190/20601 by fractions)
    closeRel(r.alpha, 12190 / 20601, 1e-12);
    expect([r.n, r.k, r.respondents]).toEqual([15, 10, 15]);
  });

  it('MEASURE-STATS-2: its Feldt interval uses F(14, 126) and matches pingouin to 3 decimals and fractions+scipy to 1e-10', () => {
    const r = cronbachAlpha(PINGOUIN_15X10);
    // fractions + scipy: 1 - (1 - 12190/20601) * F.ppf(0.975 | 0.025, 14, 126)
    closeRel(r.ci95[0], 0.19492139066312175, 1e-10);
    closeRel(r.ci95[1], 0.8398208146275432, 1e-10);
    // pingouin docstring: array([0.195, 0.84 ])
    expect(r.ci95.map((x) => Math.round(x * 1000) / 1000)).toEqual([0.195, 0.84]);
  });

  it('MEASURE-STATS-1: pairwise covariances by default, listwise on request (pingouin = psych use="pairwise" / "complete.obs")', () => {
    const pairwise = cronbachAlpha(PINGOUIN_WIDE_MISSING);
    closeRel(pairwise.alpha, 0.732660835214447, 1e-12); // pingouin: (0.732660835214447, ...)
    expect(cronbachAlpha(PINGOUIN_WIDE_MISSING, { missing: 'pairwise' }).alpha).toBe(pairwise.alpha);
    const listwise = cronbachAlpha(PINGOUIN_WIDE_MISSING, { missing: 'listwise' });
    closeRel(listwise.alpha, 0.8016949152542373, 1e-12); // pingouin: (0.8016949152542373, ...)
  });

  it('MEASURE-STATS-2: n is the fewest respondents behind any covariance (pairwise) or the complete rows (listwise)', () => {
    // Q1 and Q3 were both answered by 10 of the 12 respondents; 9 answered every item.
    const pairwise = cronbachAlpha(PINGOUIN_WIDE_MISSING);
    expect([pairwise.n, pairwise.k, pairwise.respondents]).toEqual([10, 11, 12]);
    // fractions + scipy, Feldt with n = 10, k = 11
    closeRel(pairwise.ci95[0], 0.3961435027141129, 1e-10);
    closeRel(pairwise.ci95[1], 0.9216271802755868, 1e-10);
    const listwise = cronbachAlpha(PINGOUIN_WIDE_MISSING, { missing: 'listwise' });
    expect([listwise.n, listwise.respondents]).toEqual([9, 9]);
    // fractions + scipy, Feldt with n = 9, k = 11
    closeRel(listwise.ci95[0], 0.5330031999132735, 1e-10);
    closeRel(listwise.ci95[1], 0.9472079673390164, 1e-10);
  });

  it("MEASURE-STATS-2: feldtInterval with all 12 rows as n gives pingouin's interval (pingouin counts rows)", () => {
    const [lo, hi] = feldtInterval(0.732660835214447, 12, 11);
    expect([lo, hi].map((x) => Math.round(x * 1000) / 1000)).toEqual([0.435, 0.909]); // pingouin: [0.435, 0.909]
    closeRel(lo, 0.4353104485448256, 1e-10); // scipy
    closeRel(hi, 0.9093629101644293, 1e-10);
  });

  it('MEASURE-STATS-1: a respondent with no answer at all changes nothing', () => {
    const withEmpty = [...PINGOUIN_WIDE_MISSING, Array<number | null>(11).fill(null)];
    expect(cronbachAlpha(withEmpty)).toEqual(cronbachAlpha(PINGOUIN_WIDE_MISSING));
  });

  const likert = (maxRows: number, maxItems: number, missing: boolean) =>
    fc.integer({ min: 2, max: maxItems }).chain((k) =>
      fc.array(
        fc.array(
          missing ? fc.option(fc.integer({ min: 1, max: 6 }), { freq: 8 }) : fc.integer({ min: 1, max: 6 }),
          {
            minLength: k,
            maxLength: k,
          },
        ),
        { minLength: 3, maxLength: maxRows },
      ),
    );

  const sameResult = (a: ReturnType<typeof tryCronbachAlpha>, b: ReturnType<typeof tryCronbachAlpha>) => {
    expect(a.ok).toBe(b.ok);
    if (a.ok && b.ok) {
      // Summing in another order moves the last bits; a pairwise matrix that is not positive definite can put
      // the total variance near 0 and alpha in the thousands below zero, so compare relatively.
      for (const [x, y] of [
        [a.alpha, b.alpha],
        [a.ci95[0], b.ci95[0]],
        [a.ci95[1], b.ci95[1]],
      ] as const) {
        expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
      }
      expect([a.n, a.k, a.respondents]).toEqual([b.n, b.k, b.respondents]);
    } else if (!a.ok && !b.ok) {
      expect(a.reason).toBe(b.reason);
    }
  };

  it('MEASURE-STATS-1: alpha does not depend on the order of respondents or of items (property)', () => {
    fc.assert(
      fc.property(
        likert(20, 6, true).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray([...rows.keys()], { minLength: rows.length, maxLength: rows.length }),
            fc.shuffledSubarray([...(rows[0] ?? []).keys()], {
              minLength: rows[0]?.length ?? 0,
              maxLength: rows[0]?.length ?? 0,
            }),
          ),
        ),
        ([rows, rowOrder, itemOrder]) => {
          const permuted = rowOrder.map((r) => itemOrder.map((i) => rows[r]![i]!));
          sameResult(tryCronbachAlpha(permuted), tryCronbachAlpha(rows));
          sameResult(
            tryCronbachAlpha(permuted, { missing: 'listwise' }),
            tryCronbachAlpha(rows, { missing: 'listwise' }),
          );
        },
      ),
    );
  });

  it('MEASURE-STATS-1: listwise equals pairwise on complete data (property)', () => {
    fc.assert(
      fc.property(likert(20, 6, false), (rows) => {
        expect(tryCronbachAlpha(rows, { missing: 'listwise' })).toEqual(tryCronbachAlpha(rows));
      }),
    );
  });
});

describe('meanCI (MEASURE-STATS-3)', () => {
  it('MEASURE-STATS-3: mean ± t(0.975, n - 1) · sd / √n, as scipy.stats.t.interval gives', () => {
    const r = meanCI([4, 5, 3, 6, 5, 4, 2, 5, 6, 4, 5]);
    expect(r.n).toBe(11);
    closeRel(r.mean, 49 / 11, 1e-15); // fractions: 49/11
    closeRel(r.sd, Math.sqrt(81 / 55), 1e-14); // fractions: variance 81/55
    // scipy: t.interval(0.95, 10, loc=49/11, scale=sqrt(81/55)/sqrt(11))
    closeRel(r.ci95[0], 3.63926491950642, 1e-12);
    closeRel(r.ci95[1], 5.269825989584488, 1e-12);

    const thirty = [
      1.5, 2.25, 3.0, 2.75, 4.5, 3.25, 2.0, 3.5, 4.0, 2.5, 3.75, 1.25, 2.0, 3.0, 4.25, 2.75, 3.5, 2.25, 3.0,
      2.5, 4.0, 1.75, 3.25, 2.75, 3.5, 2.0, 3.0, 4.5, 2.25, 3.25,
    ];
    const s = meanCI(thirty);
    closeRel(s.mean, 2.925, 1e-15); // fractions
    // scipy: t.interval(0.95, 29, ...)
    closeRel(s.ci95[0], 2.602411629622751, 1e-12);
    closeRel(s.ci95[1], 3.247588370377249, 1e-12);
  });

  it('MEASURE-STATS-3: every value the same gives a zero-width interval at that value', () => {
    expect(meanCI([3, 3, 3])).toEqual({ mean: 3, ci95: [3, 3], n: 3, sd: 0 });
  });

  const answers = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 60 });

  it('MEASURE-STATS-3: the interval contains the mean (property)', () => {
    fc.assert(
      fc.property(answers, (values) => {
        const r = meanCI(values);
        expect(r.ci95[0]).toBeLessThanOrEqual(r.mean);
        expect(r.ci95[1]).toBeGreaterThanOrEqual(r.mean);
      }),
    );
  });

  it('MEASURE-STATS-3: more data of the same spread narrows it: the sample twice over is narrower (property)', () => {
    fc.assert(
      fc.property(
        answers.filter((v) => new Set(v).size > 1),
        (values) => {
          const once = meanCI(values);
          const twice = meanCI([...values, ...values]);
          expect(twice.mean).toBeCloseTo(once.mean, 12);
          expect(twice.ci95[1] - twice.ci95[0]).toBeLessThan(once.ci95[1] - once.ci95[0]);
        },
      ),
    );
  });
});

describe('hedgesG (MEASURE-STATS-4)', () => {
  it("MEASURE-STATS-4: Borenstein et al.'s worked example (d 0.5970, V_d 0.0418, g 0.5924, V_g 0.0411)", () => {
    const r = ok(hedgesGFromSummaries({ mean: 100, sd: 4.5, n: 50 }, { mean: 103, sd: 5.5, n: 50 }));
    // Borenstein (4 decimals)
    expect(r.d).toBeCloseTo(0.597, 4);
    expect(r.g).toBeCloseTo(0.5924, 4);
    expect(r.se ** 2).toBeCloseTo(0.0411, 4);
    expect(r.g / r.d).toBeCloseTo(0.9923, 4); // J
    expect((r.se / (r.g / r.d)) ** 2).toBeCloseTo(0.0418, 4); // V_d = V_g / J²
    // fractions (full precision), interval with norm.ppf(0.975)
    closeRel(r.d, 0.5970223141259935, 1e-12);
    closeRel(r.g, 0.5924415802580191, 1e-12);
    closeRel(r.se, 0.2028385544246247, 1e-12);
    closeRel(r.ci95[0], 0.19488531890958705, 1e-12);
    closeRel(r.ci95[1], 0.9899978416064511, 1e-12);
    expect([r.n1, r.n2]).toEqual([50, 50]);
  });

  it('MEASURE-STATS-4: from two waves of answers, positive when the second is higher (fractions + scipy)', () => {
    const r = hedgesG([3, 4, 4, 5, 2, 4, 3, 5], [4, 5, 5, 6, 4, 5, 3, 5, 6]);
    closeRel(r.d, 1.025879756254476, 1e-12);
    closeRel(r.g, 0.9737163788178077, 1e-12);
    closeRel(r.se, 0.4905061225673224, 1e-12);
    closeRel(r.ci95[0], 0.0123420443894664, 1e-9);
    closeRel(r.ci95[1], 1.935090713246149, 1e-12);
    expect([r.n1, r.n2]).toEqual([8, 9]);
  });

  const wave = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 40 });
  /** Two waves with some spread within them (else there is no SD to divide by). */
  const varied = fc.tuple(wave, wave).filter(([a, b]) => new Set(a).size > 1 || new Set(b).size > 1);

  it('MEASURE-STATS-4: swapping the waves flips the sign of g and mirrors the interval (property)', () => {
    fc.assert(
      fc.property(varied, ([a, b]) => {
        const ab = hedgesG(a, b);
        const ba = hedgesG(b, a);
        expect(ba.g).toBeCloseTo(-ab.g, 12);
        expect(ba.ci95[0]).toBeCloseTo(-ab.ci95[1], 12);
        expect(ba.ci95[1]).toBeCloseTo(-ab.ci95[0], 12);
      }),
    );
  });

  it('MEASURE-STATS-4: waves are independent samples, never paired: order within a wave does not matter (property)', () => {
    fc.assert(
      fc.property(
        varied.chain(([a, b]) =>
          fc.tuple(
            fc.constant(a),
            fc.constant(b),
            fc.shuffledSubarray(b, { minLength: b.length, maxLength: b.length }),
          ),
        ),
        ([a, b, shuffled]) => {
          expect(hedgesG(a, shuffled).g).toBeCloseTo(hedgesG(a, b).g, 12);
        },
      ),
    );
  });
});

describe('describeChange (MEASURE-STATS-6)', () => {
  it('MEASURE-STATS-6: an interval that includes zero says this could be chance', () => {
    const r = ok(describeChange([3, 4, 5, 4], [4, 5, 3, 5]));
    expect(r.direction).toBe('higher');
    expect(r.couldBeChance).toBe(true);
    expect(r.words).toContain("The second wave's mean is higher than the first's");
    expect(r.words).toContain('The interval includes zero, so this could be chance.');
    expect(r.words).toContain("by Cohen's conventional cut-offs (0.2 small, 0.5 medium, 0.8 large)");
  });

  it('MEASURE-STATS-6: an interval above zero, a large difference by convention, in words and figures', () => {
    const r = ok(describeChange([3, 4, 4, 5, 2, 4, 3, 5], [4, 5, 5, 6, 4, 5, 3, 5, 6]));
    expect([r.direction, r.size, r.couldBeChance]).toEqual(['higher', 'large', false]);
    expect(r.words).toContain("(Hedges' g = 0.97, 95% interval 0.01 to 1.94)");
    expect(r.words).toContain('a difference that is large by');
    expect(r.words).toContain('The interval does not include zero');
    const lower = ok(describeChange([4, 5, 5, 6, 4, 5, 3, 5, 6], [3, 4, 4, 5, 2, 4, 3, 5]));
    expect(lower.direction).toBe('lower');
    expect(lower.words).toContain("The second wave's mean is lower than the first's (Hedges' g = -0.97");
  });

  it("MEASURE-STATS-6: sizes follow Cohen's conventional cut-offs 0.2 / 0.5 / 0.8 on |g|", () => {
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.79, 0.8, 2, -0.3, -0.85].map(sizeOf)).toEqual([
      'below-small',
      'below-small',
      'small',
      'small',
      'medium',
      'medium',
      'large',
      'large',
      'small',
      'large',
    ]);
    const same = ok(describeChange([2, 4, 3], [3, 2, 4]));
    expect(same.direction).toBe('same');
    expect(same.words).toContain("The two waves' means are the same (Hedges' g = 0.00");
  });

  it('MEASURE-STATS-6: the words never claim a cause (property)', () => {
    const wave = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(wave, wave, (a, b) => {
        const r = describeChange(a, b);
        if (!r.ok) return;
        expect(r.words).not.toMatch(
          /because|caused|due to|led to|result of|effect of|impact|thanks to|improv/i,
        );
        expect(r.words).toContain('does not show what made the difference');
      }),
    );
  });
});

describe('answers, reverse-keying and scale scores (MEASURE-STATS-5)', () => {
  it('MEASURE-STATS-5: reverseKey is points + 1 - value on a 1..points scale, null off it', () => {
    expect([1, 2, 3, 4, 5, 6].map((v) => reverseKey(v, 6))).toEqual([6, 5, 4, 3, 2, 1]);
    expect([0, 7, 2.5, NaN, Infinity, -1].map((v) => reverseKey(v, 6))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(reverseKey(1, 1)).toBeNull();
    expect(reverseKey(1, 4.5)).toBeNull();
  });

  it('MEASURE-STATS-5: reverse-keying twice is the identity (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 11 })
          .chain((points) => fc.tuple(fc.constant(points), fc.integer({ min: 1, max: points }))),
        ([points, v]) => {
          expect(reverseKey(reverseKey(v, points)!, points)).toBe(v);
        },
      ),
    );
  });

  it('MEASURE-STATS-5: keyAnswers flips reverse-keyed columns and refuses answers off the scale', () => {
    const spec = { points: 6, reversed: [false, true, false] };
    expect(
      keyAnswers(
        [
          [1, 1, null],
          [6, null, 4],
        ],
        spec,
      ),
    ).toEqual({
      ok: true,
      rows: [
        [1, 6, null],
        [6, null, 4],
      ],
    });
    expect(keyAnswers([[1, 7, 2]], spec)).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(keyAnswers([[1, 2]], spec)).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(keyAnswers([[1, NaN, 2]], spec)).toMatchObject({ ok: false, reason: 'invalid-value' });
  });

  it('MEASURE-STATS-5: scale scores are means over answered items; item and scale means carry intervals', () => {
    const rows = [
      [4, 5, null],
      [2, null, null],
      [6, 6, 3],
    ];
    expect(respondentMeans(rows)).toEqual([4.5, 2, 5]);
    expect(respondentMeans(rows, { minAnswered: 2 })).toEqual([4.5, null, 5]);
    const items = itemMeans(rows);
    expect(items).toHaveLength(3);
    expect(ok(items[0]!).mean).toBe(4);
    expect(ok(items[1]!).mean).toBe(5.5);
    expect(items[2]).toMatchObject({ ok: false, reason: 'too-few-values' });
    expect(scaleMean(rows)).toEqual(tryMeanCI([4.5, 2, 5]));
    expect(scaleMean(rows, { minAnswered: 2 })).toEqual(tryMeanCI([4.5, 5]));
    // scipy: t.interval(0.95, 2, loc=23/6, scale=sqrt(31/12)/sqrt(3)) for respondent means 4.5, 2, 5 (fractions:
    // mean 23/6, variance 31/12)
    const s = ok(scaleMean(rows));
    closeRel(s.ci95[0], -0.15935942238872824, 1e-10);
    closeRel(s.ci95[1], 7.826026089055395, 1e-12);
  });

  it('MEASURE-STATS-5: a reverse-keyed item that was written the other way round raises alpha once keyed', () => {
    // Item 3 runs against items 1 and 2 as written.
    const raw = [
      [5, 6, 2],
      [2, 3, 5],
      [4, 4, 3],
      [1, 2, 6],
      [6, 5, 1],
      [3, 3, 4],
    ];
    const keyed = ok(keyAnswers(raw, { points: 6, reversed: [false, false, true] })).rows;
    expect(cronbachAlpha(keyed).alpha).toBeGreaterThan(0.9);
    expect(cronbachAlpha(raw).alpha).toBeLessThan(0);
  });
});

describe('responseRate (MEASURE-STATS-7)', () => {
  it('MEASURE-STATS-7: responses over invited, guarded', () => {
    expect(responseRate(12, 40)).toEqual({ ok: true, rate: 0.3, responses: 12, invited: 40 });
    expect(responseRate(0, 5)).toMatchObject({ ok: true, rate: 0 });
    expect(responseRate(0, 0)).toMatchObject({ ok: false, reason: 'nothing-invited' });
    expect(responseRate(6, 5)).toMatchObject({ ok: false, reason: 'responses-exceed-invited' });
    for (const [r, i] of [
      [-1, 5],
      [2.5, 5],
      [NaN, 5],
      [1, Infinity],
    ] as const) {
      expect(responseRate(r, i)).toMatchObject({ ok: false, reason: 'invalid-value' });
    }
  });
});

describe('not computable (MEASURE-STATS-8)', () => {
  it('MEASURE-STATS-8: n < 2, no variance, k < 2 and invalid values give a typed reason from the try-variants, never a throw or NaN', () => {
    const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);
    expect(
      [tryMeanCI([]), tryMeanCI([5]), tryMeanCI([1, NaN]), tryMeanCI([1, Infinity])].map(reason),
    ).toEqual(['too-few-values', 'too-few-values', 'invalid-value', 'invalid-value']);
    expect(
      [
        tryHedgesG([1], [2, 3]),
        tryHedgesG([4, 4], [4, 4, 4]),
        tryHedgesG([1, 2], [3, -Infinity]),
        hedgesGFromSummaries({ mean: 1, sd: -1, n: 5 }, { mean: 2, sd: 1, n: 5 }),
        hedgesGFromSummaries({ mean: 1, sd: 1, n: 5.5 }, { mean: 2, sd: 1, n: 5 }),
        describeChange([3], [4, 5]),
      ].map(reason),
    ).toEqual([
      'too-few-values',
      'no-variance',
      'invalid-value',
      'invalid-value',
      'invalid-value',
      'too-few-values',
    ]);
    expect(
      [
        tryCronbachAlpha([]),
        tryCronbachAlpha([[1], [2], [3]]),
        tryCronbachAlpha([[1, 2]]),
        tryCronbachAlpha([
          [3, 3],
          [3, 3],
          [3, 3],
        ]),
        // The total score never varies: item 2 = 6 - item 1.
        tryCronbachAlpha([
          [1, 5],
          [2, 4],
          [3, 3],
        ]),
        // Items 1 and 2 were never answered by the same person.
        tryCronbachAlpha([
          [1, null, 2],
          [2, null, 3],
          [null, 4, 4],
          [null, 5, 5],
        ]),
        tryCronbachAlpha([[1, 2], [2]]),
        tryCronbachAlpha([
          [1, NaN],
          [2, 3],
        ]),
      ].map(reason),
    ).toEqual([
      'too-few-items',
      'too-few-items',
      'too-few-values',
      'no-variance',
      'no-variance',
      'too-few-values',
      'invalid-value',
      'invalid-value',
    ]);
  });

  /** Every number in an ok result is finite. */
  const finiteThroughout = (value: unknown): boolean => {
    if (typeof value === 'number') return Number.isFinite(value);
    if (Array.isArray(value)) return value.every(finiteThroughout);
    if (typeof value === 'object' && value !== null) return Object.values(value).every(finiteThroughout);
    return true;
  };

  it('MEASURE-STATS-8: any numbers at all (NaN, ±Infinity, huge, tiny) never throw and ok results are finite (property)', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom(1e308, -1e308, 5e-324),
    );
    const values = fc.array(anyNumber, { maxLength: 12 });
    const rows = fc.array(fc.array(fc.option(anyNumber), { maxLength: 5 }), { maxLength: 10 });
    fc.assert(
      fc.property(values, values, rows, fc.integer({ min: 2, max: 7 }), (a, b, m, points) => {
        const results: Computed<object>[] = [
          tryMeanCI(a),
          tryHedgesG(a, b),
          describeChange(a, b),
          tryCronbachAlpha(m),
          tryCronbachAlpha(m, { missing: 'listwise' }),
          scaleMean(m),
          keyAnswers(m, { points, reversed: m[0]?.map(() => true) ?? [] }),
          responseRate(a[0] ?? 0, b[0] ?? 0),
          ...itemMeans(m),
        ];
        for (const r of results) {
          if (r.ok) expect(finiteThroughout(r)).toBe(true);
          else expect(r.detail.length).toBeGreaterThan(0);
        }
        expect(respondentMeans(m).every((v) => v === null || Number.isFinite(v))).toBe(true);
      }),
    );
  });
});

describe('throwing and try variants (MEASURE-STATS-11)', () => {
  it("MEASURE-STATS-11: cronbachAlpha, hedgesG and meanCI have the issue's exact signatures, with no `ok` to narrow", () => {
    // Checked by the type checker (oxlint --type-check): the issue's signatures, word for word.
    const issueAlpha: (
      rows: (number | null)[][],
      opts?: { missing?: 'pairwise' | 'listwise' },
    ) => { alpha: number; ci95: [number, number]; n: number; k: number } = cronbachAlpha;
    const issueG: (before: number[], after: number[]) => { g: number; ci95: [number, number] } = hedgesG;
    const issueMean: (values: number[]) => { mean: number; ci95: [number, number]; n: number } = meanCI;
    expectTypeOf(cronbachAlpha).returns.not.toHaveProperty('ok');
    expectTypeOf(hedgesG).returns.not.toHaveProperty('ok');
    expectTypeOf(meanCI).returns.not.toHaveProperty('ok');
    // ... and at run time, no `ok` field either.
    expect('ok' in issueAlpha(PINGOUIN_15X10)).toBe(false);
    expect('ok' in issueG([1, 2, 3], [2, 3, 5])).toBe(false);
    expect('ok' in issueMean([1, 2])).toBe(false);
  });

  /** The NotComputableError `f` throws (the test fails if it throws nothing or something else). */
  const thrownBy = (f: () => unknown): NotComputableError => {
    try {
      f();
    } catch (error) {
      if (error instanceof NotComputableError) return error;
      throw error;
    }
    throw new Error('expected a NotComputableError, but nothing was thrown');
  };

  it('MEASURE-STATS-11: degenerate input makes the exact-signature functions throw NotComputableError with the reason', () => {
    const neverTogether = [
      [1, null, 2],
      [2, null, 3],
      [null, 4, 4],
      [null, 5, 5],
    ];
    const cases: [() => unknown, () => Computed<object>, NotComputableReason][] = [
      [() => meanCI([]), () => tryMeanCI([]), 'too-few-values'],
      [() => meanCI([5]), () => tryMeanCI([5]), 'too-few-values'],
      [() => meanCI([1, NaN]), () => tryMeanCI([1, NaN]), 'invalid-value'],
      [() => hedgesG([1], [2, 3]), () => tryHedgesG([1], [2, 3]), 'too-few-values'],
      [() => hedgesG([4, 4], [4, 4, 4]), () => tryHedgesG([4, 4], [4, 4, 4]), 'no-variance'],
      [() => hedgesG([1, 2], [3, -Infinity]), () => tryHedgesG([1, 2], [3, -Infinity]), 'invalid-value'],
      [() => cronbachAlpha([[1], [2], [3]]), () => tryCronbachAlpha([[1], [2], [3]]), 'too-few-items'],
      [() => cronbachAlpha(neverTogether), () => tryCronbachAlpha(neverTogether), 'too-few-values'],
      [
        () =>
          cronbachAlpha([
            [1, 5],
            [2, 4],
            [3, 3],
          ]),
        () =>
          tryCronbachAlpha([
            [1, 5],
            [2, 4],
            [3, 3],
          ]),
        'no-variance',
      ],
      [() => cronbachAlpha([[1, 2], [2]]), () => tryCronbachAlpha([[1, 2], [2]]), 'invalid-value'],
      [
        () => cronbachAlpha(PINGOUIN_15X10.map((r) => r.slice(0, 1))),
        () => tryCronbachAlpha(PINGOUIN_15X10.map((r) => r.slice(0, 1))),
        'too-few-items',
      ],
    ];
    for (const [exact, attempt, reason] of cases) {
      const error = thrownBy(exact);
      const result = attempt();
      expect(result).toMatchObject({ ok: false, reason });
      expect(error).toBeInstanceOf(RangeError);
      expect(error.name).toBe('NotComputableError');
      expect(error.reason).toBe(reason);
      expect(error.message).toBe(result.ok ? '' : result.detail);
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('MEASURE-STATS-11: the try-variants give the same numbers on the reference data', () => {
    expect(tryCronbachAlpha(PINGOUIN_15X10)).toEqual({ ok: true, ...cronbachAlpha(PINGOUIN_15X10) });
    closeRel(ok(tryCronbachAlpha(PINGOUIN_15X10)).alpha, 12190 / 20601, 1e-12); // fractions
    closeRel(
      ok(tryCronbachAlpha(PINGOUIN_WIDE_MISSING, { missing: 'listwise' })).alpha,
      0.8016949152542373,
      1e-12,
    ); // pingouin
    const wave1 = [3, 4, 4, 5, 2, 4, 3, 5];
    const wave2 = [4, 5, 5, 6, 4, 5, 3, 5, 6];
    expect(tryHedgesG(wave1, wave2)).toEqual({ ok: true, ...hedgesG(wave1, wave2) });
    closeRel(ok(tryHedgesG(wave1, wave2)).g, 0.9737163788178077, 1e-12); // fractions + scipy
    expect(tryMeanCI(wave1)).toEqual({ ok: true, ...meanCI(wave1) });
    closeRel(ok(tryMeanCI([4, 5, 3, 6, 5, 4, 2, 5, 6, 4, 5])).ci95[0], 3.63926491950642, 1e-12); // scipy
  });

  /** The exact-signature call equals the try-variant's result without `ok`, or throws its reason and detail. */
  const agree = (exact: () => object, attempt: Computed<object>) => {
    if (attempt.ok) {
      expect({ ok: true, ...exact() }).toEqual(attempt);
    } else {
      const error = thrownBy(exact);
      expect([error.reason, error.message]).toEqual([attempt.reason, attempt.detail]);
    }
  };

  it('MEASURE-STATS-11: on any input, the exact functions return what the try-variants return or throw their reason (property)', () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 6 }) },
      { weight: 1, arbitrary: fc.double() },
    );
    const values = fc.array(value, { maxLength: 8 });
    const rows = fc.array(fc.array(fc.option(value, { freq: 6 }), { minLength: 0, maxLength: 4 }), {
      maxLength: 8,
    });
    let computable = 0;
    let notComputableCount = 0;
    fc.assert(
      fc.property(values, values, rows, (a, b, m) => {
        const attempts: [() => object, Computed<object>][] = [
          [() => meanCI(a), tryMeanCI(a)],
          [() => hedgesG(a, b), tryHedgesG(a, b)],
          [() => cronbachAlpha(m), tryCronbachAlpha(m)],
          [() => cronbachAlpha(m, { missing: 'listwise' }), tryCronbachAlpha(m, { missing: 'listwise' })],
        ];
        for (const [exact, attempt] of attempts) {
          agree(exact, attempt);
          if (attempt.ok) computable++;
          else notComputableCount++;
        }
      }),
      { numRuns: 300 },
    );
    // Both branches were exercised (not a vacuous property).
    expect(computable).toBeGreaterThan(50);
    expect(notComputableCount).toBeGreaterThan(50);
  });
});

describe('server only (MEASURE-STATS-10)', () => {
  // The text of every file the browser could reach (web, core, contracts; not tests), through Vite's
  // import.meta.glob: core tests use no Node APIs.
  const sources = import.meta.glob<string>(
    ['/src/{web,core,contracts}/**/*.{ts,tsx}', '!**/*.test.{ts,tsx}'],
    {
      query: '?raw',
      import: 'default',
      eager: true,
    },
  );

  const resolve = (from: string, spec: string): string | undefined => {
    let base: string;
    if (spec.startsWith('#core/')) base = `/src/core/${spec.slice(6)}`;
    else if (spec.startsWith('#contracts/')) base = `/src/contracts/${spec.slice(11)}`;
    else if (spec.startsWith('#web/')) base = `/src/web/${spec.slice(5)}`;
    else if (spec.startsWith('.')) {
      const parts = from.split('/').slice(0, -1);
      for (const part of spec.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      base = parts.join('/');
    } else return undefined;
    const stem = base.replace(/\.js$/, '');
    return [stem, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`].find(
      (p) => p in sources,
    );
  };

  /** Runtime imports (not `import type`/`export type`), static and dynamic. */
  const importsOf = (text: string): string[] =>
    [
      ...text.matchAll(
        /(?:^|[\s;])(?:import|export)(?!\s+type\s)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s+['"]([^'"]+)['"]/g,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

  it('MEASURE-STATS-10: nothing under src/web reaches stats.ts or @stdlib, directly or through other modules', () => {
    const webFiles = Object.keys(sources).filter((p) => p.startsWith('/src/web/'));
    expect(webFiles.length).toBeGreaterThan(50);
    expect(Object.keys(sources)).toContain('/src/core/measure/stats.ts');
    // The scan sees stats.ts's own import of @stdlib (the check is not vacuous).
    expect(importsOf(sources['/src/core/measure/stats.ts']!)).toContain(
      '@stdlib/stats-base-dists-f-quantile',
    );

    const reached = new Set<string>();
    const packages = new Set<string>();
    const queue = [...webFiles];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      for (const spec of importsOf(sources[file] ?? '')) {
        const target = resolve(file, spec);
        if (target) queue.push(target);
        else if (!spec.startsWith('.') && !spec.startsWith('#')) packages.add(spec);
      }
    }
    expect(reached.has('/src/core/meeting/index.ts')).toBe(true); // the walk does follow #core imports
    expect(reached.has('/src/core/measure/stats.ts')).toBe(false);
    expect([...packages].filter((p) => p.startsWith('@stdlib/'))).toEqual([]);
  });
});
