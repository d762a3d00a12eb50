/**
 * MEASURE-REPORT-1: the numbers of one shown report cell, from its answers (rows: respondents, columns: the
 * instrument's items in order): per construct the scale mean with its interval, Cronbach's alpha with Feldt's
 * interval and, at the distribution threshold only, the share in the scale's upper half; per item its mean.
 * Reverse-keyed items are flipped first, so a higher number always means more of the construct.
 */
import type { Instrument, InstrumentConstruct } from '../../contracts/instrument';
import type { ConstructResult } from '../../contracts/surveys';
import { keyAnswers, respondentMeans, tryCronbachAlpha, tryMeanCI } from './stats';

export interface CellItemResult {
  id: string;
  construct: InstrumentConstruct;
  reverse: boolean;
  mean: number;
  ci95: [number, number];
}

export interface CellStats {
  n: number;
  constructs: ConstructResult[];
  items: CellItemResult[];
}

/** Constructs in the order the report shows them: the four sources, then collective efficacy as a whole. */
export const CONSTRUCT_ORDER: readonly InstrumentConstruct[] = [
  'mastery',
  'vicarious',
  'social_persuasion',
  'affective_state',
  'collective',
];

/**
 * The statistics of a cell's answers. `showDistribution` is ADR 0028's higher threshold for shares. A construct
 * or item whose mean cannot be computed (fewer than 2 answers) is left out rather than shown as a number.
 */
export function cellStats(
  instrument: Pick<Instrument, 'items' | 'scale'>,
  answers: readonly (readonly number[])[],
  opts: { showDistribution: boolean },
): CellStats {
  const keyed = keyAnswers(answers, {
    points: instrument.scale.points,
    reversed: instrument.items.map((i) => i.reverse),
  });
  const rows = keyed.ok ? keyed.rows : [];
  const items: CellItemResult[] = [];
  instrument.items.forEach((item, column) => {
    const values: number[] = [];
    for (const row of rows) {
      const v = row[column];
      if (typeof v === 'number') values.push(v);
    }
    const m = tryMeanCI(values);
    if (m.ok)
      items.push({
        id: item.id,
        construct: item.construct,
        reverse: item.reverse,
        mean: m.mean,
        ci95: m.ci95,
      });
  });
  const upperHalf = instrument.scale.points / 2;
  const constructs: ConstructResult[] = [];
  for (const construct of CONSTRUCT_ORDER) {
    const columns = instrument.items.flatMap((item, i) => (item.construct === construct ? [i] : []));
    if (columns.length === 0) continue;
    const sub = rows.map((row) => columns.map((c) => row[c] ?? null));
    const scores = respondentMeans(sub).filter((v): v is number => v !== null);
    const m = tryMeanCI(scores);
    if (!m.ok) continue;
    const alpha = columns.length >= 2 ? tryCronbachAlpha(sub) : null;
    constructs.push({
      construct,
      mean: m.mean,
      sd: m.sd,
      ci95: m.ci95,
      alpha: alpha?.ok === true ? alpha.alpha : null,
      alphaCi95: alpha?.ok === true ? alpha.ci95 : null,
      favourable: opts.showDistribution ? scores.filter((s) => s > upperHalf).length / scores.length : null,
    });
  }
  return { n: rows.length, constructs, items };
}
