/**
 * /surveys/:waveId/results (MEASURE-WEB-5): a closed wave's frozen report at one level (the district by default,
 * then a school, then its teams: `?at=`), for all answers or staff or leaders (`?role=`). Each group shown has its
 * count, a chart of each source's average with its 95% interval, and the same numbers in a table; a group held
 * back says so with no numbers; a group nobody in answered says "No responses". The report's notes, what people
 * wrote (only where shown), a CSV of the same view, and a print layout (surveys.css).
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { pathFor } from '#contracts/endpoint';
import type { ReportCell, WaveReport } from '#contracts/surveys';
import { endpointAtHand } from '../api/catalogue';
import { withQuery } from '../api/client';
import { useSearchParams } from '../shell/navigation';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { ErrorState, LoadingState } from '../ui/States';
import { formatNumber, formatPercent } from './format';
import { useSurveysT, type SurveysT } from './i18n';
import { useWaveReport, useWaves, type ReportRole } from './queries';
import { compareHref, defaultPair } from './compare-choice';
import { ResultsChart } from './ResultsChart';
import './surveys.css';

const AT = /^(district|(school|team):[0-9a-f-]{36})$/;

function roleOf(value: string | null): ReportRole {
  return value === 'staff' || value === 'leader' ? value : 'all';
}

export function ResultsPage() {
  const t = useSurveysT();
  const { waveId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('at') ?? 'district';
  const at = AT.test(requested) ? requested : 'district';
  const role = roleOf(params.get('role'));
  const report = useWaveReport(waveId, at, role);
  // MEASURE-WEB-6: offered when another closed wave with the same questions may be read (the earlier by default).
  const waves = useWaves();
  const pair = waves.data ? defaultPair(waves.data.items, waveId) : null;

  const query = (next: { at?: string; role?: ReportRole }) => {
    const out = new URLSearchParams();
    const nextAt = next.at ?? at;
    const nextRole = next.role ?? role;
    if (nextAt !== 'district') out.set('at', nextAt);
    if (nextRole !== 'all') out.set('role', nextRole);
    return out;
  };
  const href = (next: { at?: string; role?: ReportRole }) => {
    const search = query(next).toString();
    return `/surveys/${waveId}/results${search ? `?${search}` : ''}`;
  };

  if (report.isPending)
    return (
      <Page title={t('title')}>
        <LoadingState label={t('results.loading')} />
      </Page>
    );
  if (report.isError)
    return (
      <Page title={t('title')}>
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        <p>
          <Link to="/surveys">{t('results.back')}</Link>
        </p>
      </Page>
    );

  const data = report.data;
  const [main, ...children] = data.cells;
  // The CSV's path from the catalogue's surveys module, which reading the report has loaded (ADR 0026).
  const csvPath = endpointAtHand('waveReportCsv')?.path;
  const csv = csvPath ? withQuery(pathFor(csvPath, { waveId }), { at, role }) : null;
  return (
    <Page title={t('results.title', { title: data.wave.title })}>
      <div className="survey-report">
        <p className="survey-report__meta">
          {t('results.closedOn', {
            count: data.wave.responses,
            invited: data.wave.invited,
            role: t(
              role === 'all'
                ? 'results.roleAll'
                : role === 'staff'
                  ? 'results.roleStaff'
                  : 'results.roleLeader',
            ),
          })}
        </p>
        <nav className="survey-report__nav survey-noprint" aria-label={t('results.levels')}>
          <Link to="/surveys">{t('results.back')}</Link>
          {at !== 'district' ? (
            <>
              {' · '}
              <Link to={href({ at: upFrom(at, main) })}>{t('results.up')}</Link>
            </>
          ) : null}
        </nav>
        <div className="survey-report__controls survey-noprint">
          <div className="survey-form__inline">
            <RadioGroupField
              name="role"
              label={t('results.role')}
              value={role}
              onChange={(value) => setParams(query({ role: roleOf(value) }), { replace: true })}
              options={[
                { value: 'all', label: t('results.roleAll') },
                { value: 'staff', label: t('results.roleStaff') },
                { value: 'leader', label: t('results.roleLeader') },
              ]}
            />
          </div>
          <div className="survey-report__actions">
            {pair ? (
              <ButtonLink to={compareHref({ before: pair.before.id, after: pair.after.id }, at, role)}>
                {t('results.compare')}
              </ButtonLink>
            ) : null}
            {csv ? (
              <a className="button button--secondary" href={csv} download>
                {t('results.download')}
              </a>
            ) : null}
            <Button onPress={() => window.print()}>{t('results.print')}</Button>
          </div>
        </div>
        <HowToRead report={data} t={t} />
        {main ? <CellSection cell={main} report={data} t={t} level={2} drill={null} /> : null}
        {children.map((cell) => (
          <CellSection
            key={`${cell.node.kind}:${cell.node.id ?? ''}`}
            cell={cell}
            report={data}
            t={t}
            level={3}
            drill={
              cell.node.kind === 'school' && cell.node.id ? href({ at: `school:${cell.node.id}` }) : null
            }
          />
        ))}
        <section className="section" aria-labelledby="survey-notes">
          <h2 id="survey-notes" className="section__title">
            {t('results.notes')}
          </h2>
          <ul className="survey-notes">
            {data.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}

/** The level above a node: a team's school (or the district for a district-level team), a school's district. */
function upFrom(at: string, main: ReportCell | undefined): string {
  if (at.startsWith('team:') && main?.node.parentId) return `school:${main.node.parentId}`;
  return 'district';
}

function HowToRead({ report, t }: { report: WaveReport; t: SurveysT }) {
  const labels = report.scale.labels;
  return (
    <Notice tone="info" title={t('results.howToRead')}>
      <p>
        {t('results.howTo1', {
          low: `1 ${labels[0] ?? ''}`,
          high: `${report.scale.points} ${labels.at(-1) ?? ''}`,
        })}
      </p>
      <p>{t('results.howTo2')}</p>
    </Notice>
  );
}

function CellSection({
  cell,
  report,
  t,
  level,
  drill,
}: {
  cell: ReportCell;
  report: WaveReport;
  t: SurveysT;
  level: 2 | 3;
  drill: string | null;
}) {
  const { i18n } = useTranslation();
  const headingId = `survey-cell-${cell.node.kind}-${cell.node.id ?? 'district'}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  const kind = t(`results.kind.${cell.node.kind}`);
  return (
    <section
      className={`survey-cell survey-cell--${cell.status}`}
      aria-labelledby={headingId}
      data-testid="survey-cell"
      data-node={`${cell.node.kind}:${cell.node.id ?? ''}`}
      data-status={cell.status}
    >
      <Heading id={headingId} className="section__title survey-cell__title">
        {cell.node.name} <span className="survey-cell__kind">({kind})</span>
      </Heading>
      {cell.status === 'shown' ? (
        <>
          <p className="survey-cell__n">
            <span>{t('results.n', { count: cell.n })}</span>
            {drill ? (
              <Link className="survey-cell__drill survey-noprint" to={drill}>
                {t('results.drill', { name: cell.node.name })}
              </Link>
            ) : null}
          </p>
          <div className="survey-cell__body">
            <ResultsChart
              name={cell.node.name}
              constructs={cell.constructs}
              points={report.scale.points}
              t={t}
            />
            <ResultsTable cell={cell} t={t} language={i18n.language} />
          </div>
          {cell.freeText.length > 0 ? (
            <div className="survey-cell__text">
              <h4 className="subsection__title">{t('results.freeText')}</h4>
              <ul>
                {cell.freeText.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <p className="survey-cell__none" data-testid="survey-cell-none">
          {cell.status === 'suppressed'
            ? t('results.suppressed', { threshold: report.wave.threshold })
            : t('results.empty')}
        </p>
      )}
      {drill && cell.status !== 'shown' ? (
        <p className="survey-noprint">
          <Link to={drill}>{t('results.drill', { name: cell.node.name })}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ResultsTable({
  cell,
  t,
  language,
}: {
  cell: Extract<ReportCell, { status: 'shown' }>;
  t: SurveysT;
  language: string;
}) {
  const num = (value: number) => formatNumber(value, language, 2);
  const showFavourable = cell.constructs.some((c) => c.favourable !== null);
  return (
    <div
      className="survey-table__scroll"
      tabIndex={0}
      role="region"
      aria-label={t('results.tableCaption', { name: cell.node.name, count: cell.n })}
    >
      <table className="survey-table" data-testid="survey-table">
        <caption>{t('results.tableCaption', { name: cell.node.name, count: cell.n })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.construct')}</th>
            <th scope="col">{t('results.mean')}</th>
            <th scope="col">{t('results.interval')}</th>
            <th scope="col">{t('results.alpha')}</th>
            {showFavourable ? <th scope="col">{t('results.favourable')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {cell.constructs.map((c) => (
            <tr key={c.construct} data-construct={c.construct}>
              <th scope="row">{t(`results.constructs.${c.construct}`)}</th>
              <td>{num(c.mean)}</td>
              <td>
                {t('results.intervalValue', {
                  low: num(c.ci95[0] ?? c.mean),
                  high: num(c.ci95[1] ?? c.mean),
                })}
              </td>
              <td>{c.alpha === null ? t('results.alphaNone') : num(c.alpha)}</td>
              {showFavourable ? (
                <td>{c.favourable === null ? '' : formatPercent(c.favourable, language)}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
