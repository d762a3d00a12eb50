/**
 * MEASURE-REPORT-5: two closed waves compared at one group, construct by construct, from what each wave froze of
 * that group (mean, SD, n): Hedges' g for independent samples (the waves are anonymous, so never paired) with its
 * interval and plain words. A construct is compared only when both waves show the group: a trend never pools or
 * differences over a hidden cell (ADR 0028).
 */
import type { Construct, SummaryCell, WaveComparison } from '../../contracts/surveys';
import { CONSTRUCT_ORDER } from './cell-stats';
import { describeChangeFromSummaries } from './stats';

export function compareCells(
  before: SummaryCell | undefined,
  after: SummaryCell | undefined,
): WaveComparison['rows'] {
  const shown = (cell: SummaryCell | undefined) => (cell?.status === 'shown' ? cell : null);
  const b = shown(before);
  const a = shown(after);
  const constructs = new Set<Construct>([
    ...(b?.constructs.map((c) => c.construct) ?? []),
    ...(a?.constructs.map((c) => c.construct) ?? []),
  ]);
  return CONSTRUCT_ORDER.filter((c) => constructs.has(c)).map((construct) => {
    const x = b?.constructs.find((c) => c.construct === construct);
    const y = a?.constructs.find((c) => c.construct === construct);
    const change =
      b && a && x && y
        ? describeChangeFromSummaries({ mean: x.mean, sd: x.sd, n: b.n }, { mean: y.mean, sd: y.sd, n: a.n })
        : null;
    return {
      construct,
      before: b && x ? { mean: x.mean, n: b.n } : null,
      after: a && y ? { mean: y.mean, n: a.n } : null,
      change:
        change?.ok === true
          ? {
              g: change.g,
              ci95: change.ci95,
              direction: change.direction,
              size: change.size,
              couldBeChance: change.couldBeChance,
              words: change.words,
            }
          : null,
    };
  });
}
