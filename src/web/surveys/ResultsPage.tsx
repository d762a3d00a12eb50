/**
 * /surveys/:waveId/results (MEASURE-WEB-5): a closed wave's frozen report at one level (the district by default,
 * then a school, then one of its teams: `?at=`), for all answers or staff or leaders (`?role=`). The level's own
 * group has its count, a chart of each source's average with its 95% interval, the same numbers in a table, and
 * what people wrote, a page at a time (MEASURE-WEB-6); a group held back says so with no numbers; a group nobody
 * in answered says "No responses". The groups under it are one table of their counts and averages by source,
 * each a link to its own report (MEASURE-REPORT-6). The report's notes, a CSV of the same view, and a print
 * layout (surveys.css). In a network (MEASURE-NET-WEB-3): the network, then its cohorts, for all answers only.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { pathFor } from '#contracts/endpoint';
import type { CommentPage, NodeCell, SummaryCell, WaveReport, WaveSummary } from '#contracts/surveys';
import { endpointAtHand } from '../api/catalogue';
import { withQuery } from '../api/client';
import { useSearchParams } from '../shell/navigation';
import { useCurrentNetwork } from '../shell/space';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { ErrorState, LoadingState } from '../ui/States';
import { formatNumber, formatPercent, kindWord } from './format';
import { useSurveysT, type SurveysT } from './i18n';
import { useWaveComments, useWaveReport, useWaves, type ReportRole } from './queries';
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
  // MEASURE-NET-2: a network's wave has one band (a role is a 400 there).
  const inNetwork = useCurrentNetwork() !== null;
  const role = inNetwork ? 'all' : roleOf(params.get('role'));
  const report = useWaveReport(waveId, at, role);
  // MEASURE-WEB-7: offered when another closed wave with the same questions may be read (the earlier by default).
  const waves = useWaves();
  const pair = waves.data ? defaultPair(waves.data.items, waveId, at) : null;

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
  const main = data.cell;
  const children = data.children;
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
          {data.wave.space === 'network' ? null : (
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
          )}
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
        {main ? (
          <CellSection cell={main} report={data} t={t}>
            {main.status === 'shown' && main.comments && main.comments.total > 0 ? (
              <Comments
                key={`${at}|${role}`}
                waveId={waveId}
                at={at}
                role={role}
                first={main.comments}
                t={t}
              />
            ) : null}
          </CellSection>
        ) : null}
        {children.length > 0 ? (
          <GroupsTable
            parent={main?.node.name ?? ''}
            space={data.wave.space}
            cells={children}
            threshold={data.wave.threshold}
            href={(cell) =>
              cell.node.id !== null && (cell.node.kind === 'school' || cell.status === 'shown')
                ? href({ at: `${cell.node.kind}:${cell.node.id}` })
                : null
            }
            t={t}
          />
        ) : null}
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
function upFrom(at: string, main: NodeCell | null): string {
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
  children,
}: {
  cell: NodeCell;
  report: WaveReport;
  t: SurveysT;
  /** What people wrote, under the numbers. */
  children?: ReactNode;
}) {
  const { i18n } = useTranslation();
  const headingId = `survey-cell-${cell.node.kind}-${cell.node.id ?? 'district'}`;
  const kind = kindWord(t, cell.node.kind, report.wave.space);
  return (
    <section
      className={`survey-cell survey-cell--${cell.status}`}
      aria-labelledby={headingId}
      data-testid="survey-cell"
      data-node={`${cell.node.kind}:${cell.node.id ?? ''}`}
      data-status={cell.status}
    >
      <h2 id={headingId} className="section__title survey-cell__title">
        {cell.node.name} <span className="survey-cell__kind">({kind})</span>
      </h2>
      {cell.status === 'shown' ? (
        <>
          <p className="survey-cell__n">{t('results.n', { count: cell.n })}</p>
          <div className="survey-cell__body">
            <ResultsChart
              name={cell.node.name}
              constructs={cell.constructs}
              points={report.scale.points}
              t={t}
            />
            <ResultsTable cell={cell} t={t} language={i18n.language} />
          </div>
          {children}
        </>
      ) : (
        <p className="survey-cell__none" data-testid="survey-cell-none">
          {cell.status === 'suppressed'
            ? t('results.suppressed', { threshold: report.wave.threshold })
            : t('results.empty')}
        </p>
      )}
    </section>
  );
}

/**
 * MEASURE-WEB-6: what people wrote, in the frozen order (by their texts alone), the report's first page and then
 * a page more at each press of "Show more comments": the count says how many of how many are shown (a live
 * region, so it is said), and the focus moves to the first comment the press brought.
 */
function Comments({
  waveId,
  at,
  role,
  first,
  t,
}: {
  waveId: string;
  at: string;
  role: ReportRole;
  first: CommentPage;
  t: SurveysT;
}) {
  const { i18n } = useTranslation();
  const comments = useWaveComments(waveId, at, role, first);
  const items = comments.data.pages.flatMap((p) => p.items);
  const list = useRef<HTMLUListElement>(null);
  /** The index of the first comment the last press asked for, until it has the focus. */
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || items.length <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLLIElement>(':scope > li')[from]?.focus();
  }, [items.length]);
  const count = (n: number) => formatNumber(n, i18n.language, 0);
  return (
    <div className="survey-cell__text" data-testid="survey-comments">
      <h3 className="subsection__title">{t('results.freeText')}</h3>
      <p className="survey-comments__count" role="status">
        {t('results.commentsShowing', { shown: count(items.length), total: count(first.total) })}
      </p>
      <ul ref={list}>
        {items.map((text, index) => (
          <li key={index} tabIndex={-1}>
            {text}
          </li>
        ))}
      </ul>
      {comments.isFetchNextPageError ? (
        <Notice tone="error" role="alert">
          {t('results.commentsError')}
        </Notice>
      ) : null}
      {comments.hasNextPage ? (
        <Button
          className="survey-noprint"
          isPending={comments.isFetchingNextPage}
          onPress={() => {
            focusFrom.current = items.length;
            void comments.fetchNextPage();
          }}
        >
          {t('results.commentsMore')}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * MEASURE-WEB-5: the groups under the level, one row each: its count and its average by source, or why it has
 * none; its name links to its own report (a school's teams, a team's questions and comments).
 */
function GroupsTable({
  parent,
  space,
  cells,
  threshold,
  href,
  t,
}: {
  parent: string;
  space: WaveSummary['space'];
  cells: readonly SummaryCell[];
  threshold: number;
  href: (cell: SummaryCell) => string | null;
  t: SurveysT;
}) {
  const { i18n } = useTranslation();
  const num = (value: number) => formatNumber(value, i18n.language, 2);
  const kind = cells[0]?.node.kind === 'team' ? 'team' : 'school';
  // The sources the shown groups have, in their order (every group of a wave has the same instrument's).
  const constructs = cells.find((c) => c.status === 'shown')?.constructs.map((c) => c.construct) ?? [];
  const network = space === 'network';
  const caption = t(
    kind === 'school'
      ? 'results.schoolsCaption'
      : network
        ? 'results.network.teamsCaption'
        : 'results.teamsCaption',
    { name: parent },
  );
  const headingId = 'survey-groups';
  return (
    <section className="section survey-groups" aria-labelledby={headingId} data-testid="survey-groups">
      <h2 id={headingId} className="section__title">
        {t(kind === 'school' ? 'results.schools' : network ? 'results.network.teams' : 'results.teams')}
      </h2>
      <p className="survey-noprint">
        {t(
          kind === 'school'
            ? 'results.schoolsHint'
            : network
              ? 'results.network.teamsHint'
              : 'results.teamsHint',
        )}
      </p>
      <div className="survey-table__scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="survey-table survey-table--groups">
          {/* Said by the heading and the line above it; on a phone a caption as wide as the table would be cut. */}
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{kindWord(t, kind, space)}</th>
              <th scope="col">{t('results.answers')}</th>
              {constructs.map((c) => (
                <th scope="col" key={c}>
                  {t(`results.constructs.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => {
              const to = href(cell);
              return (
                <tr
                  key={`${cell.node.kind}:${cell.node.id ?? ''}`}
                  data-testid="survey-group"
                  data-node={`${cell.node.kind}:${cell.node.id ?? ''}`}
                  data-status={cell.status}
                >
                  <th scope="row">{to ? <Link to={to}>{cell.node.name}</Link> : cell.node.name}</th>
                  {cell.status === 'shown' ? (
                    <>
                      <td>{formatNumber(cell.n, i18n.language, 0)}</td>
                      {constructs.map((construct) => {
                        const result = cell.constructs.find((c) => c.construct === construct);
                        return <td key={construct}>{result ? num(result.mean) : ''}</td>;
                      })}
                    </>
                  ) : (
                    <td colSpan={constructs.length + 1} className="survey-table__none">
                      {cell.status === 'suppressed'
                        ? t('results.notShown', { threshold })
                        : t('results.empty')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ResultsTable({
  cell,
  t,
  language,
}: {
  cell: Extract<NodeCell, { status: 'shown' }>;
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
