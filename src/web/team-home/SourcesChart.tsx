/**
 * SOURCES-4: sources of efficacy per month as an accessible SVG bar chart. The SVG is one image (role="img") named
 * by its title and described by a text summary; each source has its own fill pattern and the legend shows it, so
 * colour is never the only cue; each bar is labelled with its count; the bars grow only when motion is welcome.
 * A real <table> holds the same numbers, and the team's words follow.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFICACY_SOURCE_WORDS } from '#contracts/efficacy-sources';
import { EFFICACY_SOURCES, type EfficacySource } from '#contracts/routine';
import type { SourcesOverTime } from '#contracts/team-home';
import { dateTimeFormat } from '../ui/dates';
import type { TeamHomeT } from './i18n';

const BAR = 11;
const GAP = 2;
const GROUP = EFFICACY_SOURCES.length * (BAR + GAP) + 14;
const PLOT_HEIGHT = 140;
const TOP = 18;
const AXIS = 34;
const LEFT = 8;
const WORDS_SHOWN = 5;

/** Fill patterns per source (ids are made unique per chart). */
function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-mastery`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="sources-chart__fill--mastery" />
      </pattern>
      <pattern
        id={`${prefix}-vicarious`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="sources-chart__bg" />
        <rect width="3" height="6" className="sources-chart__fill--vicarious" />
      </pattern>
      <pattern id={`${prefix}-social_persuasion`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="sources-chart__bg" />
        <circle cx="3" cy="3" r="1.8" className="sources-chart__fill--social_persuasion" />
      </pattern>
      <pattern id={`${prefix}-affective_state`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="sources-chart__bg" />
        <path d="M0 0L6 6M6 0L0 6" className="sources-chart__line--affective_state" />
      </pattern>
    </defs>
  );
}

export function useMonthLabel(): (month: string, style?: 'short' | 'long') => string {
  const { i18n } = useTranslation();
  return (month, style = 'short') => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return dateTimeFormat(i18n.language, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 15)),
    );
  };
}

function Swatch({ prefix, source }: { prefix: string; source: EfficacySource }) {
  return (
    <svg className="sources-chart__swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <Patterns prefix={`${prefix}-sw-${source}`} />
      <rect
        x="0.5"
        y="0.5"
        width="17"
        height="17"
        fill={`url(#${prefix}-sw-${source}-${source})`}
        className="sources-chart__bar-edge"
      />
    </svg>
  );
}

export function SourcesChart({ sources, t }: { sources: SourcesOverTime; t: TeamHomeT }) {
  const prefix = `src${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const monthLabel = useMonthLabel();
  const { months } = sources;
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last || EFFICACY_SOURCES.every((s) => sources.total[s] === 0))
    return <p className="muted">{t('sources.none')}</p>;

  const max = Math.max(1, ...months.flatMap((m) => EFFICACY_SOURCES.map((s) => m.counts[s])));
  const width = LEFT * 2 + months.length * GROUP;
  const height = TOP + PLOT_HEIGHT + AXIS;
  const busiest = [...months].sort(
    (a, b) =>
      EFFICACY_SOURCES.reduce((n, s) => n + b.counts[s], 0) -
      EFFICACY_SOURCES.reduce((n, s) => n + a.counts[s], 0),
  )[0];
  const summary = [
    t('sources.summary', {
      from: monthLabel(first.month, 'long'),
      to: monthLabel(last.month, 'long'),
      counts: EFFICACY_SOURCES.map((s) =>
        t('sources.summaryCount', { name: EFFICACY_SOURCE_WORDS[s].name, count: sources.total[s] }),
      ).join(', '),
    }),
    busiest ? t('sources.busiest', { month: monthLabel(busiest.month, 'long') }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="sources-chart">
      <ul className="sources-chart__legend" aria-label={t('sources.legend')}>
        {EFFICACY_SOURCES.map((s) => (
          <li key={s}>
            <Swatch prefix={prefix} source={s} />
            {EFFICACY_SOURCE_WORDS[s].name}
          </li>
        ))}
      </ul>
      <div className="sources-chart__scroll" tabIndex={0} role="region" aria-label={t('sources.chartTitle')}>
        <svg
          className="sources-chart__svg"
          role="img"
          aria-labelledby={`${prefix}-title ${prefix}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          data-testid="sources-chart"
        >
          <title id={`${prefix}-title`}>{t('sources.chartTitle')}</title>
          <desc id={`${prefix}-desc`}>{summary}</desc>
          <Patterns prefix={prefix} />
          <line
            x1={LEFT}
            x2={width - LEFT}
            y1={TOP + PLOT_HEIGHT}
            y2={TOP + PLOT_HEIGHT}
            className="sources-chart__axis"
          />
          {months.map((m, i) => {
            const x0 = LEFT + i * GROUP + 7;
            return (
              <g key={m.month}>
                {EFFICACY_SOURCES.map((s, j) => {
                  const n = m.counts[s];
                  const h = (n / max) * PLOT_HEIGHT;
                  const x = x0 + j * (BAR + GAP);
                  return (
                    <g key={s}>
                      <rect
                        className="sources-chart__bar sources-chart__bar-edge"
                        x={x}
                        y={TOP + PLOT_HEIGHT - h}
                        width={BAR}
                        height={h}
                        fill={`url(#${prefix}-${s})`}
                        data-month={m.month}
                        data-source={s}
                        data-count={n}
                      />
                      {n > 0 ? (
                        <text
                          className="sources-chart__count"
                          x={x + BAR / 2}
                          y={TOP + PLOT_HEIGHT - h - 3}
                          textAnchor="middle"
                        >
                          {n}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
                <text
                  className="sources-chart__month"
                  x={x0 + (EFFICACY_SOURCES.length * (BAR + GAP)) / 2}
                  y={TOP + PLOT_HEIGHT + 20}
                  textAnchor="middle"
                >
                  {monthLabel(m.month)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <details className="sources-chart__details">
        <summary>{t('sources.tableToggle')}</summary>
        <div
          className="sources-chart__scroll"
          tabIndex={0}
          role="region"
          aria-label={t('sources.tableCaption')}
        >
          <table className="sources-table" data-testid="sources-table">
            <caption>{t('sources.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sources.month')}</th>
                {EFFICACY_SOURCES.map((s) => (
                  <th scope="col" key={s} data-source={s}>
                    {EFFICACY_SOURCE_WORDS[s].name}
                  </th>
                ))}
                <th scope="col">{t('sources.total')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <th scope="row">{monthLabel(m.month, 'long')}</th>
                  {EFFICACY_SOURCES.map((s) => (
                    <td key={s} data-source={s}>
                      {m.counts[s]}
                    </td>
                  ))}
                  <td>{EFFICACY_SOURCES.reduce((n, s) => n + m.counts[s], 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

/** SOURCES-2: what the team wrote about each source, newest first (the first few). */
export function SourceWords({ sources, t }: { sources: SourcesOverTime; t: TeamHomeT }) {
  const monthLabel = useMonthLabel();
  const headingId = useId();
  if (EFFICACY_SOURCES.every((s) => sources.total[s] === 0)) return null;
  return (
    <div className="source-words" aria-labelledby={headingId} role="group">
      <h3 id={headingId} className="source-words__title">
        {t('sources.wordsTitle')}
      </h3>
      <div className="source-words__grid">
        {sources.words.map(({ source, items }) => (
          <section
            key={source}
            className="source-words__source"
            aria-label={EFFICACY_SOURCE_WORDS[source].name}
          >
            <h4>{EFFICACY_SOURCE_WORDS[source].name}</h4>
            <p className="muted">{EFFICACY_SOURCE_WORDS[source].gloss}</p>
            {items.length ? (
              <ul>
                {items.slice(0, WORDS_SHOWN).map((w, i) => (
                  <li key={`${w.meetingId}-${i}`}>
                    <q>{w.why}</q> <span className="muted">· {monthLabel(w.month)}</span>
                  </li>
                ))}
                {items.length > WORDS_SHOWN ? (
                  <li className="muted">{t('sources.wordsMore', { count: items.length - WORDS_SHOWN })}</li>
                ) : null}
              </ul>
            ) : (
              <p className="muted">{t('sources.wordsNone')}</p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
