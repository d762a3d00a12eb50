/**
 * /surveys/compare?before=&after=&at=&role= (MEASURE-WEB-7): two closed surveys that asked the same questions,
 * compared at one group (the results page's `at`) for all answers, staff or leaders. The reader picks the two
 * surveys (labelled selects of the closed surveys they may read with the same questions, the earlier first) and
 * the role filter. By source: each survey's average as paired bars (CompareChart: a pattern per survey named in
 * the legend, each bar labelled with its number, a text alternative) and a table of the same numbers and counts with
 * Hedges' g, its 95% interval and the server's plain words; a survey that does not show the group says so and
 * shows no number. The comparison's notes, and the results page's print layout (surveys.css).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WaveComparison, WaveSummary } from '#contracts/surveys';
import { useSearchParams } from '../shell/navigation';
import { useCurrentNetwork } from '../shell/space';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { CompareChart } from './CompareChart';
import { byTime, chosenPair, reportAt, reportRole, type WavePair } from './compare-choice';
import { formatDay, formatNumber, kindWord } from './format';
import { useSurveysT, type SurveysT } from './i18n';
import { useWaveComparison, useWaves, type ReportRole } from './queries';
import './surveys.css';

export function ComparePage() {
  const t = useSurveysT();
  const [params, setParams] = useSearchParams();
  const at = reportAt(params.get('at'));
  // MEASURE-NET-WEB-3: a network's waves have one band, so no role filter there (a role is a 400).
  const inNetwork = useCurrentNetwork() !== null;
  const role = inNetwork ? 'all' : reportRole(params.get('role'));
  const waves = useWaves();
  const pair = waves.data
    ? chosenPair(waves.data.items, params.get('before'), params.get('after'), at)
    : null;
  const comparison = useWaveComparison(pair?.before.id ?? null, pair?.after.id ?? null, at, role);

  const back = (
    <Link to="/surveys" className="survey-noprint">
      {t('results.back')}
    </Link>
  );
  if (waves.isPending)
    return (
      <Page title={t('compare.title')}>
        <LoadingState label={t('compare.loading')} />
      </Page>
    );
  if (waves.isError)
    return (
      <Page title={t('compare.title')}>
        <ErrorState error={waves.error} onRetry={() => void waves.refetch()} />
        <p>{back}</p>
      </Page>
    );
  if (!pair)
    return (
      <Page title={t('compare.title')}>
        <Notice tone="info" title={t('compare.none')}>
          <p>{t('compare.noneBody')}</p>
        </Notice>
        <p>{back}</p>
      </Page>
    );

  const go = (next: { before?: string; after?: string; role?: ReportRole }) => {
    const out = new URLSearchParams({
      before: next.before ?? pair.before.id,
      after: next.after ?? pair.after.id,
    });
    if (at !== 'district') out.set('at', at);
    const nextRole = next.role ?? role;
    if (nextRole !== 'all') out.set('role', nextRole);
    setParams(out, { replace: true });
  };
  const results = new URLSearchParams();
  if (at !== 'district') results.set('at', at);
  if (role !== 'all') results.set('role', role);
  const resultsHref = `/surveys/${pair.after.id}/results${results.size > 0 ? `?${results.toString()}` : ''}`;

  return (
    <Page title={t('compare.title')}>
      <div className="survey-report survey-compare">
        {comparison.data ? (
          <p className="survey-report__meta">
            {t('compare.meta', { name: comparison.data.name, role: roleWords(t, role) })}
          </p>
        ) : null}
        <p className="survey-report__nav survey-noprint">
          {back}
          {' · '}
          <Link to={resultsHref}>{t('compare.backToResults', { title: pair.after.title })}</Link>
        </p>
        <Choose pair={pair} role={inNetwork ? null : role} t={t} go={go} />
        {comparison.isPending ? (
          <LoadingState label={t('compare.loading')} />
        ) : comparison.isError ? (
          <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
        ) : (
          <Comparison data={comparison.data} at={at} space={pair.after.space} t={t} />
        )}
      </div>
    </Page>
  );
}

function roleWords(t: SurveysT, role: ReportRole): string {
  return t(
    role === 'all' ? 'results.roleAll' : role === 'staff' ? 'results.roleStaff' : 'results.roleLeader',
  );
}

/** The two surveys (the earlier one before the later: each select offers what keeps that order) and the role. */
function Choose({
  pair,
  role,
  t,
  go,
}: {
  pair: WavePair;
  /** Null: no role filter (a network's waves). */
  role: ReportRole | null;
  t: SurveysT;
  go: (next: { before?: string; after?: string; role?: ReportRole }) => void;
}) {
  const { i18n } = useTranslation();
  const option = (w: WaveSummary) => ({
    id: w.id,
    label: t('compare.option', {
      title: w.title,
      from: formatDay(w.opensOn, i18n.language),
      to: formatDay(w.closesOn, i18n.language),
    }),
  });
  const earlier = pair.comparable.filter((w) => byTime(w, pair.after) < 0).map(option);
  const later = pair.comparable.filter((w) => byTime(w, pair.before) > 0).map(option);
  return (
    <div className="survey-report__controls survey-noprint">
      <div className="survey-compare__choose" role="group" aria-label={t('compare.choose')}>
        <SelectField
          label={t('compare.before')}
          name="before"
          options={earlier}
          value={pair.before.id}
          onChange={(id) => go({ before: id })}
        />
        <SelectField
          label={t('compare.after')}
          name="after"
          options={later}
          value={pair.after.id}
          onChange={(id) => go({ after: id })}
        />
      </div>
      {role === null ? null : (
        <div className="survey-form__inline">
          <RadioGroupField
            name="role"
            label={t('results.role')}
            value={role}
            onChange={(value) => go({ role: reportRole(value) })}
            options={[
              { value: 'all', label: t('results.roleAll') },
              { value: 'staff', label: t('results.roleStaff') },
              { value: 'leader', label: t('results.roleLeader') },
            ]}
          />
        </div>
      )}
      <div className="survey-report__actions">
        <Button onPress={() => window.print()}>{t('results.print')}</Button>
      </div>
    </div>
  );
}

function Comparison({
  data,
  at,
  space,
  t,
}: {
  data: WaveComparison;
  at: string;
  space: WaveSummary['space'];
  t: SurveysT;
}) {
  const headingId = useId();
  const kind = at.startsWith('school:') ? 'school' : at.startsWith('team:') ? 'team' : 'district';
  const labels = data.scale.labels;
  // A wave shows the group for every construct or for none (one cell per group and role).
  const hidden = [
    data.rows.every((r) => r.before === null) ? data.before : null,
    data.rows.every((r) => r.after === null) ? data.after : null,
  ].filter((w) => w !== null);
  return (
    <>
      <Notice tone="info" title={t('results.howToRead')}>
        <p>
          {t('compare.howTo1', {
            points: data.scale.points,
            low: `1 ${labels[0] ?? ''}`,
            high: `${data.scale.points} ${labels.at(-1) ?? ''}`,
          })}
        </p>
        <p>{t('compare.howTo2')}</p>
      </Notice>
      <section
        className="survey-cell"
        aria-labelledby={headingId}
        data-testid="compare-group"
        data-status={data.rows.length > 0 ? 'compared' : 'none'}
      >
        <h2 id={headingId} className="section__title survey-cell__title">
          {data.name} <span className="survey-cell__kind">({kindWord(t, kind, space)})</span>
        </h2>
        {hidden.map((wave) => (
          <p key={wave.id} className="survey-cell__none" data-testid="compare-not-shown">
            {t('compare.notShown', { title: wave.title, threshold: wave.threshold })}
          </p>
        ))}
        {data.rows.length === 0 ? (
          <p className="survey-cell__none" data-testid="compare-neither">
            {t('compare.neither')}
          </p>
        ) : (
          <div className="survey-compare__body">
            <CompareChart data={data} t={t} />
            <CompareTable data={data} t={t} />
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="survey-compare-notes">
        <h2 id="survey-compare-notes" className="section__title">
          {t('compare.notes')}
        </h2>
        <ul className="survey-notes">
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function CompareTable({ data, t }: { data: WaveComparison; t: SurveysT }) {
  const { i18n } = useTranslation();
  const id = useId();
  const num = (value: number) => formatNumber(value, i18n.language, 2);
  const caption = t('compare.tableCaption', {
    name: data.name,
    before: data.before.title,
    after: data.after.title,
  });
  const side = (value: { mean: number; n: number } | null) =>
    value ? (
      <>
        <span className="survey-compare__mean">{num(value.mean)}</span>
        <span className="survey-compare__n">{t('results.n', { count: value.n })}</span>
      </>
    ) : (
      t('compare.notShownShort')
    );
  return (
    <div className="survey-table__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="survey-table survey-compare__table" data-testid="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.construct')}</th>
            <th scope="col">{t('compare.earlier', { title: data.before.title })}</th>
            <th scope="col">{t('compare.later', { title: data.after.title })}</th>
            <th scope="col" id={`${id}-change`}>
              {t('compare.change')}
            </th>
          </tr>
        </thead>
        {data.rows.map((r) => (
          <tbody key={r.construct} data-construct={r.construct}>
            <tr>
              <th scope="row" rowSpan={2} id={`${id}-${r.construct}`}>
                {t(`results.constructs.${r.construct}`)}
              </th>
              <td data-wave="before">{side(r.before)}</td>
              <td data-wave="after">{side(r.after)}</td>
              <td data-testid="compare-g">
                {r.change ? (
                  <>
                    <span className="survey-compare__mean">{num(r.change.g)}</span>
                    <span className="survey-compare__n">
                      {t('compare.interval', {
                        low: num(r.change.ci95[0] ?? r.change.g),
                        high: num(r.change.ci95[1] ?? r.change.g),
                      })}
                    </span>
                  </>
                ) : (
                  t('compare.notCompared')
                )}
              </td>
            </tr>
            <tr>
              <td
                colSpan={3}
                headers={`${id}-${r.construct} ${id}-change`}
                className="survey-compare__words"
                data-testid="compare-words"
              >
                {r.change?.words ?? t('compare.notComparedWords')}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
