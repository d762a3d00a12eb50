/**
 * MEASURE-PULSE-6: the team's meeting pulse on the team home (members only): each shown window's dates, meetings,
 * answers and each item's mean on the scale, as a bar chart (ui/BarChart, in time order) with its table (newest
 * first); before any window is shown, what it waits for, and how many meetings still gather answers. Draws nothing
 * until its data is there (DAY-PERF-4), and nothing when the server refuses.
 */
import { useTranslation } from 'react-i18next';
import type { TeamPulseTrend } from '#contracts/pulse';
import { BarChart, ChartTable } from '../ui/BarChart';
import { usePulseT, type PulseT } from './i18n';
import { useTeamPulse } from './queries';
import { formatMean, periodLines, periodText, trendRows } from './view';
import './pulse.css';

export function PulseTrend({ groupId }: { groupId: string }) {
  const t = usePulseT();
  const trend = useTeamPulse(groupId);
  if (!trend.data) return null;
  const { threshold, pendingMeetings } = trend.data;
  return (
    <section className="section pulse-trend" aria-labelledby="team-home-pulse" data-testid="pulse-trend">
      <h2 id="team-home-pulse" className="section__title">
        {t('trend.title')}
      </h2>
      {trend.data.windows.length === 0 ? (
        <p>{t('trend.none', { threshold })}</p>
      ) : (
        <TrendWindows trend={trend.data} t={t} />
      )}
      {pendingMeetings > 0 ? (
        <p className="muted" data-testid="pulse-pending">
          {t('trend.pending', { count: pendingMeetings })}
        </p>
      ) : null}
    </section>
  );
}

function TrendWindows({ trend, t }: { trend: TeamPulseTrend; t: PulseT }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const rows = trendRows(trend);
  const chronological = [...rows].reverse();
  const mean = (v: number) => formatMean(v, language);
  const summary = chronological
    .map((row) =>
      t('trend.chartPeriod', {
        dates: periodText(row.window, language),
        answers: row.window.n,
        means: row.means
          .flatMap((m, i) => (m ? [t('trend.chartMean', { n: i + 1, mean: mean(m.mean) })] : []))
          .join(', '),
      }),
    )
    .join(' ');
  return (
    <>
      <p>
        {t('trend.intro', {
          low: trend.scale[0] ?? '',
          high: trend.scale.at(-1) ?? '',
          points: trend.scale.length,
          threshold: trend.threshold,
        })}
      </p>
      <div className="pulse-trend__data">
        <BarChart
          title={t('trend.chartTitle')}
          summary={summary}
          legendLabel={t('trend.legend')}
          series={trend.items.map((item, i) => ({
            key: item.id,
            label: t('trend.questionText', { n: i + 1, text: item.text }),
          }))}
          groups={chronological.map((row) => ({
            key: row.window.from,
            label: periodLines(row.window, language),
            values: row.means.map((m) => m?.mean ?? null),
          }))}
          min={1}
          max={trend.scale.length}
          ticks={trend.scale.map((_, i) => i + 1)}
          valueText={mean}
          barWidth={24}
          dataNames={{ group: 'from', series: 'item', value: 'mean' }}
          testId="pulse-chart"
        />
        <ChartTable caption={t('trend.tableCaption')} testId="pulse-table">
          <thead>
            <tr>
              <th scope="col">{t('trend.period')}</th>
              {trend.items.map((item, i) => (
                <th scope="col" key={item.id}>
                  {t('trend.mean', { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.window.from} data-from={row.window.from}>
                <th scope="row">
                  {periodText(row.window, language)}{' '}
                  <span className="pulse-trend__meetings">
                    {t('trend.counts', {
                      meetings: t('trend.meetingsCount', { count: row.window.meetings }),
                      answers: t('trend.answersCount', { count: row.window.n }),
                    })}
                  </span>
                </th>
                {row.means.map((m, i) => (
                  <td key={trend.items[i]?.id ?? i}>
                    {m ? (
                      <>
                        {mean(m.mean)}{' '}
                        <span className="pulse-trend__interval">
                          {t('trend.interval', { low: mean(m.low), high: mean(m.high) })}
                        </span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ChartTable>
      </div>
    </>
  );
}
