/**
 * MEASURE-WEB-5: one group's averages by source as an accessible SVG: one row per construct, named in words above
 * its line; a dot at the mean and a whisker for its 95% interval on the scale's 1..points axis; the mean written in
 * a column at the right. One image (role="img") named by its title and described by every number in words (its
 * desc); nothing is told by colour (each row has its name and its number) and nothing moves. Positions are
 * percentages of the width and text keeps its size, so the chart fits a phone and a projector alike. The same
 * numbers are in a real table (ResultsTable) beside it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConstructResult } from '#contracts/surveys';
import { formatNumber } from './format';
import type { SurveysT } from './i18n';

const ROW = 46;
const TOP = 6;
const AXIS = 26;
/** The label's baseline and the line's height inside a row. */
const LABEL_Y = 15;
const LINE_Y = 32;

export function ResultsChart({
  name,
  constructs,
  points,
  t,
}: {
  name: string;
  constructs: readonly ConstructResult[];
  points: number;
  t: SurveysT;
}) {
  const { i18n } = useTranslation();
  const id = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const num = (value: number) => formatNumber(value, i18n.language, 1);
  const pct = (value: number) =>
    `${(((Math.min(points, Math.max(1, value)) - 1) / (points - 1)) * 100).toFixed(2)}%`;
  const ticks = Array.from({ length: points }, (_, i) => i + 1);
  const height = TOP + constructs.length * ROW + AXIS;
  const desc = constructs
    .map((c) =>
      t('results.chartDesc', {
        construct: t(`results.constructs.${c.construct}`),
        mean: num(c.mean),
        low: num(c.ci95[0] ?? c.mean),
        high: num(c.ci95[1] ?? c.mean),
      }),
    )
    .join('; ');

  return (
    <svg
      className="survey-chart"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      width="100%"
      height={height}
      data-testid="survey-chart"
    >
      <title id={`${id}-title`}>{t('results.chartTitle', { name })}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {/* The plot: an inner viewport inset from the left and leaving a column on the right for the means. */}
      <svg x="2%" width="86%" height={height} overflow="visible">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className="survey-chart__grid"
              x1={pct(tick)}
              x2={pct(tick)}
              y1={TOP}
              y2={TOP + constructs.length * ROW}
            />
            <text className="survey-chart__tick" x={pct(tick)} y={height - 8} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {constructs.map((c, index) => {
          const y = TOP + index * ROW;
          const low = c.ci95[0] ?? c.mean;
          const high = c.ci95[1] ?? c.mean;
          return (
            <g key={c.construct} data-construct={c.construct} data-mean={c.mean}>
              <text className="survey-chart__label" x="0" y={y + LABEL_Y}>
                {t(`results.constructs.${c.construct}`)}
              </text>
              <line
                className="survey-chart__whisker"
                x1={pct(low)}
                x2={pct(high)}
                y1={y + LINE_Y}
                y2={y + LINE_Y}
              />
              <line
                className="survey-chart__whisker"
                x1={pct(low)}
                x2={pct(low)}
                y1={y + LINE_Y - 6}
                y2={y + LINE_Y + 6}
              />
              <line
                className="survey-chart__whisker"
                x1={pct(high)}
                x2={pct(high)}
                y1={y + LINE_Y - 6}
                y2={y + LINE_Y + 6}
              />
              <circle className="survey-chart__dot" cx={pct(c.mean)} cy={y + LINE_Y} r="6" />
            </g>
          );
        })}
      </svg>
      {/* Each mean written in a column of its own, on its row's line. */}
      {constructs.map((c, index) => (
        <text
          key={c.construct}
          className="survey-chart__value"
          x="100%"
          y={TOP + index * ROW + LINE_Y + 4}
          textAnchor="end"
        >
          {num(c.mean)}
        </text>
      ))}
    </svg>
  );
}
