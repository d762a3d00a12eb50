/**
 * SOURCES-4: sources of efficacy per month as an accessible SVG bar chart (ui/BarChart: one image named by its
 * title and described by a text summary; each source has its own fill pattern and the legend shows it, so colour
 * is never the only cue; each bar is labelled with its count; the bars grow only when motion is welcome).
 * A real <table> holds the same numbers, and the team's words follow.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFICACY_SOURCES } from '#contracts/routine';
import type { SourcesOverTime } from '#contracts/team-home';
import { BarChart, ChartTable } from '../ui/BarChart';
import { dateTimeFormat } from '../ui/dates';
import type { TeamHomeT } from './i18n';

const WORDS_SHOWN = 5;

export function useMonthLabel(): (month: string, style?: 'short' | 'long') => string {
  const { i18n } = useTranslation();
  return (month, style = 'short') => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return dateTimeFormat(i18n.language, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 15)),
    );
  };
}

export function SourcesChart({ sources, t }: { sources: SourcesOverTime; t: TeamHomeT }) {
  const monthLabel = useMonthLabel();
  const { months } = sources;
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last || EFFICACY_SOURCES.every((s) => sources.total[s] === 0))
    return <p className="muted">{t('sources.none')}</p>;

  const max = Math.max(1, ...months.flatMap((m) => EFFICACY_SOURCES.map((s) => m.counts[s])));
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
        t('sources.summaryCount', { name: t(`sources.names.${s}.name`), count: sources.total[s] }),
      ).join(', '),
    }),
    busiest ? t('sources.busiest', { month: monthLabel(busiest.month, 'long') }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="sources-chart">
      <BarChart
        title={t('sources.chartTitle')}
        summary={summary}
        legendLabel={t('sources.legend')}
        series={EFFICACY_SOURCES.map((s) => ({ key: s, label: t(`sources.names.${s}.name`) }))}
        groups={months.map((m) => ({
          key: m.month,
          label: monthLabel(m.month),
          values: EFFICACY_SOURCES.map((s) => m.counts[s]),
        }))}
        max={max}
        valueText={(n) => (n > 0 ? String(n) : null)}
        dataNames={{ group: 'month', series: 'source', value: 'count' }}
        testId="sources-chart"
      />
      <ChartTable
        caption={t('sources.tableCaption')}
        toggle={t('sources.tableToggle')}
        testId="sources-table"
      >
        <thead>
          <tr>
            <th scope="col">{t('sources.month')}</th>
            {EFFICACY_SOURCES.map((s) => (
              <th scope="col" key={s} data-source={s}>
                {t(`sources.names.${s}.name`)}
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
      </ChartTable>
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
            aria-label={t(`sources.names.${source}.name`)}
          >
            <h4>{t(`sources.names.${source}.name`)}</h4>
            <p className="muted">{t(`sources.names.${source}.gloss`)}</p>
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
