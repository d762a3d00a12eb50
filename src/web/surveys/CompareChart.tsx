/**
 * MEASURE-WEB-7: two surveys' averages by source as paired horizontal bars, one SVG image: each source named in
 * words above its pair, the earlier survey's bar first, each bar filled with its survey's pattern (ui/BarChart's
 * patterns, named in the legend, so colour is never the only cue) and its average written at its end; a survey that
 * does not show the group says "not shown" in words where its bar would be. The image is named by its title and
 * described by every number (its desc), and nothing moves. Positions are percentages of the width and text keeps
 * its size, so long source names fit a phone and the chart fills a projector's column (as ResultsChart does).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveComparison } from '#contracts/surveys';
import { ChartLegend, ChartPatterns } from '../ui/BarChart';
import { formatNumber } from './format';
import type { SurveysT } from './i18n';

const TOP = 4;
const LABEL_Y = 15;
const BAR_Y = 24;
const BAR = 15;
const BAR_GAP = 3;
const ROW = BAR_Y + 2 * BAR + BAR_GAP + 12;
const AXIS = 24;
const SIDES = ['before', 'after'] as const;

export function CompareChart({ data, t }: { data: WaveComparison; t: SurveysT }) {
  const { i18n } = useTranslation();
  const prefix = `compare${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const num = (value: number) => formatNumber(value, i18n.language, 1);
  const points = data.scale.points;
  const pct = (value: number) =>
    `${(((Math.min(points, Math.max(1, value)) - 1) / (points - 1)) * 100).toFixed(2)}%`;
  const ticks = Array.from({ length: points }, (_, i) => i + 1);
  const height = TOP + data.rows.length * ROW + AXIS;
  const shown = (side: 'before' | 'after') => data.rows.some((r) => r[side] !== null);
  const series = SIDES.map((side) => ({
    key: side,
    label: shown(side) ? data[side].title : t('compare.seriesNotShown', { title: data[side].title }),
  }));
  const rows = data.rows
    .map((r) =>
      t('compare.summaryRow', {
        construct: t(`results.constructs.${r.construct}`),
        before: r.before ? num(r.before.mean) : t('compare.notShownShort'),
        after: r.after ? num(r.after.mean) : t('compare.notShownShort'),
      }),
    )
    .join('; ');

  return (
    <div className="survey-compare__chart">
      <ChartLegend prefix={`${prefix}-legend`} label={t('compare.legend')} series={series} />
      <svg
        className="survey-chart"
        role="img"
        aria-labelledby={`${prefix}-title ${prefix}-desc`}
        width="100%"
        height={height}
        data-testid="compare-chart"
      >
        <title id={`${prefix}-title`}>
          {t('compare.chartTitle', { name: data.name, points: data.scale.points })}
        </title>
        <desc id={`${prefix}-desc`}>
          {t('compare.summary', { before: data.before.title, after: data.after.title, rows })}
        </desc>
        <ChartPatterns prefix={prefix} />
        {/* The plot, inset from the left and leaving room on the right for the last bar's number. */}
        <svg x="1%" width="86%" height={height} overflow="visible">
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                className="survey-chart__grid"
                x1={pct(tick)}
                x2={pct(tick)}
                y1={TOP}
                y2={TOP + data.rows.length * ROW}
              />
              <text className="survey-chart__tick" x={pct(tick)} y={height - 6} textAnchor="middle">
                {tick}
              </text>
            </g>
          ))}
          {data.rows.map((r, index) => {
            const y = TOP + index * ROW;
            return (
              <g key={r.construct}>
                <text className="survey-chart__label" x="0" y={y + LABEL_Y}>
                  {t(`results.constructs.${r.construct}`)}
                </text>
                {SIDES.map((side, j) => {
                  const value = r[side];
                  const top = y + BAR_Y + j * (BAR + BAR_GAP);
                  if (!value)
                    return (
                      <text key={side} className="survey-chart__tick" x="0" dx="4" y={top + BAR - 3}>
                        {t('compare.notShownShort')}
                      </text>
                    );
                  return (
                    <g key={side}>
                      <rect
                        className="bar-chart__bar-edge"
                        x="0"
                        y={top}
                        width={pct(value.mean)}
                        height={BAR}
                        fill={`url(#${prefix}-${j})`}
                        data-construct={r.construct}
                        data-wave={side}
                        data-mean={value.mean}
                      />
                      <text className="survey-chart__value" x={pct(value.mean)} dx="6" y={top + BAR - 3}>
                        {num(value.mean)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </svg>
    </div>
  );
}
