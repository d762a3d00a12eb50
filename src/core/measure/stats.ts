/**
 * MEASURE-STATS-*: the statistics of survey waves and meeting pulses, pure (ADR 0027).
 *
 * - Cronbach's alpha from pairwise-complete (or listwise) covariances with n - 1, with Feldt's 95% interval.
 * - Means with t-based 95% intervals; item means, scale scores with reverse-keyed items, response rates.
 * - Change between two waves as Hedges' g with a 95% interval: independent samples, because waves are anonymous
 *   and a person's answers in two waves are never linked (never paired).
 * - Plain words for a change, with no causal claim.
 *
 * Two ways to call the issue's three statistics (MEASURE-STATS-11): `cronbachAlpha`, `hedgesG` and `meanCI` have
 * the issue's exact signatures and throw a `NotComputableError` on degenerate input; `tryCronbachAlpha`,
 * `tryHedgesG` and `tryMeanCI` never throw and never yield NaN, returning a typed `NotComputable` (`ok: false`
 * with a reason) instead (MEASURE-STATS-8). Every other function that can fail returns `Computed` too, and every
 * number in an `ok: true` result is finite. The server uses the try-variants, so no input stops it.
 *
 * Server-only in practice: the F and t quantiles come from @stdlib (about 52 KB gzipped in a bundle), so nothing
 * under src/web may import this file (checked by MEASURE-STATS-10).
 */
import fQuantileOf from '@stdlib/stats-base-dists-f-quantile';
import tQuantileOf from '@stdlib/stats-base-dists-t-quantile';

/** Why a statistic could not be computed (MEASURE-STATS-9). */
export type NotComputableReason =
  /** A value is NaN or ±Infinity, a row has the wrong length, a count is not a whole number ≥ 0, or an answer is off the scale. */
  | 'invalid-value'
  /** Fewer than 2 values (per group for g, per pair of items for alpha): no variance with n - 1. */
  | 'too-few-values'
  /** Alpha needs at least 2 items. */
  | 'too-few-items'
  /** Nothing varies: g has no standard deviation to divide by, alpha no total-score variance. */
  | 'no-variance'
  /** A response rate over no invitations. */
  | 'nothing-invited'
  /** More responses than invitations: the count of invitations is not a valid denominator. */
  | 'responses-exceed-invited';

export interface NotComputable {
  ok: false;
  reason: NotComputableReason;
  /** English, for logs and tests; the UI words it from `reason`. */
  detail: string;
}

export type Computed<T> = ({ ok: true } & T) | NotComputable;

/**
 * MEASURE-STATS-11: thrown by `cronbachAlpha`, `hedgesG` and `meanCI` when the statistic cannot be computed; the
 * message is the English `detail` of the try-variant's `NotComputable`.
 */
export class NotComputableError extends RangeError {
  override readonly name = 'NotComputableError';
  readonly reason: NotComputableReason;

  constructor(reason: NotComputableReason, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

/** The computed value, or a `NotComputableError` thrown with the reason and detail. */
function orThrow<T>(result: Computed<T>): { ok: true } & T {
  if (!result.ok) throw new NotComputableError(result.reason, result.detail);
  return result;
}

const notComputable = (reason: NotComputableReason, detail: string): NotComputable => ({
  ok: false,
  reason,
  detail,
});

/** The 0.975 quantile of the standard normal distribution (scipy.stats.norm.ppf(0.975)). */
export const Z_975 = 1.959963984540054;

/** Quantile `p` of Student's t with `df` degrees of freedom (@stdlib, ~5e-12 relative to scipy). */
export function tQuantile(p: number, df: number): number {
  return tQuantileOf(p, df);
}

/** Quantile `p` of the F distribution with `df1`, `df2` degrees of freedom (@stdlib, ~5e-12 relative to scipy). */
export function fQuantile(p: number, df1: number, df2: number): number {
  return fQuantileOf(p, df1, df2);
}

const allFinite = (values: readonly number[]): boolean => values.every((v) => Number.isFinite(v));

const sum = (values: readonly number[]): number => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

const meanOf = (values: readonly number[]): number => sum(values) / values.length;

/** Sample variance with n - 1 (two-pass); exactly 0 when every value is the same. */
function varianceOf(values: readonly number[]): number {
  const first = values[0];
  if (values.every((v) => v === first)) return 0;
  const m = meanOf(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Means (MEASURE-STATS-3)

export interface MeanCI {
  mean: number;
  ci95: [number, number];
  n: number;
  /** Sample standard deviation (n - 1). */
  sd: number;
}

/**
 * MEASURE-STATS-3: the mean with its t-based 95% interval, mean ± t(0.975, n - 1) · sd / √n. Needs n ≥ 2; when
 * every value is the same the interval is the mean itself (zero width), as the formula gives.
 *
 * Throws a `NotComputableError` (MEASURE-STATS-11) for fewer than 2 values or a value that is not finite; the
 * server calls `tryMeanCI`, which returns the reason instead, so no input stops it.
 */
export function meanCI(values: readonly number[]): MeanCI {
  const r = orThrow(tryMeanCI(values));
  return { mean: r.mean, ci95: r.ci95, n: r.n, sd: r.sd };
}

/** MEASURE-STATS-3, MEASURE-STATS-8: `meanCI` that never throws: `ok: false` with a reason when not computable. */
export function tryMeanCI(values: readonly number[]): Computed<MeanCI> {
  if (!allFinite(values)) return notComputable('invalid-value', 'a value is not a finite number');
  const n = values.length;
  if (n < 2) return notComputable('too-few-values', `a mean with an interval needs 2 values; got ${n}`);
  const mean = meanOf(values);
  const sd = Math.sqrt(varianceOf(values));
  const half = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  const ci95: [number, number] = [mean - half, mean + half];
  if (!allFinite([mean, sd, ...ci95])) return notComputable('invalid-value', 'the values are too large');
  return { ok: true, mean, ci95, n, sd };
}

// ---------------------------------------------------------------------------------------------------------------
// Cronbach's alpha (MEASURE-STATS-1, MEASURE-STATS-2)

export interface AlphaResult {
  alpha: number;
  ci95: [number, number];
  /**
   * The n of Feldt's interval: the fewest respondents who answered both items of any pair, i.e. the n behind the
   * thinnest covariance. With complete data (and always with `listwise`) it is the number of respondents used.
   */
  n: number;
  k: number;
  /** Respondents who answered at least one item (listwise: who answered every item). */
  respondents: number;
}

export interface AlphaOptions {
  missing?: 'pairwise' | 'listwise';
}

/**
 * MEASURE-STATS-2: Feldt's 95% interval for alpha (Feldt, Woodruff & Salih 1987, formulas 6-7):
 * [1 - (1 - alpha) · F(0.975; n - 1, (n - 1)(k - 1)), 1 - (1 - alpha) · F(0.025; n - 1, (n - 1)(k - 1))].
 */
export function feldtInterval(alpha: number, n: number, k: number): [number, number] {
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  return [1 - (1 - alpha) * fQuantile(0.975, df1, df2), 1 - (1 - alpha) * fQuantile(0.025, df1, df2)];
}

/**
 * MEASURE-STATS-1: Cronbach's alpha, k/(k - 1) · (1 - Σ item variances / Σ all covariance entries), from the
 * item covariance matrix with n - 1. Rows are respondents, columns items, `null` a missing answer. `pairwise`
 * (the default) computes each covariance over the respondents who answered both items; `listwise` keeps only
 * respondents who answered every item. Rows with no answer at all are ignored.
 *
 * Throws a `NotComputableError` (MEASURE-STATS-11) for fewer than 2 items, an item pair answered by fewer than 2
 * people, a total score that does not vary, or an invalid answer; the server calls `tryCronbachAlpha`, which
 * returns the reason instead, so no input stops it.
 */
export function cronbachAlpha(
  rows: readonly (readonly (number | null)[])[],
  opts: AlphaOptions = {},
): AlphaResult {
  const r = orThrow(tryCronbachAlpha(rows, opts));
  return { alpha: r.alpha, ci95: r.ci95, n: r.n, k: r.k, respondents: r.respondents };
}

/** MEASURE-STATS-1, MEASURE-STATS-8: `cronbachAlpha` that never throws: `ok: false` with a reason instead. */
export function tryCronbachAlpha(
  rows: readonly (readonly (number | null)[])[],
  opts: AlphaOptions = {},
): Computed<AlphaResult> {
  const k = rows[0]?.length ?? 0;
  for (const row of rows) {
    if (row.length !== k) return notComputable('invalid-value', 'rows have different numbers of items');
    for (const v of row) {
      if (v !== null && !Number.isFinite(v))
        return notComputable('invalid-value', 'an answer is not a finite number');
    }
  }
  if (k < 2) return notComputable('too-few-items', `alpha needs at least 2 items; got ${k}`);
  const listwise = opts.missing === 'listwise';
  const used = rows.filter((row) => (listwise ? row.every((v) => v !== null) : row.some((v) => v !== null)));

  // The covariance matrix, each entry over the respondents who answered both items.
  const cov: number[][] = [];
  let thinnest = Infinity;
  for (let i = 0; i < k; i++) {
    const line: number[] = [];
    for (let j = 0; j < k; j++) {
      if (j < i) {
        line.push(cov[j]?.[i] ?? 0);
        continue;
      }
      const xs: number[] = [];
      const ys: number[] = [];
      for (const row of used) {
        const x = row[i];
        const y = row[j];
        if (x != null && y != null) {
          xs.push(x);
          ys.push(y);
        }
      }
      thinnest = Math.min(thinnest, xs.length);
      if (xs.length < 2) {
        return notComputable(
          'too-few-values',
          `items ${i + 1} and ${j + 1} were both answered by fewer than 2 people`,
        );
      }
      line.push(covarianceOf(xs, ys));
    }
    cov.push(line);
  }

  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = cov[i]?.[j] ?? 0;
      total += c;
      if (i === j) trace += c;
    }
  }
  if (!Number.isFinite(trace) || !Number.isFinite(total))
    return notComputable('invalid-value', 'values too large');
  // Zero (or, with pairwise covariances, negative) total-score variance: alpha is undefined.
  if (trace === 0 || total <= 1e-12 * trace) {
    return notComputable('no-variance', 'the total score does not vary');
  }
  const alpha = (k / (k - 1)) * (1 - trace / total);
  const n = thinnest;
  const ci95 = feldtInterval(alpha, n, k);
  if (!Number.isFinite(alpha) || !allFinite(ci95))
    return notComputable('invalid-value', 'the values are too large');
  return { ok: true, alpha, ci95, n, k, respondents: used.length };
}

/** Sample covariance with n - 1; exactly 0 when either variable is constant. */
function covarianceOf(xs: readonly number[], ys: readonly number[]): number {
  if (varianceOf(xs) === 0 || varianceOf(ys) === 0) return 0;
  const mx = meanOf(xs);
  const my = meanOf(ys);
  let s = 0;
  for (let r = 0; r < xs.length; r++) s += ((xs[r] ?? mx) - mx) * ((ys[r] ?? my) - my);
  return s / (xs.length - 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Hedges' g (MEASURE-STATS-4)

export interface GroupSummary {
  mean: number;
  /** Sample standard deviation (n - 1). */
  sd: number;
  n: number;
}

export interface HedgesG {
  g: number;
  ci95: [number, number];
  /** Standard error of g: √(J² · V_d). */
  se: number;
  /** Cohen's d before the small-sample correction. */
  d: number;
  n1: number;
  n2: number;
}

/**
 * MEASURE-STATS-4: Hedges' g from two groups' summaries, (mean(after) - mean(before)) / pooled SD · J with
 * J = 1 - 3/(4(n1 + n2) - 9); V_d = (n1 + n2)/(n1 n2) + d²/(2(n1 + n2)), V_g = J² V_d (Borenstein et al. 2009,
 * ch. 4); 95% interval g ± 1.96 √V_g. Each group needs n ≥ 2 and the pooled SD must not be 0.
 */
export function hedgesGFromSummaries(before: GroupSummary, after: GroupSummary): Computed<HedgesG> {
  const numbers = [before.mean, before.sd, before.n, after.mean, after.sd, after.n];
  if (!allFinite(numbers) || before.sd < 0 || after.sd < 0) {
    return notComputable('invalid-value', 'a mean, SD or count is not a valid number');
  }
  const n1 = before.n;
  const n2 = after.n;
  if (!Number.isInteger(n1) || !Number.isInteger(n2))
    return notComputable('invalid-value', 'a count is not whole');
  if (n1 < 2 || n2 < 2)
    return notComputable('too-few-values', `each wave needs 2 values; got ${n1} and ${n2}`);
  const pooledVar = ((n1 - 1) * before.sd ** 2 + (n2 - 1) * after.sd ** 2) / (n1 + n2 - 2);
  if (!(pooledVar > 0)) return notComputable('no-variance', 'every answer in both waves is the same');
  const d = (after.mean - before.mean) / Math.sqrt(pooledVar);
  const j = 1 - 3 / (4 * (n1 + n2) - 9);
  const g = j * d;
  const vd = (n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2));
  const se = Math.sqrt(j * j * vd);
  const ci95: [number, number] = [g - Z_975 * se, g + Z_975 * se];
  if (!allFinite([g, se, ...ci95]))
    return notComputable('invalid-value', 'the values are too large to compare');
  return { ok: true, g, ci95, se, d, n1, n2 };
}

/**
 * MEASURE-STATS-4: Hedges' g between two waves' values (independent samples: the waves are anonymous, so answers
 * are never paired). Positive means the second wave (`after`) is higher.
 *
 * Throws a `NotComputableError` (MEASURE-STATS-11) when a wave has fewer than 2 values, nothing varies, or a value
 * is not finite; the server calls `tryHedgesG`, which returns the reason instead, so no input stops it.
 */
export function hedgesG(before: readonly number[], after: readonly number[]): HedgesG {
  const r = orThrow(tryHedgesG(before, after));
  return { g: r.g, ci95: r.ci95, se: r.se, d: r.d, n1: r.n1, n2: r.n2 };
}

/** MEASURE-STATS-4, MEASURE-STATS-8: `hedgesG` that never throws: `ok: false` with a reason instead. */
export function tryHedgesG(before: readonly number[], after: readonly number[]): Computed<HedgesG> {
  if (!allFinite(before) || !allFinite(after))
    return notComputable('invalid-value', 'a value is not a finite number');
  if (before.length < 2 || after.length < 2) {
    return notComputable(
      'too-few-values',
      `each wave needs 2 values; got ${before.length} and ${after.length}`,
    );
  }
  return hedgesGFromSummaries(summaryOf(before), summaryOf(after));
}

const summaryOf = (values: readonly number[]): GroupSummary => ({
  mean: meanOf(values),
  sd: Math.sqrt(varianceOf(values)),
  n: values.length,
});

// ---------------------------------------------------------------------------------------------------------------
// Plain words for a change (MEASURE-STATS-6)

/** Cohen's conventional cut-offs for |g|: 0.2 small, 0.5 medium, 0.8 large (a convention, not a verdict). */
export const COHEN_CUTOFFS = { small: 0.2, medium: 0.5, large: 0.8 } as const;

export type ChangeSize = 'below-small' | 'small' | 'medium' | 'large';

export interface ChangeDescription extends HedgesG {
  /** Which wave's mean is higher. */
  direction: 'higher' | 'lower' | 'same';
  size: ChangeSize;
  /** The 95% interval includes zero: the difference could be chance. */
  couldBeChance: boolean;
  /** English sentences (the UI can word it again from the fields above). */
  words: string;
}

export function sizeOf(g: number): ChangeSize {
  const a = Math.abs(g);
  if (a >= COHEN_CUTOFFS.large) return 'large';
  if (a >= COHEN_CUTOFFS.medium) return 'medium';
  if (a >= COHEN_CUTOFFS.small) return 'small';
  return 'below-small';
}

/** Two decimals, never "-0.00". */
function fmt(x: number): string {
  const r = Math.round(x * 100) / 100;
  return (r === 0 ? 0 : r).toFixed(2);
}

const SIZE_WORDS: Record<ChangeSize, string> = {
  'below-small': 'smaller than what is conventionally called small',
  small: 'small',
  medium: 'medium',
  large: 'large',
};

/**
 * MEASURE-STATS-6: Hedges' g between two waves, with plain words and no causal claim: which mean is higher, the
 * size by Cohen's conventional cut-offs (named as conventions), whether the interval includes zero, and a
 * reminder that the comparison shows a difference, not its cause.
 */
export function describeChange(
  before: readonly number[],
  after: readonly number[],
): Computed<ChangeDescription> {
  const result = tryHedgesG(before, after);
  if (!result.ok) return result;
  return { ...result, ...changeWords(result.g, result.ci95) };
}

/**
 * MEASURE-STATS-6: the same plain words from each wave's mean, SD and n (what a closed wave keeps of a shown group,
 * MEASURE-REPORT-5), through `hedgesGFromSummaries`.
 */
export function describeChangeFromSummaries(
  before: GroupSummary,
  after: GroupSummary,
): Computed<ChangeDescription> {
  const result = hedgesGFromSummaries(before, after);
  if (!result.ok) return result;
  return { ...result, ...changeWords(result.g, result.ci95) };
}

function changeWords(
  g: number,
  ci95: [number, number],
): Pick<ChangeDescription, 'direction' | 'size' | 'couldBeChance' | 'words'> {
  const direction = g > 0 ? 'higher' : g < 0 ? 'lower' : 'same';
  const size = sizeOf(g);
  const couldBeChance = ci95[0] <= 0 && ci95[1] >= 0;
  const first =
    direction === 'same'
      ? "The two waves' means are the same"
      : `The second wave's mean is ${direction} than the first's`;
  const figures = `(Hedges' g = ${fmt(g)}, 95% interval ${fmt(ci95[0])} to ${fmt(ci95[1])})`;
  const sizeWords =
    direction === 'same'
      ? ''
      : `, a difference that is ${SIZE_WORDS[size]} by Cohen's conventional cut-offs (0.2 small, 0.5 medium, 0.8 large)`;
  const chance = couldBeChance
    ? 'The interval includes zero, so this could be chance.'
    : 'The interval does not include zero, so chance alone is an unlikely explanation.';
  const words =
    `${first} ${figures}${sizeWords}. ${chance} ` +
    'The two waves may have been answered by different people, and a comparison like this does not show what ' +
    'made the difference.';
  return { direction, size, couldBeChance, words };
}

// ---------------------------------------------------------------------------------------------------------------
// Answers, reverse-keying, item and scale scores (MEASURE-STATS-5)

/** MEASURE-STATS-5: a reverse-keyed answer on a 1..points scale, points + 1 - value; null if not an answer on it. */
export function reverseKey(value: number, points: number): number | null {
  if (!Number.isInteger(points) || points < 2) return null;
  if (!Number.isInteger(value) || value < 1 || value > points) return null;
  return points + 1 - value;
}

export interface KeyingSpec {
  /** Points of the agreement scale (answers are whole numbers 1..points). */
  points: number;
  /** Per column: is the item reverse-keyed? */
  reversed: readonly boolean[];
}

/**
 * MEASURE-STATS-5: answers ready to score: every answer must be a whole number on the 1..points scale (or null),
 * every row as long as `reversed`; reverse-keyed columns are flipped.
 */
export function keyAnswers(
  rows: readonly (readonly (number | null)[])[],
  spec: KeyingSpec,
): Computed<{ rows: (number | null)[][] }> {
  const keyed: (number | null)[][] = [];
  for (const row of rows) {
    if (row.length !== spec.reversed.length)
      return notComputable('invalid-value', 'a row has the wrong number of items');
    const out: (number | null)[] = [];
    for (const [i, v] of row.entries()) {
      if (v === null) {
        out.push(null);
        continue;
      }
      const flipped = reverseKey(v, spec.points);
      if (flipped === null)
        return notComputable('invalid-value', `an answer is not on the 1..${spec.points} scale`);
      out.push(spec.reversed[i] ? flipped : v);
    }
    keyed.push(out);
  }
  return { ok: true, rows: keyed };
}

/**
 * MEASURE-STATS-5: each respondent's scale score, the mean of the items they answered; null when they answered
 * fewer than `minAnswered` (default 1) or a value is not finite.
 */
export function respondentMeans(
  rows: readonly (readonly (number | null)[])[],
  opts: { minAnswered?: number } = {},
): (number | null)[] {
  const min = Math.max(1, opts.minAnswered ?? 1);
  return rows.map((row) => {
    const answered = row.filter((v): v is number => v !== null);
    if (answered.length < min || !allFinite(answered)) return null;
    const m = meanOf(answered);
    return Number.isFinite(m) ? m : null;
  });
}

/** MEASURE-STATS-5: each item's (column's) mean with its 95% interval, over the respondents who answered it. */
export function itemMeans(rows: readonly (readonly (number | null)[])[]): Computed<MeanCI>[] {
  const k = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: k }, (_, i) =>
    tryMeanCI(rows.map((row) => row[i]).filter((v): v is number => v !== null && v !== undefined)),
  );
}

/** MEASURE-STATS-5: the scale mean with its 95% interval, over respondents' scale scores (`respondentMeans`). */
export function scaleMean(
  rows: readonly (readonly (number | null)[])[],
  opts: { minAnswered?: number } = {},
): Computed<MeanCI> {
  return tryMeanCI(respondentMeans(rows, opts).filter((v): v is number => v !== null));
}

// ---------------------------------------------------------------------------------------------------------------
// Response rate (MEASURE-STATS-7)

export interface ResponseRate {
  /** responses / invited, between 0 and 1. */
  rate: number;
  responses: number;
  invited: number;
}

/** MEASURE-STATS-7: responses over invitations; not computable for 0 invited or more responses than invited. */
export function responseRate(responses: number, invited: number): Computed<ResponseRate> {
  const count = (x: number) => Number.isInteger(x) && x >= 0;
  if (!count(responses) || !count(invited))
    return notComputable('invalid-value', 'counts must be whole numbers ≥ 0');
  if (invited === 0) return notComputable('nothing-invited', 'nobody was invited');
  if (responses > invited)
    return notComputable('responses-exceed-invited', 'more responses than invitations');
  return { ok: true, rate: responses / invited, responses, invited };
}
