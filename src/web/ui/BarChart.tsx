/**
 * A grouped bar chart as one accessible SVG image, and the table that holds its numbers (SOURCES-4 on the team
 * home, MEASURE-PULSE-6 for the meeting pulse). The SVG is one image (role="img") named by its title and described
 * by a text summary; each series has its own fill pattern, shown in the legend, so colour is never the only cue;
 * each bar is labelled with its value in text; the drawing is static, and the bars grow only when motion is
 * welcome (bar-chart.css). Its patterns and legend serve charts of other shapes too (the surveys' comparison,
 * MEASURE-WEB-7).
 */
import { useId, type ReactNode } from 'react';
import './bar-chart.css';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartGroup {
  key: string;
  /** Under the group: one line, or a few. */
  label: string | readonly string[];
  /** One value per series, in the series' order (null: no bar). */
  values: readonly (number | null)[];
}

export interface BarChartProps {
  title: string;
  /** The text alternative: what the chart shows, in words. */
  summary: string;
  legendLabel: string;
  /** At most four: each has its own pattern. */
  series: readonly ChartSeries[];
  groups: readonly ChartGroup[];
  /** The value at the axis (0 for counts, a scale's lowest point) and at the top of the plot. */
  min?: number;
  max: number;
  /** Values that get a gridline and a label at the left (a scale's points). */
  ticks?: readonly number[];
  /** The text over a bar (null: none). */
  valueText: (value: number) => string | null;
  barWidth?: number;
  /** Names of the data-* attributes each bar carries: its group, its series and its value. */
  dataNames?: { group: string; series: string; value: string };
  testId?: string;
}

const GAP = 2;
const GROUP_PADDING = 14;
const PLOT_HEIGHT = 140;
const TOP = 18;
const AXIS = 38;
const EDGE = 8;
const TICK_LABELS = 20;
/** The patterns, in the order series take them: solid, stripes, dots, crossed lines. */
export const SERIES_PATTERNS = 4;

/**
 * Fill patterns per series position (ids are made unique per chart): `url(#<prefix>-<i>)` fills series i. Shared
 * with charts of other shapes (the surveys' comparison, MEASURE-WEB-7), so a series looks the same everywhere.
 */
export function ChartPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-0`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="bar-chart__fill--0" />
      </pattern>
      <pattern
        id={`${prefix}-1`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="bar-chart__bg" />
        <rect width="3" height="6" className="bar-chart__fill--1" />
      </pattern>
      <pattern id={`${prefix}-2`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="bar-chart__bg" />
        <circle cx="3" cy="3" r="1.8" className="bar-chart__fill--2" />
      </pattern>
      <pattern id={`${prefix}-3`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="bar-chart__bg" />
        <path d="M0 0L6 6M6 0L0 6" className="bar-chart__line--3" />
      </pattern>
    </defs>
  );
}

function Swatch({ prefix, index }: { prefix: string; index: number }) {
  return (
    <svg className="bar-chart__swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <ChartPatterns prefix={`${prefix}-sw${index}`} />
      <rect
        x="0.5"
        y="0.5"
        width="17"
        height="17"
        fill={`url(#${prefix}-sw${index}-${index})`}
        className="bar-chart__bar-edge"
      />
    </svg>
  );
}

/** The legend: each series' name beside a swatch of its pattern. */
export function ChartLegend({
  prefix,
  label,
  series,
}: {
  prefix: string;
  label: string;
  series: readonly ChartSeries[];
}) {
  return (
    <ul className="bar-chart__legend" aria-label={label}>
      {series.map((s, i) => (
        <li key={s.key}>
          <Swatch prefix={prefix} index={i % SERIES_PATTERNS} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export function BarChart({
  title,
  summary,
  legendLabel,
  series,
  groups,
  min = 0,
  max,
  ticks = [],
  valueText,
  barWidth = 11,
  dataNames = { group: 'group', series: 'series', value: 'value' },
  testId,
}: BarChartProps) {
  const prefix = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const groupWidth = series.length * (barWidth + GAP) + GROUP_PADDING;
  const left = EDGE + (ticks.length > 0 ? TICK_LABELS : 0);
  const width = left + EDGE + groups.length * groupWidth;
  const height = TOP + PLOT_HEIGHT + AXIS;
  const range = Math.max(max - min, Number.EPSILON);
  const yOf = (value: number) => TOP + PLOT_HEIGHT - ((value - min) / range) * PLOT_HEIGHT;
  return (
    <div className="bar-chart">
      <ChartLegend prefix={prefix} label={legendLabel} series={series} />
      <div className="bar-chart__scroll" tabIndex={0} role="region" aria-label={title}>
        <svg
          className="bar-chart__svg"
          role="img"
          aria-labelledby={`${prefix}-title ${prefix}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          data-testid={testId}
        >
          <title id={`${prefix}-title`}>{title}</title>
          <desc id={`${prefix}-desc`}>{summary}</desc>
          <ChartPatterns prefix={prefix} />
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - EDGE} y1={yOf(tick)} y2={yOf(tick)} className="bar-chart__grid" />
              <text className="bar-chart__text" x={left - 6} y={yOf(tick) + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          <line
            x1={left}
            x2={width - EDGE}
            y1={TOP + PLOT_HEIGHT}
            y2={TOP + PLOT_HEIGHT}
            className="bar-chart__axis"
          />
          {groups.map((group, i) => {
            const x0 = left + i * groupWidth + GROUP_PADDING / 2;
            const middle = x0 + (series.length * (barWidth + GAP)) / 2;
            const lines = typeof group.label === 'string' ? [group.label] : group.label;
            return (
              <g key={group.key}>
                {series.map((s, j) => {
                  const value = group.values[j];
                  if (value === null || value === undefined) return null;
                  const y = yOf(value);
                  const x = x0 + j * (barWidth + GAP);
                  const text = valueText(value);
                  const data: Record<string, string> = {
                    [`data-${dataNames.group}`]: group.key,
                    [`data-${dataNames.series}`]: s.key,
                    [`data-${dataNames.value}`]: String(value),
                  };
                  return (
                    <g key={s.key}>
                      <rect
                        className="bar-chart__bar bar-chart__bar-edge"
                        x={x}
                        y={y}
                        width={barWidth}
                        height={TOP + PLOT_HEIGHT - y}
                        fill={`url(#${prefix}-${j % SERIES_PATTERNS})`}
                        {...data}
                      />
                      {text === null ? null : (
                        <text className="bar-chart__text" x={x + barWidth / 2} y={y - 3} textAnchor="middle">
                          {text}
                        </text>
                      )}
                    </g>
                  );
                })}
                <text className="bar-chart__text" x={middle} y={TOP + PLOT_HEIGHT + 20} textAnchor="middle">
                  {lines.map((line, k) => (
                    <tspan key={k} x={middle} dy={k === 0 ? 0 : 13}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

/**
 * The chart's numbers as a real table, in a region that scrolls on a narrow screen; with `toggle`, folded
 * under a <details> that the toggle's words open. Its caption stands above the region, so it wraps to the
 * screen and is never scrolled out of sight; it names both the region and the table.
 */
export function ChartTable({
  caption,
  toggle,
  testId,
  children,
}: {
  caption: string;
  toggle?: string;
  testId?: string;
  /** The table's <thead> and <tbody>. */
  children: ReactNode;
}) {
  const captionId = `caption${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const table = (
    <>
      <p id={captionId} className="chart-table__caption">
        {caption}
      </p>
      <div className="bar-chart__scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="chart-table" aria-labelledby={captionId} data-testid={testId}>
          {children}
        </table>
      </div>
    </>
  );
  if (!toggle) return table;
  return (
    <details className="bar-chart__details">
      <summary>{toggle}</summary>
      {table}
    </details>
  );
}
